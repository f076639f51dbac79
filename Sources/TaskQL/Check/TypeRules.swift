/// Small facts about types shared by the checker's rules.
enum TypeRules {
    static func isNumeric(_ t: ValueType) -> Bool { t == .int || t == .decimal }

    /// The type both values fit in (`int` and `decimal` → `decimal`; `any`
    /// and `null` fit anything), or nil when there is none.
    static func unify(_ a: ValueType, _ b: ValueType) -> ValueType? {
        if a == b { return a }
        if a == .any || a == .null { return b }
        if b == .any || b == .null { return a }
        if isNumeric(a), isNumeric(b) { return .decimal }
        if case .list(let x) = a, case .list(let y) = b {
            return unify(x, y).map { .list($0) }
        }
        return nil
    }

    /// Whether `==`/`!=` can compare the two types.
    static func comparable(_ a: ValueType, _ b: ValueType) -> Bool { unify(a, b) != nil }

    /// Whether `<`, `>` … can order the two types.
    static func orderable(_ a: ValueType, _ b: ValueType) -> Bool {
        guard let t = unify(a, b) else { return false }
        return [.int, .decimal, .string, .date, .any, .null, .bool].contains(t)
    }

    /// The element type of a list type (`any` for `any`), nil for scalars.
    static func element(_ t: ValueType) -> ValueType? {
        switch t {
        case .list(let e): e
        case .any: .any
        default: nil
        }
    }

    /// Whether a value given at run time fits a parameter's type.
    static func accepts(_ expected: ValueType, _ value: Value) -> Bool {
        switch (expected, value) {
        case (.any, _), (_, .null): return true
        case (.decimal, .int): return true
        case (.list(let e), .list(let items)): return items.allSatisfy { accepts(e, $0) }
        default: return value.valueType == expected
        }
    }
}
