"""results.json records the limits a host says it applies, so a reader can tell which caps the cap fixtures met."""

from __future__ import annotations

import json

import pytest

from conformance.cli import main

from .helpers import serve_spec


@pytest.mark.parametrize("spec", ["reference", "subprocess"])
def test_the_hosts_limits_are_in_results_json(spec, tmp_path, capsys):
    out = tmp_path / "results.json"
    host = serve_spec() if spec == "subprocess" else spec
    assert main(["run", "--host", host, "-k", "start_training.success", "-q", "--json", str(out)]) == 0
    limits = json.loads(out.read_text("utf-8"))["host"]["limits"]
    assert limits == {"request_timeout_seconds": 1.0, "max_outstanding_futures": 64, "max_download_bytes": 16777216}
