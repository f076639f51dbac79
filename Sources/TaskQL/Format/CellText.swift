/// How one cell value is spelled in each family of formats.
enum CellText {
    /// What tables, `line` and Markdown show: `null` for null, lists joined
    /// with `、` (the list separator Chinese readers expect), dates as
    /// `YYYY-MM-DD`. Line breaks and tabs become visible `↵` / `→` so a cell
    /// stays on one line and nothing is dropped silently.
    static func human(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .list(let items): return items.map(human).joined(separator: "、")
        case .string(let s): return visibleControls(s)
        default: return plain(value)
        }
    }

    /// ``human(_:)``, with a null spelled `nullText` when given (`.nullvalue`).
    static func human(_ value: Value, nullText: String?) -> String {
        if value == .null, let nullText { return nullText }
        return human(value)
    }

    /// ``plain(_:)``, with a null spelled `nullText` when given.
    static func plain(_ value: Value, nullText: String?) -> String {
        if value == .null, let nullText { return nullText }
        return plain(value)
    }

    /// The raw spelling used by CSV: empty for null, lists joined with `;`.
    static func plain(_ value: Value) -> String {
        switch value {
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .decimal(let d): return decimal(d)
        case .string(let s): return s
        case .date(let d): return d.description
        case .list(let items): return items.map(plain).joined(separator: ";")
        }
    }

    /// `2.5`, `3` for whole values, at most 4 places, `nan`/`inf` spelled out.
    static func decimal(_ d: Double) -> String { Value.format(d) }

    /// Full precision for machine formats.
    static func exactDecimal(_ d: Double) -> String {
        if d.isFinite, d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        return String(d)
    }

    /// Whether a value is numeric (right-aligned in tables).
    static func isNumeric(_ value: Value) -> Bool {
        switch value {
        case .int, .decimal: return true
        default: return false
        }
    }

    /// Whether a column holds numbers only (nulls allowed, at least one
    /// number): right-aligned in tables, drawn by charts.
    static func isNumericColumn(_ column: Int, in result: QueryResult) -> Bool {
        result.rows.contains { isNumeric($0[column]) }
            && result.rows.allSatisfy { isNumeric($0[column]) || $0[column] == .null }
    }

    static func visibleControls(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 < 0x20 }) else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\n": out.append("↵")
            case "\r": continue
            case "\t": out.append("→")
            default:
                if scalar.value < 0x20 { out.append("�") } else { out.append(scalar) }
            }
        }
        return String(out)
    }
}
