#!/bin/sh
# The Debian package, installed as a portal's CI installs it: made from build/ by cpack,
# installed with dpkg (as root, or through sudo), then used from an empty folder to start a
# portal and build it, and to build the sample content; removed afterwards. A machine that
# already has a congkhai package installed is left alone (the step says so and passes).
#
#   tests/package/installed_test.sh SOURCE_DIR
set -eu
src=$(cd "$1" && pwd)
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}
if dpkg-query -W -f='${Status}' congkhai 2>/dev/null | grep -q "install ok installed"; then
  echo "a congkhai package is already installed here: not replacing it"
  exit 0
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/congkhai-installed.XXXXXX")
trap 'as_root dpkg -r congkhai > /dev/null 2>&1 || true; rm -rf "$work"' EXIT
(cd "$src/build" && cpack -G DEB -B "$work/dist") > "$work/cpack.log"
as_root dpkg -i "$work"/dist/congkhai_*.deb
cd "$work"
command -v congkhai
congkhai --version
congkhai new site portal > /dev/null
(cd portal && congkhai check && congkhai build)
cp -r "$src/content" sample
SOURCE_DATE_EPOCH=1735689600 congkhai build --content sample --out sample-site
test -f sample-site/index.html
test -f sample-site/assets/lunr.min.js
test -f sample-site/assets/pako_inflate.min.js
echo "installed with dpkg, the package starts a portal and builds it and the sample"
