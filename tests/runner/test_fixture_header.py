"""Fixture header parsing and linting: every kind of broken header is reported with its file and reason."""

from __future__ import annotations

import pytest

from conformance.runner import FixtureError, discover, load_fixture, parse_header
from conformance.runner._fixture import header_text, parse_bytes_pattern

from .helpers import CORPUS, DATA, example_text, fixture_dir, write_variant


def test_header_is_the_leading_prefixed_lines_only():
    source = ';;@ id = "a"\n;; a plain comment\n;;@ title = "t"\n(module)\n;;@ late = 1\n'
    assert header_text(source) == 'id = "a"\ntitle = "t"'


def test_example_fixture_parses_into_checks_and_hive_assertions():
    fx = load_fixture(DATA / "start_training.success.wat")
    assert fx.id == "start_training.success"
    assert [c.call for c in fx.checks] == ["ml__start_training", "ml__take_future_training_handle"]
    assert fx.hive[0].route == "start" and fx.hive[0].json["num_features"] == 4
    assert fx.hive[0].json_null == ("checkpoint", "worker_module_cid")
    assert len(fx.sha256) == 64


def test_bytes_pattern_wildcards_and_spaces():
    assert parse_bytes_pattern("a5 ?? 00") == (0xA5, None, 0x00)
    with pytest.raises(ValueError, match="odd number"):
        parse_bytes_pattern("a5a")
    with pytest.raises(ValueError, match="neither"):
        parse_bytes_pattern("zz")


def test_missing_header_and_bad_toml_are_reported():
    with pytest.raises(ValueError, match="no `;;@` header"):
        parse_header("(module)")
    with pytest.raises(ValueError, match="not TOML"):
        parse_header(";;@ id = \n(module)")


def _with_teardown(fields: str) -> tuple[str, str]:
    """A (old, new) edit adding a `teardown` header line with ``fields``."""
    return ';;@ expect = "pass"', f';;@ expect = "pass"\n;;@ teardown = {{ {fields} }}'


LINT_CASES = {
    "unknown clause id": (('"ml-v2/start_training/returns-future", ', '"ml-v2/no-such-clause", '), "unknown clause id"),
    "no clauses": (
        (
            'clauses = ["ml-v2/start_training/returns-future", "ml-v2/start_training/hive-request", '
            '"ml-v1/take_future_training_handle/writes-handle"]',
            "clauses = []",
        ),
        "clauses is empty",
    ),
    "unknown scenario": (('scenario = "one-run"', 'scenario = "no-such-scenario"'), "unknown scenario"),
    "bad ErrorCode name": (
        ('code = "Success"\n;;@\n;;@ [[hive]]', 'code = "Sucess"\n;;@\n;;@ [[hive]]'),
        "unknown ErrorCode",
    ),
    "duplicate check id": ((";;@ id = 2\n", ";;@ id = 1\n"), "duplicate check id 1"),
    "unknown call": (('call = "ml__start_training"', 'call = "ml__start_trainingz"'), "unknown call"),
    "check clause not listed": (
        ('clause = "ml-v2/start_training/returns-future"', 'clause = "futures/take/consumes"'),
        "not listed in the fixture's clauses",
    ),
    "bad bytes pattern": (
        ('code = "Success"\n;;@\n;;@ [[check]]', 'code = "Success"\n;;@ bytes = "a5 a"\n;;@\n;;@ [[check]]'),
        "odd number of hex digits",
    ),
    "bad bytes characters": (
        ('code = "Success"\n;;@\n;;@ [[check]]', 'code = "Success"\n;;@ bytes = "a5x"\n;;@\n;;@ [[check]]'),
        "does not match",
    ),
    "unknown hive route": (('route = "start"', 'route = "begin"'), "unknown route"),
    "unknown header key": ((';;@ expect = "pass"', ';;@ expected = "pass"'), "Additional properties"),
    "bad profile": (('profile = "core"', 'profile = "gold"'), "is not one of"),
    "teardown on an unknown route": (
        _with_teardown('route = "begin", held = 1, clause = "hive/request-shape"'),
        "teardown: unknown route",
    ),
    "teardown clause not listed": (
        _with_teardown('route = "start", held = 1, clause = "futures/drop/invalidates"'),
        "teardown: clause",
    ),
    "teardown without held": (
        _with_teardown('route = "start", clause = "hive/request-shape"'),
        "'held' is a required property",
    ),
}


@pytest.mark.parametrize("name", sorted(LINT_CASES))
def test_each_lint_error_is_caught(tmp_path, name):
    (old, new), message = LINT_CASES[name]
    directory = fixture_dir(tmp_path)
    path = write_variant(directory, "start_training.variant", example_text("start_training.variant", ((old, new),)))
    with pytest.raises(FixtureError) as info:
        load_fixture(path)
    assert any(message in p for p in info.value.problems), info.value.problems
    assert all(str(path) in p for p in info.value.problems)


def test_id_must_match_file_name(tmp_path):
    directory = fixture_dir(tmp_path)
    path = write_variant(directory, "other-name", example_text())
    with pytest.raises(FixtureError, match="does not match the file name"):
        load_fixture(path)


def test_invalid_scenario_file_is_reported(tmp_path):
    directory = fixture_dir(tmp_path)
    (directory / "scenarios" / "broken.json").write_text('{"runs": [{"run_id": 5}], "nonsense": true}')
    path = write_variant(directory, "v", example_text("v", (('scenario = "one-run"', 'scenario = "broken"'),)))
    with pytest.raises(FixtureError, match=r"scenario broken\.json is not a valid hive scenario"):
        load_fixture(path)


def test_fixture_that_judges_nothing_is_rejected(tmp_path):
    directory = fixture_dir(tmp_path)
    text = (
        ';;@ id = "empty"\n;;@ title = "t"\n;;@ scenario = "one-run"\n;;@ clauses = ["hive/request-shape"]\n(module)\n'
    )
    path = write_variant(directory, "empty", text)
    with pytest.raises(FixtureError, match="would judge nothing"):
        load_fixture(path)


def test_discover_reports_every_broken_fixture_at_once(tmp_path):
    directory = fixture_dir(tmp_path, "start_training.success")
    write_variant(directory, "a", example_text("a", (('scenario = "one-run"', 'scenario = "nope"'),)))
    write_variant(directory, "b", example_text("b", (('code = "Success"', 'code = "Fine"'),)))
    with pytest.raises(FixtureError) as info:
        discover(directory)
    assert len(info.value.problems) >= 2
    assert {p.split(":")[0].rsplit("/", 1)[-1] for p in info.value.problems} >= {"a.wat", "b.wat"}


def test_the_corpus_lints_clean():
    fixtures = discover(CORPUS)
    assert fixtures
    assert len({f.id for f in fixtures}) == len(fixtures)
