#!/usr/bin/env bash
# Install what the browser tests need on a fresh Debian machine: the distribution's
# Chromium (the Playwright python package is already a test dependency; we never
# let Playwright download a browser of its own).
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
    echo "browser-deps: /usr/bin/chromium is present"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium fonts-dejavu-core
echo "browser-deps: installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
