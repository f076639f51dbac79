/// RFC 4180 CSV: a header line, then one line per row, `\n` line ends.
/// A field is quoted only when it contains `,`, `"`, CR or LF, and inner
/// quotes are doubled. Null is the empty field; lists are joined with `;`
/// (`发改委;财政局`) so that a list stays one field.
struct CSVRenderer {
    func render(_ result: QueryResult) -> String {
        guard !result.columns.isEmpty else { return "" }
        var out = line(result.columns)
        for row in result.rows { out += line(row.map(CellText.plain)) }
        return out
    }

    func line(_ fields: [String]) -> String {
        fields.map(Self.quote).joined(separator: ",") + "\n"
    }

    /// One field, quoted when it must be.
    static func quote(_ field: String) -> String {
        let needsQuotes = field.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }
}
