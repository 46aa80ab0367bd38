#!/usr/bin/env bash
# Executes every notebook headless against the warehouse and writes the executed HTML to build/notebooks/.
# Exits non-zero if any cell errors. Idempotent: the virtual environment (build/notebooks-venv) is reused
# while notebooks/requirements.txt is unchanged, and the warehouse is built only when missing.
#
#   bash notebooks/run.sh            # warehouse: $HMIP_DB, else var/hmip.duckdb (built by ./hmip ingest if missing)
#   HMIP_NOTEBOOKS_GOLD=0 bash notebooks/run.sh   # skip the second run on the gold-extraction warehouse
#
# When the Java test classes are built and shared/corpus/gold sits beside the repository, the notebooks also run
# against a warehouse holding the gold extractions of the sample corpus (build/gold/hmip.duckdb, output in
# build/notebooks/gold/), so the analysis is exercised on full ratings, key questions and recommendations
# even before the structured extractor is wired into ingest.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY="${PYTHON:-python3}"
VENV="$ROOT/build/notebooks-venv"
OUT="$ROOT/build/notebooks"
START=$(date +%s)

say() { echo "notebooks: $*"; }

# 1. virtual environment, rebuilt only when requirements change
STAMP="$VENV/.requirements.sha256"
WANT="$(sha256sum notebooks/requirements.txt | cut -d' ' -f1)"
if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$STAMP" 2>/dev/null)" != "$WANT" ]; then
  say "creating virtual environment in ${VENV#$ROOT/}"
  rm -rf "$VENV"
  "$PY" -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r notebooks/requirements.txt
  "$VENV/bin/python" -m ipykernel install --prefix "$VENV" --name hmip-notebooks \
      --display-name "HMIP notebooks" >/dev/null
  echo "$WANT" > "$STAMP"
fi
export PATH="$VENV/bin:$PATH" HMIP_HOME="$ROOT" MPLCONFIGDIR="$ROOT/build/notebooks-mpl" PYDEVD_DISABLE_FILE_VALIDATION=1
export JUPYTER_PLATFORM_DIRS=1

# 2. the committed .ipynb files must match their sources in notebooks/src
"$VENV/bin/python" notebooks/make_notebooks.py --check

# 3. the launcher's jar and the warehouse
if [ ! -f app/target/hmip.jar ]; then
  say "building the command line (mvn package)"
  mvn -q package -DskipTests
fi
DB="${HMIP_DB:-$ROOT/var/hmip.duckdb}"
if [ ! -f "$DB" ]; then
  say "building the warehouse from the sample corpus: ./hmip ingest --quiet --db $DB"
  set +e
  ./hmip ingest --quiet --db "$DB"
  rc=$?
  set -e
  # 3 = some files failed to parse; the warehouse still holds the others and records the failures
  if [ $rc -ne 0 ] && [ $rc -ne 3 ]; then say "ingest failed ($rc)"; exit $rc; fi
fi

run_all() { # $1 warehouse, $2 output folder
  mkdir -p "$2"
  local failed=0 pids=() nb
  for nb in notebooks/[0-9]*.ipynb; do
    ( HMIP_DB="$1" jupyter nbconvert --to html --execute --log-level=WARN \
        --ExecutePreprocessor.kernel_name=hmip-notebooks --ExecutePreprocessor.timeout=600 \
        --output-dir "$2" "$nb" > "$2/$(basename "$nb" .ipynb).log" 2>&1 \
      || { echo "FAILED $nb against $1 (log: ${2#$ROOT/}/$(basename "$nb" .ipynb).log)"; \
           tail -40 "$2/$(basename "$nb" .ipynb).log"; exit 1; } ) &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || failed=1; done
  return $failed
}

status=0
# the Parquet export of the same warehouse must read back with its row counts, in DuckDB and in pandas
rm -rf "$ROOT/build/export-check"
./hmip export --format parquet --db "$DB" --out "$ROOT/build/export-check" > /dev/null
"$VENV/bin/python" notebooks/check_export.py "$DB" "$ROOT/build/export-check" || status=1

say "executing notebooks against ${DB#$ROOT/}"
run_all "$DB" "$OUT" || status=1

GOLD_DIR="$ROOT/../shared/corpus/gold"
if [ "${HMIP_NOTEBOOKS_GOLD:-1}" != "0" ] && [ -d "$GOLD_DIR" ] \
   && [ -f pipeline/target/test-classes/hmip/trends/GoldWarehouse.class ] && [ -d app/target/lib ]; then
  GOLD_DB="$ROOT/build/gold/hmip.duckdb"
  if [ ! -f "$GOLD_DB" ] || [ -n "$(find "$GOLD_DIR" pipeline/target/classes/hmip/load pipeline/target/test-classes/hmip/trends/GoldWarehouse.class \
            -newer "$GOLD_DB" -print -quit)" ]; then
    say "building the gold-extraction warehouse ${GOLD_DB#$ROOT/}"
    mkdir -p "$(dirname "$GOLD_DB")"
    java -cp "pipeline/target/test-classes:pipeline/target/classes:app/target/lib/*" -Dhmip.root="$ROOT" \
      hmip.trends.GoldWarehouse "$GOLD_DB" 2>&1 | grep -v '^SLF4J' || true
  fi
  say "executing notebooks against ${GOLD_DB#$ROOT/}"
  run_all "$GOLD_DB" "$OUT/gold" || status=1
fi

ELAPSED=$(( $(date +%s) - START ))
if [ $status -ne 0 ]; then say "FAILED after ${ELAPSED}s"; exit 1; fi
say "all notebooks executed without errors in ${ELAPSED}s; HTML in ${OUT#$ROOT/}/"
