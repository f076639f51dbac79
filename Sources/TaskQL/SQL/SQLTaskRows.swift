import Foundation

/// The tasks of one dataset as lines of PostgreSQL's `COPY … FROM STDIN`
/// text format, in ``SQLSchema/taskColumns`` order: what `taskql push`
/// streams. Built from the column store a row at a time, so a million
/// tasks never exist as records or as one string.
package struct SQLTaskRows: Sendable {
    let engine: Engine
    let rows: [Int]

    /// The rows of dataset `name` of `engine`, in document order.
    package init(engine: Engine, dataset name: String) {
        self.engine = engine
        rows = engine.table.rows(ofDataset: name)
    }

    /// How many tasks.
    package var count: Int { rows.count }

    /// A task field PostgreSQL cannot store (text holding U+0000), named
    /// with the task, for a clear error before anything is sent.
    package struct Unstorable: Error, CustomStringConvertible {
        package var taskID: String
        package var field: String
        package var description: String {
            "task \(taskID): \(field) holds a NUL character (U+0000), which PostgreSQL text cannot store"
        }
    }

    /// Lines `range` (indices into the dataset's rows), each ending in `\n`.
    package func lines(_ range: Range<Int>) throws(Unstorable) -> String {
        var out = ""
        for k in range { try line(rows[k], ordinal: k, into: &out) }
        return out
    }

    private func line(_ row: Int, ordinal: Int, into out: inout String) throws(Unstorable) {
        let record = engine.table.record(row)
        let aliases = engine.aliases
        func check(_ value: String, _ field: String) throws(Unstorable) {
            if value.utf8.contains(0) { throw Unstorable(taskID: record.id, field: field) }
        }
        var fields: [String] = [String(ordinal)]
        func text(_ value: String?, _ field: String) throws(Unstorable) {
            guard let value else { return fields.append("\\N") }
            try check(value, field)
            fields.append(Self.escaped(value))
        }
        func array(_ values: [String], _ field: String) throws(Unstorable) {
            for v in values { try check(v, field) }
            fields.append(Self.escaped(Self.arrayLiteral(values)))
        }
        try text(record.id, "id")
        try text(record.dataset, "dataset")
        try text(record.city, "city")
        fields.append(String(record.year))
        try text(record.kind.rawValue, "kind")
        try text(record.section, "section")
        try text(record.subsection, "subsection")
        try text(record.number, "number")
        try text(record.title, "title")
        try text(record.text, "text")
        try array(record.leaders, "leaders")
        try array(record.leadUnits, "lead_units")
        try array(record.coUnits, "co_units")
        try text(record.deadline, "deadline")
        fields.append(record.due.map(\.description) ?? "\\N")
        try text(record.source, "source")
        try array(record.leadUnits.map(aliases.canonical), "lead_units")
        try array(record.coUnits.map(aliases.canonical), "co_units")
        fields.append(Self.escaped(SQLCompiler.asciiLowered(record.text)))
        // The first cell of each header, as the engine's extra columns keep it.
        var extra: [String: String] = [:]
        for field in record.extra where extra[field.name] == nil {
            try check(field.value, field.name)
            try check(field.name, field.name)
            extra[field.name] = field.value
        }
        fields.append(Self.escaped(Self.jsonObject(extra)))
        if case .int(let n)? = ScalarFunctions.integer(.string(record.number)) {
            fields.append(String(n))
        } else {
            fields.append("\\N")
        }
        out += fields.joined(separator: "\t")
        out += "\n"
    }

    /// COPY's text escaping: backslash, tab, newline and carriage return.
    static func escaped(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else {
            return value
        }
        var out = ""
        for c in value.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// `{"a","b"}`: every element quoted, `"` and `\` escaped.
    static func arrayLiteral(_ values: [String]) -> String {
        "{"
            + values.map { "\"" + $0.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\"" }
            .joined(separator: ",") + "}"
    }

    /// A JSON object of text values, keys sorted (jsonb keeps one order anyway).
    static func jsonObject(_ values: [String: String]) -> String {
        guard !values.isEmpty,
            let data = try? JSONSerialization.data(withJSONObject: values, options: [.sortedKeys]),
            let text = String(data: data, encoding: .utf8)
        else { return "{}" }
        return text
    }
}
