/// Section headings as a table prints them, made comparable.
///
/// A page break re-prints a merged section cell, and the re-printed copy
/// sometimes carries stray characters in front (`加坚持民生为本…`,
/// `j坚\n持改革为要…`). Headings of one table open alike (`一、`/`二、`, or
/// `坚持…` in every heading), so characters before that common opening are
/// dropped. A heading is only trimmed when the opening is found within its
/// first three characters.
struct TableSectionTitles: Sendable {
    private var opening: String?

    /// Learns the common opening from all heading texts of a document.
    init(headings: [String]) {
        let distinct = Array(Set(headings.filter { $0.count >= 4 }))
        var votes: [String: Int] = [:]
        for heading in distinct {
            let chars = Array(heading)
            let bigrams = Set((0..<3).map { String(chars[$0..<$0 + 2]) })
            for bigram in bigrams { votes[bigram, default: 0] += 1 }
        }
        let best = votes.max { ($0.value, $1.key) < ($1.value, $0.key) }
        if let best, best.value >= 3, best.value * 2 >= distinct.count { opening = best.key }
    }

    /// The heading without stray leading characters and without its
    /// ordinal (`一、突出跨江融合…` → `突出跨江融合…`), as the paragraph
    /// readers give section titles, so `count by section` reads alike for
    /// every city.
    func canonical(_ heading: String) -> String {
        Self.droppingOrdinal(cleaned(heading))
    }

    private func cleaned(_ heading: String) -> String {
        if let numbered = Self.droppingBeforeEnumeration(heading) { return numbered }
        guard let opening, !heading.hasPrefix(opening), let range = heading.range(of: opening),
            heading.distance(from: heading.startIndex, to: range.lowerBound) <= 2
        else { return heading }
        return String(heading[range.lowerBound...])
    }

    /// `一、标题`, `（二）标题` → `标题`; anything else unchanged.
    private static func droppingOrdinal(_ heading: String) -> String {
        guard let numbered = NumberedLine.parse(heading), !numbered.rest.isEmpty,
            numbered.style == .chinese || numbered.style == .parenthesisedChinese
        else { return heading }
        return numbered.rest
    }

    /// `x一、标题` → `一、标题`: strays before a Chinese-numeral enumeration.
    private static func droppingBeforeEnumeration(_ heading: String) -> String? {
        let chars = Array(heading)
        let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        for start in 1...2 where start + 1 < chars.count {
            guard numerals.contains(chars[start]) else { continue }
            var end = start
            while end < chars.count, numerals.contains(chars[end]) { end += 1 }
            if end < chars.count, chars[end] == "、" { return String(chars[start...]) }
        }
        return nil
    }
}
