"""Hypothesis profiles for the property tests (registered here, not in a root conftest).

``ci`` (the default) is the gate: derandomized, so every run draws the same examples; a fixed example
budget; no deadline (a loaded CI machine must not turn into flakes); no example database (nothing
persists between runs); too_slow suppressed (the thunk guest's calls are real Wasm calls).
``dev`` is randomized with a bigger budget, for local exploration: HYPOTHESIS_PROFILE=dev.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

CI_MAX_EXAMPLES = 40

settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=CI_MAX_EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile(
    "dev",
    max_examples=500,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
