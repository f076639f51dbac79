/// One worksheet's XML: the header row (bold, frozen below it), then a
/// row per result row; cells typed as Excel types them.
struct XLSXSheet {
    let result: QueryResult

    /// Widest column Excel is given, in characters: a long task text wraps
    /// in the cell instead of making the sheet a mile wide.
    static let maximumWidth = 60

    var xml: String {
        var out = XLSXParts.header + #"<worksheet xmlns="\#(XLSXParts.main)">"#
        out += #"<sheetViews><sheetView workbookViewId="0">"#
        out += #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        out += "</sheetView></sheetViews>"
        if !result.columns.isEmpty {
            out += "<cols>"
            for (i, width) in columnWidths.enumerated() {
                out += #"<col min="\#(i + 1)" max="\#(i + 1)" width="\#(width)" customWidth="1"/>"#
            }
            out += "</cols>"
        }
        out += "<sheetData>"
        out += #"<row r="1">"#
        for (c, name) in result.columns.enumerated() {
            out +=
                #"<c r="\#(Self.reference(column: c, row: 1))" t="inlineStr" s="1"><is><t xml:space="preserve">\#(XMLText.escaped(name))</t></is></c>"#
        }
        out += "</row>"
        for (r, row) in result.rows.enumerated() {
            out += #"<row r="\#(r + 2)">"#
            for (c, value) in row.enumerated() { out += Self.cell(value, at: Self.reference(column: c, row: r + 2)) }
            out += "</row>"
        }
        return out + "</sheetData></worksheet>"
    }

    /// Characters wide: the widest header or cell by display width, plus a margin.
    var columnWidths: [Int] {
        result.columns.indices.map { c in
            var widest = DisplayWidth.of(result.columns[c])
            for row in result.rows.prefix(10_000) { widest = max(widest, DisplayWidth.of(Self.text(row[c]))) }
            return min(widest, Self.maximumWidth) + 2
        }
    }

    /// One cell; null is no cell at all.
    static func cell(_ value: Value, at reference: String) -> String {
        switch value {
        case .null: return ""
        case .int(let i) where abs(i) <= 1 << 53:
            return #"<c r="\#(reference)"><v>\#(i)</v></c>"#
        case .decimal(let d) where d.isFinite:
            return #"<c r="\#(reference)"><v>\#(d)</v></c>"#
        case .bool(let b):
            return #"<c r="\#(reference)" t="b"><v>\#(b ? 1 : 0)</v></c>"#
        case .date(let d):
            // Excel's day 0 is 1899-12-30 (its 1900 leap-year bug included).
            return #"<c r="\#(reference)" s="2"><v>\#(Int(d.daysSinceEpoch) + 25_569)</v></c>"#
        default:
            // Text, lists, and numbers Excel would round (beyond 2⁵³, nan).
            return
                #"<c r="\#(reference)" t="inlineStr"><is><t xml:space="preserve">\#(XMLText.escaped(text(value)))</t></is></c>"#
        }
    }

    /// The text of a cell that is shown as text: lists joined with `、`.
    static func text(_ value: Value) -> String {
        switch value {
        case .list(let items): items.filter { $0 != .null }.map(text).joined(separator: "、")
        case .string(let s): s
        default: value.displayText
        }
    }

    /// `A1`, `AB12`.
    static func reference(column: Int, row: Int) -> String {
        var letters = ""
        var n = column + 1
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters + String(row)
    }
}
