#!/usr/bin/env bash
# The main job: a conformance run of the reference host against the embedded hive simulator,
# writing the published compliance report under reports/reference/ (results.json, junit.xml, report.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ark-conformance manifest --check conformance/manifest/ark-ml-v2.toml >/dev/null
.venv/bin/ark-conformance coverage --require-error-codes | tail -n 1   # the summary line; a gap fails the job
.venv/bin/ark-conformance run --host reference \
    --expectations conformance/expectations/reference_host.toml \
    --report-dir reports/reference "$@"
# The same host behind the subprocess (JSON-lines) adapter: the path every non-Python host takes.
.venv/bin/ark-conformance run --host "subprocess:.venv/bin/python -m reference_host.serve" \
    --expectations conformance/expectations/reference_host.toml \
    --report-dir reports/reference-subprocess "$@"
