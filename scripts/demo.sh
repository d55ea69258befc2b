#!/usr/bin/env bash
# Set everything up, ingest the bundled example corpus into an embedded SQLite
# store (example.db), and print the events found.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
rm -f example.db example.db-wal example.db-shm
# Exit code 6 means "done, some items skipped" (they are listed on stderr).
.venv/bin/missive ingest examples/corpus --db example.db || [ $? -eq 6 ]
.venv/bin/missive events --db example.db
