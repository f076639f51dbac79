// Comparison, equality and display of values, shared by the evaluator,
// sorting, grouping and the formatters.

extension Value {
    /// The value's dynamic type.
    public var type: ValueType {
        switch self {
        case .null: .null
        case .bool: .bool
        case .int: .int
        case .decimal: .decimal
        case .string: .string
        case .date: .date
        case .list(let items): .list(items.first?.type ?? .any)
        }
    }

    /// True for `.null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The string payload, if this is a string.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The number as a Double, for ints and decimals.
    var numeric: Double? {
        switch self {
        case .int(let i): Double(i)
        case .decimal(let d): d
        default: nil
        }
    }

    /// Text for display and for `csv`: strings bare, dates ISO, lists
    /// joined with `、`, null as the empty string.
    public var displayText: String {
        switch self {
        case .null: ""
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .decimal(let d): Value.formatDecimal(d)
        case .string(let s): s
        case .date(let d): d.description
        case .list(let items): items.map(\.displayText).joined(separator: "、")
        }
    }

    /// Decimals print without a trailing `.0` noise beyond what is needed.
    static func formatDecimal(_ d: Double) -> String {
        if d.isNaN || d.isInfinite { return String(d) }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) + ".0" }
        var text = String(d)
        if text.contains("e") { return text }
        // Keep at most 6 decimals so averages stay readable and stable.
        let rounded = (d * 1_000_000).rounded() / 1_000_000
        text = String(rounded)
        return text
    }

    /// Rank used to order values of different types: numbers, strings,
    /// dates, booleans, lists; null always last.
    private var typeRank: Int {
        switch self {
        case .int, .decimal: 0
        case .string: 1
        case .date: 2
        case .bool: 3
        case .list: 4
        case .null: 5
        }
    }

    /// A total order for sorting and grouping (null last, then by type, then
    /// by value; strings by Unicode scalars so results never depend on locale).
    public static func order(_ a: Value, _ b: Value) -> Int {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.string(let x), .string(let y)): return compareScalars(x, y)
        case (.date(let x), .date(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (!x ? -1 : 1)
        case (.list(let x), .list(let y)):
            for (l, r) in zip(x, y) {
                let c = order(l, r)
                if c != 0 { return c }
            }
            return x.count < y.count ? -1 : (x.count == y.count ? 0 : 1)
        default:
            if let x = a.numeric, let y = b.numeric { return x < y ? -1 : (x == y ? 0 : 1) }
            let ra = a.typeRank
            let rb = b.typeRank
            return ra < rb ? -1 : (ra == rb ? 0 : 1)
        }
    }

    /// Compares by Unicode scalar values (code-point order), locale-free.
    static func compareScalars(_ x: String, _ y: String) -> Int {
        if x == y { return 0 }
        var i = x.unicodeScalars.makeIterator()
        var j = y.unicodeScalars.makeIterator()
        while true {
            switch (i.next(), j.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case (let a?, let b?):
                if a != b { return a.value < b.value ? -1 : 1 }
            }
        }
    }

    /// Query equality: null equals nothing (not even null); ints and
    /// decimals compare numerically.
    static func queryEquals(_ a: Value, _ b: Value) -> Bool? {
        if a.isNull || b.isNull { return nil }
        if let x = a.numeric, let y = b.numeric { return x == y }
        return a == b
    }
}
