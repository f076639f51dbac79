import Foundation
import Testing

@testable import TaskQL

@Suite struct EngineRunTests {
    @Test func divisionByZeroPointsAtTheDivision() throws {
        let q = "tasks | extend z = len(leaders) - len(leaders) | extend x = year / z"
        let d = try #require(try diagnostic(q))
        #expect(d.code.rawValue == "E0401")
        #expect(d.message == "division by zero")
        #expect(d.span == span(of: "year / z", in: q))
    }

    /// Issue 9: arithmetic never wraps or leaves its range silently.
    @Test(arguments: [
        ("tasks | take 2 | extend big = 9223372036854775807 | summarize s = sum(big)", "integer overflow in sum()"),
        ("tasks | take 1 | extend n = -(-9223372036854775807 - 1)", "integer overflow"),
        ("tasks | take 1 | extend d = date(\"9999-12-31\") + 1", "date out of range"),
        ("tasks | take 1 | extend d = date(\"0001-01-01\") - 1", "date out of range"),
    ])
    func arithmeticLimitsAreErrors(query: String, message: String) throws {
        let d = try #require(try diagnostic(query))
        #expect(d.message == message)
    }

    /// Issue 9: `==` on a list column compares whole lists on the column fast
    /// path as in the plain evaluator (it compared each element with the list).
    @Test func listEqualityComparesWholeLists() throws {
        let engine = try Engine.bundled()
        let records = try BundledDatasets.load().flatMap(\.records)
        func count(_ query: String) throws -> Value? { try engine.prepare(query).run().rows.first?.first }
        let exact = records.count { $0.leaders == ["周国强"] }
        #expect(exact > 0)
        #expect(try count(#"tasks | where leaders == ["周国强"] | count"#) == .int(exact))
        #expect(try count(#"tasks | where leaders != ["周国强"] | count"#) == .int(records.count - exact))
        #expect(try count(#"tasks | extend l = leaders | where l == ["周国强"] | count"#) == .int(exact))
    }

    @Test func datesUpToTheLastDayStillCompute() throws {
        let result = try runQuery("tasks | take 1 | extend d = date(\"9999-12-30\") + 1 | select d")
        #expect(result.rows.first?.first == .date(CivilDate(year: 9999, month: 12, day: 31)!))
    }

    @Test func badRegexFromAParameterPointsAtTheParameter() throws {
        let q = "tasks | where text matches $re"
        let d = try #require(try diagnostic(q, parameters: ["re": .string("(a")]))
        #expect(d.code.rawValue == "E0408")
        #expect(d.message == "invalid regular expression: '(' without a closing ')'")
        #expect(d.span == span(of: "$re", in: q))
    }

