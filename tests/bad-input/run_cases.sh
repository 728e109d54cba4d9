#!/bin/bash
# The bad-input suite. Every folder under cases/ holds a content folder (and, for what cannot
# be committed, a `setup` script run in a copy of the case before the build: big files,
# links, bytes that editors would "fix"). `congkhai build` runs on it over an existing site,
# and must:
#   - exit 1 and print every line of `expected` (each a prefix of one diagnostic line, paths
#     relative to the case folder), and no other diagnostic; or exit 0 when `expected` is "ok"
#     (lines after "ok" are the warnings it must print, and no other); a line holding
#     ": cảnh báo: " is a warning, counted apart from the problems;
#   - not crash, finish within the time limit and stay within the memory limit;
#   - leave the existing public/ byte-for-byte as it was, and no temporary folder beside it;
#   - and `congkhai check` on the same content must exit as build did and print the same
#     diagnostics: check finds every problem build finds.
#   - and `congkhai check --lang en` must print every message and hint in English: no
#     Vietnamese letter outside quotes ("…", '…', `…`) and the source line excerpts.
#
#   run_cases.sh CONGKHAI [NAME-PATTERN]     e.g. run_cases.sh build/congkhai 'symlink-*'
#
# CONGKHAI_CASE_TIMEOUT: seconds per case (default 20); CONGKHAI_CASE_MEMORY: KiB of virtual
# memory (default 2097152 = 2 GiB; 0 for no limit, as AddressSanitizer needs).
# CONGKHAI_CASE_WARM=1: each case is built with a warm cache of parsed files: the good site's
# (its files that the case leaves unchanged are taken from it) and, for a case that builds, its
# own, from a first build, so that every diagnostic it must print comes from the cache.
set -u
here=$(cd "$(dirname "$0")" && pwd)
bin=$(realpath "$1")
pattern=${2:-*}
timeout_s=${CONGKHAI_CASE_TIMEOUT:-20}
memory_kb=${CONGKHAI_CASE_MEMORY:-2097152}
work=$(mktemp -d "${TMPDIR:-/tmp}/congkhai-bad-input.XXXXXX")
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1735689600 LC_ALL=C.UTF-8 TZ=UTC
unset GITHUB_ACTIONS

# Everything about a tree that a reader could notice: names, types, modes, sizes, link
# targets and file contents.
tree_hash() {
  (cd "$1" && find . -printf '%y %m %s %p -> %l\n' | LC_ALL=C sort &&
    find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum) | sha256sum | cut -d' ' -f1
}

# The site every case starts from.
mkdir -p "$work/good"
cp -r "$here/good/content" "$work/good/"
if ! (cd "$work/good" && "$bin" build --content content --out public) > "$work/good/output" 2>&1; then
  echo "the good site does not build:"; cat "$work/good/output"; exit 1
fi

