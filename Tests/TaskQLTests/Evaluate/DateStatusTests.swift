import Testing

@testable import TaskQL

/// Dates against the day a query runs (issue 12.1): `today()` is the
/// engine's `asOf` date, and `overdue`, `days_left`, `due_within` and
/// `light` count from it; `int` reads 序号 as numbers. On the six-task
/// fixture as of 2020-07-01, whose dues are 12-31 (hm-1, hm-3), 06-30
/// (hm-2), 03-31 (yx-3) and none (yx-1, yx-2).
@Suite struct DateStatusTests {
    static let july = engine(asOf: CivilDate(year: 2020, month: 7, day: 1))

    static func engine(asOf: CivilDate?) -> Engine {
        var builder = EngineBuilder(aliases: EngineFixture.aliases)
        builder.add(EngineFixture.haimen)
        builder.add(EngineFixture.yixing)
        return builder.build(options: EngineOptions(asOf: asOf))
    }

    static let cases: [(String, Int)] = [
        ("today() == 2020-07-01", 6), ("due < today()", 2), ("due >= today()", 2), ("overdue(due)", 2),
        ("not overdue(due)", 2), ("overdue(due) is null", 2), ("days_left(due) == 183", 2),
        ("days_left(due) == -1", 1), ("days_left(due) < -90", 1), ("due_within(due, 183)", 2),
        ("due_within(due, 182)", 0), ("due_within(due, 0)", 0), ("due_within(today(), 0)", 6),
        (#"light(due) == "red""#, 2), (#"light(due) == "green""#, 2), (#"light(due) == "yellow""#, 0),
        (#"light(due, 183) == "yellow""#, 2), (#"light(due, 182) == "green""#, 2), ("light(due) is null", 2),
        (#"light(today()) == "yellow""#, 6), ("int(number) == 2", 2), ("int(number) + 1 == 4", 1),
        (#"int("（三）") == 3"#, 6), (#"int("十二") == 12"#, 6), (#"int("3、") == 3"#, 6), (#"int("-4") == -4"#, 6),
        (#"int("１２") == 12"#, 6), ("int(2.7) == 2", 6), ("int(-2.7) == -2", 6), (#"int("1.5") is null"#, 6),
        (#"int("第3项") is null"#, 6), (#"int("") is null"#, 6), ("int(year) == 2020", 6),
    ]

    /// Each condition keeps as many tasks through the fast paths as
    /// through the plain evaluator.
    @Test(arguments: cases) func whereKeeps(_ condition: String, _ expected: Int) throws {
        let text = "tasks | where \(condition) | count"
        for engine in [Self.july, FastPathDifferentialTests.plainTwin(of: Self.july)] {
            let rows = try runQuery(text, engine: engine).rows
            #expect(rows == [[.int(expected)]], "\(condition)")
        }
    }

    /// The light of each task, as `count by` groups it.
    @Test func lightsCountByColour() throws {
        let result = try runQuery("tasks | count by light(due) as l | sort by l", engine: Self.july)
        #expect(result.rows == [[.string("green"), .int(2)], [.string("red"), .int(2)], [.null, .int(2)]])
    }

    /// Without a date set, today() is the local date (the same answer as
    /// CivilDate.localToday when the query runs), and another date gives
    /// other answers.
    @Test func todayIsTheLocalDateUnlessSet() throws {
        let local = try runQuery("tasks | take 1 | extend t = today() | select t", engine: Self.engine(asOf: nil))
        #expect(local.rows == [[.date(CivilDate.localToday())]])
        let march = Self.engine(asOf: CivilDate(year: 2020, month: 3, day: 1))
        #expect(try runQuery("tasks | where overdue(due) | count", engine: march).rows == [[.int(0)]])
        #expect(try runQuery(#"tasks | where light(due, 30) == "yellow" | count"#, engine: march).rows == [[.int(1)]])
    }

    /// 序号 sorted as numbers: 1, 2, … 10, not 1, 10, 2.
    @Test func sortByIntOfNumberIsNumeric() throws {
        var builder = EngineBuilder()
        builder.add(
            Dataset(
                name: "n", documents: [],
                records: ["10", "2", "（三）", "1", "十一", "x"].enumerated().map { i, number in
                    EngineFixture.task("n-\(i)", "n", "海门", .key, number, "任务\(i)")
                }))
        let result = try runQuery("n | sort by int(number), id | select number", engine: builder.build())
        #expect(result.rows.map { $0[0] } == ["1", "2", "（三）", "10", "十一", "x"].map(Value.string))
    }

    @Test func wrongArgumentsAreCheckErrors() throws {
        for text in [
            "tasks | where overdue(city)", "tasks | where today(1) == 2020-01-01",
            #"tasks | where due_within(due, "7")"#, "tasks | where int(leaders) == 1",
            "tasks | where light(due, 1, 2) == \"red\"",
        ] {
            #expect(try diagnostic(text, engine: Self.july)?.code == DiagnosticCode.badArguments, "\(text)")
        }
    }
}
