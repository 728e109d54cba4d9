#!/usr/bin/env bash
# What a host would have to upload after a rebuild: the files of NEW whose bytes differ from
# OLD's (changed or new), with their total size, and the files of OLD that NEW no longer has.
# OLD is the output before the rebuild, its unchanged files sharing their inodes with NEW's
# (the spare an incremental build keeps, .congkhai-cache/<output>.spare), so diff skips them
# without reading.
#   bench/changed_files.sh OLD NEW [TOP]   # prints the summary line, then the TOP largest
set -euo pipefail
old=$1 new=$2 top=${3:-8}
list=$(mktemp)
trap 'rm -f "$list"' EXIT
removed=0
while IFS= read -r line; do
  case $line in
    "Files "*" differ")
      f=${line#Files "$old"/}; f=${f%% and *}
      printf '%s\t%s\n' "$(stat -c %s "$new/$f")" "$f" >>"$list" ;;
    "Only in $new"*)
      d=${line#Only in }; d=${d%%: *}; n=${line#*: }
      find "$d/$n" -type f -printf '%s\t%p\n' | sed "s|\t$new/|\t|" >>"$list" ;;
    "Only in $old"*)
      d=${line#Only in }; d=${d%%: *}; n=${line#*: }
      removed=$((removed + $(find "$d/$n" -type f | wc -l))) ;;
  esac
done < <(diff -rq "$old" "$new" || true)
awk -F'\t' -v removed="$removed" '{n++; s += $1} END {printf "%d files differ (changed or new), %d bytes (%.3f MB); %d removed\n", n, s, s / 1e6, removed}' "$list"
sort -rn "$list" | head -"$top" | awk -F'\t' '{printf "  %10d  %s\n", $1, $2}'
