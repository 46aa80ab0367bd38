#!/usr/bin/env bash
# The main job on the bundled sample corpus: build, ingest (warehouse + index), a first search and
# a trend table. Outputs: var/hmip.duckdb (warehouse), var/index (Lucene index).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f app/target/hmip.jar ] || [ -n "${HMIP_REBUILD:-}" ]; then
  echo "== building (mvn package, tests skipped) =="
  mvn -B -q -DskipTests package
fi
echo "== ingest data/reports =="
./hmip ingest --quiet || [ $? -eq 3 ]   # exit 3 = some files failed; they are listed above
echo
echo "== search: domestic abuse backlog =="
./hmip search "domestic abuse backlog" --limit 3
echo
echo "== trend table: ratings by region and year, standard 2.2 Assessment (all tables: ./hmip trends) =="
./hmip trends ratings_by_region_year --standard 2.2
echo
./hmip stats
