/// RFC 4180 CSV: a header line, then one line per row, `\n` line ends.
/// A field is quoted only when it contains `,`, `"`, CR or LF, and inner
/// quotes are doubled. Null is the empty field; lists are joined with `;`
/// (`发改委;财政局`) so that a list stays one field.
struct CSVRenderer {
    let options: ResultFormatter.Options

    func render(_ result: QueryResult) -> String {
        guard !result.columns.isEmpty else { return "" }
        // One byte buffer for the whole text: a String per field and per
        // line cost more than the rest of rendering a result of long texts.
        var out: [UInt8] = []
        if options.showsHeader { Self.appendLine(result.columns, to: &out) }
        let nullText = options.nullText
        for row in result.rows { Self.appendLine(row.lazy.map { CellText.plain($0, nullText: nullText) }, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendLine(_ fields: some Sequence<String>, to out: inout [UInt8]) {
        var first = true
        for field in fields {
            if !first { out.append(0x2C) }
            first = false
            append(field, to: &out)
        }
        out.append(0x0A)
    }

    /// One field, quoted when it must be. Quotes are doubled byte by byte:
    /// `"` is one byte in UTF-8 and never part of another character (a
    /// Character-wise replacement left a `"` before a combining mark single).
    private static func append(_ field: String, to out: inout [UInt8]) {
        var field = field
        field.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
                return out.append(contentsOf: bytes)
            }
            out.append(0x22)
            for byte in bytes {
                out.append(byte)
                if byte == 0x22 { out.append(0x22) }
            }
            out.append(0x22)
        }
    }
}
