import Foundation

extension CivilDate {
    /// Today's date where the program runs (its time zone), for `today()`
    /// when no date is set (``EngineOptions/asOf``).
    static func localToday() -> CivilDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CivilDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? CivilDate(daysSinceEpoch: 0)
    }
}