failed=0
passed=0
suite_start=$(date +%s%N)
for case in "$here"/cases/$pattern/; do
  case=${case%/}
  name=$(basename "$case")
  dir="$work/cases/$name"
  mkdir -p "$dir"
  problems=()
  [ -d "$case/content" ] && cp -a "$case/content" "$dir/"
  cp -a "$work/good/public" "$dir/public"
  if [ -f "$case/setup" ] && ! (cd "$dir" && bash -e "$case/setup") > "$dir/setup.log" 2>&1; then
    problems+=("setup failed: $(cat "$dir/setup.log")")
  fi
  if [ -n "${CONGKHAI_CASE_WARM:-}" ]; then
    cp -a "$work/good/.congkhai-cache" "$dir/"
    if [ "$(head -1 "$case/expected" 2>/dev/null)" = ok ]; then
      (
        cd "$dir" || exit 99
        if [ "$memory_kb" != 0 ]; then ulimit -v "$memory_kb"; fi
        exec timeout -k 2 "$timeout_s" "$bin" build --content content --out public
      ) > "$dir/warm-output" 2>&1 || problems+=("the build warming the cache failed: $(head -5 "$dir/warm-output")")
      [ -d "$dir/.congkhai-cache/public.parsed" ] || problems+=("no cache of parsed files after the first build")
    fi
  fi
  before=$(tree_hash "$dir/public")
  start=$(date +%s%N)
  (
    cd "$dir" || exit 99
    if [ "$memory_kb" != 0 ]; then ulimit -v "$memory_kb"; fi
    exec timeout -k 2 "$timeout_s" "$bin" build --content content --out public
  ) > "$dir/output" 2>&1
  code=$?
  ms=$((($(date +%s%N) - start) / 1000000))
  # `check` must find every problem `build` finds, and no other: the same exit code and the
  # same diagnostics (a problem only the writing stage finds is reported without a position).
  (
    cd "$dir" || exit 99
    if [ "$memory_kb" != 0 ]; then ulimit -v "$memory_kb"; fi
    exec timeout -k 2 "$timeout_s" "$bin" check --content content
  ) > "$dir/check-output" 2>&1
  check_code=$?
  diagnostics() { grep -aE '^[^[:space:]][^:]*:[0-9]+:[0-9]+: ' "$1" | LC_ALL=C sort; }
  mapfile -t expected < <(grep -v '^[[:space:]]*$' "$case/expected" 2>/dev/null)
  if [ ${#expected[@]} -eq 0 ]; then
    problems+=("no expected file")
  elif [ "$code" -eq 124 ]; then
    problems+=("timed out after ${timeout_s}s")
  elif [ "$code" -ge 125 ]; then
    problems+=("crashed (exit code $code)")
  else
    wanted=("${expected[@]}")
    [ "${expected[0]}" = ok ] && wanted=("${expected[@]:1}")
    want_warnings=0
    for want in "${wanted[@]}"; do
      [[ $want == *": cảnh báo: "* ]] && want_warnings=$((want_warnings + 1))
      want="$want" awk 'index($0, ENVIRON["want"]) == 1 { found = 1 } END { exit !found }' "$dir/output" ||
        problems+=("missing: $want")
    done
    warnings=$(sed -n 's/^\([0-9]*\) cảnh báo\.$/\1/p' "$dir/output")
    [ "${warnings:-0}" -eq "$want_warnings" ] ||
      problems+=("${warnings:-no} warning(s) printed, $want_warnings expected")
    if [ "${expected[0]}" = ok ]; then
      [ "$code" -eq 0 ] || problems+=("exit code $code, expected 0")
      [ -f "$dir/public/index.html" ] || problems+=("no public/index.html")
    else
      [ "$code" -eq 1 ] || problems+=("exit code $code, expected 1")
      count=$(sed -n 's/^Tìm thấy \([0-9]*\) lỗi\.$/\1/p' "$dir/output")
      [ "${count:-0}" -eq $((${#wanted[@]} - want_warnings)) ] ||
        problems+=("${count:-no} problem(s) reported, $((${#wanted[@]} - want_warnings)) expected")
      [ "$(tree_hash "$dir/public")" = "$before" ] || problems+=("public/ was changed")
    fi
  fi
  if [ "$code" -le 1 ] && [ "$check_code" -ne "$code" ]; then
    problems+=("check exit code $check_code, build's $code")
  elif [ "$(diagnostics "$dir/check-output")" != "$(diagnostics "$dir/output")" ]; then
    problems+=("check and build report different problems: $(diff <(diagnostics "$dir/check-output") <(diagnostics "$dir/output") | head -5)")
  fi
  # The same check in English: messages and hints, without what they quote from the content
  # and without the source line excerpts (" 12 | …" and the caret line under it).
  (
    cd "$dir" || exit 99
    if [ "$memory_kb" != 0 ]; then ulimit -v "$memory_kb"; fi
    exec timeout -k 2 "$timeout_s" "$bin" --lang en check --content content
  ) > "$dir/check-en" 2>&1
  vietnamese=$(grep -av '^ *[0-9]* | ' "$dir/check-en" | python3 "$here/vietnamese_outside_quotes.py")
  [ -z "$vietnamese" ] || problems+=("--lang en prints Vietnamese: $vietnamese")
  leftovers=$(find "$dir" -maxdepth 1 -name '.public.tmp-*')
  [ -z "$leftovers" ] || problems+=("temporary folder left: $leftovers")
  if [ ${#problems[@]} -eq 0 ]; then
    passed=$((passed + 1))
    printf 'ok    %-45s %6d ms\n' "$name" "$ms"
  else
    failed=$((failed + 1))
    printf 'FAIL  %-45s %6d ms\n' "$name" "$ms"
    for p in "${problems[@]}"; do printf '      %s\n' "$p"; done
    sed 's/^/      | /' "$dir/output" | head -40
  fi
  rm -rf "$dir"
done
total_ms=$((($(date +%s%N) - suite_start) / 1000000))
echo "$passed passed, $failed failed, $((passed + failed)) cases in ${total_ms} ms"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
