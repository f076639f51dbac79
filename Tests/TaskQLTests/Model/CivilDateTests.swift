import Testing

@testable import TaskQL

/// `YYYY-MM-DD` exactly: what dataset files, parameters and date literals use.
@Suite struct CivilDateTests {
    @Test(arguments: [
        ("2020-06-30", 2020, 6, 30), ("2020-02-29", 2020, 2, 29), ("1969-12-31", 1969, 12, 31),
        ("0001-01-01", 1, 1, 1),
    ])
    func parsesIsoDates(text: String, year: Int, month: Int, day: Int) throws {
        let date = try #require(CivilDate(iso: text))
        #expect(date.parts == (year, month, day))
        #expect(date.description == text)
        #expect(CivilDate(iso: text[...]) == date, "substrings too")
    }

    @Test func partsAndMonthEnds() {
        let d = CivilDate(year: 2020, month: 2, day: 29)!
        #expect(d.description == "2020-02-29")
        #expect(CivilDate(year: 2019, month: 2, day: 29) == nil)
        #expect(CivilDate.endOfMonth(year: 2020, month: 6)!.description == "2020-06-30")
        #expect(CivilDate.endOfMonth(year: 2020, month: 13) == nil)
    }

    @Test(arguments: [
        "", "2020-6-30", "2020-06-3", "2020-06-300", "2020-06-30 ", " 2020-06-30", "2020/06/30", "2021-02-29",
        "2020-13-01", "2020-00-10", "2020-06-00", "２０２０-06-30", "2020-06-3O", "-2020-06-30", "20200630",
    ])
    func rejectsAnythingElse(text: String) {
        #expect(CivilDate(iso: text) == nil)
    }
}
