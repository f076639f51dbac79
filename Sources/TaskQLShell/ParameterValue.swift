import TaskQL

/// How a parameter's text becomes a typed value, the same for
/// `--param name=value` on the command line and `.param set NAME VALUE` in
/// the shell: typed the way a query literal would be — integer, decimal,
/// `YYYY-MM-DD` date, `true`/`false` — else a string. Quoting the value
/// (`'"12"'`) forces a string.
package enum ParameterValue {
    /// The value `text` stands for.
    package static func parse(_ text: String) -> Value {
        if let i = Int(text) { return .int(i) }
        if text.contains("."), let d = Double(text), d.isFinite { return .decimal(d) }
        if let date = CivilDate(iso: text) { return .date(date) }
        if text == "true" || text == "false" { return .bool(text == "true") }
        if text.count >= 2, let first = text.first, first == text.last, first == "\"" || first == "'" {
            return .string(String(text.dropFirst().dropLast()))
        }
        return .string(text)
    }

    /// Whether `name` can follow `$` in a query (letters, digits, `_`;
    /// a leading `$` is dropped by the callers).
    /// Mirrors the lexer's `PARAMETER` rule: an identifier start (a
    /// letter, `_`, a Chinese character), then identifier characters.
    package static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first else { return false }
        let starts = first.isASCII ? first == "_" || first.properties.isAlphabetic : first.properties.isXIDStart
        return starts
            && name.unicodeScalars.dropFirst().allSatisfy { c in
                c.isASCII
                    ? c == "_" || c.properties.isAlphabetic || ("0"..."9").contains(c) : c.properties.isXIDContinue
            }
    }

    /// How `.param list` shows a value: as a query literal would spell it.
    package static func spelled(_ value: Value) -> String {
        switch value {
        case .string(let s): return "\"" + s.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
        case .date(let d): return d.description
        case .list(let items): return "[" + items.map(spelled).joined(separator: ", ") + "]"
        case .int(let i): return String(i)
        case .decimal(let d): return Value.format(d)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        }
    }
}
