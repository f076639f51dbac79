/// Padding and elision measured in display columns (``DisplayWidth``), so
/// Chinese text lines up.
enum TextFitting {
    /// The marker that shows text was cut: never cut silently.
    static let ellipsis = "…"

    /// `text` cut to at most `width` columns, ending in `…` when cut.
    static func elide(_ text: String, to width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        guard width >= 1 else { return "" }
        var out = String.UnicodeScalarView()
        var used = 0
        for scalar in text.unicodeScalars {
            let w = DisplayWidth.of(scalar)
            if used + w > width - 1 { break }
            out.append(scalar)
            used += w
        }
        return String(out) + ellipsis
    }

    /// `text` padded with spaces to `width` columns, on the right (or on the
    /// left for right-aligned numbers).
    static func pad(_ text: String, to width: Int, rightAligned: Bool = false) -> String {
        let gap = max(0, width - DisplayWidth.of(text))
        let spaces = String(repeating: " ", count: gap)
        return rightAligned ? spaces + text : text + spaces
    }

    /// Natural widths shrunk until `sum + overhead <= total`: the widest
    /// column loses a column at a time, never below its floor in `floors`,
    /// so short columns (dates, numbers, names) keep their text and long task
    /// text gives way.
    static func shrink(_ widths: [Int], toFit total: Int, overhead: Int, floors: [Int]) -> [Int] {
        var widths = widths
        var excess = widths.reduce(overhead, +) - total
        while excess > 0 {
            let shrinkable = widths.indices.filter { widths[$0] > floors[$0] }
            guard let widest = shrinkable.max(by: { widths[$0] < widths[$1] }) else { break }
            let next = shrinkable.filter { $0 != widest }.map { widths[$0] }.max() ?? floors[widest]
            let cut = min(excess, widths[widest] - floors[widest], max(1, widths[widest] - next))
            widths[widest] -= cut
            excess -= cut
        }
        return widths
    }
}
