#!/usr/bin/env python3
"""make bench: TaskQL side by side with DuckDB, sqlite3 and jq on the same
generated tasks, at each size in BENCH_SIZES (default 10000 100000 1000000).

Every system answers the same questions (QUESTIONS below) in its own fairest
form, and every answer is checked equal to TaskQL's; a disagreement fails
the run. Times are medians of BENCH_REPEATS runs (default 5) in process,
after one load: TaskQL through Benchmarks/TaskQLBench, DuckDB and sqlite3
through their Python modules. jq has no process to stay in, so its time is
one whole run over the file (reading included). Peak memory is each
process's VmHWM after loading. Writes a Markdown table to stdout and, with
--results FILE, to FILE (Benchmarks/RESULTS.md).

The peers get what a SQL user would build for these questions: unit lists
also as canonical names (`lead_canon`), computed once by TaskQL's own alias
table before timing, since only TaskQL knows that 市发改委 is 发改委."""
import json, os, platform, re, statistics, subprocess, sys, time

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
DATA = os.path.join(ROOT, "bench-data")
# BENCH_BUILD=debug: bench-ci checks answers only, with the binaries the
# tests already built (a release build of everything would double CI's time).
BUILD = os.environ.get("BENCH_BUILD", "release")
TASKQL = os.path.join(ROOT, f".build/{BUILD}/taskql")
BENCH = os.path.join(ROOT, f".build/{BUILD}/taskql-bench")

# name, TQL, DuckDB SQL, sqlite SQL, jq program (over `inputs`), compare
# ("all" cells, or "first" column only: whole rows whose lists print
# differently in every system).
SEARCH_COLUMNS = ["id", "dataset", "city", "kind", "section", "subsection", "number", "title", "text",
                  "deadline", "source"]
