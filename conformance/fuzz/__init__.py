"""Property-based testing of hosts: manifest-derived strategies, a call-thunk guest, a futures model,
replayable case files and a differential runner (docs/fuzzing.md).

Nothing here names an import or an offset: argument roles, sizes and error codes come from the manifest
(``conformance.manifest``) and from the rules file ``rules.toml`` next to this module.
"""
