/// Horizontal bars drawn with Unicode eighth blocks (`█▉▊▋▌▍▎▏`) for
/// `count by` / `summarize` results: the label columns on the left, the
/// last numeric column as value and bar length.
///
/// ```
/// city  count
/// 海门    223 ████████████████████████████████████████
/// 宜兴     60 ██████████▊
/// ```
///
/// When the numeric columns just before the value add up to it in every
/// row (`matrix`'s lead + co = total, a `pivot`'s counts and total), each
/// bar is stacked from them, one glyph (or, on a terminal, one colour) per
/// column, named in a legend under the header.
struct ChartRenderer {
    let options: ResultFormatter.Options

    /// Partial blocks for 1…7 eighths of a cell.
    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    /// Bars never grow longer than this, even on a wide terminal.
    static let maximumBarWidth = 60

    /// Glyphs of the parts of a stacked bar, in column order (repeating).
    static let stackGlyphs = ["█", "▓", "▒", "░"]
    /// ANSI colours of the parts of a stacked bar on a terminal.
    static let stackColours = [34, 33, 36, 35, 32, 31]

    /// Nil when the result has no numeric column to draw.
    func render(_ result: QueryResult) -> String? {
        guard let valueColumn = result.columns.indices.last(where: { CellText.isNumericColumn($0, in: result) }) else {
            return nil
        }
        let parts = Self.stackParts(result, total: valueColumn)
        let labelColumns = result.columns.indices.filter { $0 != valueColumn }
        let labels = result.rows.map { row in labelColumns.map { CellText.human(row[$0]) } }
        let values = result.rows.map { number(row: $0, column: valueColumn) }
        let texts = result.rows.map { CellText.human($0[valueColumn]) }
        var labelWidths = labelColumns.map { DisplayWidth.of(result.columns[$0]) }
        for row in labels {
            for (i, t) in row.enumerated() { labelWidths[i] = max(labelWidths[i], DisplayWidth.of(t)) }
        }
        let valueWidth = (texts + [result.columns[valueColumn]]).map { DisplayWidth.of($0) }.max() ?? 1
        let used = labelWidths.reduce(0) { $0 + $1 + 2 } + valueWidth + 1
        let barWidth = max(10, min(Self.maximumBarWidth, (options.terminalWidth ?? 80) - used))
        let largest = values.max() ?? 0
        // Numbers among the labels (a stacked bar's parts) align right.
        let numericLabels = labelColumns.map { CellText.isNumericColumn($0, in: result) }
        let headerLabels = labelColumns.enumerated().map {
            TextFitting.pad(result.columns[$1], to: labelWidths[$0], rightAligned: numericLabels[$0])
        }
        var lines = [
            bold(
                (headerLabels + [TextFitting.pad(result.columns[valueColumn], to: valueWidth, rightAligned: true)])
                    .joined(separator: "  "))
        ]
        if !parts.isEmpty {
            lines.append(
                parts.enumerated().map { k, c in
                    stackPart(Self.stackGlyphs[k % Self.stackGlyphs.count], k) + " " + result.columns[c]
                }
                .joined(separator: "  "))
        }
        for (index, row) in labels.enumerated() {
            let label = row.enumerated().map {
                TextFitting.pad($1, to: labelWidths[$0], rightAligned: numericLabels[$0])
            }
            let value = TextFitting.pad(texts[index], to: valueWidth, rightAligned: true)
            if !parts.isEmpty {
                let drawn = stackedBar(
                    parts.map { number(row: result.rows[index], column: $0) }, largest: largest, width: barWidth)
                lines.append((label + [value]).joined(separator: "  ") + (drawn.isEmpty ? "" : " " + drawn))
                continue
            }
            var drawn = bar(values[index], largest: largest, width: barWidth)
            if options.color, !drawn.isEmpty, let code = Self.lightColour(row) {
                drawn = "\u{1B}[\(code)m" + drawn + "\u{1B}[0m"
            }
            lines.append((label + [value]).joined(separator: "  ") + (drawn.isEmpty ? "" : " " + drawn))
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// The ANSI colour of a row whose label is a status light (`count by
    /// light(due)`): its bar is drawn red, yellow or green on a terminal.
    static func lightColour(_ labels: [String]) -> Int? {
        for label in labels {
            switch label {
            case "red": return 31
            case "yellow": return 33
            case "green": return 32
            default: continue
            }
        }
        return nil
    }

    /// The numeric columns right before `total` that add up to it in every
    /// row, when there are at least two of them; else none.
    static func stackParts(_ result: QueryResult, total: Int) -> [Int] {
        var first = total
        while first > 0, CellText.isNumericColumn(first - 1, in: result) { first -= 1 }
        guard total - first >= 2, !result.rows.isEmpty else { return [] }
        let parts = Array(first..<total)
        for row in result.rows {
            var sum = 0.0
            for c in parts {
                guard let part = numeric(row[c]) else { return [] }
                sum += part
            }
            guard let expected = numeric(row[total]), abs(sum - expected) <= 1e-9 * max(1, abs(expected)) else {
                return []
            }
        }
        return parts
    }

    /// Part `k` of a stacked bar: its glyph, coloured on a terminal (then
    /// every part is a full block).
    func stackPart(_ text: String, _ k: Int) -> String {
        guard options.color else { return text }
        let full = String(repeating: "█", count: text.count)
        return "\u{1B}[\(Self.stackColours[k % Self.stackColours.count])m" + full + "\u{1B}[0m"
    }

    /// A bar of whole cells split into `parts` in proportion: each part
    /// ends where the running sum falls, so the bar is as long as the total
    /// and a positive part never gets less than one cell.
    func stackedBar(_ parts: [Double], largest: Double, width: Int) -> String {
        guard largest > 0 else { return "" }
        var drawn = ""
        var sum = 0.0
        var cells = 0
        for (k, part) in parts.enumerated() where part > 0 {
            sum += part
            let end = max(cells + 1, Int((sum / largest * Double(width)).rounded()))
            drawn += stackPart(String(repeating: Self.stackGlyphs[k % Self.stackGlyphs.count], count: end - cells), k)
            cells = end
        }
        return drawn
    }

    /// A bar of `value / largest * width` cells, in eighths; a positive
    /// value never gets an empty bar.
    func bar(_ value: Double, largest: Double, width: Int) -> String {
        guard largest > 0, value > 0 else { return "" }
        let eighths = max(1, Int((value / largest * Double(width * 8)).rounded()))
        return String(repeating: "█", count: eighths / 8) + Self.eighths[eighths % 8]
    }

    func number(row: [Value], column: Int) -> Double { Self.numeric(row[column]) ?? 0 }

    /// A cell's number, nil for anything else (null, text, an infinite decimal).
    static func numeric(_ value: Value) -> Double? {
        switch value {
        case .int(let i): Double(i)
        case .decimal(let d): d.isFinite ? d : nil
        default: nil
        }
    }

    func bold(_ text: String) -> String {
        let trimmed = String(text.reversed().drop(while: { $0 == " " }).reversed())
        return options.color ? "\u{1B}[1m" + trimmed + "\u{1B}[0m" : trimmed
    }
}
