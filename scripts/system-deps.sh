#!/usr/bin/env bash
# Installs the system packages the test suite needs that pip cannot give:
# Debian's Chromium, for the one end-to-end test in a real browser.
# Graphviz itself comes with the pygraphviz wheel, so no system Graphviz is needed.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: no apt-get here; install Chromium yourself, or the browser test is skipped" >&2
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "system-deps: not root and no sudo; the browser test is skipped" >&2
    exit 0
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
