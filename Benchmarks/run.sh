#!/usr/bin/env bash
# make bench: speed and memory of TaskQL on a synthetic dataset of N tasks
# (default 1,000,000), next to what a user would otherwise reach for
# (jq on the same JSON Lines, sqlite3 on the same rows). Prints a table.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${BENCH_TASKS:-1000000}
DATA=bench-data/tasks-$N.jsonl
BIN=.build/release/taskql
mkdir -p bench-data
for p in jq sqlite3 time; do
  command -v $p >/dev/null 2>&1 || [ -x /usr/bin/$p ] || { apt-get update -qq && apt-get install -y -qq $p >/dev/null; }
done
[ -f "$DATA" ] || { echo "generating $N tasks → $DATA"; python3 Benchmarks/generate.py "$N" "$DATA"; }

measure() {  # label, command…: wall seconds and peak memory
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o bench-data/.time "$@" >bench-data/.out 2>bench-data/.err || { echo "$label: FAILED"; cat bench-data/.err; return; }
  read -r secs kb < bench-data/.time
  printf '%-48s %8.2f s %8d MB   %s\n' "$label" "$secs" $((kb / 1024)) "$(head -c 60 bench-data/.out | tr '\n' ' ')"
}

echo "== start-up on the bundled data (target: well under 1 s)"
measure "taskql -c 'tasks | count' (bundled)" $BIN -c 'tasks | count' --format csv

echo "== $N tasks: load once, then queries (taskql .timer reports each)"
cat > bench-data/queries.tql <<'Q'
.timer on
tasks | count
tasks | where lead_units has "发改委" and due <= 2020-06-30 | count
tasks | where text contains "5G" | count by city | take 3
tasks | explode lead_units as unit | count by unit | take 3
tasks | summarize n = count(), units = dcount(lead_units) by kind
tasks | search "通州湾" | count
Q
/usr/bin/time -f "%e %M" -o bench-data/.time $BIN "$DATA" --format csv < bench-data/queries.tql > bench-data/.out 2> bench-data/.err || true
grep -E '^time' bench-data/.err | nl -w2 -s'. ' || cat bench-data/.err
read -r secs kb < bench-data/.time
printf 'total incl. load: %.2f s, peak memory %d MB\n' "$secs" $((kb / 1024))

echo "== the same questions elsewhere"
measure "jq: lead_units has 发改委 and due <= 06-30" jq -c 'select(type=="object" and .lead_units? and (.lead_units | index("发改委")) and .due != null and .due <= "2020-06-30")' "$DATA"
DB=bench-data/tasks-$N.sqlite
if [ ! -f "$DB" ]; then
  python3 - "$DATA" "$DB" <<'PY'
import json, sqlite3, sys
src, db = sys.argv[1], sys.argv[2]
con = sqlite3.connect(db)
con.execute("create table tasks(id, city, kind, text, lead_units, co_units, due)")
with open(src, encoding="utf-8") as f:
    next(f)
    con.executemany("insert into tasks values (?,?,?,?,?,?,?)",
        ((r["id"], r["city"], r["kind"], r["text"], json.dumps(r["lead_units"], ensure_ascii=False),
          json.dumps(r["co_units"], ensure_ascii=False), r["due"]) for r in map(json.loads, f)))
con.commit()
PY
fi
measure "sqlite3: text like %5G% count by city" sqlite3 "$DB" "select city, count(*) from tasks where text like '%5G%' group by city order by 2 desc limit 3"
measure "sqlite3: explode lead_units count by unit" sqlite3 "$DB" "select j.value, count(*) from tasks, json_each(tasks.lead_units) j group by 1 order by 2 desc limit 3"
