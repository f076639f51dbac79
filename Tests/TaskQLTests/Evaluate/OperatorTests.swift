import Testing

@testable import TaskQL

/// Every operator and scalar function on the six-task fixture, as the
/// number of tasks a `where` keeps.
@Suite struct OperatorTests {
    static let cases: [(String, Int)] = [
        (#"city == "海门""#, 3), (#"city != "海门""#, 3), (#"kind == "key""#, 4), ("year >= 2020", 6),
        ("due < 2020-07-01", 2), ("due <= 2020-06-30", 2), ("due > 2020-06-30", 2), ("due == 2020-12-31", 2),
        ("due != 2020-12-31", 2), ("not (due < 2020-07-01)", 2), ("due is null", 2), ("due is not null", 4),
        (#"due < "2020-07-01""#, 2),
        // Units compare by canonical name: 市发展改革委, 发展改革委 and 发改委 are one.
        (#"lead_units has "发改委""#, 3), (#"units has "发改委""#, 4), (#"co_units has "发改委""#, 1),
        (#"lead_units == "发改委""#, 3), (#"lead_units != "发改委""#, 3), (#"lead_units has "市发展改革委""#, 3),
        (#"lead_units has "市发展和改革委员会""#, 3), (#"lead_units in ["住建局", "市民政局"]"#, 2),
        (#"lead_units in ["发改委"]"#, 3), (#"unit(lead_units) has "发改委""#, 3),
        (#"leaders has "周国强""#, 3), (#"city in ["海门", "太仓"]"#, 3), (#"city not in ["海门"]"#, 3),
        (#"text contains "5g""#, 2), (#"text contains "建设""#, 2), (#"text startswith "建设""#, 1),
        (#"text endswith "pilot""#, 1), (#"text matches "[0-9]+万平方米""#, 1), (#"text matches "^5""#, 1),
        (#"text matches "G.P""#, 1), (#"text matches "^(推进|优化)""#, 2), (#"leaders contains "周""#, 3),
        (#"lead_units contains "发展""#, 3), (#"section == "一、经济""#, 2), (#"section != "一、经济""#, 1),
        ("title is null", 5), ("len(leaders) == 2", 1), ("len(text) > 10", 2), ("month(due) == 12", 2),
        ("year(due) == 2020", 4), ("day(due) == 31", 3), ("due - 2020-06-30 > 0", 2), ("due + 1 == 2020-07-01", 1),
        ("days(due) > days(2020-06-30)", 2), ("days(2020-06-30, due) == 184", 2),
        (#"lower(text) contains "gdp""#, 1), (#"upper(text) startswith "5G NET""#, 1), (#"trim("  x ") == "x""#, 6),
        (#"coalesce(title, "无") == "无""#, 5), (#"join(leaders, ",") == "周国强,姜勇""#, 1),
        (#"first(lead_units) == "市工信局""#, 1), (#"substr(text, 0, 2) == "建设""#, 1),
        (#"string(year) == "2020""#, 6), ("year * 2 / 4 == 1010", 6), (#"due is null or city == "海门""#, 5),
        ("due < 2020-07-01 or due > 2020-07-01", 4), (#"not (city == "海门") and kind == "key""#, 2),
        (#"date("2020-06-30") == 2020-06-30"#, 6), (#"text < "G""#, 1), (#"text > "G""#, 5), (#"number < "2""#, 3),
        (#"deadline contains "底前""#, 3), (#"id startswith "hm""#, 3), ("1 + 2 * 3 == 7", 6),
        (#"city + "市" == "海门市""#, 3), ("-year < 0", 6), ("year - 2019.5 == 0.5", 6),
    ]

    @Test(arguments: cases) func whereKeeps(_ condition: String, _ expected: Int) throws {
        #expect(try countOf("tasks | where \(condition) | count") == expected)
    }

    // Fast and plain paths on this table: FastPathDifferentialTests.operatorTableAgrees.

    @Test func nullComparesNeitherTrueNorFalse() throws {
        // 2 tasks have no due date: they are in neither half.
        #expect(try countOf("tasks | where due < 2020-07-01 | count") == 2)
        #expect(try countOf("tasks | where not (due < 2020-07-01) | count") == 2)
        #expect(try countOf("tasks | where due < 2020-07-01 or due >= 2020-07-01 | count") == 4)
        // `or` with a true side is true even when the other side is unknown.
        #expect(try countOf("tasks | where due < 2020-07-01 or true | count") == 6)
        // `and` with a false side is false.
        #expect(try countOf("tasks | where not (due < 2020-07-01 and false) | count") == 6)
    }

    @Test func divisionGivesDecimalsAndDateArithmeticGivesDays() throws {
        let r = try runQuery(
            #"tasks | where id == "hm-2" | extend a = 7 / 2, d = due - 2020-06-01, e = due + 1 | select a, d, e"#)
        #expect(r.rows == [[.decimal(3.5), .int(29), .date(CivilDate(iso: "2020-07-01")!)]])
    }
}
