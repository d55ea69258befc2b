#!/usr/bin/env bash
# Install the outside programs the tests drive on a fresh Debian machine: the
# distribution's Chromium for the browser tests (the Playwright python package is
# already a test dependency; we never let Playwright download a browser of its own),
# and wrk for the web app's load smoke test.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium fonts-dejavu-core)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
if [ ${#missing[@]} -eq 0 ]; then
    echo "test deps: chromium and wrk are present"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends "${missing[@]}"
echo "test deps: installed ${missing[*]}"
