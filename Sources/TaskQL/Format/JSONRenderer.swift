/// JSON output: `json` is one array of objects (one object per line inside
/// it), `jsonl` one object per line. Keys keep the column order, dates are
/// `"YYYY-MM-DD"` strings, lists are arrays, null is `null`, non-ASCII text
/// is written as is (UTF-8).
struct JSONRenderer {
    func renderArray(_ result: QueryResult) -> String {
        guard !result.rows.isEmpty else { return "[]\n" }
        let objects = result.rows.map { object(columns: result.columns, row: $0) }
        return "[\n" + objects.map { "  " + $0 }.joined(separator: ",\n") + "\n]\n"
    }

    func renderLines(_ result: QueryResult) -> String {
        result.rows.map { object(columns: result.columns, row: $0) + "\n" }.joined()
    }

    func object(columns: [String], row: [Value]) -> String {
        let members = zip(columns, row).map { Self.string($0) + ":" + Self.value($1) }
        return "{" + members.joined(separator: ",") + "}"
    }

    /// A value as JSON text.
    static func value(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .decimal(let d): return d.isFinite ? CellText.exactDecimal(d) : "null"
        case .string(let s): return string(s)
        case .date(let d): return "\"" + d.description + "\""
        case .list(let items): return "[" + items.map(Self.value).joined(separator: ",") + "]"
        }
    }

    /// A JSON string literal; one escaping rule for results and dataset files.
    static func string(_ s: String) -> String {
        var out = ""
        JSONLineWriter.string(s, &out)
        return out
    }
}
