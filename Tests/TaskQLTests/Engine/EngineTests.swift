import Foundation
import Testing
@testable import TaskQL

@Suite struct EngineTests {
    @Test func concurrentRunsAgree() async throws {
        let query = try SampleTasks.engine().prepare("tasks | explode units as u | count by unit(u)")
        let expected = try query.run()
        let results = try await withThrowingTaskGroup(of: QueryResult.self) { group in
            for _ in 0..<8 { group.addTask { try query.run([:], cancellation: nil) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test func cancelledQueryStops() throws {
        let big = (0..<200_000).map { SampleTasks.record($0, text: "任务\($0)", lead: ["交通局"]) }
        let engine = Engine(datasets: [Dataset(name: "big", documents: [], records: big)], aliases: SampleTasks.aliases)
        let query = try engine.prepare("tasks | where text contains \"9\" | count")
        let handle = CancellationHandle()
        handle.cancel()
        #expect(throws: DiagnosticError.self) { try query.run([:], cancellation: handle) }
    }

    @Test func rowBudgetIsEnforced() throws {
        let engine = SampleTasks.engine(options: EngineOptions(maxRows: 2))
        do {
            _ = try engine.prepare("tasks").run()
            Issue.record("expected the row limit")
        } catch {
            #expect(error.diagnostics[0].code == "E0412")
        }
        #expect(try engine.prepare("tasks | take 2").run().rows.count == 2)
    }

    @Test func namesForCompletion() {
        let engine = SampleTasks.engine()
        #expect(engine.unitNames.first == "交通局")
        #expect(engine.fieldNames.contains("牵头单位"))
        #expect(engine.functionNames.contains("dcount"))
    }
}
