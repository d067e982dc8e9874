"""Running `ark-conformance run` against a misbehaving host (misbehaving/host.py) and collecting what
a test needs to judge the run: exit code, stderr, the reports and any host process left behind."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shlex
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from tests.processes import still_alive
from tests.runner.helpers import DATA, ROOT, fixture_dir, write_variant

HOST = Path(__file__).resolve().parent / "misbehaving" / "host.py"
FIRST, SECOND = "start_training.port-zero", "start_training.success"
CASE_SECONDS = 1.5  # every gallery case's deadline: short, so hangs cost little
# A hang guard for the whole run (runner and host start-up, hello, two cases, shutdown grace), far above
# what a run needs and far below forever: a run that exceeds it did not keep its deadlines.
RUN_BOUND_SECONDS = 60.0
LEFTOVER_GRACE_SECONDS = 2.5  # for a SIGKILLed host to be torn down: a bound, not a wait (see leftovers)


@dataclass
class GalleryRun:
    exit_code: int
    stderr: str
    results: dict | None
    reports: list[str]
    leftovers: list[int]

    @property
    def outcomes(self) -> list[str]:
        return [case["outcome"] for case in (self.results or {}).get("cases", [])]

    def diagnostic(self, index: int = 0) -> str:
        assert self.results is not None
        return self.results["cases"][index]["diagnostic"]["message"]


def short_deadline_fixtures(tmp_path: Path) -> Path:
    """Two fixtures from the runner's examples, each with a CASE_SECONDS deadline."""
    target = fixture_dir(tmp_path)
    for name in (FIRST, SECOND):
        lines = [ln for ln in (DATA / f"{name}.wat").read_text("utf-8").splitlines() if "timeout_seconds" not in ln]
        lines.insert(1, f";;@ timeout_seconds = {CASE_SECONDS}")  # after the id, before any [[table]]
        write_variant(target, name, "\n".join(lines) + "\n")
    return target


def _alive(pid: int) -> bool:
    """A host process (by its command line, so a reused pid does not count) that is not a zombie."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return str(HOST).encode() in cmdline and state != "Z"


def leftovers(pids_file: Path) -> list[int]:
    """Host pids still alive; the last SIGKILLed ones get up to LEFTOVER_GRACE_SECONDS to be torn down by
    the kernel (waited for by pidfd: no time is lost once they are gone)."""
    pids = [int(p) for p in pids_file.read_text().split()] if pids_file.exists() else []
    return still_alive(lambda: [pid for pid in pids if _alive(pid)], LEFTOVER_GRACE_SECONDS)


def kill_leftovers(pids_file: Path) -> list[int]:
    """The host pids that outlived the run (see `leftovers`), killed so they never leak into the rest of
    the test session, even when the test then fails on them."""
    left = leftovers(pids_file)
    for pid in left:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    return left


def run_gallery(
    tmp_path: Path, mode: str, *, once: bool = True, pattern: str | None = None, own_process: bool = False
) -> GalleryRun:
    """`ark-conformance run` on the two short fixtures against `host.py MODE`: by `cli.main` in this
    process (fast), or with `own_process` as a command in its own session, as a user runs it."""
    fixtures = short_deadline_fixtures(tmp_path)
    reports, pids = tmp_path / "reports", tmp_path / "pids"
    env = {"MISBEHAVING_PIDS": str(pids), "PYTHONPATH": str(ROOT)}
    if once:
        env["MISBEHAVING_ONCE"] = str(tmp_path / "once")
    spec = "subprocess:" + shlex.join([sys.executable, str(HOST), mode])
    args = ["run", "--host", spec, "--fixtures", str(fixtures), "--report-dir", str(reports), "--jobs", "1", "-q"]
    args += ["-k", pattern] if pattern else []
    run = _in_own_process if own_process else _in_this_process
    exit_code, err = run(args, env, tmp_path, mode)
    left = kill_leftovers(pids)
    results_file = reports / "results.json"
    return GalleryRun(
        exit_code=exit_code,
        stderr=err,
        results=json.loads(results_file.read_text()) if results_file.exists() else None,
        reports=sorted(p.name for p in reports.iterdir()) if reports.exists() else [],
        leftovers=left,
    )


def _in_own_process(args: list[str], env: dict[str, str], cwd: Path, mode: str) -> tuple[int, str]:
    argv = [sys.executable, "-m", "conformance", *args]
    proc = subprocess.Popen(
        argv, cwd=cwd, env={**os.environ, **env}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        _, err = proc.communicate(timeout=RUN_BOUND_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise AssertionError(f"run against {mode!r} did not end within {RUN_BOUND_SECONDS:g} s") from None
    return proc.returncode, err.decode("utf-8", "replace")


def _in_this_process(args: list[str], env: dict[str, str], cwd: Path, mode: str) -> tuple[int, str]:
    """`cli.main(args)` with `env` set for the host it starts; the hang guard is a watchdog thread."""
    from conformance.cli import main

    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    err = io.StringIO()
    done = threading.Event()
    watchdog = threading.Thread(target=_watch, args=(done, mode), daemon=True)
    watchdog.start()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            exit_code = main(args)
    finally:
        done.set()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return exit_code, err.getvalue()


def _watch(done: threading.Event, mode: str) -> None:
    """A run that outlives RUN_BOUND_SECONDS has not kept its deadlines: end the test process loudly."""
    if not done.wait(RUN_BOUND_SECONDS):
        sys.__stderr__.write(f"run against {mode!r} did not end within {RUN_BOUND_SECONDS:g} s\n")
        os._exit(70)
