#!/usr/bin/env bash
# Make sure a PostgreSQL server answers on 127.0.0.1:5432: start it where it is
# installed, install it (Debian) where it is not.
set -uo pipefail
ready() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }
if command -v pg_isready >/dev/null && ready; then echo "postgres: up"; exit 0; fi
if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
  echo "postgres: installing"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
ver=$(ls /etc/postgresql | sort -V | tail -n1)
pg_ctlcluster --skip-systemctl-redirect "$ver" main start 2>/dev/null || pg_ctlcluster "$ver" main start || true
for _ in $(seq 1 30); do ready && { echo "postgres: started"; exit 0; }; sleep 1; done
echo "postgres: could not be started" >&2
exit 1
