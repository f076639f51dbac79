import Testing
@testable import TaskQL

@Suite struct OperatorTests {
    @Test(arguments: [
        ("tasks | where city == \"海门\" | count", 2),
        ("tasks | where 城市 == \"宜兴\" | count", 2),
        ("tasks | where city != \"海门\" | count", 3),
        ("tasks | where lead_units has \"发改委\" | count", 2),
        ("tasks | where units has \"发改委\" | count", 4),
        ("tasks | where co_units has \"发改委\" | count", 2),
        ("tasks | where 牵头单位 has \"市发展改革委\" | count", 2),
        ("tasks | where leaders has \"姜勇\" | count", 1),
        ("tasks | where due <= 2020-06-30 | count", 2),
        ("tasks | where due < \"2020-06-30\" | count", 1),
        ("tasks | where due is null | count", 1),
        ("tasks | where due is not null | count", 4),
        ("tasks | where due > 2020-01-01 or due is null | count", 5),
        ("tasks | where not (city == \"海门\") | count", 3),
        ("tasks | where city in [\"海门\", \"太仓\"] | count", 3),
        ("tasks | where city not in [\"海门\", \"太仓\"] | count", 2),
        ("tasks | where text contains \"5G\" | count", 1),
        ("tasks | where text startswith \"加快\" | count", 1),
        ("tasks | where text endswith \"左右\" | count", 1),
        ("tasks | where text matches \"[0-9]+个\" | count", 1),
        ("tasks | where len(leaders) == 0 | count", 1),
        ("tasks | where month(due) == 12 | count", 2),
        ("tasks | where due - 2020-06-30 == 184 | count", 2),
        ("tasks | where due + 1 == 2020-07-01 | count", 1),
        ("tasks | where year == 2020 and kind == \"key\" | count", 3),
        ("tasks | where coalesce(deadline, \"无\") == \"无\" | count", 1),
        ("tasks | where unit(\"市发展改革委\") == \"发改委\" | count", 5),
        ("tasks | where lower(\"ABC\") == \"abc\" and upper(\"x\") == \"X\" and trim(\" a \") == \"a\" | count", 5),
    ])
    func counts(_ query: String, _ expected: Int) throws {
        #expect(try SampleTasks.count(query) == expected, "\(query)")
    }

    @Test func nullComparesFalseBothWays() throws {
        #expect(try SampleTasks.count("tasks | where due == null | count") == 0)
        #expect(try SampleTasks.count("tasks | where due != 2020-12-31 | count") == 2)
    }

    @Test func arithmetic() throws {
        let rows = try SampleTasks.rows("tasks | take 1 | select 7 / 2 as a, 7 * 2 as b, 7 - 9 as c, \"a\" + \"b\" as d, days(2020-01-01, 2020-03-01) as e")
        #expect(rows == [["3.5", "14", "-2", "ab", "60"]])
    }

    @Test func divisionByZeroPointsAtTheDivision() throws {
        let text = "tasks | select 1 / (year - 2020) as x"
        let query = try SampleTasks.engine().prepare(text)
        do {
            _ = try query.run()
            Issue.record("expected an error")
        } catch {
            let d = error.diagnostics[0]
            #expect(d.code == "E0401")
            #expect(d.message == "division by zero")
            let span = d.span!
            #expect(String(decoding: Array(text.utf8)[span.start..<span.end], as: UTF8.self) == "1 / (year - 2020)")
        }
    }

    @Test func unitAwareEqualityAfterExplode() throws {
        let rows = try SampleTasks.rows("tasks | explode units as u | where u == \"发改委\" | select id")
        #expect(rows.map { $0[0] } == ["sample-2020-key-1", "sample-2020-key-2", "sample-2020-key-3", "sample-2020-livelihood-4"])
    }
}
