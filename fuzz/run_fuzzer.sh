#!/bin/bash
# Runs one libFuzzer harness for a bounded time on a seed corpus made from the repository.
#
#   run_fuzzer.sh FUZZER plan|timeframe|markdown|xlsx|docx|pdf SOURCE_DIR SECONDS [WORK_DIR]
#
# WORK_DIR keeps the growing corpus (WORK_DIR/corpus) and any crash (WORK_DIR/crash-*)
# between runs; by default a temporary folder. Exit status 0 when nothing was found.
set -u
fuzzer=$(realpath "$1")
kind=$2
source_dir=$(realpath "$3")
seconds=$4
work=${5:-$(mktemp -d "${TMPDIR:-/tmp}/congkhai-fuzz.XXXXXX")}
mkdir -p "$work/corpus" "$work/seeds"
rm -f "$work"/seeds/*

# Seeds: every plan and report of the sample content and of the bad-input cases (under
# 1 MiB: find rounds -size up to whole units, so the limit is given in bytes).
n=0
while IFS= read -r -d '' f; do
  n=$((n + 1))
  case $kind in
    plan) cp "$f" "$work/seeds/$n" ;;
    markdown) { printf '\005'; cat "$f"; } > "$work/seeds/$n" ;;  # options byte, then the text
    timeframe)
      # Each "timeframe:" value, after two bytes giving the plan year 2024.
      sed -n 's/^ *timeframe: *//p' "$f" | while IFS= read -r value; do
        n=$((n + 1))
        { printf '\174\000'; printf '%s' "$value"; } > "$work/seeds/$n-$RANDOM"
      done ;;
  esac
done < <(find "$source_dir/content" "$source_dir/tests/bad-input/cases" -name '*.md' -size -1048576c -print0 2> /dev/null)
# Timeframes: also every real one collected in tests/fixtures/timeframes/real.tsv, with its year.
if [ "$kind" = timeframe ]; then
  while IFS=$'\t' read -r text year _; do
    case $text in '#'*|'') continue ;; esac
    n=$((n + 1))
    { printf "\\$(printf '%03o' $(((year - 1900) % 256)))\\$(printf '%03o' $(((year - 1900) / 256)))"
      printf '%b' "$text"; } > "$work/seeds/real-$n"
  done < "$source_dir/tests/fixtures/timeframes/real.tsv"
fi
# Workbooks and CSV sheets: the spreadsheet fixtures and those committed with bad-input cases.
if [ "$kind" = xlsx ]; then
  while IFS= read -r -d '' f; do
    n=$((n + 1))
    cp "$f" "$work/seeds/$n"
  done < <(find "$source_dir/tests/fixtures/spreadsheets" "$source_dir/tests/bad-input/cases" \
             \( -name '*.xlsx' -o -name '*.csv' \) -size -65536c -print0 2> /dev/null)
fi
# Word documents: the import fixtures (the sample plans as .docx).
if [ "$kind" = docx ]; then
  while IFS= read -r -d '' f; do
    n=$((n + 1))
    cp "$f" "$work/seeds/$n"
  done < <(find "$source_dir/tests/fixtures/import" -name '*.docx' -size -262144c -print0 2> /dev/null)
fi
# PDFs and plain text plans: the import's fixtures (the sample plans, the refused PDFs) and
# the seed texts. A PDF's text layer can be larger than -max_len; libFuzzer reads its start.
if [ "$kind" = pdf ]; then
  while IFS= read -r -d '' f; do
    n=$((n + 1))
    cp "$f" "$work/seeds/$n"
  done < <(find "$source_dir/tests/fixtures/import" \( -name '*.pdf' -o -name '*.txt' \) -size -262144c -print0 2> /dev/null)
fi
echo "$kind: $(ls "$work/seeds" | wc -l) seeds, $(ls "$work/corpus" | wc -l) inputs in the corpus, ${seconds}s"

# A slow input is a finding: one Markdown text of at most 64 KB within the bounds of
# load/markdown_limits.h renders in milliseconds, even under the sanitizers.
timeout=10 extra=()
if [ "$kind" = markdown ]; then
  timeout=2
  extra=(-dict="$source_dir/fuzz/markdown.dict")
fi
# A sample plan's PDF is about 70 KB: room for whole ones (the later -max_len wins).
if [ "$kind" = pdf ]; then
  extra=(-max_len=262144)
fi

export LSAN_OPTIONS=suppressions="$source_dir/scripts/lsan-suppressions.txt":print_suppressions=0
cd "$work" || exit 1
exec "$fuzzer" -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=2048 -max_len=65536 \
  "${extra[@]}" -print_final_stats=1 -artifact_prefix="$work/" corpus seeds
