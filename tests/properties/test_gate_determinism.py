"""The CI profile makes the gate deterministic: two runs draw exactly the same examples."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from conformance.fuzz.strategies import FuzzContext, call_plans

from ._helpers import MEM, imp
from .conftest import CI_MAX_EXAMPLES

CTX = FuzzContext(MEM, "hive.test", 8080, ("run-1",))


def _drawn(profile: settings) -> list:
    seen = []

    @settings(profile, max_examples=25)
    @given(call_plans(imp("start_training_from_checkpoint"), CTX))
    def prop(plan):
        seen.append(plan)

    prop()
    return seen


def test_two_runs_under_the_ci_profile_draw_the_same_examples():
    ci = settings.get_profile("ci")
    first, second = _drawn(ci), _drawn(ci)
    assert len(first) > 1 and first == second


def test_the_comparison_can_fail_without_derandomize():
    free = settings(settings.get_profile("ci"), derandomize=False)
    assert _drawn(free) != _drawn(free)


def test_ci_profile_settings():
    ci = settings.get_profile("ci")
    assert ci.derandomize and ci.database is None and ci.deadline is None
    assert ci.max_examples == CI_MAX_EXAMPLES and HealthCheck.too_slow in ci.suppress_health_check
