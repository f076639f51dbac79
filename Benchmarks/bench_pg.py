#!/usr/bin/env python3
"""make bench-pg: the questions of `make bench` (bench.py's QUESTIONS) asked
of a PostgreSQL database beside the in-memory engine, at each size in
BENCH_PG_SIZES (default 1000000 10000000).

For each size: the generated tasks (bench.py's files) are pushed with
`taskql push` (timed: COPY, indexes, ANALYZE), then taskql-bench asks every
question BENCH_REPEATS times (default 3) in memory and with --db; the
answers must be equal, and the medians go to a Markdown table on stdout and,
with --results FILE, to FILE (Benchmarks/RESULTS-postgres.md). A database
time includes checking, compiling to SQL, the server's work and decoding.

The server is a private one started here (initdb in /tmp/taskql-bench-pg, a unix
socket, as the postgres user when run as root), or TASKQL_BENCH_POSTGRES=URL.
Its settings are those of a dedicated machine of this size:
shared_buffers 4GB, work_mem 256MB, two parallel workers per query."""
import json, os, statistics, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402  (QUESTIONS, dataset(), machine())

ROOT = bench.ROOT
TASKQL = bench.TASKQL
BENCH = bench.BENCH
# Outside the checkout: the server runs as the postgres user, who may not
# enter the project's folders.
PGDIR = "/tmp/taskql-bench-pg"
PORT = 55434


def pg_bin():
    root = "/usr/lib/postgresql"
    versions = sorted((int(v) for v in os.listdir(root) if v.isdigit()), reverse=True) if os.path.isdir(root) else []
    for v in versions:
        if os.path.exists(f"{root}/{v}/bin/initdb"):
            return f"{root}/{v}/bin"
    sys.exit("no PostgreSQL server programs: make deps installs Debian's postgresql")


