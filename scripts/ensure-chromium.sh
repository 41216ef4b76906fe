#!/bin/sh
# Browser tests drive Debian's chromium through Playwright (Playwright's own
# browser download does not work everywhere). Install it where we can.
set -eu
browser="${1:-/usr/bin/chromium}"
[ -x "$browser" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  [ -x "$browser" ] && exit 0
fi
echo "Chromium not found at $browser." >&2
echo "Install it (Debian/Ubuntu: sudo apt-get install -y chromium)," >&2
echo "or point CHROMIUM_PATH at a Chromium or Chrome binary: make test CHROMIUM_PATH=/path/to/chrome" >&2
exit 1
