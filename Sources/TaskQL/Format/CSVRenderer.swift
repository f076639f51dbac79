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
        // Quotes doubled byte by byte: `"` is one byte in UTF-8 and never
        // part of another character, and a Character-wise `replacing`
        // costs more than the rest of the rendering on long texts.
        var bytes: [UInt8] = [0x22]
        bytes.reserveCapacity(field.utf8.count + 8)
        for byte in field.utf8 {
            bytes.append(byte)
            if byte == 0x22 { bytes.append(0x22) }
        }
        bytes.append(0x22)
        return String(decoding: bytes, as: UTF8.self)
    }
}
