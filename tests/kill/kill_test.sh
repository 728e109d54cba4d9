#!/bin/bash
# Atomic publishing: `congkhai build` is killed with SIGKILL at random moments (seeded) while
# it replaces one complete site with another. After every kill, public/ must be exactly one
# of the two complete sites, never a mixture or a half-written tree; the temporary folders a
# killed build leaves beside it must not break the next build, which removes them.
#
# In the second half of the rounds, each killed build starts with a spare (the output before
# the current one, kept in .congkhai-cache/public.spare) and is killed after it has taken the
# spare, so that the kills land while the spare is being brought up to date (or after the
# swap): its files are hard links of the published ones, and updating it must never change
# the published site.
#
#   kill_test.sh CONGKHAI SOURCE_DIR
#
# CONGKHAI_KILL_SEED (default 8), CONGKHAI_KILL_ROUNDS (default 20), CONGKHAI_KILL_COPIES:
# how many copies of the sample units make up the content (default 12), so that a build
# takes long enough to be interrupted in each of its stages.
set -u
bin=$(realpath "$1")
source_dir=$(realpath "$2")
RANDOM=${CONGKHAI_KILL_SEED:-8}
rounds=${CONGKHAI_KILL_ROUNDS:-20}
copies=${CONGKHAI_KILL_COPIES:-12}
work=$(mktemp -d "${TMPDIR:-/tmp}/congkhai-kill.XXXXXX")
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1735689600
cd "$work" || exit 1

tree_hash() {
  (cd "$1" && find . -printf '%y %m %s %p -> %l\n' | LC_ALL=C sort &&
    find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum) | sha256sum | cut -d' ' -f1
}
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# Two contents whose sites differ on every page: the sample units copied many times, and
# the same with another portal title.
mkdir -p a
cp -r "$source_dir/content" a/
for unit in "$source_dir"/content/*/; do
  name=$(basename "$unit")
  for i in $(seq 1 "$copies"); do cp -r "$unit" "a/content/$name-$i"; done
done
cp -r a b
sed -i 's/^title: .*/title: Cổng thử nghiệm lần hai/' b/content/site.yaml

"$bin" build --content a/content --out site-a > build-a.log 2>&1 || { cat build-a.log; exit 1; }
start=$(now_ms)
"$bin" build --content b/content --out site-b > build-b.log 2>&1 || { cat build-b.log; exit 1; }
build_ms=$(($(now_ms) - start))
declare -A hash_of=([a]=$(tree_hash site-a) [b]=$(tree_hash site-b))
[ "${hash_of[a]}" != "${hash_of[b]}" ] || { echo "the two sites are the same"; exit 1; }
echo "a build of $(find site-a -type f | wc -l) files takes ${build_ms} ms"

cp -a site-a public
current=a
failed=0
spare=.congkhai-cache/public.spare
spare_rounds=0 spare_taken=0
for round in $(seq 1 "$rounds"); do
  next=$([ "$current" = a ] && echo b || echo a)
  if [ "$round" -gt $((rounds / 2)) ]; then
    # Complete builds of the current site until it has a spare (two at most: one after a
    # kill renders everything and replaces the output, the next keeps it as the spare).
    for _ in 1 2 3; do
      [ -d "$spare" ] && break
      "$bin" build --content "$current/content" --out public > spare.log 2>&1 || { cat spare.log; exit 1; }
    done
    [ -d "$spare" ] || { echo "round $round: no spare after complete builds"; failed=1; break; }
    [ "$(tree_hash public)" = "${hash_of[$current]}" ] || { echo "round $round: the complete build differs"; failed=1; break; }
    spare_rounds=$((spare_rounds + 1))
  fi
  delay_ms=$((RANDOM % (build_ms * 11 / 10 + 1)))
  "$bin" build --content "$next/content" --out public > /dev/null 2>&1 &
  pid=$!
  taken=""
  if [ "$round" -gt $((rounds / 2)) ]; then
    # Wait until the build has taken the spare (renamed it to its staging name, at its first
    # file), then kill it at a random moment of what remains.
    while kill -0 "$pid" 2> /dev/null && [ -d "$spare" ]; do sleep 0.005; done
    [ -d "$spare" ] || { taken=", after it took the spare"; spare_taken=$((spare_taken + 1)); }
    delay_ms=$((RANDOM % (build_ms * 6 / 10 + 1)))
  fi
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  kill -KILL "$pid" 2> /dev/null
  wait "$pid" 2> /dev/null
  code=$?
  got=$(tree_hash public)
  if [ "$got" = "${hash_of[$next]}" ]; then
    state="new site"
    current=$next
  elif [ "$got" = "${hash_of[$current]}" ]; then
    state="old site"
  else
    state="NEITHER SITE"
    failed=1
  fi
  leftovers=$(find . -maxdepth 1 -name '.public.tmp-*' | wc -l)
  printf 'round %2d: killed after %5d ms%s (exit %3d): %s, %d temporary folder(s) beside it%s\n' \
    "$round" "$delay_ms" "$taken" "$code" "$state" "$leftovers" "$([ -d "$spare" ] && echo ', a spare')"
  [ "$failed" -eq 0 ] || break
done

# The next complete build succeeds and clears what killed builds left behind.
next=$([ "$current" = a ] && echo b || echo a)
if ! "$bin" build --content "$next/content" --out public > final.log 2>&1; then
  echo "the build after the kills failed:"; cat final.log; failed=1
elif [ "$(tree_hash public)" != "${hash_of[$next]}" ]; then
  echo "the build after the kills wrote a different site"; failed=1
fi
leftovers=$(find . -maxdepth 1 -name '.public.tmp-*')
if [ -n "$leftovers" ]; then
  echo "temporary folders remain after a complete build: $leftovers"; failed=1
fi
[ "$spare_taken" -gt 0 ] || { echo "no build was killed after it took a spare"; failed=1; }
# And once more with the spare the last build left: still the right site.
if ! "$bin" build --content "$current/content" --out public > final.log 2>&1; then
  echo "the second build after the kills failed:"; cat final.log; failed=1
elif [ "$(tree_hash public)" != "${hash_of[$current]}" ]; then
  echo "the second build after the kills wrote a different site"; failed=1
fi
[ "$failed" -eq 0 ] && echo "public/ was always one complete site ($spare_taken of $spare_rounds builds with a spare killed after they took it)"
exit "$failed"