QUESTIONS = [
    dict(name="count all", tql='tasks | count',
         duckdb="select count(*) from tasks", sqlite="select count(*) from tasks",
         jq='reduce inputs as $r (0; . + 1)'),
    dict(name='text contains "5G" (ASCII, any case)', tql='tasks | where text contains "5G" | count',
         # Both cases of the needle's one letter: exact, and much faster in
         # DuckDB than ilike (2 s at 1M) or lower().
         duckdb="select count(*) from tasks where contains(text, '5G') or contains(text, '5g')",
         sqlite="select count(*) from tasks where text like '%5G%'",
         jq='reduce (inputs | select(.text | ascii_downcase | contains("5g"))) as $r (0; . + 1)'),
    dict(name='text contains "老旧小区"', tql='tasks | where text contains "老旧小区" | count',
         duckdb="select count(*) from tasks where contains(text, '老旧小区')",
         sqlite="select count(*) from tasks where instr(text, '老旧小区') > 0",
         jq='reduce (inputs | select(.text | contains("老旧小区"))) as $r (0; . + 1)'),
    dict(name='lead_units has "发改委" (any spelling)', tql='tasks | where lead_units has "发改委" | count',
         duckdb="select count(*) from tasks where list_contains(lead_canon, '发改委')",
         sqlite="select count(*) from tasks where exists (select 1 from json_each(lead_canon) where value = '发改委')",
         jq='reduce (inputs | select(.lead_canon | index("发改委"))) as $r (0; . + 1)'),
    dict(name="explode lead_units, count by unit, top 10",
         tql='tasks | explode lead_units as u | count by unit(u) | take 10',
         duckdb="select u, count(*) c from (select unnest(lead_canon) u from tasks) group by u "
                "order by c desc, u limit 10",
         sqlite="select j.value u, count(*) c from tasks, json_each(tasks.lead_canon) j group by u "
                "order by c desc, u limit 10",
         jq='[inputs | .lead_canon[]] | group_by(.) | map([.[0], length]) '
            '| sort_by(-.[1], .[0]) | .[:10][]'),
    dict(name='due in Q2-Q3 2020 and kind == "key", count',
         tql='tasks | where due >= 2020-04-01 and due <= 2020-09-30 and kind == "key" | count',
         duckdb="select count(*) from tasks where due between date '2020-04-01' and date '2020-09-30' "
                "and kind = 'key'",
         sqlite="select count(*) from tasks where due between '2020-04-01' and '2020-09-30' and kind = 'key'",
         jq='reduce (inputs | select(.due != null and .due >= "2020-04-01" and .due <= "2020-09-30" '
            'and .kind == "key")) as $r (0; . + 1)'),
    dict(name="summarize count() by city, kind", tql='tasks | summarize n = count() by city, kind',
         duckdb="select city, kind, count(*) from tasks group by all order by city, kind",
         sqlite="select city, kind, count(*) from tasks group by city, kind order by city, kind",
         jq='[inputs | [.city, .kind]] | group_by(.) | map(.[0] + [length]) | .[]'),
    dict(name="summarize count(), dcount(lead_units) by city, kind",
         tql='tasks | summarize n = count(), units = dcount(lead_units) by city, kind',
         duckdb="select city, kind, count(*), length(list_distinct(flatten(list(lead_canon)))) "
                "from tasks group by all order by city, kind",
         sqlite="select t.city, t.kind, t.n, coalesce(d.u, 0) from "
                "(select city, kind, count(*) n from tasks group by city, kind) t left join "
                "(select city, kind, count(distinct j.value) u from tasks, json_each(tasks.lead_canon) j "
                "group by city, kind) d on d.city = t.city and d.kind = t.kind order by t.city, t.kind",
         jq='[inputs | {k: [.city, .kind], u: .lead_canon}] | group_by(.k) '
            '| map(.[0].k + [length, (map(.u[]) | unique | length)]) | .[]'),
    dict(name='search "通州湾" in every text field', tql='tasks | search "通州湾" | count',
         duckdb="select count(*) from tasks where " + " or ".join(
             f"contains({c}, '通州湾')" for c in SEARCH_COLUMNS) +
             " or list_contains(list_transform(leaders || lead_units || co_units, lambda x: contains(x, '通州湾')), true)",
         sqlite="select count(*) from tasks where " + " or ".join(
             f"instr({c}, '通州湾') > 0" for c in SEARCH_COLUMNS + ["leaders", "lead_units", "co_units"]),
         jq='reduce (inputs | select([.[] | strings, (arrays | .[])] | any(contains("通州湾")))) as $r (0; . + 1)'),
    dict(name="top 10 by len(text), ties by id",
         tql='tasks | sort by len(text) desc, id | take 10 | extend n = len(text) | select id, n',
         duckdb="select id, length(text) n from tasks order by n desc, id limit 10",
         sqlite="select id, length(text) n from tasks order by n desc, id limit 10",
         jq='[inputs | [.id, (.text | length)]] | sort_by(-.[1], .[0]) | .[:10][]'),
    dict(name='selective filter, whole rows sorted by id, as CSV',
         tql='tasks | where city == "海门" and kind == "livelihood" | sort by id',
         duckdb="select * from tasks where city = '海门' and kind = 'livelihood' order by id",
         sqlite="select * from tasks where city = '海门' and kind = 'livelihood' order by id",
         jq='[inputs | select(.city == "海门" and .kind == "livelihood")] | sort_by(.id) | .[] | [.id]',
         compare="first"),
]


def cells(rows):
    """Answers as text cells: ints without a decimal point."""
    return [[str(int(c)) if isinstance(c, float) and c == int(c) else str(c) for c in row] for row in rows]


def peak_bytes():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return 0


def median_ms(run, repeats):
    times, rows = [], None
    for _ in range(repeats):
        t = time.perf_counter()
        rows = run()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), rows


# Peers, each in its own process so that its peak memory is its own.

