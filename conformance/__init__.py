"""ark-ml-conformance: conformance suite and reference ABI validator for the ark-ml-v2 host API."""

__version__ = "0.1.0"
