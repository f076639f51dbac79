/// A value in a query: a field of a row, a literal, a parameter, a result cell.
public enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case decimal(Double)
    case string(String)
    case date(CivilDate)
    case list([Value])
}

/// The static type of an expression, as the checker sees it.
public indirect enum ValueType: Sendable, Hashable, CustomStringConvertible {
    case null
    case bool
    case int
    case decimal
    case string
    case date
    case list(ValueType)
    /// Not known statically (e.g. `list()` of mixed values); checked at run time.
    case any

    public var description: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .int: "integer"
        case .decimal: "decimal"
        case .string: "string"
        case .date: "date"
        case .list(let e): "list of \(e)"
        case .any: "any"
        }
    }
}