def as_server(args):
    return (["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []) + args


def start_server():
    if os.environ.get("TASKQL_BENCH_POSTGRES"):
        return os.environ["TASKQL_BENCH_POSTGRES"], None
    bin_dir = pg_bin()
    if os.path.exists(PGDIR):
        subprocess.run(as_server([f"{bin_dir}/pg_ctl", "-D", f"{PGDIR}/data", "-m", "immediate", "stop"]),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        subprocess.run(["rm", "-rf", PGDIR], check=True)
    os.makedirs(PGDIR)
    if os.getuid() == 0:
        subprocess.run(["chown", "postgres:postgres", PGDIR], check=True)
    log = open(os.path.join(PGDIR, "setup.log"), "w")
    subprocess.run(as_server([f"{bin_dir}/initdb", "-D", f"{PGDIR}/data", "-U", "taskql", "--auth=trust",
                              "-E", "UTF8", "--locale=C", "--no-sync"]), stdout=log, stderr=log, check=True)
    options = (f"-k {PGDIR} -c listen_addresses= -p {PORT} -c shared_buffers=4GB -c work_mem=256MB "
               "-c max_parallel_workers_per_gather=2 -c maintenance_work_mem=1GB -c max_wal_size=8GB "
               "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
    # Output to a file, never a pipe: the server keeps what it inherits open.
    subprocess.run(as_server([f"{bin_dir}/pg_ctl", "-D", f"{PGDIR}/data", "-l", f"{PGDIR}/server.log",
                              "-o", options, "-w", "-t", "120", "start"]),
                   stdout=log, stderr=log, stdin=subprocess.DEVNULL, check=True)
    return f"postgres:///taskql_bench?host={PGDIR}&port={PORT}&user=taskql", bin_dir


def stop_server(bin_dir):
    if bin_dir:
        subprocess.run(as_server([f"{bin_dir}/pg_ctl", "-D", f"{PGDIR}/data", "-m", "fast", "-w", "stop"]),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def fresh_database(url, bin_dir):
    if bin_dir:
        for sql in ["DROP DATABASE IF EXISTS taskql_bench WITH (FORCE)", "CREATE DATABASE taskql_bench"]:
            subprocess.run(["psql", "-h", PGDIR, "-p", str(PORT), "-U", "taskql", "-d", "postgres", "-q", "-c", sql],
                           stdout=subprocess.DEVNULL, check=True)


def dataset(n):
    """bench.py's generated file of n tasks (made here when missing; the
    peers' copy with canonical columns is not needed)."""
    path = os.path.join(bench.DATA, f"tasks-{n}.jsonl")
    if not os.path.exists(path):
        subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks/generate.py"), str(n), path + ".part"],
                       check=True)
        os.replace(path + ".part", path)
    return path


def ask(args, questions_file, repeats):
    """taskql-bench on FILE (in memory) or --db URL."""
    before, after = (args, []) if args[0] == "--db" else ([], args)
    run = subprocess.run([BENCH] + before + [str(repeats), questions_file] + after, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"taskql-bench failed:\n{run.stderr}")
    return json.loads(run.stdout)


def main():
    sizes = [int(s) for s in os.environ.get("BENCH_PG_SIZES", "1000000 10000000").split()]
    repeats = int(os.environ.get("BENCH_REPEATS", "3"))
    results_file = sys.argv[sys.argv.index("--results") + 1] if "--results" in sys.argv else None
    os.makedirs(bench.DATA, exist_ok=True)
    questions_file = os.path.join(bench.DATA, "questions.json")
    with open(questions_file, "w", encoding="utf-8") as f:
        json.dump([dict(name=q["name"], tql=q["tql"]) for q in bench.QUESTIONS], f, ensure_ascii=False)
    url, bin_dir = start_server()
    lines = ["# TaskQL in memory beside TaskQL on PostgreSQL", "",
             f"One `make bench-pg` run on {bench.machine()}; PostgreSQL "
             + subprocess.run(["psql", "--version"], capture_output=True, text=True).stdout.split()[2]
             + " on the same machine (unix socket; shared_buffers 4GB, work_mem 256MB, 2 parallel workers).",
             f"Times are medians of {repeats} runs, in milliseconds: in memory as in `make bench`; on the database "
             "checking, compiling to SQL, the server's work, the rows back and decoded. Every answer was checked "
             "equal.", ""]
    failures = []
    try:
        for n in sizes:
            print(f"== {n:,} tasks", file=sys.stderr)
            path = dataset(n)
            fresh_database(url, bin_dir)
            started = time.monotonic()
            push = subprocess.run([TASKQL, "push", path, "--db", url], capture_output=True, text=True)
            if push.returncode != 0:
                sys.exit(f"taskql push failed:\n{push.stderr}")
            push_ms = (time.monotonic() - started) * 1000
            memory = ask([path], questions_file, repeats)
            database = ask(["--db", url], questions_file, repeats)
            lines += [f"## {n:,} tasks", "",
                      f"Push (`taskql push`, COPY, indexes, ANALYZE): {push_ms / 1000:.1f} s. "
                      f"In-memory load (snapshot): {memory['load_ms'] / 1000:.1f} s.", "",
                      "| question | in memory | PostgreSQL | ratio |", "|---|---:|---:|---:|"]
            for m, d in zip(memory["questions"], database["questions"]):
                if m["rows"] != d["rows"]:
                    failures.append(f"{n}: {m['name']}: in memory {m['rows'][:3]}, PostgreSQL {d['rows'][:3]}")
                mm, dm = statistics.median(m["ms"]), statistics.median(d["ms"])
                lines.append(f"| {m['name']} | {bench.fmt_ms(mm)} | {bench.fmt_ms(dm)} | {dm / mm:.1f} |")
            lines.append("")
    finally:
        stop_server(bin_dir)
    lines += ["`ratio` is PostgreSQL ÷ in memory: how many times longer the database takes.",
              "How each question reads: `Benchmarks/bench.py` (QUESTIONS); the SQL each compiles to: "
              "`taskql --db URL -c 'explain …'`."]
    bench.publish(lines, results_file, failures)


if __name__ == "__main__":
    main()
