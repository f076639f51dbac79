import Foundation
import Testing

@testable import TaskQL

@Suite struct SessionTests {
    private func execute(_ session: Session, _ text: String, _ parameters: [String: Value] = [:]) throws
        -> [StatementOutcome]
    {
        let source = SourceText(name: "<session>", text: text)
        return try session.execute(try parseForTest(source), source: source, parameters: parameters)
    }

    @Test func letNamesPersistAcrossInputs() throws {
        let session = Session(engine: EngineFixture.engine)
        let first = try execute(session, "let mine = tasks | where leaders has $leader")
        guard case .bound(let name) = first.first else {
            Issue.record("not bound")
            return
        }
        #expect(name == "mine")
        #expect(session.boundNames == ["mine"])
        let outcomes = try execute(session, "mine | where due < 2020-07-01 | count", ["leader": .string("姜勇")])
        guard case .rows(let r) = outcomes.first else {
            Issue.record("no rows")
            return
        }
        #expect(r.rows == [[.int(1)]])
    }

    @Test func statementsRunInOrderAndLetsBuildOnLets() throws {
        let session = Session(engine: EngineFixture.engine)
        let outcomes = try execute(
            session, #"let hm = tasks | where city == "海门"; let keyTasks = hm | where kind == "key"; keyTasks | count"#)
        #expect(outcomes.count == 3)
        guard case .rows(let r) = outcomes.last else {
            Issue.record("no rows")
            return
        }
        #expect(r.rows == [[.int(2)]])
    }

    /// `load "path"` brings a file in as one dataset (named after the file
    /// when it holds several); loading the file again replaces it: a reload.
    @Test func loadKeepsDatasetsApartAsJoinsAndReloadReplaces() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let two = directory.appendingPathComponent("two-cities.jsonl").path
        try DatasetFile.write([EngineFixture.nextYear(EngineFixture.haimen), EngineFixture.yixing], to: two)
        let session = Session(engine: Engine(datasets: [EngineFixture.haimen], aliases: EngineFixture.aliases))
        func count(_ query: String) throws -> Value? {
            guard case .rows(let r) = try execute(session, query).last else { return nil }
            return r.rows.first?.last
        }
        let total = 3 + EngineFixture.yixing.records.count
        // The file's datasets keep their names; `haimen` is taken by the
        // session's own, so the load is refused with a free name to use.
        let taken = try #require(throws: DiagnosticError.self) { try execute(session, "load \"\(two)\"") }
        #expect(taken.diagnostics.first?.help == "load it under another name: load \"\(two)\" as two_cities")
        #expect(session.engine.datasetNames == ["haimen"])
        guard case .loaded(let loaded) = try execute(session, "load \"\(two)\" as two_cities").first,
            let summary = loaded.first
        else {
            Issue.record("not loaded")
            return
        }
        #expect(loaded.count == 1)
        #expect(summary == DatasetSummary(name: "two_cities", taskCount: total, cities: ["宜兴", "海门"]))
        #expect(session.engine.datasetNames == ["haimen", "two_cities"])
        #expect(
            try count("two_cities | where lead_units has \"发改委\" | count")
                == count("tasks | where dataset == \"two_cities\" and lead_units has \"发改委\" | count"))
        // Reloading replaces, and says so; the tasks are there once.
        guard case .replaced(let again) = try execute(session, "load \"\(two)\" as two_cities").first else {
            Issue.record("not replaced")
            return
        }
        #expect(again == [summary])
        #expect(try count("tasks | count") == .int(3 + total))
        // Under another name its tasks would be loaded twice.
        let error = try #require(throws: DiagnosticError.self) { try execute(session, "load \"\(two)\" as both") }
        #expect(
            error.diagnostics.first?.message
                == "cannot load '\(two)': task 'hm-1-2021' is already loaded, in dataset two_cities (from \(two)): is this the same document again? A task is loaded once"
        )
        #expect(session.engine.datasetNames == ["haimen", "two_cities"])
        // `as` names it in a session without it.
        let fresh = Session(engine: Engine(datasets: [EngineFixture.haimen], aliases: EngineFixture.aliases))
        _ = try execute(fresh, "load \"\(two)\" as both")
        #expect(fresh.engine.datasetNames == ["haimen", "both"])
    }

    /// `load … as NAME` refuses a name no query could use (issue 9): `tasks`
    /// is every loaded task, a keyword lexes as a keyword; nothing is loaded.
    @Test(arguments: [
        (
            "tasks",
            "'tasks' cannot name a dataset: it means every loaded task, so the dataset could never be queried on its own"
        ),
        ("where", "'where' cannot name a dataset: it is a keyword of TQL"),
        ("count", "'count' cannot name a dataset: it is a keyword of TQL"),
    ])
    func loadRefusesANameNoQueryCouldUse(name: String, message: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("as-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("hm.jsonl").path
        try DatasetFile.write([EngineFixture.yixing], to: file)
        let session = Session(engine: Engine(datasets: [EngineFixture.haimen], aliases: EngineFixture.aliases))
        let statement = "load \"\(file)\" as \(name)"
        let error = try #require(throws: DiagnosticError.self) { try execute(session, statement) }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.code.rawValue == "E0317")
        #expect(diagnostic.message == message)
        #expect(diagnostic.help == "choose another name, e.g. load \"\(file)\" as hm")
        #expect(diagnostic.span == SourceSpan(start: statement.utf8.count - name.utf8.count, end: statement.utf8.count))
        #expect(session.engine.datasetNames == ["haimen"], "nothing was loaded")
    }

    /// A reserved word after `as` is a parse error that says so.
    @Test(arguments: ["by", "in", "load", "null"])
    func aReservedWordAfterAsSaysItIsReserved(word: String) throws {
        let (_, diagnostics) = Parser.parseRecovering(SourceText(name: "<t>", text: "load \"x.jsonl\" as \(word)"))
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.message == "expected a dataset name after 'as', found '\(word)'")
        #expect(diagnostic.help == "'\(word)' is a reserved word; choose another name")
    }

    @Test func sandboxedEngineRefusesToLoadFiles() throws {
        let engine = Engine(datasets: [EngineFixture.haimen], aliases: EngineFixture.aliases, options: .sandboxed)
        let session = Session(engine: engine)
        do {
            _ = try execute(session, #"load "/etc/passwd""#)
            Issue.record("load ran in a sandboxed engine")
        } catch let error as DiagnosticError {
            #expect(error.diagnostics.first?.code.rawValue == "E0311")
            #expect(error.diagnostics.first?.message == "file access is not allowed in this engine")
        }
    }

    @Test func runtimeErrorsInsideALetPointIntoTheLetsText() throws {
        let session = Session(engine: EngineFixture.engine)
        _ = try execute(session, "let bad = tasks | extend x = 1 / (year - year)")
        do {
            _ = try execute(session, "bad | count")
            Issue.record("no error")
        } catch let error as DiagnosticError {
            #expect(error.diagnostics.first?.code.rawValue == "E0401")
            #expect(error.source.text == "let bad = tasks | extend x = 1 / (year - year)")
        }
    }

    @Test func engineNamesForCompletion() throws {
        let engine = EngineFixture.engine
        // 市发展改革委 and 发展改革委 are printed twice each; ties go by name.
        #expect(Array(engine.unitNames.prefix(2)) == ["发展改革委", "市发展改革委"])
        #expect(engine.leaderNames.first == "周国强")
        #expect(engine.fieldNames.contains("lead_units") && engine.fieldNames.contains("牵头单位"))
        #expect(engine.functionNames.contains("dcount"))
        #expect(engine.schema.count == 17)
        #expect(engine.schema.first { $0.name == "due" }?.type == .date)
    }
}
