import Testing
@testable import TaskQL

@Test func civilDateRoundTrip() {
    let d = CivilDate(year: 2020, month: 2, day: 29)!
    #expect(d.description == "2020-02-29")
    #expect(CivilDate(iso: "2020-02-29") == d)
    #expect(CivilDate(year: 2019, month: 2, day: 29) == nil)
    #expect(CivilDate.endOfMonth(year: 2020, month: 6)!.description == "2020-06-30")
}
