import TaskQL

/// The list Tab shows when several candidates fit, laid out as readline
/// lays it out — in columns, filled top to bottom — but measured in display
/// columns: libedit's own list counts a Chinese character as one column,
/// so a list of unit names comes out ragged.
package enum CompletionListLayout {
    /// Most candidates listed; the rest are counted on a last line.
    package static let maximumShown = 300

    /// The lines for `candidates` on a terminal `width` columns wide.
    package static func lines(_ candidates: [String], width: Int) -> [String] {
        let shown = Array(candidates.prefix(maximumShown))
        guard !shown.isEmpty else { return [] }
        let cell = (shown.map { DisplayWidth.of($0) }.max() ?? 0) + 2
        let columns = max(1, min(shown.count, max(width, 1) / cell))
        let rows = (shown.count + columns - 1) / columns
        var lines: [String] = []
        for r in 0..<rows {
            var line = ""
            for c in 0..<columns {
                let k = c * rows + r
                guard k < shown.count else { break }
                let isLast = c == columns - 1 || (c + 1) * rows + r >= shown.count
                line += isLast ? shown[k] : TextPadding.padded(shown[k], to: cell)
            }
            lines.append(line)
        }
        if candidates.count > shown.count {
            lines.append("… and \(candidates.count - shown.count) more: type more letters")
        }
        return lines
    }
}

/// Right padding by display width.
enum TextPadding {
    static func padded(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
    }
}
