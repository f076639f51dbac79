/// Horizontal bars drawn with Unicode eighth blocks (`█▉▊▋▌▍▎▏`) for
/// `count by` / `summarize` results: the label columns on the left, the
/// last numeric column as value and bar length.
///
/// ```
/// city  count
/// 海门    223 ████████████████████████████████████████
/// 宜兴     60 ██████████▊
/// ```
struct ChartRenderer {
    let options: ResultFormatter.Options

    /// Partial blocks for 1…7 eighths of a cell.
    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    /// Bars never grow longer than this, even on a wide terminal.
    static let maximumBarWidth = 60

    /// Nil when the result has no numeric column to draw.
    func render(_ result: QueryResult) -> String? {
        guard let valueColumn = result.columns.indices.last(where: { CellText.isNumericColumn($0, in: result) }) else {
            return nil
        }
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
        let headerLabels = labelColumns.enumerated().map { TextFitting.pad(result.columns[$1], to: labelWidths[$0]) }
        var lines = [
            bold(
                (headerLabels + [TextFitting.pad(result.columns[valueColumn], to: valueWidth, rightAligned: true)])
                    .joined(separator: "  "))
        ]
        for (index, row) in labels.enumerated() {
            let label = row.enumerated().map { TextFitting.pad($1, to: labelWidths[$0]) }
            let value = TextFitting.pad(texts[index], to: valueWidth, rightAligned: true)
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

    /// A bar of `value / largest * width` cells, in eighths; a positive
    /// value never gets an empty bar.
    func bar(_ value: Double, largest: Double, width: Int) -> String {
        guard largest > 0, value > 0 else { return "" }
        let eighths = max(1, Int((value / largest * Double(width * 8)).rounded()))
        return String(repeating: "█", count: eighths / 8) + Self.eighths[eighths % 8]
    }

    func number(row: [Value], column: Int) -> Double {
        switch row[column] {
        case .int(let i): return Double(i)
        case .decimal(let d): return d.isFinite ? d : 0
        default: return 0
        }
    }

    func bold(_ text: String) -> String {
        let trimmed = String(text.reversed().drop(while: { $0 == " " }).reversed())
        return options.color ? "\u{1B}[1m" + trimmed + "\u{1B}[0m" : trimmed
    }
}
