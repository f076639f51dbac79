// taskql-bench: TaskQL's side of `make bench` (Benchmarks/bench.py), in
// process as DuckDB's and sqlite3's sides are: loads the files once, then
// runs each question of a script several times and prints one JSON object
// with the load time, the peak memory after loading, and for every
// question its times and its answer (as CSV cells, for checking against
// the peers). Times include parsing and checking (as SQL peers include
// planning) and rendering the rows as CSV.
//
// `taskql-bench --db URL REPEATS QUESTIONS.json` asks the same questions of
// a PostgreSQL database `taskql push` filled (`make bench-pg`): each time
// includes checking, compiling to SQL, the server's work, and decoding.
import Foundation
import TaskQL
import TaskQLPostgres

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

let commandLine = Array(CommandLine.arguments.dropFirst())
let databaseURL: String? = commandLine.first == "--db" && commandLine.count > 1 ? commandLine[1] : nil
let arguments = databaseURL == nil ? commandLine : Array(commandLine.dropFirst(2))
guard arguments.count >= (databaseURL == nil ? 3 : 2), let repeats = Int(arguments[0]) else {
    FileHandle.standardError.write(
        Data("usage: taskql-bench REPEATS QUESTIONS.json FILE…, or taskql-bench --db URL REPEATS QUESTIONS.json\n".utf8)
    )
    exit(2)
}
do {
    if let databaseURL { try runOnDatabase(databaseURL) } else { try run() }
} catch {
    FileHandle.standardError.write(Data("taskql-bench: \(error)\n".utf8))
    exit(1)
}

/// Times `question` `repeats` times with `answer`, and keeps the last answer as text cells.
func measure(_ question: Question, _ answer: () throws -> QueryResult) throws -> [String: Any] {
    let clock = ContinuousClock()
    let csv = ResultFormatter(format: .csv)
    var times: [Double] = []
    var cells: [[String]] = []
    for _ in 0..<repeats {
        var result: QueryResult?
        let time = try clock.measure {
            let r = try answer()
            _ = csv.render(r)
            result = r
        }
        times.append(milliseconds(time))
        cells = result!.rows.map { $0.map(\.displayText) }
    }
    return ["name": question.name, "ms": times, "rows": cells]
}

func runOnDatabase(_ url: String) throws {
    let questions = try JSONDecoder().decode(
        [Question].self, from: Data(contentsOf: URL(fileURLWithPath: arguments[1])))
    let clock = ContinuousClock()
    var session: Session?
    let connectTime = try clock.measure { session = try PostgresDatabase.connect(url: url).session() }
    guard let session else { return }
    var answers: [[String: Any]] = []
    for question in questions {
        answers.append(
            try measure(question) {
                let outcomes = try session.execute(SourceText(name: question.name, text: question.tql))
                guard case .rows(let result)? = outcomes.last else { throw DatabaseError("no rows") }
                return result
            })
    }
    let report: [String: Any] = [
        "load_ms": milliseconds(connectTime), "peak_bytes": peakMemory(), "tasks": 0, "questions": answers,
    ]
    FileHandle.standardOutput.write(try JSONSerialization.data(withJSONObject: report))
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
    var answers: [[String: Any]] = []
    for question in questions { answers.append(try measure(question) { try engine.prepare(question.tql).run() }) }
    let report: [String: Any] = [
        "load_ms": milliseconds(loadTime), "peak_bytes": memory, "tasks": builder.taskCount, "questions": answers,
    ]
    FileHandle.standardOutput.write(try JSONSerialization.data(withJSONObject: report))
}
