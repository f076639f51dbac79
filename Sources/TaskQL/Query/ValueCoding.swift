/// JSON form of values: null, booleans, numbers and strings as themselves,
/// dates as `"YYYY-MM-DD"` strings, lists as arrays. Decoding reads dates
/// back as strings (JSON has no date type); use `date()` in a query or
/// `CivilDate(iso:)` to turn them back.
extension Value: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? c.decode(Int.self) {
            self = .int(i)
        } else if let d = try? c.decode(Double.self) {
            self = .decimal(d)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else {
            self = .list(try c.decode([Value].self))
        }
    }

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

extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByFloatLiteral, ExpressibleByNilLiteral
{
    /// `"发改委"` as a parameter value.
    public init(stringLiteral value: String) { self = .string(value) }
    /// `3` as a parameter value.
    public init(integerLiteral value: Int) { self = .int(value) }
    /// `true` as a parameter value.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// `1.5` as a parameter value.
    public init(floatLiteral value: Double) { self = .decimal(value) }
    /// `nil` as a null parameter value.
    public init(nilLiteral: ()) { self = .null }
}

extension QueryResult {
    /// One row with access by column name: `row["text"]`.
    public struct NamedRow: Sendable, Hashable {
        public let columns: [String]
        public let values: [Value]
        /// The value in `column`, or nil when there is no such column.
        public subscript(column: String) -> Value? {
            columns.firstIndex(of: column).map { values[$0] }
        }
    }

    /// The rows with access by column name.
    public var namedRows: [NamedRow] { rows.map { NamedRow(columns: columns, values: $0) } }
}
