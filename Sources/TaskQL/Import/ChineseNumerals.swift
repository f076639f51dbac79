/// Numbers as Chinese documents print them: `3`, `３`, `三`, `十一`, `二十三`,
/// `〇`/`零`; used for section ordinals, months and ids.
enum ChineseNumerals {
    static let digits: [Character: Int] = [
        "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
        "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
    ]

    /// Whether `c` can be part of a Chinese numeral (`一`…`九`, `十`, `百`, `〇`).
    static func isNumeralCharacter(_ c: Character) -> Bool {
        digits[c] != nil || c == "十" || c == "百" || c == "拾" || c == "佰"
    }

    /// The ASCII or full-width digit's value.
    static func asciiDigit(_ c: Character) -> Int? {
        guard let s = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return nil }
        switch s.value {
        case 0x30...0x39: return Int(s.value - 0x30)
        case 0xFF10...0xFF19: return Int(s.value - 0xFF10)
        default: return nil
        }
    }

    /// The value of a whole numeral: Arabic (`12`, `１２`) or Chinese (`十二`,
    /// `二〇二〇`); nil when `text` is not one, or has more than 18 digits
    /// (a document's "number" of 30 digits overflowed `Int` and trapped;
    /// found by fuzz-import-html).
    static func value(of text: some StringProtocol) -> Int? {
        guard !text.isEmpty else { return nil }
        if text.allSatisfy({ asciiDigit($0) != nil }) {
            return positional(text.map { asciiDigit($0)! })
        }
        guard text.allSatisfy(isNumeralCharacter) else { return nil }
        if !text.contains(where: { "十百拾佰".contains($0) }) {
            // Digit by digit, as years are written (`二〇二〇`).
            return positional(text.map { digits[$0] ?? 0 })
        }
        var total = 0
        var pending = 0
        for c in text {
            if let d = digits[c] {
                pending = d
            } else if c == "十" || c == "拾" {
                total += max(pending, 1) * 10
                pending = 0
            } else if c == "百" || c == "佰" {
                total += max(pending, 1) * 100
                pending = 0
            }
        }
        return total + pending
    }

    /// Digits read as a decimal number; nil past 18 digits, which always fit.
    private static func positional(_ digits: [Int]) -> Int? {
        guard digits.count <= 18 else { return nil }
        return digits.reduce(0) { $0 * 10 + $1 }
    }

    /// `value` spelled as a Chinese counting numeral (`11` → `十一`, `105` →
    /// `一百零五`), as Word's Chinese list numbering prints it; values outside
    /// 1…999 stay Arabic.
    static func spelled(_ value: Int) -> String {
        guard (1...999).contains(value) else { return String(value) }
        let names: [Character] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        let hundreds = value / 100
        let tens = value / 10 % 10
        let ones = value % 10
        var out = ""
        if hundreds > 0 { out += "\(names[hundreds])百" }
        if tens > 0 {
            if hundreds > 0 || tens > 1 { out.append(names[tens]) }
            out += "十"
        } else if hundreds > 0 && ones > 0 {
            out += "零"
        }
        if ones > 0 { out.append(names[ones]) }
        return out
    }
}