    @Test func catastrophicPatternsRunInLinearTime() throws {
        let text = String(repeating: "a", count: 5000) + "!"
        let started = ContinuousClock.now
        #expect(try countOf("tasks | where \"\(text)\" matches \"(a+)+$\" | count") == 0)
        #expect(try countOf("tasks | where \"\(text)\" matches \"(a|aa)*!\" | count") == 6)
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test func parametersAreBoundAsTypedValues() throws {
        let q = try prepareQuery("tasks | where leaders has $leader and due < $asof | take $n | select id")
        let r = try q.run(["leader": .string("周国强"), "asof": .date(CivilDate(iso: "2020-12-31")!), "n": .int(5)])
        #expect(column("id", of: r) == ["yx-3"])
        // A date may be given as ISO text.
        let r2 = try q.run(["leader": .string("姜勇"), "asof": .string("2020-07-01"), "n": .int(5)])
        #expect(column("id", of: r2) == ["hm-2"])
        // Text is a value, never query syntax.
        let r3 = try q.run(["leader": .string(#"x" or true or "y"#), "asof": .string("2020-07-01"), "n": .int(5)])
        #expect(r3.rows.isEmpty)
    }

    @Test func missingAndMistypedParametersAreClearErrors() throws {
        let q = "tasks | where leaders has $leader | take $n"
        let missing = try #require(try diagnostic(q, parameters: ["n": .int(1)]))
        #expect(missing.code.rawValue == "E0405")
        #expect(missing.message == "missing parameter $leader")
        #expect(missing.span == span(of: "$leader", in: q))
        let wrong = try #require(try diagnostic(q, parameters: ["leader": .int(3), "n": .int(1)]))
        #expect(wrong.code.rawValue == "E0406")
        #expect(wrong.message == "parameter $leader must be string, got integer")
        let negative = try #require(try diagnostic(q, parameters: ["leader": .string("姜勇"), "n": .int(-1)]))
        #expect(negative.code.rawValue == "E0409")
    }

    @Test func rowBudgetStopsLargeResults() throws {
        let engine = Engine(
            datasets: [EngineFixture.haimen, EngineFixture.yixing], aliases: EngineFixture.aliases,
            options: EngineOptions(maxRows: 4))
        let d = try #require(try diagnostic("tasks", engine: engine))
        #expect(d.code.rawValue == "E0402")
        #expect(try runQuery("tasks | take 4", engine: engine).rows.count == 4)
        #expect(try diagnostic("tasks | explode [1, 2, 3] as n | count", engine: engine)?.code.rawValue == "E0402")
    }

    @Test func timeBudgetStopsLongQueries() throws {
        let big = LargeDataset.shared
        let engine = Engine(datasets: big.datasets, aliases: big.aliases, options: EngineOptions(timeLimit: 0.000_001))
        let d = try #require(try diagnostic(#"tasks | where text contains "5G" | count"#, engine: engine))
        #expect(d.code.rawValue == "E0403")
    }

    @Test func cancelledHandleStopsTheQuery() throws {
        let handle = CancellationHandle()
        handle.cancel()
        #expect(handle.isCancelled)
        do {
            _ = try runQuery("tasks | count", cancellation: handle)
            Issue.record("a cancelled query ran")
        } catch let error as DiagnosticError {
            #expect(error.diagnostics.first?.code.rawValue == "E0404")
        }
    }

    static let slowQuery = #"tasks | where text matches "(完成|建设).*(万|个)$" | count"#

    /// The query runs on its own thread (CPU-bound work on the small
    /// cooperative pool would delay the canceller itself).
    @Test func cancellingARunningQueryStopsItPromptly() throws {
        let query = try prepareQuery(Self.slowQuery, engine: LargeDataset.shared)
        let handle = CancellationHandle()
        let outcome = QueryOutcomeBox()
        let thread = Thread { outcome.set(Result { try query.run(cancellation: handle) }) }
        thread.start()
        Thread.sleep(forTimeInterval: 0.05)
        handle.cancel()
        let cancelledAt = ContinuousClock.now
        let result = outcome.wait()
        #expect(ContinuousClock.now - cancelledAt < .seconds(1))
        #expect(throws: DiagnosticError.self) { try result.get() }
    }

    @Test func swiftTaskCancellationStopsTheQuery() async throws {
        let query = try prepareQuery(Self.slowQuery, engine: LargeDataset.shared)
        let task = Task.detached { try query.run() }
        usleep(50_000)  // blocking on purpose: see the test above
        task.cancel()
        do {
            _ = try await task.value
            Issue.record("the query was not cancelled")
        } catch let error as DiagnosticError {
            #expect(error.diagnostics.first?.code.rawValue == "E0404")
        }
    }

    @Test func onePreparedQueryRunsConcurrentlyWithIdenticalResults() async throws {
        let engine = LargeDataset.shared
        let query = try prepareQuery(
            #"tasks | where lead_units has $unit | explode co_units as c | count by c, city | take 50"#, engine: engine)
        let results = try await withThrowingTaskGroup(of: QueryResult.self) { group in
            for _ in 0..<8 { group.addTask { try query.run(["unit": .string("发改委")]) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 8)
        #expect(!results[0].rows.isEmpty)
        #expect(results.allSatisfy { $0 == results[0] })
    }
}

/// A result handed from a thread to the test that waits for it.
final class QueryOutcomeBox: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: Result<QueryResult, any Error>?

    func set(_ r: Result<QueryResult, any Error>) {
        condition.lock()
        result = r
        condition.signal()
        condition.unlock()
    }

    func wait() -> Result<QueryResult, any Error> {
        condition.lock()
        defer { condition.unlock() }
        while result == nil { condition.wait() }
        return result!
    }
}
