"""Host factories the fuzz command can name with --host (MODULE:FACTORY), and the subprocess host."""

from __future__ import annotations

from typing import Any

FUZZ_REQUEST_TIMEOUT = 10.0  # seconds; the respx hive answers at once, but a held request (pending-futures
# property) must outlast a loaded machine: a short deadline turned "pending" into "failed" under load


def reference_host(**seams: Any) -> Any:
    """The in-process reference host with a short request timeout (the respx hive answers at once);
    ``seams`` (imports_class, memory_class, table_class, hive_class) build mutants."""
    from reference_host import HostConfig, ReferenceHost

    return ReferenceHost(HostConfig(request_timeout_seconds=FUZZ_REQUEST_TIMEOUT), **seams)


def subprocess_host(spec: str) -> Any:
    """A ``subprocess:COMMAND`` host (conformance.adapters), told the same request timeout; its
    process starts at the first ``instantiate`` and again after a crash, and ``close`` ends its group."""
    from conformance.adapters.subprocess import SubprocessAdapter

    return SubprocessAdapter(spec[len("subprocess:") :], spec=spec, request_timeout=FUZZ_REQUEST_TIMEOUT)
