#!/bin/bash
# package_test.sh BUILD_DIR CONGKHAI SOURCE_DIR VERSION
set -u
build_dir=$1
bin=$(realpath "$2")
source_dir=$3
version=$4
work=$(mktemp -d "${TMPDIR:-/tmp}/congkhai-package.XXXXXX")
trap 'rm -rf "$work"' EXIT
failed=0
fail() { echo "FAIL: $*"; failed=1; }
export SOURCE_DATE_EPOCH=1735689600

(cd "$build_dir" && cpack -G DEB -B "$work/dist") > "$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; exit 1; }
deb="$work/dist/congkhai_${version}_amd64.deb"
[ -f "$deb" ] || { echo "no $deb:"; ls "$work/dist"; exit 1; }
echo "made $(basename "$deb"): $(stat -c %s "$deb") bytes"

# What it holds.
dpkg-deb -c "$deb" | awk '{print $6}' > "$work/contents"
for want in ./usr/bin/congkhai ./usr/share/congkhai/lunr.min.js ./usr/share/congkhai/pako_inflate.min.js \
            ./usr/share/congkhai/themes/default/templates/layout.mustache \
            ./usr/share/congkhai/themes/default/assets/search.js \
            ./usr/share/congkhai/portal/README.md \
            ./usr/share/congkhai/portal/.github/workflows/kiem-tra.yml \
            ./usr/share/congkhai/portal/.github/actions/cai-congkhai/action.yml \
            ./usr/share/doc/congkhai/copyright; do
  grep -qxF "$want" "$work/contents" || fail "the package lacks $want"
done

# It depends on Debian's runtime libraries only, each of them a package this machine has.
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
[ -n "$depends" ] || fail "no Depends (dpkg-shlibdeps did not run?)"
for dep in $(echo "$depends" | tr ',' '\n' | sed 's/[ (].*//;s/^ *//' | grep -v '^$'); do
  dpkg-query -W -f='${Status}' "$dep" 2>/dev/null | grep -q "install ok installed" ||
    fail "depends on $dep, which is not an installed Debian package"
done
case "$depends" in *-dev*) fail "depends on a -dev package: $depends" ;; esac
# The search shards are deflated with zlib: their bytes are those of Debian's zlib1g.
case "$depends" in *zlib1g*) ;; *) fail "does not depend on zlib1g: $depends" ;; esac

# Unpacked elsewhere and run from another folder, it builds the sample as this build does.
dpkg -x "$deb" "$work/root"
installed="$work/root/usr/bin/congkhai"
share="$work/root/usr/share/congkhai"
"$installed" --version | grep -qx "congkhai $version" || fail "--version: $("$installed" --version)"
mkdir -p "$work/site" "$work/ref"
cp -r "$source_dir/content" "$work/site/content"
(cd "$work/site" && "$installed" build --no-cache > build.log 2>&1) || { cat "$work/site/build.log"; fail "the installed binary did not build the sample"; }
(cd "$work/ref" && "$bin" build --no-cache --content "$work/site/content" --out "$work/ref/public" > build.log 2>&1) ||
  fail "the build tree's binary did not build the sample"
if diff -r "$work/site/public" "$work/ref/public" > "$work/diff" 2>&1; then
  echo "the installed binary's site is byte-identical to the build tree's ($(find "$work/site/public" -type f | wc -l) files)"
else
  fail "the installed binary's site differs:"; head -5 "$work/diff"
fi
# The files it uses are those beside it, not the source tree's (which this machine also has).
echo "/* từ gói */" >> "$share/lunr.min.js"
echo "/* từ gói */" >> "$share/pako_inflate.min.js"
echo "/* từ gói */" >> "$share/themes/default/assets/style.css"
(cd "$work/site" && "$installed" build --no-cache --out marked > build.log 2>&1) || fail "the marked build failed"
for f in assets/lunr.min.js assets/pako_inflate.min.js assets/style.css; do
  [ "$(tail -1 "$work/site/marked/$f")" = "/* từ gói */" ] || fail "$f does not come from the package"
done

# Its `new site` finds the portal's starting files.
(cd "$work" && "$installed" new site portal --package-url https://example.org/congkhai.deb \
   --package-sha256 "$(printf '%064d' 0)" > new.log 2>&1) || { cat "$work/new.log"; fail "new site failed"; }
[ -f "$work/portal/.github/workflows/trien-khai.yml" ] || fail "new site wrote no workflow"
(cd "$work/portal" && "$installed" build > build.log 2>&1) || fail "the new portal does not build"

[ "$failed" -eq 0 ] && echo "the package is complete and works from anywhere"
exit "$failed"
