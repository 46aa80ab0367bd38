#!/usr/bin/env bash
# Runs every test: the Maven suite (unit, gold accuracy, ingest, robustness, API and browser tests),
# then builds the sample warehouse and executes the notebooks headless.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp install
if [ -x notebooks/run.sh ] || [ -f notebooks/run.sh ]; then
  HMIP_NOTEBOOKS_GOLD="${HMIP_NOTEBOOKS_GOLD:-0}" bash notebooks/run.sh
fi
