#!/bin/bash
# The same content and reference date give the same bytes: builds of the sample content
# under different time zones, locales, folder orders (the content copied in reverse creation
# order), content paths (relative, absolute) and, when the binary has --jobs, thread counts
# (1, 3 and every core) are compared byte for byte. Then a later SOURCE_DATE_EPOCH must change the statuses:
# overdue tasks appear.
#
#   determinism_test.sh CONGKHAI SOURCE_DIR
set -u
bin=$(realpath "$1")
source_dir=$(realpath "$2")
work=$(mktemp -d "${TMPDIR:-/tmp}/congkhai-determinism.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
failed=0

tree_hash() {
  (cd "$1" && find . -printf '%y %m %s %p -> %l\n' | LC_ALL=C sort &&
    find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum) | sha256sum | cut -d' ' -f1
}

# The Vietnamese and American locales are compiled here when the system lacks them (no root
# needed: LOCPATH points the C library at them).
locales=()
for l in vi_VN en_US; do
  if locale -a 2> /dev/null | grep -qix "$l.utf-\?8"; then
    locales+=("$l.UTF-8")
  elif command -v localedef > /dev/null && [ -f "/usr/share/i18n/locales/$l" ] &&
    localedef -i "$l" -f UTF-8 "$work/locales/$l.UTF-8" > /dev/null 2>&1; then
    locales+=("$l.UTF-8")
  else
    echo "note: locale $l.UTF-8 unavailable, built with C.UTF-8 instead"
    locales+=(C.UTF-8)
  fi
done
[ -d "$work/locales" ] && export LOCPATH="$work/locales"

# Content copied twice: in order, and in reverse creation order (so that directory listings
# come back in another order on most file systems).
mkdir -p forward reverse
cp -r "$source_dir/content" forward/
(cd "$source_dir" && find content -type d | LC_ALL=C sort -r) | while read -r d; do mkdir -p "reverse/$d"; done
(cd "$source_dir" && find content -type f | LC_ALL=C sort -r) | while read -r f; do cp "$source_dir/$f" "reverse/$f"; done

jobs_flag=() jobs_many=()
"$bin" build --help 2>&1 | grep -q -- '--jobs' && jobs_flag=(--jobs 1) jobs_many=(--jobs 3)

# 2025-01-01T00:00:00Z: still 31 December 2024 west of Greenwich, so a build that read the
# epoch in local time would show another date.
epoch=1735689600
build() {  # name, content dir (cwd), --content argument, env…, -- extra arguments
  local name=$1 dir=$2 content=$3
  shift 3
  local envs=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do envs+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  if ! (cd "$dir" && env -i PATH="$PATH" ${LOCPATH:+LOCPATH=$LOCPATH} "${envs[@]}" \
    "$bin" build --content "$content" --out "$work/out/$name" "$@") > "$work/$name.log" 2>&1; then
    echo "build $name failed:"; cat "$work/$name.log"; failed=1
  fi
}
build utc-c forward content SOURCE_DATE_EPOCH=$epoch TZ=UTC LC_ALL=C
build saigon-vi reverse "$work/reverse/content" SOURCE_DATE_EPOCH=$epoch TZ=Asia/Ho_Chi_Minh \
  LANG="${locales[0]}" LC_ALL="${locales[0]}" -- "${jobs_many[@]}"
build la-en forward content SOURCE_DATE_EPOCH=$epoch TZ=America/Los_Angeles LANG="${locales[1]}" \
  LC_ALL="${locales[1]}" -- "${jobs_flag[@]}"
build kiritimati-c reverse content SOURCE_DATE_EPOCH=$epoch TZ=Pacific/Kiritimati LANG=C.UTF-8

reference=$(tree_hash out/utc-c)
for name in saigon-vi la-en kiritimati-c; do
  [ -d "out/$name" ] || continue
  if [ "$(tree_hash "out/$name")" = "$reference" ]; then
    echo "same bytes: utc-c and $name"
  else
    echo "DIFFERENT: utc-c and $name"
    diff -r "out/utc-c" "out/$name" | head -20
    failed=1
  fi
done
[ ${#jobs_flag[@]} -gt 0 ] || echo "note: no --jobs option; serial and parallel rendering not compared"

# A later reference date changes statuses: tasks due before it become overdue.
overdue() { grep -rho 'class="tag tag--overdue"' "$1" | wc -l; }
build early forward content SOURCE_DATE_EPOCH=1672531200   # 2023-01-01
build late forward content SOURCE_DATE_EPOCH=1830297600    # 2028-01-01
early=$(overdue out/early)
late=$(overdue out/late)
echo "overdue marks: $early as of 2023-01-01, $late as of 2028-01-01"
if [ "$late" -le "$early" ] || [ "$(tree_hash out/early)" = "$(tree_hash out/late)" ]; then
  echo "a later SOURCE_DATE_EPOCH did not make tasks overdue"; failed=1
fi
[ "$failed" -eq 0 ] && echo "builds are byte-identical"
exit "$failed"
