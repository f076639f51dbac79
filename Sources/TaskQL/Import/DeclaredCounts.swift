/// Counts a notice declares for its items (`细化分解为9个方面173项重点工作和10个方面50件
/// 为民办实事项目`), checked against what the import found.
///
/// A count is a number (Arabic or Chinese) with its measure word (项, 件, 个,
/// 条) directly followed — at most two characters between — by words naming a
/// kind (``HeadingRules``): `173项重点工作`, `50件为民办实事`, `十件民生实事`.
/// `9个方面173项…` declares nothing about 方面. Generic words (`60项具体工作任务`)
/// count every item, whatever its kind. Only the notice counts: the lines
/// before the first item. The first count per kind wins.
enum DeclaredCounts {
    struct Count: Sendable, Equatable {
        /// nil: every item (`60项具体工作任务`).
        var kind: TaskKind?
        var declared: Int
        var line: Int
    }

    /// Counts declared in the first `limit` lines of the document.
    static func find(in document: DocumentLines, limit: Int) -> [Count] {
        var counts: [Count] = []
        for (index, line) in document.lines.prefix(limit).enumerated() {
            let chars = Array(line)
            var i = 0
            while i < chars.count {
                guard let (value, end) = number(in: chars, at: i) else {
                    i += 1
                    continue
                }
                i = end
                guard end < chars.count, "项件个条".contains(chars[end]) else { continue }
                let after = String(chars[(end + 1)..<min(chars.count, end + 12)])
                guard let kind = kind(startingNear: after), !counts.contains(where: { $0.kind == kind.kind }) else {
                    continue
                }
                counts.append(Count(kind: kind.kind, declared: value, line: document.lineNumber(at: index)))
            }
        }
        return counts
    }

    private static func number(in chars: [Character], at i: Int) -> (Int, Int)? {
        if i > 0, ChineseNumerals.asciiDigit(chars[i - 1]) != nil || ChineseNumerals.isNumeralCharacter(chars[i - 1]) {
            return nil
        }
        var end = i
        while end < chars.count, end - i < 4,
            ChineseNumerals.asciiDigit(chars[end]) != nil || ChineseNumerals.isNumeralCharacter(chars[end])
        {
            end += 1
        }
        guard end > i, let value = ChineseNumerals.value(of: String(chars[i..<end])), value > 0 else { return nil }
        return (value, end)
    }

    /// The kind named within the first characters after a measure word
    /// (`kind` nil for generic task words).
    private static func kind(startingNear text: String) -> (kind: TaskKind?, Void)? {
        for offset in 0...2 where offset < text.count {
            let rest = String(text.dropFirst(offset))
            if HeadingRules.livelihoodWords.contains(where: rest.hasPrefix) { return (.livelihood, ()) }
            if HeadingRules.indicatorWords.contains(where: rest.hasPrefix) { return (.indicator, ()) }
            if ["重点工作", "重点任务", "重點工作"].contains(where: rest.hasPrefix) { return (.key, ()) }
            if ["具体工作任务", "工作任务", "具体任务", "任务", "项工作", "工作"].contains(where: rest.hasPrefix) {
                return (nil, ())
            }
        }
        return nil
    }
}
