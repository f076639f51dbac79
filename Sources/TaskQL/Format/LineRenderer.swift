/// `line` mode (as in sqlite3): one `column = value` line per field, names
/// right-aligned by display width, a blank line between records. Long text
/// is shown whole — this mode exists to read one record at a time.
struct LineRenderer {
    let options: ResultFormatter.Options

    func render(_ result: QueryResult) -> String {
        let nameWidth = result.columns.map { DisplayWidth.of($0) }.max() ?? 0
        let records = result.rows.map { row in
            zip(result.columns, row).map { name, value in
                let text = CellText.human(value, nullText: options.nullText)
                let shown = options.color && value == .null ? "\u{1B}[2m" + text + "\u{1B}[0m" : text
                return TextFitting.pad(name, to: nameWidth, rightAligned: true) + " = " + shown + "\n"
            }.joined()
        }
        return records.joined(separator: "\n")
    }
}
