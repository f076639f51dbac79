/// A line that starts with an item or heading number: `12、…`, `12.…`,
/// `一、…`, `(一)…`, `(3)…` (full- or half-width).
struct NumberedLine: Equatable {
    /// How the number is written; headings and items use different styles.
    enum Style: Equatable {
        /// `1、` `1.` `1．`
        case arabic
        /// `一、`
        case chinese
        /// `(一)` `（一）`
        case parenthesisedChinese
        /// `(1)` `（1）`
        case parenthesisedArabic
    }

    /// The number as printed, without its punctuation (`12`, `十一`).
    var number: String
    /// Its value (`十一` → 11).
    var value: Int
    var style: Style
    /// The line after the number, trimmed.
    var rest: String

    /// Parses the number at the start of `line` (leading spaces allowed).
    static func parse(_ line: String) -> NumberedLine? {
        let chars = Array(LineText.trimmed(line))
        guard let first = chars.first else { return nil }
        if LineText.isOpenParen(first) { return parseParenthesised(chars) }
        var end = 0
        while end < chars.count, ChineseNumerals.asciiDigit(chars[end]) != nil { end += 1 }
        if end > 0 {
            guard end <= 3, end < chars.count else { return nil }
            let mark = chars[end]
            let next = end + 1 < chars.count ? chars[end + 1] : " "
            let isDot = mark == "." || mark == "．"
            guard mark == "、" || (isDot && ChineseNumerals.asciiDigit(next) == nil) else { return nil }
            return make(chars, numberEnd: end, restStart: end + 1, style: .arabic)
        }
        while end < chars.count, ChineseNumerals.isNumeralCharacter(chars[end]) { end += 1 }
        guard end > 0, end <= 4, end < chars.count, chars[end] == "、" else { return nil }
        return make(chars, numberEnd: end, restStart: end + 1, style: .chinese)
    }

    /// A number glued to its text (`1优化营商环境…`), as pages copied from
    /// Word lists print it: one to three digits directly followed by a Han
    /// character that is no measure word (`3所学校`, `2024年` are not numbers).
    /// Callers accept it only where the line also states its responsibility.
    static func parseGlued(_ line: String) -> NumberedLine? {
        let chars = Array(LineText.trimmed(line))
        var end = 0
        while end < chars.count, ChineseNumerals.asciiDigit(chars[end]) != nil { end += 1 }
        guard (1...3).contains(end), end < chars.count, LineText.isHan(chars[end]),
            !measureWords.contains(chars[end])
        else { return nil }
        return make(chars, numberEnd: end, restStart: end, style: .arabic)
    }

    private static let measureWords: Set<Character> = [
        "年", "月", "日", "号", "个", "项", "件", "家", "万", "亿", "所", "条", "名", "人", "天", "次", "座", "公", "米", "千",
        "百", "十", "元", "户", "套", "辆", "台", "张", "批", "级", "类", "期", "岁", "倍", "余", "多", "周", "季", "时", "分",
        "秒", "亩", "吨", "间", "处", "栋", "层", "部", "支", "位", "届", "份", "只", "头", "块", "道", "里", "平", "方", "立",
    ]

    private static func parseParenthesised(_ chars: [Character]) -> NumberedLine? {
        var end = 1
        while end < chars.count, end <= 5, !LineText.isCloseParen(chars[end]) { end += 1 }
        guard end < chars.count, end > 1, LineText.isCloseParen(chars[end]) else { return nil }
        let inner = String(chars[1..<end])
        let style: Style = ChineseNumerals.asciiDigit(chars[1]) != nil ? .parenthesisedArabic : .parenthesisedChinese
        guard ChineseNumerals.value(of: inner) != nil else { return nil }
        var line = make(chars, numberEnd: end, restStart: end + 1, style: style)
        line?.number = inner
        return line
    }

    private static func make(_ chars: [Character], numberEnd: Int, restStart: Int, style: Style) -> NumberedLine? {
        let startOfNumber = LineText.isOpenParen(chars[0]) ? 1 : 0
        let number = String(chars[startOfNumber..<numberEnd])
        guard let value = ChineseNumerals.value(of: number) else { return nil }
        let rest = restStart < chars.count ? LineText.trimmed(String(chars[restStart...])) : ""
        return NumberedLine(number: number, value: value, style: style, rest: rest)
    }
}
