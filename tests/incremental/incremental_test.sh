#!/bin/bash
# Incremental builds give the bytes of a full build. The sample content is built into
# public/ (keeping the cache in .congkhai-cache/ beside it), then changed step by step: no
# change, a one-line edit of a plan, an edited progress entry, a new unit, a deleted progress
# file, an evidence file changed, a deleted unit, a renamed unit and district, a feedback
# address set in a province's unit.yaml, the reference date moved (SOURCE_DATE_EPOCH), an
# edited theme template, a page and a plan's JSON deleted from public/ by hand, files edited
# in public/ by hand, the spare (the previous output kept in .congkhai-cache/public.spare)
# tampered with, the output and its cache restored elsewhere
# as CI's cache restores them (tar into a fresh folder: new inodes and times), then a file
# edited in that restored output, pieces of the cache of parsed content files cut short,
# damaged, removed, put under another piece's name, replaced by a piece written for another
# content folder, and a stale piece added.
# After each step the incremental build of public/ must be byte-identical to a full build
# (--no-cache) of the same content into another folder and print the same warnings, and the
# counts the build prints must show that only what depends on the change was rendered again,
# only the changed files parsed again, and, once there is a spare, that the files the spare
# already holds are not touched (their change times stay).
#
#   incremental_test.sh CONGKHAI SOURCE_DIR
set -u
bin=$(realpath "$1")
source_dir=$(realpath "$2")
work=$(mktemp -d "${TMPDIR:-/tmp}/congkhai-incremental.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export SOURCE_DATE_EPOCH=1735689600
failed=0

tree_hash() {
  (cd "$1" && find . -printf '%y %m %s %p -> %l\n' | LC_ALL=C sort &&
    find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum) | sha256sum | cut -d' ' -f1
}

cp -r "$source_dir/content" content
mkdir -p theme/templates
cp "$source_dir/themes/default/templates/plan.mustache" theme/templates/

# Sets `rendered` and `reused` from the build's summary line (--lang en):
# "Built N files in public: P pages rendered, R unchanged pages reused; …", and `parsed` and
# `from_cache` from its --timings line "N content files parsed, M unchanged ones taken from
# the cache".
incremental() {  # [folder holding the output, default .]
  local at=${1:-.}
  if ! (cd "$at" && "$bin" --lang en build --content "$work/content" --theme "$work/theme" --out public --timings) > build.log 2>&1; then
    echo "incremental build failed:"; cat build.log; failed=1; rendered=-1; reused=-1; parsed=-1; from_cache=-1; return
  fi
  rendered=$(sed -n 's/.*: \([0-9]*\) pages rendered.*/\1/p' build.log)
  reused=$(sed -n 's/.* \([0-9]*\) unchanged pages reused.*/\1/p' build.log)
  parsed=$(sed -n 's/.* \([0-9]*\) content files parsed.*/\1/p' build.log)
  from_cache=$(sed -n 's/.* \([0-9]*\) unchanged ones taken from the cache.*/\1/p' build.log)
}
# The diagnostics a build printed, their paths as the full build prints them.
diagnostics() { grep -aE '^[^[:space:]][^:]*:[0-9]+:[0-9]+: ' "$1" | sed "s|^$work/||"; }
check() {  # step name, a test of the counts, [the output, default public]
  local name=$1 condition=$2
  rm -rf full
  if ! "$bin" --lang en build --content content --theme theme --out full --no-cache > full.log 2>&1; then
    echo "$name: full build failed:"; cat full.log; failed=1; return
  fi
  if [ "$(tree_hash "${3:-public}")" = "$(tree_hash full)" ]; then
    echo "$name: same bytes as a full build ($rendered pages rendered, $reused reused;" \
      "$parsed files parsed, $from_cache from the cache)"
  else
    echo "$name: DIFFERENT from a full build"; diff -r public full | head -10; failed=1
  fi
  if [ "$(diagnostics build.log)" != "$(diagnostics full.log)" ]; then
    echo "$name: other warnings than a full build's:"; diff <(diagnostics build.log) <(diagnostics full.log); failed=1
  fi
  if ! eval "$condition"; then
    echo "$name: unexpected counts, wanted $condition: $(cat build.log)"; failed=1
  fi
}

incremental
check "first build" '[ "$reused" -eq 0 ] && [ "$rendered" -gt 10 ] && [ "$from_cache" -eq 0 ]'
total=$rendered
files=$parsed
[ -d .congkhai-cache ] || { echo "no cache beside the output"; failed=1; }
[ ! -e public/.congkhai-cache ] || { echo "the cache is inside the published site"; failed=1; }
[ -d .congkhai-cache/public.parsed ] && [ -n "$(ls .congkhai-cache/public.parsed)" ] || { echo "no cache of parsed files beside the output"; failed=1; }
[ ! -e .congkhai-cache/full.parsed ] || { echo "--no-cache kept a cache of parsed files"; failed=1; }

# A warning in a plan (a tab pasted into a task's cell): printed by every build, whether the
# plan was parsed or taken from the cache.
plan=content/ha-tinh/huong-son/son-lam/plans/2023.md
sed -i '0,/^\( *task: Xây dựng\) Kế hoạch hoạt động/s//\1\tKế hoạch hoạt động/' "$plan"
grep -qP '^ *task: Xây dựng\tKế hoạch hoạt động' "$plan" || { echo "the tab was not put in"; failed=1; }
incremental
check "a warning" '[ "$parsed" -eq 1 ] && [ "$from_cache" -eq $((files - 1)) ]'
grep -q "warning\|cảnh báo" build.log || { echo "no warning printed: $(cat build.log)"; failed=1; }

incremental
check "no change" '[ "$rendered" -eq 0 ] && [ "$reused" -eq "$total" ] && [ "$parsed" -eq 0 ]'
grep -q "warning\|cảnh báo" build.log || { echo "the warning was not printed again from the cache"; failed=1; }
spare=.congkhai-cache/public.spare
[ -d "$spare" ] || { echo "no spare after a rebuild"; failed=1; }
[ ! -e public/.congkhai-cache ] && [ ! -e public/public.spare ] || { echo "the spare is inside the published site"; failed=1; }
incremental
check "no change, from the spare" '[ "$rendered" -eq 0 ] && grep -q " 0 files written" build.log'

# An unchanged file is left as it is, neither written nor linked again: its change time stays.
kept=$(find public -name '*.css' | LC_ALL=C sort | head -1)
kept_ctime=$(stat -c %z "$kept")

plan=content/ha-tinh/huong-son/son-lam/plans/2023.md
sed -i 's/^\(  text: Kế hoạch số 27\/.*\)năm 2023 trên địa bàn/\1năm 2023 (đã sửa) trên địa bàn/' "$plan"
grep -q "(đã sửa)" "$plan" || { echo "the edit did not apply"; failed=1; }
incremental
# The plan's page, its commune's page, the district's and the province's (which count its
# tasks), the home page and the open-data page (which gives the size of the plan's JSON); no other.
check "one-line edit of a plan" '[ "$rendered" -ge 1 ] && [ "$rendered" -le 6 ] && [ "$parsed" -eq 1 ]'
grep -rq "(đã sửa)" public/ha-tinh/huong-son/son-lam || { echo "the edited text is not on the page"; failed=1; }
[ "$(stat -c %z "$kept")" = "$kept_ctime" ] || { echo "an unchanged file was touched: $kept"; failed=1; }

# A progress entry's percent: the plan's JSON and its unit's CSV pieces, made from it, change.
record=content/ha-tinh/huong-son/son-lam/progress/2023-q3.yaml
sed -i '0,/^    percent: 70$/s//    percent: 72/' "$record"
grep -q "percent: 72" "$record" || { echo "the progress edit did not apply"; failed=1; }
incremental
check "progress entry edited" '[ "$rendered" -ge 1 ] && [ "$rendered" -lt "$total" ]'

cp -r content/ha-tinh/huong-son/son-lam content/ha-tinh/huong-son/son-lam-moi
incremental
check "new unit" '[ "$rendered" -ge 3 ] && [ "$rendered" -lt $((total + 3)) ]'

rm content/ha-tinh/huong-son/son-lam-moi/progress/2023-q3.yaml
incremental
check "deleted progress file" '[ "$rendered" -ge 1 ] && [ "$parsed" -eq 0 ]'

# An evidence file a record names, changed: the record is parsed again (the file's size is in
# its model), the other files are not.
evidence=$(grep -rh -m1 '^ *file: ' content/ha-tinh/huong-son/son-lam/progress/*.yaml | head -1 | sed 's/^ *file: *//')
record=$(grep -rl -m1 "file: $evidence" content/ha-tinh/huong-son/son-lam/progress/*.yaml | head -1)
echo " (thêm)" >> "$(dirname "$record")/$evidence"
incremental
check "changed evidence file" '[ "$parsed" -ge 1 ] && [ "$parsed" -le 2 ]'

rm -r content/ha-tinh/huong-son/son-lam-moi
incremental
check "deleted unit" '[ "$rendered" -ge 1 ]'

# A unit renamed, then the district above it: every file that names them changes (the
# units' JSON and CSV lines give their unit's name), and only those.
sed -i 's/^name: Sơn Lâm$/name: Sơn Lâm Mới/' content/ha-tinh/huong-son/son-lam/unit.yaml
grep -q "Sơn Lâm Mới" content/ha-tinh/huong-son/son-lam/unit.yaml || { echo "the rename did not apply"; failed=1; }
incremental
check "unit renamed" '[ "$rendered" -ge 1 ]'
grep -q "Sơn Lâm Mới" public/ha-tinh/huong-son/son-lam/du-lieu/ke-hoach.json ||
  { echo "the unit's JSON does not give the new name"; failed=1; }
sed -i 's/^name: Hương Sơn$/name: Hương Sơn Mới/' content/ha-tinh/huong-son/unit.yaml
incremental
check "district renamed" '[ "$rendered" -ge 1 ]'

# A feedback address set in the province's unit.yaml: every page below it whose own units
# give none ("report a problem") changes, plan pages too, though no plan changed.
echo "feedback: gopy@hatinh.gov.vn" >> content/ha-tinh/unit.yaml
incremental
check "province's feedback address" '[ "$rendered" -ge 3 ] && [ "$rendered" -lt "$total" ]'
grep -q "mailto:gopy@hatinh.gov.vn" public/ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html ||
  { echo "the plan's page does not give the province's feedback address"; failed=1; }

# The reference date: an earlier one, which leaves out what is dated after it; then one day
# later, which changes nothing in the plan left but the date its data is as of (none of its
# tasks is overdue yet); then back.
export SOURCE_DATE_EPOCH=1681084800  # 2023-04-10
incremental
check "earlier reference date" '[ "$rendered" -ge 1 ]'
export SOURCE_DATE_EPOCH=1681171200  # 2023-04-11
incremental
check "reference date one day later" '[ "$rendered" -ge 1 ]'
grep -q '"as_of":"2023-04-11"' public/ha-tinh/huong-son/son-lam/du-lieu/ke-hoach.json ||
  { echo "the unit's JSON does not give the new reference date"; failed=1; }
export SOURCE_DATE_EPOCH=1735689600
incremental
check "reference date back" '[ "$rendered" -ge 1 ]'

echo '<!-- sửa mẫu -->' >> theme/templates/plan.mustache
incremental
check "edited template" '[ "$rendered" -eq "$total" ]'

# A page the cache vouches for, deleted by hand from the output: a full render instead.
rm "$(find public -name index.html | LC_ALL=C sort | tail -1)"
incremental
check "file deleted from the output" '[ "$rendered" -eq "$total" ]'

# A unit's JSON of its plans the cache vouches for, deleted by hand: it was not encoded
# again, so the build starts over with every file made.
rm "$(find public -name ke-hoach.json | LC_ALL=C sort | head -1)"
incremental
check "plan data deleted from the output" '[ "$rendered" -eq "$total" ]'

# Published files edited in place by hand (sizes kept, times set back): never carried over.
page=$(find public -name index.html | LC_ALL=C sort | head -1)
data=$(find public -name '*.csv' | LC_ALL=C sort | head -1)
for f in "$page" "$data"; do
  stamp=$(stat -c %y "$f")
  printf 'X' | dd of="$f" bs=1 seek=0 conv=notrunc status=none
  touch -d "$stamp" "$f"
done
incremental
check "files edited in the output" '[ "$rendered" -eq "$total" ]'

# The spare changed by hand (a file added, a link planted): it is not used, and nothing it
# points to is touched.
incremental
mkdir -p outside && echo precious > outside/keep.html
[ -d "$spare" ] || { echo "no spare to tamper with"; failed=1; }
echo extra > "$spare/extra.html"
ln -s "$work/outside" "$spare/outside-link"
incremental
check "spare changed by hand" '[ "$rendered" -eq 0 ]'
[ "$(cat outside/keep.html)" = precious ] && [ "$(ls outside)" = keep.html ] || { echo "the link in the spare was followed"; failed=1; }
[ ! -e "$spare/extra.html" ] || { echo "the tampered spare was kept"; failed=1; }

# Restored elsewhere as CI's cache restores them (actions/cache: a tar of public/ and the
# cache file, not the spare): every file has a new inode and new times, but the marker holds
# the output's digest, so the pages are reused (each file hashed again before it is trusted).
mkdir ci && tar cf - public .congkhai-cache/public | tar xf - -C ci
[ "$(stat -c %i public/.congkhai-output)" != "$(stat -c %i ci/public/.congkhai-output)" ] || { echo "the restore kept the inodes"; failed=1; }
incremental ci
check "restored elsewhere" '[ "$rendered" -eq 0 ] && [ "$reused" -eq "$total" ]' ci/public
rm -rf ci && mkdir ci && tar cf - public .congkhai-cache/public | tar xf - -C ci
sed -i 's/(đã sửa)/(sửa lần hai)/' "$plan"
incremental ci
check "restored, then a one-line edit" '[ "$rendered" -ge 1 ] && [ "$rendered" -le 6 ]' ci/public
# A file edited by hand in the restored output is written again: its bytes are hashed.
css=$(cd ci && find public -name '*.css' | LC_ALL=C sort | head -1)
printf 'X' | dd of="ci/$css" bs=1 seek=0 conv=notrunc status=none
incremental ci
check "restored, a file edited in it" '[ "$rendered" -eq 0 ]' ci/public
cmp -s "ci/$css" "full/${css#public/}" || { echo "the edited file in the restored output was kept"; failed=1; }

# Pieces of the cache of parsed files cut short, damaged, removed, taken from another
# content folder's cache, moved under another piece's name: each costs the files of its
# piece, which are parsed again, and no more; a stale extra piece is removed.
pieces=.congkhai-cache/public.parsed
first_piece=$(ls "$pieces" | LC_ALL=C sort | sed -n 1p)
second_piece=$(ls "$pieces" | LC_ALL=C sort | sed -n 2p)
[ -n "$second_piece" ] || { echo "the cache of parsed files is in one piece"; failed=1; }
damaged() {  # step name: the build after damage to $first_piece parses some files, not all
  incremental
  check "$1" '[ "$parsed" -gt 0 ] && [ "$parsed" -lt "$files" ] && [ "$((parsed + from_cache))" -eq "$files" ]'
  incremental
  check "$1, then built again" '[ "$parsed" -eq 0 ]'
}
head -c 100 "$pieces/$first_piece" > cut && mv cut "$pieces/$first_piece"
damaged "a piece of the parsed-file cache cut short"
# One byte in the middle of the piece, its bits inverted: a byte set to a fixed value could
# already hold it (a piece's hashes and stamps differ from run to run).
middle=$(($(stat -c %s "$pieces/$first_piece") / 2))
byte=$(od -An -tu1 -j "$middle" -N1 "$pieces/$first_piece" | tr -d ' ')
printf "$(printf '\\%03o' $((255 - byte)))" | dd of="$pieces/$first_piece" bs=1 seek="$middle" conv=notrunc status=none
damaged "a piece of the parsed-file cache damaged"
rm "$pieces/$first_piece"
damaged "a piece of the parsed-file cache removed"
cp "$pieces/$second_piece" "$pieces/$first_piece"
damaged "a piece of the parsed-file cache under another piece's name"
mkdir other && cp -r content other/content
"$bin" build --content other/content --theme theme --out other/public > other.log 2>&1 || { cat other.log; failed=1; }
first_piece=$(comm -12 <(ls "$pieces" | LC_ALL=C sort) <(ls other/.congkhai-cache/public.parsed | LC_ALL=C sort) | sed -n 1p)
[ -n "$first_piece" ] || { echo "no piece of the same name in the two folders' caches"; failed=1; }
cp "other/.congkhai-cache/public.parsed/$first_piece" "$pieces/$first_piece"
damaged "a piece of the parsed-file cache made for another content folder"
rm -rf other
echo stale > "$pieces/99"
echo stale > "$pieces/$first_piece.next-12345"
incremental
check "a stale piece beside the parsed-file cache" '[ "$parsed" -eq 0 ]'
[ "$(ls "$pieces" | grep -cv '^[0-9][0-9]$')" -eq 0 ] && [ ! -e "$pieces/99" ] || { echo "stale pieces were left: $(ls "$pieces")"; failed=1; }
# A cache of parsed files of the older format, one file: removed, every file parsed.
rm -rf "$pieces" && echo "congkhai-parsed" > "$pieces"
incremental
check "a parsed-file cache of the older format" '[ "$from_cache" -eq 0 ]'
[ -d "$pieces" ] || { echo "the older cache was not replaced by pieces"; failed=1; }

# --no-cache removes it.
"$bin" --lang en build --content content --theme theme --out public --no-cache > build.log 2>&1 || {
  echo "--no-cache build failed"; cat build.log; failed=1; }
[ ! -e .congkhai-cache/public.parsed ] || { echo "--no-cache left the cache of parsed files"; failed=1; }

[ "$failed" -eq 0 ] && echo "incremental builds are byte-identical to full builds"
exit "$failed"
