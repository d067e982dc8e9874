#!/usr/bin/env bash
# The main job: a conformance run of the reference host against the embedded hive simulator,
# writing the published compliance report under reports/reference/ (junit.xml, report.md, report.html).
# The committed files are reproducible (--stable: no timings, timestamp or platform; --seed 1: the same
# case_seed every run), so re-running this leaves `git status` clean; results.json, the run's full record
# with its timings, is written beside them and not committed (.gitignore); `ark-conformance verify` checks it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ark-conformance manifest --check conformance/manifest/ark-ml-v2.toml >/dev/null
.venv/bin/ark-conformance coverage --require-error-codes | tail -n 1   # the summary line; a gap fails the job
.venv/bin/ark-conformance run --host reference \
    --expectations conformance/expectations/reference_host.toml \
    --report-dir reports/reference --stable --seed 1 "$@"
# The same host behind the subprocess (JSON-lines) adapter: the path every non-Python host takes.
.venv/bin/ark-conformance run --host "subprocess:.venv/bin/python -m reference_host.serve" \
    --expectations conformance/expectations/reference_host.toml \
    --report-dir reports/reference-subprocess --stable --seed 1 "$@"
.venv/bin/ark-conformance verify reports/reference/results.json
.venv/bin/ark-conformance verify reports/reference-subprocess/results.json
