"""Host factories the fuzz command can name with --host (MODULE:FACTORY)."""

from __future__ import annotations

from typing import Any


def reference_host() -> Any:
    """The in-process reference host with a short request timeout (the respx hive answers at once)."""
    from reference_host import HostConfig, ReferenceHost

    return ReferenceHost(HostConfig(request_timeout_seconds=1.0))
