// JSON for values and results: the natural JSON value of each cell. Dates
// are written as `YYYY-MM-DD` text (JSON has no date type), so they decode
// back as strings.

extension Value: Codable {
    /// Decodes null, text, booleans, integers, decimals and arrays.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? c.decode(Int.self) {
            self = .int(i)
        } else if let d = try? c.decode(Double.self) {
            self = .decimal(d)
        } else {
            self = .list(try c.decode([Value].self))
        }
    }

    /// Encodes the value as its natural JSON value.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .int(let i): try c.encode(i)
        case .decimal(let d): try c.encode(d)
        case .string(let s): try c.encode(s)
        case .date(let d): try c.encode(d.description)
        case .list(let items): try c.encode(items)
        }
    }
}

extension QueryResult: Codable {
    private enum CodingKeys: String, CodingKey {
        case columns, rows
        case isChart = "is_chart"
    }

    /// Decodes `{"columns": […], "rows": [[…]], "is_chart": false}`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            columns: try c.decode([String].self, forKey: .columns), rows: try c.decode([[Value]].self, forKey: .rows),
            isChart: try c.decodeIfPresent(Bool.self, forKey: .isChart) ?? false)
    }

    /// Encodes `{"columns": […], "rows": [[…]], "is_chart": false}`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(columns, forKey: .columns)
        try c.encode(rows, forKey: .rows)
        try c.encode(isChart, forKey: .isChart)
    }
}
