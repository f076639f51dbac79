import Foundation
import TaskQLPostgres
import TaskQLTestSupport
import Testing

@testable import TaskQL

/// Issue 14.4: one language on two engines. The bundled seeds and the
/// synthetic tasks (each in a database of its own: they have different
/// unit aliases) are pushed into a real PostgreSQL (``LocalPostgres``);
/// thousands of generated well-typed queries then run in memory and on the
/// database, and must give the same rows in the same order, or fail with
/// the same code. A query the compiler cannot compile (E0601) is counted,
/// never compared; the counts are asserted so that the compiled share
/// cannot quietly shrink.
@Suite(.serialized) struct PostgresDifferentialTests {
    /// The day `today()` is on both engines.
    static let asOf = CivilDate(iso: "2020-07-15")!

    /// An engine, and a session on its data pushed into database `name`
    /// (a session is one caller's; the suite runs its tests one at a time).
    struct Pair: @unchecked Sendable {
        let memory: Engine
        let database: PostgresDatabase
        let session: Session

        init(_ engine: Engine, database name: String) throws {
            var options = engine.options
            options.asOf = PostgresDifferentialTests.asOf
            memory = Engine(catalog: engine.catalog, table: engine.table, aliases: engine.aliases, options: options)
            database = try PostgresDatabase.connect(url: try LocalPostgres.freshDatabase(name))
            try database.push(memory)
            session = try database.session(options: options)
        }
    }

    static let seeds = Result { try Pair(try BundledData.engine(), database: "taskql_seeds") }
    static let synthetic = Result { try Pair(SyntheticTasks.engine, database: "taskql_synthetic") }

    /// What a query gives, decimals rounded to 9 significant digits
    /// (PostgreSQL's `avg` sums in another order than Swift's).
    enum Outcome: Equatable {
        case rows(columns: [String], rows: [[Value]])
        case failure(code: String)
        /// E0601, with the construct it names.
        case notCompiled(String)
        case rejected
    }

    static func rounded(_ rows: [[Value]]) -> [[Value]] {
        func round(_ v: Value) -> Value {
            switch v {
            case .decimal(let d) where d.isFinite && d != 0:
                let scale = pow(10, 9 - ceil(log10(abs(d))))
                return .decimal((d * scale).rounded() / scale)
            case .list(let items): return .list(items.map(round))
            default: return v
            }
        }
        return rows.map { $0.map(round) }
    }

    static func memoryOutcome(_ text: String, on engine: Engine) -> Outcome {
        let query: PreparedQuery
        do { query = try engine.prepare(text) } catch { return .rejected }
        do {
            let result = try query.run()
            return .rows(columns: result.columns, rows: rounded(result.rows))
        } catch {
            return .failure(code: error.diagnostics.first.map { "\($0.code)" } ?? "")
        }
    }

    static func databaseOutcome(_ text: String, on session: Session) -> Outcome {
        do {
            let outcomes = try session.execute(SourceText(name: "<generated>", text: text))
            guard case .rows(let result)? = outcomes.last else { return .failure(code: "no rows") }
            return .rows(columns: result.columns, rows: rounded(result.rows))
        } catch {
            let code = error.diagnostics.first.map { "\($0.code)" } ?? ""
            let construct = error.diagnostics.first?.message.components(separatedBy: " cannot be compiled").first
            return code == "E0601" ? .notCompiled(construct ?? "") : .failure(code: code)
        }
    }

