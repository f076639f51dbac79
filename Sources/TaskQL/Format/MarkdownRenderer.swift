/// A GitHub-flavoured Markdown pipe table, padded by display width so it
/// also reads well as plain text. `|` in cells is escaped, numeric columns
/// are right-aligned (`---:`).
struct MarkdownRenderer {
    let options: ResultFormatter.Options

    func render(_ result: QueryResult) -> String {
        guard !result.columns.isEmpty else { return "" }
        let header = result.columns.map(escape)
        let cells = result.rows.map { $0.map { escape(CellText.human($0, nullText: options.nullText)) } }
        var widths = header.map { max(3, DisplayWidth.of($0)) }
        for row in cells { for (i, text) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(text)) } }
        let numeric = result.columns.indices.map { CellText.isNumericColumn($0, in: result) }
        var lines = [line(header, widths: widths, numeric: numeric.map { _ in false })]
        lines.append(
            "| "
                + widths.indices.map { i in
                    numeric[i]
                        ? String(repeating: "-", count: widths[i] - 1) + ":" : String(repeating: "-", count: widths[i])
                }.joined(separator: " | ") + " |")
        lines += cells.map { line($0, widths: widths, numeric: numeric) }
        return lines.map { $0 + "\n" }.joined()
    }

    func line(_ texts: [String], widths: [Int], numeric: [Bool]) -> String {
        let padded = texts.enumerated().map { i, t in TextFitting.pad(t, to: widths[i], rightAligned: numeric[i]) }
        return "| " + padded.joined(separator: " | ") + " |"
    }

    func escape(_ text: String) -> String {
        text.replacing("|", with: "\\|")
    }
}
