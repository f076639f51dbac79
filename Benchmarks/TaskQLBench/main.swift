// taskql-bench: TaskQL's side of `make bench` (Benchmarks/bench.py), in
// process as DuckDB's and sqlite3's sides are: loads the files once, then
// runs each question of a script several times and prints one JSON object
// with the load time, the peak memory after loading, and for every
// question its times and its answer (as CSV cells, for checking against
// the peers). Times include parsing and checking (as SQL peers include
// planning) and rendering the rows as CSV.
import Foundation
import TaskQL

struct Question: Decodable {
    let name: String
    let tql: String
}

func milliseconds(_ d: Duration) -> Double {
    Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
}

/// The process's peak resident memory (VmHWM), in bytes.
func peakMemory() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
    }
    return 0
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 3, let repeats = Int(arguments[0]) else {
    FileHandle.standardError.write(Data("usage: taskql-bench REPEATS QUESTIONS.json FILE…\n".utf8))
    exit(2)
}
do {
    try run()
} catch {
    FileHandle.standardError.write(Data("taskql-bench: \(error)\n".utf8))
    exit(1)
}

func run() throws {
    let questions = try JSONDecoder().decode(
        [Question].self, from: Data(contentsOf: URL(fileURLWithPath: arguments[1])))
    let clock = ContinuousClock()
    var builder = EngineBuilder()
    // TASKQL_THREADS=1: the one-thread column of the results.
    let threads = ProcessInfo.processInfo.environment["TASKQL_THREADS"].flatMap { Int($0) }
    var engine: Engine?
    // Loading ends with an engine to query: what depends on all rows
    // (ranks, canonical units, ASCII projections) is worked out in `build`.
    let loadTime = try clock.measure {
        for path in arguments.dropFirst(2) { _ = try builder.load(path) }
        engine = builder.build(options: EngineOptions(threads: threads))
    }
    guard let engine else { return }
    let memory = peakMemory()
    let csv = ResultFormatter(format: .csv)
    var answers: [[String: Any]] = []
    for question in questions {
        var times: [Double] = []
        var cells: [[String]] = []
        for _ in 0..<repeats {
            var rendered = ""
            var result: QueryResult?
            let time = try clock.measure {
                let r = try engine.prepare(question.tql).run()
                rendered = csv.render(r)
                result = r
            }
            times.append(milliseconds(time))
            cells = result!.rows.map { $0.map(\.displayText) }
            _ = rendered
        }
        answers.append(["name": question.name, "ms": times, "rows": cells])
    }
    let report: [String: Any] = [
        "load_ms": milliseconds(loadTime), "peak_bytes": memory, "tasks": builder.taskCount, "questions": answers,
    ]
    FileHandle.standardOutput.write(try JSONSerialization.data(withJSONObject: report))
}