    struct Tally: CustomStringConvertible {
        var compared = 0
        var withRows = 0
        var notCompiled = 0
        var constructs: [String: Int] = [:]
        /// A run-time error (E0401, E0407) on one engine and rows on the
        /// other: SQL evaluates in no fixed order, so the server may skip
        /// an expression no row needs, or test a condition before the one
        /// that would have removed the row (Docs/POSTGRES.md).
        var errorsInAnotherOrder = 0
        var mismatches: [String] = []
        var description: String {
            let named = constructs.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }
            return
                "\(compared) compared (\(withRows) with rows, \(errorsInAnotherOrder) a run-time error on one side), "
                + "\(notCompiled) not compiled (E0601: " + named.joined(separator: ", ") + ")"
        }
    }

    /// Generated queries until `count` have been compared.
    static func compare(_ pair: Pair, vocabulary: [String], seed: UInt64, count: Int) -> Tally {
        var generator = QueryGenerator(
            seed: seed, vocabulary: vocabulary, sources: ["tasks"] + pair.memory.datasetNames)
        var tally = Tally()
        var attempts = 0
        while tally.compared < count, attempts < count * 6 {
            attempts += 1
            let text = generator.query()
            let memory = memoryOutcome(text, on: pair.memory)
            guard memory != .rejected else { continue }
            let database = databaseOutcome(text, on: pair.session)
            if case .notCompiled(let construct) = database {
                tally.notCompiled += 1
                tally.constructs[construct, default: 0] += 1
                continue
            }
            tally.compared += 1
            if case .rows(_, let rows) = memory, !rows.isEmpty { tally.withRows += 1 }
            if Self.isEvaluationOrder(memory, database) {
                tally.errorsInAnotherOrder += 1
            } else if memory != database, tally.mismatches.count < 6 {
                tally.mismatches.append("\(text)\n  memory:   \(memory)\n  database: \(database)")
            }
        }
        if ProcessInfo.processInfo.environment["TASKQL_TALLY"] != nil { print("postgres tally: \(tally)") }
        return tally
    }

    /// Rows on one side, a data-dependent run-time error on the other.
    static func isEvaluationOrder(_ a: Outcome, _ b: Outcome) -> Bool {
        switch (a, b) {
        case (.failure(let code), .rows), (.rows, .failure(let code)): ["E0401", "E0407"].contains(code)
        default: false
        }
    }

    @Test func generatedQueriesAgreeOnTheSeeds() throws {
        let pair = try Self.seeds.get()
        let tally = Self.compare(pair, vocabulary: try BundledData.vocabulary(), seed: 14, count: 3_000)
        #expect(tally.compared == 3_000, "\(tally)")
        #expect(tally.withRows > 1_500, "\(tally)")
        #expect(tally.errorsInAnotherOrder < 30, "\(tally)")
        #expect(tally.notCompiled < 300, "the compiled share shrank: \(tally)")
        #expect(tally.mismatches.isEmpty, "\(tally)\n\(tally.mismatches.joined(separator: "\n"))")
    }

    @Test func generatedQueriesAgreeOnSyntheticTasks() throws {
        let pair = try Self.synthetic.get()
        let tally = Self.compare(pair, vocabulary: SyntheticTasks.vocabulary, seed: 1_401, count: 3_000)
        #expect(tally.compared == 3_000, "\(tally)")
        #expect(tally.withRows > 1_500, "\(tally)")
        // Dates of 9999-12-31 in the data: `due + n` is out of range there.
        #expect(tally.errorsInAnotherOrder < 60, "\(tally)")
        #expect(tally.notCompiled < 300, "the compiled share shrank: \(tally)")
        #expect(tally.mismatches.isEmpty, "\(tally)\n\(tally.mismatches.joined(separator: "\n"))")
    }

    /// The shapes the issue names, and the supervision questions.
    @Test(arguments: [
        "tasks | explode lead_units as u | count by unit(u) | take 5",
        #"tasks | where lead_units has "发展改革委" | count by city"#,
        #"tasks | where overdue(due) | sort by due, id | select id, due, days_left(due)"#,
        #"tasks | where text contains "5g" or title contains "5G" | count"#,
        #"tasks | search "养老" | count by kind"#,
        "tasks | summarize n = count(), d = dcount(lead_units), first = min(due) by city",
        "tasks | extend l = light(due) | count by city, l",
        "tasks | where year / 0 > 1 | count",
        "tasks | explode leaders as who | count by who | top 3 by count desc, who",
        "tasks | sort by int(number) desc, id | take 30 | select id, number, int(number) as n",
        "tasks | take 40 | extend k = int(number) | where k > 3 | count by k",
        #"tasks | where text matches "[0-9]+(万|亿)元" and not (title matches "^\\s*$") | count by city"#,
        "tasks | summarize units = list(lead_units), n = dcount(co_units) by kind",
    ])
    func namedShapesAgree(_ text: String) throws {
        let pair = try Self.seeds.get()
        let memory = Self.memoryOutcome(text, on: pair.memory)
        #expect(memory != .rejected)
        #expect(Self.databaseOutcome(text, on: pair.session) == memory, "\(text)")
    }

    /// The database's session checks as the in-memory engine does: the
    /// same datasets, fields (extra columns too) and unit names.
    @Test func theDatabaseIsDescribedAsTheEngine() throws {
        let pair = try Self.seeds.get()
        let engine = pair.session.engine
        #expect(engine.summaries == pair.memory.summaries)
        #expect(engine.fieldNames == pair.memory.fieldNames)
        #expect(Set(engine.unitNames) == Set(pair.memory.unitNames))
        #expect(engine.fieldValues()["city"].map(Set.init) == pair.memory.fieldValues()["city"].map(Set.init))
        #expect(throws: DiagnosticError.self) {
            try pair.session.execute(SourceText(name: "q", text: #"tasks | where lead_units has "没有这个局""#))
        }
    }

    /// Pushing a dataset again replaces it, in its place; a push with other
    /// aliases is refused and changes nothing.
    @Test func pushingAgainReplaces() throws {
        let url = try LocalPostgres.freshDatabase("taskql_repush")
        let database = try PostgresDatabase.connect(url: url)
        defer { database.close() }
        let engine = try BundledData.engine()
        let first = try database.push(engine)
        #expect(first.allSatisfy { !$0.replaced })
        let second = try database.push(engine, datasets: [engine.datasetNames[0]])
        #expect(second.map(\.replaced) == [true])
        #expect(try database.run("tasks | count").rows == [[.int(engine.table.count)]])
        #expect(try database.session().engine.datasetNames == engine.datasetNames)
        var other = UnitAliases.builtIn
        other.add(alias: "某某局", canonical: "发改委")
        let changed = Engine(datasets: try BundledDatasets.load(), aliases: other)
        #expect {
            try database.push(changed)
        } throws: { error in
            "\(error)".contains("other unit aliases")
        }
        #expect(try database.run("tasks | count").rows == [[.int(engine.table.count)]])
    }

    /// Ctrl-C (the cancellation handle) stops a statement the server is
    /// running: it is cancelled there, and the call returns at once.
    @Test func cancellingStopsTheServersStatement() throws {
        let pair = try Self.seeds.get()
        let handle = CancellationHandle()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { handle.cancel() }
        let started = Date()
        let sleep = SQLQuery(text: "SELECT pg_sleep(20)::text", parameters: [], columns: ["x"], columnTypes: [.string])
        #expect(throws: DatabaseError.self) { try pair.database.rows(of: sleep, cancellation: handle) }
        #expect(Date().timeIntervalSince(started) < 5, "cancelled at the server, not waited out")
        #expect(try pair.database.run("tasks | count").rows == [[.int(pair.memory.table.count)]])
    }

    /// Errors say where and why: a refused login, a wrong URL, a database
    /// with no TaskQL tables, `load` in a database session.
    @Test func failuresAreClear() throws {
        #expect {
            try PostgresDatabase.connect(url: "mysql://x")
        } throws: { "\($0)".contains("not a PostgreSQL URL") }
        let url = try LocalPostgres.freshDatabase("taskql_empty")
        let empty = try PostgresDatabase.connect(url: url)
        defer { empty.close() }
        #expect {
            try empty.session()
        } throws: { "\($0)".contains("taskql push") }
        let pair = try Self.seeds.get()
        #expect {
            try pair.session.execute(SourceText(name: "q", text: #"load "x.jsonl""#))
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.first?.help?.contains("taskql push") == true
        }
    }
}
