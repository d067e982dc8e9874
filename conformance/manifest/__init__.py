"""The ABI manifest: the single machine-readable source of truth for the ark-ml-v2 host API.

>>> from conformance.manifest import load_manifest
>>> m = load_manifest()
>>> m.import_named("stop_experiment").wat_type()
'(param i64) (result i32)'
"""

from ._load import ManifestError, load_manifest, manifest_from_data, manifest_path, read_raw, schema
from ._model import Api, Clause, Field, FutureKind, Import, Limits, Manifest, Param, Provenance, Struct

__all__ = [
    "Api",
    "Clause",
    "Field",
    "FutureKind",
    "Import",
    "Limits",
    "Manifest",
    "ManifestError",
    "Param",
    "Provenance",
    "Struct",
    "load_manifest",
    "manifest_from_data",
    "manifest_path",
    "read_raw",
    "schema",
]
