/// Reads one dataset-file record line into a ``TaskRecord``.
enum TaskRecordLine {
    static func parse(_ scanner: inout JSONScanner) throws(JSONScanner.Failure) -> TaskRecord {
        var fields = Fields()
        try scanner.expect(0x7B, "{")
        if !scanner.take(0x7D) {
            repeat {
                let key = try scanner.string()
                try scanner.expect(0x3A, ":")
                do {
                    try fields.read(key, &scanner)
                } catch {
                    // Name the field: `"year": expected an integer, found a string`.
                    throw JSONScanner.Failure(column: error.column, message: "\"\(key)\": \(error.message)")
                }
            } while scanner.take(0x2C)
            try scanner.expect(0x7D, "} or ,")
        }
        scanner.skipSpace()
        guard scanner.atEnd else { throw scanner.fail("text after the record") }
        return try fields.record(scanner)
    }

    private struct Fields {
        var id, dataset, city, number, text, source: String?
        var kind: TaskKind?
        var year: Int?
        var section, subsection, title, deadline: String?
        var due: CivilDate?
        var leaders: [String] = [], leadUnits: [String] = [], coUnits: [String] = []
        var extra: [ExtraField] = []

        mutating func read(_ key: String, _ s: inout JSONScanner) throws(JSONScanner.Failure) {
            switch key {
            case "id": id = try s.string()
            case "dataset": dataset = try s.string()
            case "city": city = try s.string()
            case "year": year = try s.int()
            case "kind":
                let name = try s.string()
                guard let k = TaskKind(rawValue: name) else { throw s.fail("unknown kind \"\(name)\"") }
                kind = k
            case "section": section = try s.optionalString()
            case "subsection": subsection = try s.optionalString()
            case "number": number = try s.string()
            case "title": title = try s.optionalString()
            case "text": text = try s.string()
            case "leaders": leaders = try s.stringArray()
            case "lead_units": leadUnits = try s.stringArray()
            case "co_units": coUnits = try s.stringArray()
            case "deadline": deadline = try s.optionalString()
            case "due":
                if let iso = try s.optionalString() {
                    guard let date = CivilDate(iso: iso) else { throw s.fail("not a YYYY-MM-DD date: \(iso)") }
                    due = date
                }
            case "source": source = try s.string()
            case "extra": extra = try s.stringObject().map { ExtraField(name: $0.0, value: $0.1) }
            default: try s.skipValue()  // `units` (derived) and keys of newer writers
            }
        }

        func record(_ s: JSONScanner) throws(JSONScanner.Failure) -> TaskRecord {
            func required<T>(_ value: T?, _ key: String) throws(JSONScanner.Failure) -> T {
                guard let value else { throw JSONScanner.Failure(column: s.i, message: "missing key \"\(key)\"") }
                return value
            }
            return TaskRecord(
                id: try required(id, "id"), dataset: try required(dataset, "dataset"), city: try required(city, "city"),
                year: try required(year, "year"), kind: try required(kind, "kind"), section: section,
                subsection: subsection, number: try required(number, "number"), title: title,
                text: try required(text, "text"), leaders: leaders, leadUnits: leadUnits, coUnits: coUnits,
                deadline: deadline, due: due, source: try required(source, "source"), extra: extra)
        }
    }
}
