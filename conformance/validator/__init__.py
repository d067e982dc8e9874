"""Static guest validator and host link probe, both driven by the manifest.

>>> from conformance.validator import validate_guest
>>> report = validate_guest("tests/data/guests/import_all.wat")
>>> report.valid, report.required_apis
(True, ('ml-v2', 'ml-v1'))
"""

from ._guest import read_guest, validate_guest, validate_interface
from ._guests import guest_wat, import_all_wat
from ._probe import Incompatible, probe_host, provided_by_guest
from ._reference import HostUnavailable, provided_by_adapter, provided_by_linking, provided_by_reference_host
from ._report import Finding, ImportStatus, ProbeEntry, ProbeReport, ValidationReport

__all__ = [
    "Finding",
    "HostUnavailable",
    "ImportStatus",
    "Incompatible",
    "ProbeEntry",
    "ProbeReport",
    "ValidationReport",
    "guest_wat",
    "import_all_wat",
    "probe_host",
    "provided_by_adapter",
    "provided_by_guest",
    "provided_by_linking",
    "provided_by_reference_host",
    "read_guest",
    "validate_guest",
    "validate_interface",
]
