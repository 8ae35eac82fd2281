#!/usr/bin/env bash
# Installs the system packages the test suite needs that pip cannot give:
# Debian's Chromium, for the end-to-end tests in a real browser; Debian's Graphviz, to test
# that exported DOT is drawn by plain `dot -Tsvg` (the toolkit itself draws with the pygraphviz wheel);
# poppler's pdftoppm, to test that merged poster PDFs rasterise.
set -euo pipefail

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/dot ] && [ -x /usr/bin/pdftoppm ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: no apt-get here; install Chromium, Graphviz and poppler-utils yourself, or their tests are skipped" >&2
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "system-deps: not root and no sudo; the browser, plain-Graphviz and pdftoppm tests are skipped" >&2
    exit 0
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium graphviz poppler-utils >/dev/null
