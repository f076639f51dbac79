/// Turns a deadline as printed (`12月底前`, `全年`, `二季度末`) into a date.
///
/// Rules (year = the document's plan year unless the text names one, as in
/// `2021年6月底前`):
///
/// | printed | date |
/// |---|---|
/// | `全年`, `年底前`, `年内`, `年末`, `下半年`, `12月底前` | year-12-31 |
/// | `N月`, `N月底前`, `N月末`, `N月份`, `N月下旬` | last day of month N |
/// | `N月上旬` / `N月中旬` | N-10 / N-20 |
/// | `N月N日前`, `N月N号` | that day |
/// | `上半年`, `年中` | 06-30 |
/// | `一季度`, `第二季度末`, `前三季度`, `3季度` | the quarter's last day |
/// | `2021年`, `2021年底` | 2021-12-31 |
///
/// Qualified deadlines (`河道疏浚12月底前`) use the date inside them; when a
/// deadline names several dates (`6月底前完成主体，12月底前投用`) the latest
/// counts, because the task is done only when its last part is. Anything
/// without a date (`长期`, `持续推进`, `每季度`) gives nil.
package enum DeadlineParser {
    /// The due date of `deadline` in the plan year `year`; nil when the text has no date.
    package static func due(_ deadline: String, year: Int) -> CivilDate? {
        var scanner = DeadlineScanner(Array(deadline), year: year)
        scanner.scan()
        return scanner.dates.max()
    }
}

/// One pass over a deadline's characters, collecting every date it names.
struct DeadlineScanner {
    let chars: [Character]
    var year: Int
    var dates: [CivilDate] = []
    var i = 0

    init(_ chars: [Character], year: Int) {
        self.chars = chars
        self.year = year
    }

    mutating func scan() {
        while i < chars.count {
            if matchWords() { continue }
            if let (value, end) = number(at: i) {
                i = end
                unit(after: value)
            } else {
                i += 1
            }
        }
    }

    /// Date words without numbers.
    mutating func matchWords() -> Bool {
        let words: [(String, Int, Int)] = [
            ("上半年", 6, 30), ("下半年", 12, 31), ("全年", 12, 31), ("年底", 12, 31), ("年末", 12, 31),
            ("年内", 12, 31), ("年中", 6, 30), ("年度内", 12, 31),
        ]
        for (word, month, day) in words where has(word, at: i) {
            // `2021年底`: the year was just read and already set `year`.
            add(month: month, day: day)
            i += word.count
            return true
        }
        return false
    }

    /// What follows a number: `年`, `月`, `季度`.
    mutating func unit(after value: Int) {
        if has("年", at: i) {
            i += 1
            // `三年内` is a duration, not a date.
            guard value >= 1949, value <= 2200 else { return }
            year = value
            if has("中", at: i) {
                add(month: 6, day: 30)
            } else if ["底", "末", "内", "度"].contains(where: { has($0, at: i) })
                || number(at: i) == nil && !startsHalfYear
            {
                add(month: 12, day: 31)
            }
        } else if has("月", at: i), (1...12).contains(value) {
            i += 1
            month(value)
        } else if has("季度", at: i) || has("季", at: i), (1...4).contains(value) {
            i += has("季度", at: i) ? 2 : 1
            add(month: value * 3, day: nil)
        }
    }

    /// After `N月`: a day, a third of the month, or the month's end.
    mutating func month(_ month: Int) {
        if let (day, end) = number(at: i), end < chars.count, chars[end] == "日" || chars[end] == "号" {
            i = end + 1
            if let date = CivilDate(year: year, month: month, day: day) { dates.append(date) }
            return
        }
        if has("上旬", at: i) {
            add(month: month, day: 10)
        } else if has("中旬", at: i) {
            add(month: month, day: 20)
        } else {
            add(month: month, day: nil)
        }
    }

    /// `2021年上半年`: the half-year word follows and sets the date itself.
    var startsHalfYear: Bool { has("上半年", at: i) || has("下半年", at: i) }

    mutating func add(month: Int, day: Int?) {
        let date =
            day.flatMap { CivilDate(year: year, month: month, day: $0) }
            ?? CivilDate.endOfMonth(year: year, month: month)
        if let date { dates.append(date) }
    }

    func has(_ word: String, at index: Int) -> Bool {
        let w = Array(word)
        guard index + w.count <= chars.count else { return false }
        return (0..<w.count).allSatisfy { chars[index + $0] == w[$0] }
    }

    /// A number (Arabic, full-width or Chinese) starting at `index`, and where it ends.
    func number(at index: Int) -> (Int, Int)? {
        var end = index
        if end < chars.count, ChineseNumerals.asciiDigit(chars[end]) != nil {
            while end < chars.count, ChineseNumerals.asciiDigit(chars[end]) != nil { end += 1 }
        } else {
            while end < chars.count, ChineseNumerals.isNumeralCharacter(chars[end]) { end += 1 }
        }
        guard end > index, let value = ChineseNumerals.value(of: String(chars[index..<end])) else { return nil }
        return (value, end)
    }
}
