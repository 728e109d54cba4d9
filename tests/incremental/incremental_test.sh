#!/bin/bash
# Incremental builds give the bytes of a full build. The sample content is built into
# public/ (keeping the cache in .congkhai-cache/ beside it), then changed step by step: no
# change, a one-line edit of a plan, an edited progress entry, a new unit, a deleted progress
# file, a deleted unit, a renamed unit and district, the reference date moved
# (SOURCE_DATE_EPOCH), an edited theme template, a page and a plan's JSON deleted from public/
# by hand, files edited in public/ by hand, the spare (the previous output kept in
# .congkhai-cache/public.spare) tampered with. After each step the incremental build of
# public/ must be byte-identical to a full build (--no-cache) of the same content into another
# folder, and the counts the build prints must show that only what depends on the change was
# rendered again, and, once there is a spare, that the files the spare already holds are not
# touched (their change times stay).
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
# "Built N files in public: P pages rendered, R unchanged pages reused; …".
incremental() {
  if ! "$bin" --lang en build --content content --theme theme --out public > build.log 2>&1; then
    echo "incremental build failed:"; cat build.log; failed=1; rendered=-1; reused=-1; return
  fi
  rendered=$(sed -n 's/.*: \([0-9]*\) pages rendered.*/\1/p' build.log)
  reused=$(sed -n 's/.* \([0-9]*\) unchanged pages reused.*/\1/p' build.log)
}
check() {  # step name, then a test of the counts
  local name=$1 condition=$2
  rm -rf full
  if ! "$bin" --lang en build --content content --theme theme --out full --no-cache > full.log 2>&1; then
    echo "$name: full build failed:"; cat full.log; failed=1; return
  fi
  if [ "$(tree_hash public)" = "$(tree_hash full)" ]; then
    echo "$name: same bytes as a full build ($rendered pages rendered, $reused reused)"
  else
    echo "$name: DIFFERENT from a full build"; diff -r public full | head -10; failed=1
  fi
  if ! eval "$condition"; then
    echo "$name: unexpected counts, wanted $condition: $(cat build.log)"; failed=1
  fi
}

incremental
check "first build" '[ "$reused" -eq 0 ] && [ "$rendered" -gt 10 ]'
total=$rendered
[ -d .congkhai-cache ] || { echo "no cache beside the output"; failed=1; }
[ ! -e public/.congkhai-cache ] || { echo "the cache is inside the published site"; failed=1; }

incremental
check "no change" '[ "$rendered" -eq 0 ] && [ "$reused" -eq "$total" ]'
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
check "one-line edit of a plan" '[ "$rendered" -ge 1 ] && [ "$rendered" -le 3 ]'
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
check "deleted progress file" '[ "$rendered" -ge 1 ]'

rm -r content/ha-tinh/huong-son/son-lam-moi
incremental
check "deleted unit" '[ "$rendered" -ge 1 ]'

# A unit renamed, then the district above it: every file that names them changes (the
# plans' JSON and CSV lines give their unit's name), and only those.
sed -i 's/^name: Sơn Lâm$/name: Sơn Lâm Mới/' content/ha-tinh/huong-son/son-lam/unit.yaml
grep -q "Sơn Lâm Mới" content/ha-tinh/huong-son/son-lam/unit.yaml || { echo "the rename did not apply"; failed=1; }
incremental
check "unit renamed" '[ "$rendered" -ge 1 ]'
grep -q "Sơn Lâm Mới" public/ha-tinh/huong-son/son-lam/ke-hoach/2023/ke-hoach.json ||
  { echo "the plan's JSON does not give the new name"; failed=1; }
sed -i 's/^name: Hương Sơn$/name: Hương Sơn Mới/' content/ha-tinh/huong-son/unit.yaml
incremental
check "district renamed" '[ "$rendered" -ge 1 ]'

# The reference date: an earlier one, which leaves out what is dated after it; then one day
# later, which changes nothing in the plan left but the date its data is as of (none of its
# tasks is overdue yet); then back.
export SOURCE_DATE_EPOCH=1681084800  # 2023-04-10
incremental
check "earlier reference date" '[ "$rendered" -ge 1 ]'
export SOURCE_DATE_EPOCH=1681171200  # 2023-04-11
incremental
check "reference date one day later" '[ "$rendered" -ge 1 ]'
grep -q '"as_of":"2023-04-11"' public/ha-tinh/huong-son/son-lam/ke-hoach/2023/ke-hoach.json ||
  { echo "the plan's JSON does not give the new reference date"; failed=1; }
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

# A plan's JSON the cache vouches for, deleted by hand: it was not encoded again, so the
# build starts over with every file made.
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

[ "$failed" -eq 0 ] && echo "incremental builds are byte-identical to full builds"
exit "$failed"
