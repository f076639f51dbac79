/// Writes dataset-file lines by hand: keys in a fixed, documented order
/// (Foundation's encoder orders keys by hash, differently on each run), and
/// several times faster than `JSONEncoder` on large datasets.
enum JSONLineWriter {
    /// One task record as a JSON object, keys in ``TaskRecord`` field order.
    static func record(_ r: TaskRecord, into out: inout String) {
        out += "{\"id\":"
        string(r.id, &out)
        out += ",\"dataset\":"
        string(r.dataset, &out)
        out += ",\"city\":"
        string(r.city, &out)
        out += ",\"year\":\(r.year),\"kind\":"
        string(r.kind.rawValue, &out)
        out += ",\"section\":"
        optional(r.section, &out)
        out += ",\"subsection\":"
        optional(r.subsection, &out)
        out += ",\"number\":"
        string(r.number, &out)
        out += ",\"title\":"
        optional(r.title, &out)
        out += ",\"text\":"
        string(r.text, &out)
        out += ",\"leaders\":"
        list(r.leaders, &out)
        out += ",\"lead_units\":"
        list(r.leadUnits, &out)
        out += ",\"co_units\":"
        list(r.coUnits, &out)
        out += ",\"units\":"
        list(r.units, &out)
        out += ",\"deadline\":"
        optional(r.deadline, &out)
        out += ",\"due\":"
        optional(r.due?.description, &out)
        out += ",\"source\":"
        string(r.source, &out)
        out += ",\"extra\":{"
        for (i, field) in r.extra.enumerated() {
            if i > 0 { out += "," }
            string(field.name, &out)
            out += ":"
            string(field.value, &out)
        }
        out += "}}\n"
    }

    /// A dataset header line.
    static func header(_ dataset: Dataset, into out: inout String) {
        header(name: dataset.name, records: dataset.records.count, documents: dataset.documents, into: &out)
    }

    /// A dataset header line from its parts (a snapshot's catalog is these lines).
    static func header(name: String, records: Int, documents: [DocumentInfo], into out: inout String) {
        out += "{\"format\":"
        string(DatasetFile.formatName, &out)
        out += ",\"version\":\(DatasetFile.formatVersion),\"dataset\":"
        string(name, &out)
        out += ",\"records\":\(records),\"documents\":["
        for (i, d) in documents.enumerated() {
            if i > 0 { out += "," }
            document(d, into: &out)
        }
        out += "]}\n"
    }

    static func document(_ d: DocumentInfo, into out: inout String) {
        out += "{\"file\":"
        string(d.file, &out)
        out += ",\"title\":"
        optional(d.title, &out)
        out += ",\"authority\":"
        optional(d.authority, &out)
        out += ",\"document_number\":"
        optional(d.documentNumber, &out)
        out += ",\"date\":"
        optional(d.date?.description, &out)
        out += ",\"city\":"
        string(d.city, &out)
        out += ",\"year\":\(d.year),\"layout\":"
        string(d.layout, &out)
        out += "}"
    }

    static func optional(_ s: String?, _ out: inout String) {
        if let s { string(s, &out) } else { out += "null" }
    }

    static func list(_ items: [String], _ out: inout String) {
        out += "["
        for (i, s) in items.enumerated() {
            if i > 0 { out += "," }
            string(s, &out)
        }
        out += "]"
    }

    /// A JSON string: `"` `\` and control characters escaped, everything
    /// else (Chinese included) written as is.
    static func string(_ s: String, _ out: inout String) {
        out += "\""
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out += s
        } else {
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
