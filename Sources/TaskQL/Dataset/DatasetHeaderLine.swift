/// Reads one dataset-file header line into a ``DatasetFile/Header``:
/// `{"format":"taskql-dataset","version":1,"dataset":"yixing","records":70,"documents":[…]}`.
/// Every field is read as the type it must have, so that a wrong one is
/// named with what was expected and where (`"version": expected an integer,
/// found a string`), never as a decoder's internal error.
enum DatasetHeaderLine {
    static func parse(_ s: inout JSONScanner) throws(JSONScanner.Failure) -> DatasetFile.Header {
        var format: String?
        var version: Int?
        var dataset: String?
        var records: Int?
        var documents: [DocumentInfo] = []
        try object(&s) { key, s throws(JSONScanner.Failure) in
            switch key {
            case "format": format = try s.string()
            case "version": version = try s.int()
            case "dataset": dataset = try s.string()
            case "records": records = s.takeNull() ? nil : try s.int()
            case "documents": documents = try list(&s) { s throws(JSONScanner.Failure) in try document(&s) }
            default: try s.skipValue()  // keys a newer writer may add
            }
        }
        s.skipSpace()
        guard s.atEnd else { throw s.fail("text after the header's closing '}'") }
        func required<T>(_ value: T?, _ key: String) throws(JSONScanner.Failure) -> T {
            guard let value else { throw JSONScanner.Failure(column: s.i, message: "missing key \"\(key)\"") }
            return value
        }
        return DatasetFile.Header(
            format: try required(format, "format"), version: try required(version, "version"),
            dataset: try required(dataset, "dataset"), records: records, documents: documents)
    }

    /// One entry of `documents` (see ``DocumentInfo``).
    static func document(_ s: inout JSONScanner) throws(JSONScanner.Failure) -> DocumentInfo {
        var file: String?
        var title: String?
        var authority: String?
        var number: String?
        var date: CivilDate?
        var city: String?
        var year: Int?
        var layout: String?
        let start = s.i
        try object(&s) { key, s throws(JSONScanner.Failure) in
            switch key {
            case "file": file = try s.string()
            case "title": title = try s.optionalString()
            case "authority": authority = try s.optionalString()
            case "document_number": number = try s.optionalString()
            case "date":
                if let iso = try s.optionalString() {
                    guard let day = CivilDate(iso: iso) else { throw s.fail("not a YYYY-MM-DD date: \(iso)") }
                    date = day
                }
            case "city": city = try s.string()
            case "year": year = try s.int()
            case "layout": layout = try s.string()
            default: try s.skipValue()
            }
        }
        func required<T>(_ value: T?, _ key: String) throws(JSONScanner.Failure) -> T {
            guard let value else {
                throw JSONScanner.Failure(column: start, message: "missing key \"\(key)\" in a document")
            }
            return value
        }
        return DocumentInfo(
            file: try required(file, "file"), title: title, authority: authority, documentNumber: number, date: date,
            city: try required(city, "city"), year: try required(year, "year"), layout: try required(layout, "layout"))
    }

    /// `{ "key": value, … }`, calling `value` for each key; a failure
    /// inside a value names its key.
    private static func object(
        _ s: inout JSONScanner, _ value: (String, inout JSONScanner) throws(JSONScanner.Failure) -> Void
    ) throws(JSONScanner.Failure) {
        try s.expect(0x7B, "'{'")
        if s.take(0x7D) { return }
        var key = ""
        repeat {
            key = try s.string()
            try s.expect(0x3A, "':' after \"\(key)\"")
            do {
                try value(key, &s)
            } catch {
                throw JSONScanner.Failure(column: error.column, message: "\"\(key)\": \(error.message)")
            }
        } while s.take(0x2C)
        try s.expect(0x7D, "',' or '}' after the value of \"\(key)\"")
    }

    /// `[ value, … ]`.
    private static func list<T>(_ s: inout JSONScanner, _ element: (inout JSONScanner) throws(JSONScanner.Failure) -> T)
        throws(JSONScanner.Failure) -> [T]
    {
        try s.expect(0x5B, "a list")
        var items: [T] = []
        if s.take(0x5D) { return items }
        repeat { items.append(try element(&s)) } while s.take(0x2C)
        try s.expect(0x5D, "',' or ']'")
        return items
    }
}