DUCK_COLUMNS = ("{id: 'VARCHAR', dataset: 'VARCHAR', city: 'VARCHAR', year: 'INTEGER', kind: 'VARCHAR', "
                "section: 'VARCHAR', subsection: 'VARCHAR', number: 'VARCHAR', title: 'VARCHAR', text: 'VARCHAR', "
                "leaders: 'VARCHAR[]', lead_units: 'VARCHAR[]', co_units: 'VARCHAR[]', deadline: 'VARCHAR', "
                "due: 'DATE', source: 'VARCHAR', lead_canon: 'VARCHAR[]', co_canon: 'VARCHAR[]'}")


def sql_answers(con, dialect, load_ms, repeats):
    """A SQL peer's side, once its table is loaded: the memory it holds,
    then every question in its `dialect`."""
    memory = peak_bytes()
    out = []
    for q in QUESTIONS:
        ms, rows = median_ms(lambda: con.execute(q[dialect]).fetchall(), repeats)
        out.append(dict(name=q["name"], ms=ms, rows=cells(rows)))
    return dict(load_ms=load_ms, peak_bytes=memory, questions=out)


def peer_duckdb(peers, threads, repeats):
    import duckdb
    con = duckdb.connect()
    if threads:
        con.execute(f"set threads = {threads}")
    t = time.perf_counter()
    con.execute(f"create table tasks as select * from read_json('{peers}', format = 'newline_delimited', "
                f"columns = {DUCK_COLUMNS})")
    return sql_answers(con, "duckdb", (time.perf_counter() - t) * 1000, repeats)


def peer_sqlite(peers, repeats):
    import sqlite3
    con = sqlite3.connect(":memory:")
    columns = ["id", "dataset", "city", "year", "kind", "section", "subsection", "number", "title", "text",
               "leaders", "lead_units", "co_units", "deadline", "due", "source", "lead_canon", "co_canon"]
    lists = {"leaders", "lead_units", "co_units", "lead_canon", "co_canon"}
    con.execute(f"create table tasks({', '.join(columns)})")
    t = time.perf_counter()
    with open(peers, encoding="utf-8") as f:
        con.executemany(
            f"insert into tasks values ({', '.join('?' * len(columns))})",
            ([json.dumps(r[c], ensure_ascii=False) if c in lists else r[c] for c in columns]
             for r in map(json.loads, f)))
    con.commit()
    return sql_answers(con, "sqlite", (time.perf_counter() - t) * 1000, repeats)


def peer_jq(peers):
    out, memory = [], 0
    for q in QUESTIONS:
        t = time.perf_counter()
        run = subprocess.run(["/usr/bin/time", "-f", "%M", "jq", "-n", "-c", q["jq"], peers],
                             capture_output=True, text=True, check=True)
        ms = (time.perf_counter() - t) * 1000
        memory = max(memory, int(run.stderr.strip().splitlines()[-1]) * 1024)
        rows = [json.loads(line) for line in run.stdout.splitlines()]
        out.append(dict(name=q["name"], ms=ms, rows=cells([r if isinstance(r, list) else [r] for r in rows])))
    return dict(load_ms=None, peak_bytes=memory, questions=out)


def run_peer(args):
    kind, peers, repeats = args[0], args[1], int(args[2])
    if kind.startswith("duckdb"):
        result = peer_duckdb(peers, int(kind[len("duckdb"):] or 0), repeats)
    elif kind == "sqlite3":
        result = peer_sqlite(peers, repeats)
    else:
        result = peer_jq(peers)
    json.dump(result, sys.stdout, ensure_ascii=False)


# The run.

