"""Package layout that pyproject.toml cannot express: the corpus ships from the top-level `fixtures_wat/`.

Why a setup.py: `fixtures_wat/` stays the corpus's one source folder, and the wheel carries it as the
package data directory `conformance/_corpus/` (conformance/corpus.py finds it there). Every subfolder
(e.g. `scenarios/`) becomes a data-only subpackage, so new folders ship without editing this file.
All other metadata lives in pyproject.toml.
"""

from setuptools import find_namespace_packages, setup

CORPUS_PACKAGE = "conformance._corpus"
CORPUS_DIR = "fixtures_wat"

corpus_packages = [CORPUS_PACKAGE] + [
    f"{CORPUS_PACKAGE}.{name}" for name in find_namespace_packages(where=CORPUS_DIR, exclude=["*__pycache__*"])
]

setup(
    # Namespace discovery so data-only folders (conformance/schemas, conformance/expectations) are packages too.
    packages=find_namespace_packages(
        include=["conformance", "conformance.*", "reference_host", "reference_host.*"], exclude=["*__pycache__*"]
    )
    + corpus_packages,
    package_dir={CORPUS_PACKAGE: CORPUS_DIR},
    package_data={name: ["*"] for name in corpus_packages},
)
