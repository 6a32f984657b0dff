#!/usr/bin/env bash
# Installs what the tests need on Debian/Ubuntu: Chromium and a CJK font for the browser tests (without the font
# Chinese renders as boxes), and PostgreSQL, the record's second storage engine (the tests start a throwaway server).
set -euo pipefail
have_pg() { ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; }
if command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -q 'Noto Sans CJK' && have_pg; then
  echo "chromium, fonts-noto-cjk and postgresql are installed"
  exit 0
fi
SUDO=$([ "$(id -u)" -eq 0 ] && echo "" || echo sudo)
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends chromium fonts-noto-cjk fontconfig postgresql
