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

    @Test func sandboxedEngineRefusesToLoadFiles() throws {
        let engine = Engine(datasets: [EngineFixture.haimen], aliases: EngineFixture.aliases, options: .sandboxed)
        let session = Session(engine: engine)
        do {
            _ = try execute(session, #"load "/etc/passwd""#)
            Issue.record("load ran in a sandboxed engine")
        } catch let error as DiagnosticError {
            #expect(error.diagnostics.first?.code == "E0311")
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
            #expect(error.diagnostics.first?.code == "E0401")
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
