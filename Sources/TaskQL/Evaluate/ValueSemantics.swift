/// What operators do to values when no faster column-specific form
/// applies. Comparisons return nil ("unknown") when a side is null, so
/// that `where` drops the row and `not` keeps it unknown.
struct ValueSemantics: Sendable {
    let aliases: UnitAliases
    /// The day `today()` is, for the whole query.
    var today = CivilDate.localToday()

    /// `==`, `!=`, `<` …; `units` says which sides hold unit names (compared
    /// by canonical name; a unit list `==` a name means the list has it).
    func compare(_ op: BinaryOperator, _ a: Value, _ b: Value, units: (Bool, Bool), span: SourceSpan)
        throws(RuntimeError) -> Bool?
    {
        if a.isNull || b.isNull { return nil }
        if units.0 || units.1, op == .equal || op == .notEqual {
            let same: Bool? =
                switch (a, b) {
                case (.list, .string): has(a, b, units: true)
                case (.string, .list): has(b, a, units: true)
                default: equal(a, b, units: true)
                }
            return same.map { op == .equal ? $0 : !$0 }
        }
        guard let c = Value.compare(a, b) else {
            throw RuntimeError.type("cannot compare \(a.valueType) with \(b.valueType)", span)
        }
        switch op {
        case .equal: return c == 0
        case .notEqual: return c != 0
        case .less: return c < 0
        case .lessOrEqual: return c <= 0
        case .greater: return c > 0
        default: return c >= 0
        }
    }

    /// Equality of two non-null values; unit names by canonical name.
    func equal(_ a: Value, _ b: Value, units: Bool) -> Bool {
        if units, case .string(let x) = a, case .string(let y) = b {
            return aliases.canonical(x) == aliases.canonical(y)
        }
        return Value.compare(a, b) == 0
    }

    /// `list has x`.
    func has(_ list: Value, _ x: Value, units: Bool) -> Bool? {
        guard case .list(let items) = list, !x.isNull else { return nil }
        if units, case .string(let name) = x {
            let wanted = aliases.canonical(name)
            return items.contains { if case .string(let s) = $0 { aliases.canonical(s) == wanted } else { false } }
        }
        return items.contains { !$0.isNull && equal($0, x, units: false) }
    }

    /// `x in list`; a list on the left is in when any element is.
    func isIn(_ x: Value, _ list: Value, units: Bool) -> Bool? {
        guard case .list(let items) = list, !x.isNull else { return nil }
        if case .list(let xs) = x {
            return xs.contains { e in isIn(e, list, units: units) == true }
        }
        return items.contains { !$0.isNull && equal(x, $0, units: units) }
    }

    /// `contains`, `startswith`, `endswith` (ASCII case-insensitive); on a
    /// list, true when any element passes.
    func textTest(_ op: BinaryOperator, _ a: Value, _ b: Value, span: SourceSpan) throws(RuntimeError) -> Bool? {
        guard case .string(let needle) = b else {
            if b.isNull { return nil }
            throw RuntimeError.type("'\(op.rawValue)' needs text on the right, found \(b.valueType)", span)
        }
        let search = ByteSearch(needle)
        return try anyText(a, span: span) { s in
            switch op {
            case .startsWith: search.isPrefix(of: s)
            case .endsWith: search.isSuffix(of: s)
            default: search.occurs(in: s)
            }
        }
    }

    /// Applies `test` to a string, or to every string of a list.
    func anyText(_ a: Value, span: SourceSpan, _ test: (String) throws(RuntimeError) -> Bool) throws(RuntimeError)
        -> Bool?
    {
        switch a {
        case .null: return nil
        case .string(let s): return try test(s)
        case .list(let items):
            for case .string(let s) in items where try test(s) { return true }
            return false
        default:
            throw RuntimeError.type("expected text, found \(a.valueType)", span)
        }
    }
}
