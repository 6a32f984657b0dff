#!/usr/bin/env bash
# Installs what the browser tests need on Debian/Ubuntu: Chromium and a CJK font (without it Chinese renders as boxes).
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -q 'Noto Sans CJK'; then
  echo "chromium and fonts-noto-cjk are installed"
  exit 0
fi
SUDO=$([ "$(id -u)" -eq 0 ] && echo "" || echo sudo)
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends chromium fonts-noto-cjk fontconfig
