#!/usr/bin/env bash
# Builds the libFuzzer targets (Fuzz/Targets/*) with the fuzzer and address
# sanitizers and runs each in turn for FUZZ_SECONDS, starting from its
# committed seeds (Fuzz/Corpus) and the corpus earlier runs grew
# (.build/fuzz-corpus). Exits non-zero when any target finds a crash, an
# ASan error, a hang or an out-of-memory input; the input that did it is in
# Fuzz/Findings/<target>/. See Tests/FUZZING.md.
#
#   Fuzz/run.sh                      every target, FUZZ_SECONDS (60) each
#   FUZZ_SECONDS=600 Fuzz/run.sh regex query-run
#   FUZZ_ARGS=-runs=0 Fuzz/run.sh    extra libFuzzer flags (here: only run the corpus)
set -uo pipefail
cd "$(dirname "$0")/.."

SWIFT=${SWIFT:-swift}
# The Swift runtime's own crash backtracer would race ASan's and libFuzzer's
# handlers (and trip ASan reading the stack); theirs name the input.
export SWIFT_BACKTRACE=enable=no
SECONDS_EACH=${FUZZ_SECONDS:-60}
# Release (-O, still with bounds and overflow checks) runs about seven times
# as many inputs a second as debug; -enable-testing for @testable import.
CONFIG=${FUZZ_CONFIG:-release}
SCRATCH=.build/fuzz
WORK=.build/fuzz-corpus
FINDINGS=Fuzz/Findings
ALL_TARGETS=(query-syntax query-run dataset-file import-text import-docx import-html regex)

# Per target: seed directory, longest input, dictionary. Lengths keep one
# input's work small enough for many runs a second, and query-run stays
# below the sizes where known super-linear cases (long let/or chains) live.
seeds() {
    case $1 in
    query-syntax | query-run) echo queries ;;
    *) echo "$1" ;;
    esac
}
max_len() {
    case $1 in
    query-syntax | query-run) echo 4096 ;;
    regex) echo 1024 ;;
    import-docx) echo 16384 ;;
    *) echo 12288 ;;
    esac
}
dictionary() {
    case $1 in
    query-syntax | query-run) echo Fuzz/Dictionaries/tql.dict ;;
    regex) echo Fuzz/Dictionaries/regex.dict ;;
    import-html) echo Fuzz/Dictionaries/html.dict ;;
    import-docx) echo Fuzz/Dictionaries/docx.dict ;;
    esac
}

targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${ALL_TARGETS[@]}")
for t in "${targets[@]}"; do
    [ -d "Fuzz/Targets/$t" ] || { echo "unknown fuzz target '$t' (have: ${ALL_TARGETS[*]})" >&2; exit 64; }
done

# One product at a time: the library is compiled once, then each target
# is a small module and a link.
for t in "${targets[@]}"; do
    TASKQL_FUZZ=1 "$SWIFT" build --scratch-path "$SCRATCH" -c "$CONFIG" --product "fuzz-$t" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing -Xswiftc -use-ld=lld 2>&1 |
        grep -v -e '^\[' -e 'PrivacyInfo.xcprivacy' -e "found 1 file(s) which are unhandled"
    # A failed build (a source edited while it ran) must not fuzz the
    # binary an earlier build left: that would be fuzzing old code.
    built=${PIPESTATUS[0]}
    [ "$built" -eq 0 ] && [ -x "$SCRATCH/$CONFIG/fuzz-$t" ] ||
        { echo "fuzz-$t did not build (swift build exit $built)" >&2; exit 1; }
done

mkdir -p "$FINDINGS"
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
failed=()
for t in "${targets[@]}"; do
    mkdir -p "$WORK/$t" "$FINDINGS/$t"
    log="$FINDINGS/$t.log"
    dict=$(dictionary "$t")
    echo "== fuzz-$t: ${SECONDS_EACH}s, max_len $(max_len "$t")"
    # -timeout: an input that takes this long is a hang, reported like a
    # crash. -rss_limit_mb also caps single allocations (malloc_limit_mb).
    # ${FUZZ_ARGS} is split on purpose: several flags may be given.
    # shellcheck disable=SC2086
    "$SCRATCH/$CONFIG/fuzz-$t" "$WORK/$t" "Fuzz/Corpus/$(seeds "$t")" \
        -max_total_time="$SECONDS_EACH" -max_len="$(max_len "$t")" -timeout=15 -rss_limit_mb=2048 \
        -artifact_prefix="$FINDINGS/$t/" -print_final_stats=1 ${dict:+-dict=$dict} ${FUZZ_ARGS:-} \
        >"$log" 2>&1
    status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    if [ $status -eq 0 ]; then result=ok; else result="FAILED (exit $status)"; failed+=("$t"); fi
    echo "   ${runs:-?} runs, ${speed:-?}/s: $result"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$commit" "$t" "$SECONDS_EACH" \
        "${runs:-0}" "${speed:-0}" "$result" >>"$FINDINGS/runs.tsv"
    if [ $status -ne 0 ]; then
        grep -E -A40 '^==[0-9]+==ERROR|deadly signal|Fatal error|fuzz invariant|ALARM|out-of-memory' "$log" | head -60
        ls -t "$FINDINGS/$t" | head -3 | sed "s|^|   input: $FINDINGS/$t/|"
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzzing found problems in: ${failed[*]} (logs in $FINDINGS/, reproduce: Tests/FUZZING.md)" >&2
    exit 1
fi
