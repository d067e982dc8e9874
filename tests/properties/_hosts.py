"""Host factories for the property tests: the reference host with a short request timeout."""

from __future__ import annotations

from reference_host import HostConfig, ReferenceHost


def reference_host(**seams) -> ReferenceHost:
    """The reference host (``seams``: imports_class / memory_class / table_class for mutants)."""
    return ReferenceHost(HostConfig(request_timeout_seconds=1.0), **seams)