def dataset(n):
    os.makedirs(DATA, exist_ok=True)
    path = os.path.join(DATA, f"tasks-{n}.jsonl")
    if not os.path.exists(path):
        subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks/generate.py"), str(n), path + ".part"],
                       check=True)
        os.replace(path + ".part", path)
    peers = os.path.join(DATA, f"tasks-{n}.peers.jsonl")
    if not os.path.exists(peers):
        # Every unit spelling's canonical name, as TaskQL's alias table says.
        mapping = subprocess.run(
            [TASKQL, path, "--format", "json", "-c",
             "tasks | explode units as u | distinct u | extend c = unit(u)"],
            capture_output=True, text=True, check=True).stdout
        canon = {r["u"]: r["c"] for r in json.loads(mapping)}
        with open(path, encoding="utf-8") as src, open(peers + ".part", "w", encoding="utf-8") as dst:
            next(src)  # the dataset file's header line
            for line in src:
                r = json.loads(line)
                r["lead_canon"] = [canon[u] for u in r["lead_units"]]
                r["co_canon"] = [canon[u] for u in r["co_units"]]
                del r["units"]
                dst.write(json.dumps(r, ensure_ascii=False) + "\n")
        os.replace(peers + ".part", peers)
    return path, peers


def startup_ms(repeats):
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        subprocess.run([TASKQL, "-c", "tasks | count", "--format", "csv"], capture_output=True, check=True)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def compare(name, reference, other, how):
    ref, got = reference["rows"], other["rows"]
    if how == "first":
        ref, got = [r[:1] for r in ref], [r[:1] for r in got]
    return ref == got


def fmt_ms(ms):
    return "—" if ms is None else (f"{ms:,.1f}" if ms < 100 else f"{ms:,.0f}")


