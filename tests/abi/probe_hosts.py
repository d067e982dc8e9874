"""Hosts for the probe tests, loaded as `python:tests.abi.probe_hosts:CLASS` or behind
`reference_host.serve --host-class`."""

from __future__ import annotations

from conformance.manifest import Import
from reference_host import ReferenceHost


class NoStopHost(ReferenceHost):
    """The reference host without ark-ml-v2::ml__stop_experiment: a guest importing it does not link."""

    name = "no-stop probe host"

    def provided_imports(self) -> tuple[Import, ...]:
        return tuple(imp for imp in super().provided_imports() if imp.field != "ml__stop_experiment")
