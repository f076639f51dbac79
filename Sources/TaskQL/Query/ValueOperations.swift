// Comparison and ordering of values, shared by the evaluator and by hosts
// that sort or compare result cells the way queries do.

extension Value {
    /// The value's dynamic type (`list(any)` for an empty or mixed list).
    public var valueType: ValueType {
        switch self {
        case .null: return .null
        case .bool: return .bool
        case .int: return .int
        case .decimal: return .decimal
        case .string: return .string
        case .date: return .date
        case .list(let items):
            guard let first = items.first?.valueType, items.allSatisfy({ $0.valueType == first }) else {
                return .list(.any)
            }
            return .list(first)
        }
    }

    /// Whether the value is `null`.
    public var isNull: Bool { if case .null = self { true } else { false } }

    /// Query comparison: nil when either side is null or the types cannot be
    /// compared; otherwise -1, 0 or 1. Integers and decimals compare
    /// numerically; strings by Unicode scalar values (UTF-8 byte order).
    package static func compare(_ a: Value, _ b: Value) -> Int? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y ? 0 : (x < y ? -1 : 1)
        case (.int(let x), .decimal(let y)): return three(Double(x), y)
        case (.decimal(let x), .int(let y)): return three(x, Double(y))
        case (.decimal(let x), .decimal(let y)): return three(x, y)
        case (.string(let x), .string(let y)): return compareStrings(x, y)
        case (.date(let x), .date(let y)): return three(x.daysSinceEpoch, y.daysSinceEpoch)
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (x ? 1 : -1)
        case (.list(let x), .list(let y)): return compareLists(x, y)
        default: return nil
        }
    }

    /// Strings by their UTF-8 bytes, which is Unicode scalar order. Inside
    /// TaskQL every string is in NFC, so bytes decide canonical equivalence
    /// too; a host comparing its own strings gets byte semantics, never
    /// Swift's canonical-equivalence `==` (two rules would let two paths of
    /// one query disagree).
    package static func compareStrings(_ x: String, _ y: String) -> Int {
        var a = x.utf8.makeIterator()
        var b = y.utf8.makeIterator()
        while true {
            switch (a.next(), b.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case (let p?, let q?): if p != q { return p < q ? -1 : 1 }
            }
        }
    }

    private static func three<T: Comparable>(_ x: T, _ y: T) -> Int? {
        x == y ? 0 : (x < y ? -1 : 1)
    }

    private static func compareLists(_ x: [Value], _ y: [Value]) -> Int? {
        for (a, b) in zip(x, y) {
            guard let c = compare(a, b) else { return nil }
            if c != 0 { return c }
        }
        return three(x.count, y.count)
    }

    /// A total order for sorting and grouping: values of one kind compare as
    /// ``compare(_:_:)``; different kinds order null < bool < number <
    /// string < date < list (callers put nulls last themselves).
    package static func sortOrder(_ a: Value, _ b: Value) -> Int {
        if let c = compare(a, b) { return c }
        let (ra, rb) = (a.kindRank, b.kindRank)
        if ra != rb { return ra < rb ? -1 : 1 }
        if case .list(let x) = a, case .list(let y) = b {
            for (p, q) in zip(x, y) {
                let c = sortOrder(p, q)
                if c != 0 { return c }
            }
            return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
        }
        return 0
    }

    private var kindRank: Int {
        switch self {
        case .null: 0
        case .bool: 1
        case .int, .decimal: 2
        case .string: 3
        case .date: 4
        case .list: 5
        }
    }

    /// The value as plain text: strings unquoted, dates `YYYY-MM-DD`,
    /// decimals without exponent noise, lists joined with `、` (as the
    /// documents list units), null as empty text.
    public var displayText: String {
        switch self {
        case .null: ""
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .decimal(let d): Value.format(d)
        case .string(let s): s
        case .date(let d): d.description
        case .list(let items): items.map(\.displayText).joined(separator: "、")
        }
    }

    /// Decimals without a trailing `.0` noise beyond what is needed.
    /// Decimals for people: whole values without a fraction, others rounded
    /// to at most 4 places (`avg` of days prints 308.7706, not 17 digits).
    /// Machine formats (json, jsonl) keep full precision.
    package static func format(_ d: Double) -> String {
        guard d.isFinite else { return String(d) }
        let rounded = (d * 10_000).rounded() / 10_000
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(rounded)
    }
}