def main():
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "10000 100000 1000000").split()]
    repeats = int(os.environ.get("BENCH_REPEATS", "5"))
    results_file = sys.argv[sys.argv.index("--results") + 1] if "--results" in sys.argv else None
    os.makedirs(DATA, exist_ok=True)
    questions_file = os.path.join(DATA, "questions.json")
    with open(questions_file, "w", encoding="utf-8") as f:
        json.dump([dict(name=q["name"], tql=q["tql"]) for q in QUESTIONS], f, ensure_ascii=False)

    lines = ["# TaskQL beside DuckDB, sqlite3 and jq", "",
             f"One `make bench` run on {machine()}.",
             "Times are in-process medians of "
             f"{repeats} runs after one load (jq: one whole run over the file), in milliseconds; "
             "peak memory is the process's after loading. `ratio` is DuckDB (2 threads) ÷ TaskQL: "
             "above 1 TaskQL is faster. Every answer below was checked equal across the systems.", ""]
    lines.append(f"Start-up on the bundled data (`taskql -c 'tasks | count'`, median of {repeats}): "
                 f"{startup_ms(repeats):.0f} ms.")
    failures = []
    for n in sizes:
        path, peers = dataset(n)
        print(f"== {n:,} tasks", file=sys.stderr)
        runs = {}
        # The first load parses the JSON Lines and writes the snapshot beside
        # the file (files of 4 MiB and more); the runs after it read that.
        snapshot = path + ".tqsnap"
        if os.path.exists(snapshot):
            os.remove(snapshot)
        first = subprocess.run([BENCH, "0", questions_file, path], capture_output=True, text=True)
        if first.returncode != 0:
            sys.exit(f"taskql-bench failed:\n{first.stderr}")
        first_load_ms = json.loads(first.stdout)["load_ms"]
        tq = subprocess.run([BENCH, str(repeats), questions_file, path], capture_output=True, text=True)
        if tq.returncode != 0:
            sys.exit(f"taskql-bench failed:\n{tq.stderr}")
        runs["taskql"] = json.loads(tq.stdout)
        tq1 = subprocess.run([BENCH, str(repeats), questions_file, path], capture_output=True, text=True,
                             env=dict(os.environ, TASKQL_THREADS="1"))
        runs["taskql1"] = json.loads(tq1.stdout) if tq1.returncode == 0 else None
        for peer in ["duckdb", "duckdb1", "sqlite3", "jq"]:
            print(f"   {peer}", file=sys.stderr)
            p = subprocess.run([sys.executable, __file__, "--peer", peer, peers, str(repeats)],
                               capture_output=True, text=True)
            if p.returncode != 0:
                sys.exit(f"{peer} failed:\n{p.stderr}")
            runs[peer] = json.loads(p.stdout)
        lines += ["", f"## {n:,} tasks ({os.path.getsize(path) / 1e6:,.0f} MB of JSON Lines)", "",
                  "| question | TaskQL | TaskQL 1 thread | DuckDB | DuckDB 1 thread | sqlite3 | jq | ratio |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|"]
        for i, q in enumerate(QUESTIONS):
            ref = runs["taskql"]["questions"][i]
            ref = dict(ref, ms=statistics.median(ref["ms"]))
            row = [fmt_ms(ref["ms"])]
            t1 = runs["taskql1"]["questions"][i] if runs["taskql1"] else None
            row.append(fmt_ms(statistics.median(t1["ms"])) if t1 else "—")
            for peer in ["duckdb", "duckdb1", "sqlite3", "jq"]:
                other = runs[peer]["questions"][i]
                if not compare(q["name"], ref, other, q.get("compare", "all")):
                    failures.append(f"{n}: {q['name']}: {peer} answered {other['rows'][:3]}…, "
                                    f"TaskQL {ref['rows'][:3]}…")
                row.append(fmt_ms(other["ms"]))
            duck = runs["duckdb"]["questions"][i]["ms"]
            row.append(f"{duck / ref['ms']:.2f}" if ref["ms"] > 0 else "—")
            lines.append(f"| {q['name']} | " + " | ".join(row) + " |")
        load = [runs["taskql"]["load_ms"], runs["taskql1"]["load_ms"] if runs["taskql1"] else None,
                runs["duckdb"]["load_ms"], runs["duckdb1"]["load_ms"], runs["sqlite3"]["load_ms"], None]
        from_snapshot = os.path.exists(snapshot)
        lines.append("| **first load (TaskQL: parse JSON Lines%s)** | " % (", write snapshot" if from_snapshot else "")
                     + " | ".join(fmt_ms(x) for x in [first_load_ms, None] + load[2:]) +
                     f" | {load[2] / first_load_ms:.2f} |")
        if from_snapshot:
            lines.append(f"| **load again (TaskQL: the snapshot, {os.path.getsize(snapshot) / 1e6:,.0f} MB)** | "
                         + " | ".join(fmt_ms(x) for x in load) + f" | {load[2] / load[0]:.2f} |")
        mem = [runs[k]["peak_bytes"] if runs[k] else None
               for k in ["taskql", "taskql1", "duckdb", "duckdb1", "sqlite3", "jq"]]
        lines.append("| **peak memory, MB** | " + " | ".join("—" if m is None else f"{m / 1e6:,.0f}" for m in mem) +
                     f" | {mem[2] / mem[0]:.2f} |")
    lines += ["", "How each system answers: `Benchmarks/bench.py` (QUESTIONS). DuckDB and sqlite3 read a copy of "
              "the file with canonical unit columns added (`lead_canon`), which they need for alias-aware "
              "questions; sqlite3 keeps lists as JSON text and loads through Python's `executemany`."]
    publish(lines, results_file, failures)


def publish(lines, results_file, failures):
    """Prints the Markdown, writes it to results_file, fails on any disagreement."""
    text = "\n".join(lines) + "\n"
    print(text)
    if results_file:
        with open(results_file, "w", encoding="utf-8") as f:
            f.write(text)
    if failures:
        sys.exit("answers disagree:\n" + "\n".join(failures))


def machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    import duckdb
    import sqlite3
    sqlite = sqlite3.sqlite_version
    jq = subprocess.run(["jq", "--version"], capture_output=True, text=True).stdout.strip()
    return (f"{cpu}, {os.cpu_count()} cores, {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB, "
            f"{platform.system()} {platform.release()}; DuckDB {duckdb.__version__} (Python), "
            f"sqlite3 {sqlite} (Python's module), {jq}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--peer":
        run_peer(sys.argv[2:])
    else:
        main()
