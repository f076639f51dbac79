/// Renders results as aligned columns (`table`) or inside a box-drawing
/// frame (`box`). Widths are display columns, so `发改委` takes six; text
/// that does not fit is elided with `…`, and a `(N rows)` line follows.
struct TableRenderer {
    /// Frame style.
    enum Style {
        /// `a │ b` with a `─┼─` rule under the header, no outer frame.
        case plain
        /// Full `┌─┬─┐` frame.
        case box
    }

    let style: Style
    let options: ResultFormatter.Options

    /// Columns up to this wide (dates, numbers, unit names) are shrunk only
    /// when shrinking the long text columns is not enough.
    static let shortColumnWidth = 12

    func render(_ result: QueryResult) -> String {
        let header = result.columns.map(CellText.visibleControls)
        let shown = shownRows(result.rows.count)
        let cells = shown.map { $0.map { result.rows[$0].map { CellText.human($0, nullText: options.nullText) } } }
        let numeric = result.columns.indices.map { CellText.isNumericColumn($0, in: result) }
        let widths = columnWidths(header: header, cells: cells.compactMap { $0 })
        var lines: [String] = []
        if !header.isEmpty {
            if style == .box { lines.append(rule("┌", "┬", "┐", widths)) }
            if options.showsHeader {
                lines.append(row(header, widths: widths, numeric: numeric.map { _ in false }, header: true, nulls: []))
                lines.append(style == .box ? rule("├", "┼", "┤", widths) : rule("", "┼", "", widths))
            }
            for (rowIndex, texts) in zip(shown, cells) {
                guard let rowIndex, let texts else {
                    // The rows left out: one `…` per column, where the eye expects the values.
                    let gap = widths.map { _ in "…" }
                    lines.append(row(gap, widths: widths, numeric: numeric, header: false, nulls: []))
                    continue
                }
                let values = result.rows[rowIndex]
                let nulls = Set(values.indices.filter { values[$0] == .null })
                lines.append(row(texts, widths: widths, numeric: numeric, header: false, nulls: nulls))
            }
            if style == .box { lines.append(rule("└", "┴", "┘", widths)) }
        }
        if options.showsRowCount {
            let count = shown.count(where: { $0 != nil })
            lines.append(ResultFormatter.rowCountLine(result.rows.count, shown: count))
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// The indices of the rows shown, in order, with nil where rows are left
    /// out: all of them, or under ``ResultFormatter/Options/maxRows`` the
    /// first half and the last half (as DuckDB shows a long result).
    func shownRows(_ count: Int) -> [Int?] {
        guard let limit = options.maxRows, count > max(limit, 0) else { return Array(0..<count) }
        let head = (max(limit, 0) + 1) / 2
        let tail = max(limit, 0) - head
        return Array(0..<head) + [nil] + Array(count - tail..<count)
    }

    /// Natural widths, capped by the cell limit, then shrunk to the terminal.
    func columnWidths(header: [String], cells: [[String]]) -> [Int] {
        var widths = header.map { DisplayWidth.of($0) }
        for row in cells {
            for (column, text) in row.enumerated() { widths[column] = max(widths[column], DisplayWidth.of(text)) }
        }
        if let cap = options.maxCellWidth { widths = widths.map { min($0, max(cap, 1)) } }
        guard let total = options.terminalWidth else { return widths }
        let overhead = style == .box ? 3 * widths.count + 1 : 3 * max(0, widths.count - 1)
        // Text columns give way first; only on a very narrow terminal do
        // all columns go down to a few cells (still marked with `…`).
        let keepShort = widths.map { min($0, Self.shortColumnWidth) }
        let fair = TextFitting.shrink(widths, toFit: total, overhead: overhead, floors: keepShort)
        return TextFitting.shrink(fair, toFit: total, overhead: overhead, floors: widths.map { min($0, 3) })
    }

    func row(_ texts: [String], widths: [Int], numeric: [Bool], header: Bool, nulls: Set<Int>) -> String {
        let parts = texts.enumerated().map { column, text in
            let fitted = TextFitting.pad(
                TextFitting.elide(text, to: widths[column]), to: widths[column], rightAligned: numeric[column])
            return paint(fitted, header: header, null: nulls.contains(column))
        }
        switch style {
        case .plain: return trimTrailingSpaces(parts.joined(separator: " │ "))
        case .box: return "│ " + parts.joined(separator: " │ ") + " │"
        }
    }

    func rule(_ left: String, _ middle: String, _ right: String, _ widths: [Int]) -> String {
        let pad = style == .box ? 2 : 0
        let segments = widths.enumerated().map { index, width in
            let edges = style == .plain ? (index == 0 || index == widths.count - 1 ? 1 : 2) : pad
            return String(repeating: "─", count: width + (widths.count == 1 && style == .plain ? 0 : edges))
        }
        return left + segments.joined(separator: middle) + right
    }

    func paint(_ text: String, header: Bool, null: Bool) -> String {
        guard options.color else { return text }
        if header { return "\u{1B}[1m" + text + "\u{1B}[0m" }
        if null { return "\u{1B}[2m" + text + "\u{1B}[0m" }
        return text
    }

    /// Plain tables drop the padding after the last column (no trailing
    /// blanks for diff tools); ANSI resets stay.
    func trimTrailingSpaces(_ line: String) -> String {
        var line = Substring(line)
        while line.last == " " { line = line.dropLast() }
        return String(line)
    }
}
