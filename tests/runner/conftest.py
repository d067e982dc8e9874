"""TEMPORARY (removed once branches `hive` and `host` are merged into main): the runner tests that run
real cases need conformance.hive and reference_host, which are written in parallel on other branches."""

import importlib.util

_MISSING = any(importlib.util.find_spec(name) is None for name in ("conformance.hive", "reference_host.host"))
collect_ignore = (
    [
        "test_adapter_parity.py",
        "test_case_deadlines.py",
        "test_run_command.py",
        "test_run_expectations.py",
        "test_subprocess_host.py",
    ]
    if _MISSING
    else []
)
