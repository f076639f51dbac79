import Testing
@testable import TaskQL

@Suite struct StageTests {
    @Test func selectRenamesAndKeepsOrder() throws {
        let result = try SampleTasks.engine().prepare("tasks | select city, number as n, len(text) as chars | take 2").run()
        #expect(result.columns == ["city", "n", "chars"])
        #expect(result.rows.map { $0.map(\.displayText) } == [["海门", "1", "8"], ["海门", "2", "6"]])
    }

    @Test func extendAddsColumns() throws {
        let rows = try SampleTasks.rows("tasks | extend late = due > 2020-06-30 | where late | select number")
        #expect(rows == [["2"], ["5"]])
    }

    @Test func sortIsStableWithNullsLast() throws {
        #expect(try SampleTasks.rows("tasks | sort by due desc | select number") == [["2"], ["5"], ["1"], ["4"], ["3"]])
        #expect(try SampleTasks.rows("tasks | sort by due | select number") == [["4"], ["1"], ["2"], ["5"], ["3"]])
        #expect(try SampleTasks.rows("tasks | sort by city, number desc | select number") == [["5"], ["4"], ["3"], ["2"], ["1"]])
    }

    @Test func takeSkipTop() throws {
        #expect(try SampleTasks.rows("tasks | skip 3 | select number") == [["4"], ["5"]])
        #expect(try SampleTasks.rows("tasks | top 2 by len(text) desc | select number") == [["4"], ["5"]])
        #expect(try SampleTasks.rows("tasks | take $n | select number", ["n": .int(1)]) == [["1"]])
    }

    @Test func countByOrdersByCountThenKey() throws {
        let result = try SampleTasks.engine().prepare("tasks | count by city").run()
        #expect(result.columns == ["city", "count"])
        #expect(result.rows.map { $0.map(\.displayText) } == [["宜兴", "2"], ["海门", "2"], ["太仓", "1"]])
    }

    @Test func countOfNothingIsZero() throws {
        #expect(try SampleTasks.count("tasks | where city == \"无\" | count") == 0)
    }

    @Test func summarizeGroupsByKeysAscending() throws {
        let rows = try SampleTasks.rows("tasks | summarize n = count(), units = dcount(lead_units), first_due = min(due) by city")
        #expect(rows == [["太仓", "1", "1", "2020-12-31"], ["宜兴", "2", "2", "2020-03-31"], ["海门", "2", "3", "2020-06-30"]])
    }

    @Test func summarizeWithoutKeys() throws {
        #expect(try SampleTasks.rows("tasks | summarize n = count(), y = sum(year), a = avg(len(text))") == [["5", "10100", "9.8"]])
    }

    @Test func explodeAndGroupByCanonicalUnit() throws {
        let rows = try SampleTasks.rows("tasks | explode lead_units as u | count by unit(u)")
        #expect(rows == [["发改委", "2"], ["商务局", "2"], ["交通局", "1"], ["住建局", "1"]])
    }

    @Test func distinctKeepsFirstSeenOrder() throws {
        #expect(try SampleTasks.rows("tasks | distinct city") == [["海门"], ["宜兴"], ["太仓"]])
    }

    @Test func searchLooksAtAllTextFieldsIgnoringCase() throws {
        #expect(try SampleTasks.rows("tasks | search \"5g\" | select number") == [["1"]])
        #expect(try SampleTasks.rows("tasks | search \"姜勇\" | select number") == [["2"]])
        #expect(try SampleTasks.rows("tasks | search \"综合\" | select number") == [["5"]])
    }

    @Test func chartMarksTheResult() throws {
        let result = try SampleTasks.engine().prepare("tasks | count by city | chart").run()
        #expect(result.isChart)
    }

    @Test func wholeTaskRowsUseTheDefaultColumns() throws {
        let result = try SampleTasks.engine().prepare("tasks | take 1").run()
        #expect(result.columns == ["id", "city", "kind", "number", "text", "leaders", "lead_units", "co_units", "deadline", "due"])
    }

    @Test func letBindingsPersistInASession() throws {
        let session = Session(engine: SampleTasks.engine())
        let source = SourceText(name: "s.tql", text: "let mine = tasks | where leaders has $leader\nmine | count")
        let outcomes = try session.execute(source, parameters: ["leader": .string("周国强")])
        guard case .rows(let r) = outcomes.last else { Issue.record("no rows"); return }
        #expect(r.rows == [[.int(2)]])
        #expect(session.boundNames == ["mine"])
    }
}
