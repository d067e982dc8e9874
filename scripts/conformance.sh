#!/usr/bin/env bash
# The main job: a conformance run of the reference host against the embedded hive simulator,
# writing the published compliance report under reports/reference/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ark-conformance manifest --check conformance/manifest/ark-ml-v2.toml
