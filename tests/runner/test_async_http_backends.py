"""Which processes keep httpcore from importing trio (`reference_host.without_async_http`).

Only processes that are ours alone may: `ark-conformance run --host reference` started as the command,
and `reference_host.serve`. A `main()` called inside someone's process (a test session, the pytest
plugin) and a run of a user's own Python host must leave trio importable.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from .helpers import CORPUS, ROOT

ONE_FIXTURE = "abi.unaligned-struct-out-pointers"

# Runs the CLI the way the given entry does, then says whether httpcore's trio backend is usable.
PROBE = """
import sys
from conformance import cli
sys.argv = ["ark-conformance", "run", "--host", {host!r}, "-q", "-k", {k!r}, "--fixtures", {fixtures!r}]
code = cli.{entry}()
import httpcore._synchronization as sync
print(code, sync.trio is not None)
"""


def _probe(entry: str, host: str) -> tuple[int, bool]:
    script = PROBE.format(host=host, k=ONE_FIXTURE, fixtures=str(CORPUS), entry=entry)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    code, usable = done.stdout.split()[-2:]
    return int(code), usable == "True"


@pytest.fixture(autouse=True)
def _trio_is_installed() -> None:
    # The test environment installs it (selenium needs it); without it these tests would prove nothing.
    assert importlib.util.find_spec("trio") is not None


def test_the_command_running_the_reference_host_does_without_trio():
    assert _probe("console_main", "reference") == (0, False)


def test_main_called_inside_another_process_leaves_trio_alone():
    assert _probe("main", "reference") == (0, True)


def test_the_command_running_a_users_python_host_leaves_trio_alone():
    assert _probe("console_main", "python:reference_host:ReferenceHost") == (0, True)


def test_a_process_that_already_imported_httpcore_is_left_alone():
    script = (
        "import httpcore, sys\n"
        "from reference_host import without_async_http\n"
        "without_async_http()\n"
        "print(sys.modules.get('trio', 'absent') is not None)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "True", done.stderr
