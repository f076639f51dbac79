// Typing rules of infix operators, with parameter inference, date literal
// coercion and unit-name checks.
extension Checker {
    mutating func binary(_ op: BinaryOperator, _ l: CheckedExpr, _ r: CheckedExpr, _ span: SourceSpan)
        throws(Diagnostic) -> CheckedExpr
    {
        var (l, r) = try inferParameters(op, l, r)
        let type: ValueType
        switch op {
        case .and, .or:
            try requireCondition(l, what: "'\(op.rawValue)'")
            try requireCondition(r, what: "'\(op.rawValue)'")
            type = .bool
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            (l, r) = try comparison(op, l, r)
            type = .bool
        case .in, .notIn:
            try membership(op, l, r)
            type = .bool
        case .contains, .startsWith, .endsWith, .matches:
            try textTest(op, l, r)
            type = .bool
        case .has:
            try has(l, r)
            type = .bool
        case .add, .subtract, .multiply, .divide:
            type = try arithmetic(op, l, r)
        }
        try checkUnitNames(op, l, r)
        return CheckedExpr(kind: .binary(op, l, r), type: type, span: span)
    }

    /// A parameter takes the type its other operand asks for.
    private mutating func inferParameters(_ op: BinaryOperator, _ l: CheckedExpr, _ r: CheckedExpr)
        throws(Diagnostic) -> (CheckedExpr, CheckedExpr)
    {
        switch op {
        case .and, .or: return (try expectParameter(l, .bool), try expectParameter(r, .bool))
        case .has:
            return (l, try expectParameter(r, TypeRules.element(l.type) ?? .any))
        case .in, .notIn:
            let elementOfL = TypeRules.element(l.type).map { l.isUnits ? $0 : .any } ?? l.type
            return (
                try expectParameter(l, TypeRules.element(r.type) ?? .any),
                try expectParameter(r, elementOfL == .any ? .any : .list(elementOfL))
            )
        case .contains, .startsWith, .endsWith, .matches:
            return (l, try expectParameter(r, .string))
        case .add where l.type == .date, .subtract where l.type == .date:
            return (l, try expectParameter(r, r.type == .date ? .date : .int))
        default:
            let lt = l.isUnits ? (TypeRules.element(l.type) ?? l.type) : l.type
            let rt = r.isUnits ? (TypeRules.element(r.type) ?? r.type) : r.type
            return (try expectParameter(l, rt), try expectParameter(r, lt))
        }
    }

    private func comparison(_ op: BinaryOperator, _ l: CheckedExpr, _ r: CheckedExpr) throws(Diagnostic)
        -> (CheckedExpr, CheckedExpr)
    {
        for side in [l, r] where side.literalValue == .null {
            let other = side.span == l.span ? r : l
            throw Diagnostic(
                code: DiagnosticCode.comparisonWithNull, message: "comparison with null is never true",
                span: side.span, help: "write `\(text(of: other.span)) is \(op == .notEqual ? "not " : "")null`")
        }
        let (l, r) = try coerceDates(l, r)
        let unitList = (l.isUnits && r.type == .string) || (r.isUnits && l.type == .string)
        if (op == .equal || op == .notEqual) && unitList { return (l, r) }
        let ok =
            op == .equal || op == .notEqual
            ? TypeRules.comparable(l.type, r.type)
            : TypeRules.orderable(l.type, r.type)
        guard ok else {
            throw mismatch("cannot compare \(l.type) with \(r.type) using '\(op.rawValue)'", l.span.union(r.span))
        }
        return (l, r)
    }

    /// `due < "2020-06-30"` means the date; `due < "abc"` is an error.
    private func coerceDates(_ l: CheckedExpr, _ r: CheckedExpr) throws(Diagnostic) -> (CheckedExpr, CheckedExpr) {
        func coerce(_ e: CheckedExpr) throws(Diagnostic) -> CheckedExpr {
            guard case .string(let s) = e.literalValue else { return e }
            guard let date = CivilDate(iso: s) else {
                throw mismatch(
                    "cannot compare a date with the text \"\(s)\"", e.span,
                    help: "write a date as 2020-06-30, without quotes")
            }
            return CheckedExpr(kind: .literal(.date(date)), type: .date, span: e.span)
        }
        if l.type == .date { return (l, try coerce(r)) }
        if r.type == .date { return (try coerce(l), r) }
        return (l, r)
    }

    private func membership(_ op: BinaryOperator, _ l: CheckedExpr, _ r: CheckedExpr) throws(Diagnostic) {
        guard let element = TypeRules.element(r.type) else {
            throw mismatch(
                "'\(op.rawValue)' needs a list on the right, found \(r.type)", r.span,
                help: "write a list in brackets, e.g. city in [\"海门\", \"太仓\"]")
        }
        let left = TypeRules.element(l.type) ?? l.type
        guard TypeRules.comparable(left, element) else {
            throw mismatch("cannot look for \(l.type) in a \(r.type)", l.span.union(r.span))
        }
    }

    private func textTest(_ op: BinaryOperator, _ l: CheckedExpr, _ r: CheckedExpr) throws(Diagnostic) {
        let isText = { (t: ValueType) in t == .string || t == .any || t == .list(.string) || t == .list(.any) }
        guard isText(l.type) else {
            throw mismatch("'\(op.rawValue)' needs text on the left, found \(l.type)", l.span)
        }
        guard r.type == .string || r.type == .any else {
            throw mismatch("'\(op.rawValue)' needs text on the right, found \(r.type)", r.span)
        }
        if op == .matches, case .string(let pattern) = r.literalValue {
            do {
                _ = try RegexProgram(pattern: pattern)
            } catch {
                throw Diagnostic(
                    code: DiagnosticCode.invalidRegex, message: "invalid regular expression: \(error.reason)",
                    span: r.span, help: error.help)
            }
        }
    }

    private func has(_ l: CheckedExpr, _ r: CheckedExpr) throws(Diagnostic) {
        guard let element = TypeRules.element(l.type) else {
            throw mismatch(
                "'has' needs a list on the left, found \(l.type)", l.span,
                help: l.type == .string ? "to look for text inside text, use contains" : nil)
        }
        guard TypeRules.comparable(element, r.type) else {
            throw mismatch("cannot look for \(r.type) in a \(l.type)", l.span.union(r.span))
        }
    }

    private func arithmetic(_ op: BinaryOperator, _ l: CheckedExpr, _ r: CheckedExpr) throws(Diagnostic) -> ValueType {
        if let t = TypeRules.arithmetic(op, l.type, r.type) { return t }
        throw mismatch("cannot use '\(op.rawValue)' on \(l.type) and \(r.type)", l.span.union(r.span))
    }
}

extension TypeRules {
    /// The result type of `+ - * /`, nil when the operands do not fit.
    /// `/` always gives a decimal; dates move by whole days.
    static func arithmetic(_ op: BinaryOperator, _ a: ValueType, _ b: ValueType) -> ValueType? {
        if a == .any || b == .any || a == .null || b == .null { return .any }
        switch (op, a, b) {
        case (.divide, _, _): return isNumeric(a) && isNumeric(b) ? .decimal : nil
        case (.add, .date, .int), (.add, .int, .date), (.subtract, .date, .int): return .date
        case (.subtract, .date, .date): return .int
        case (.add, .string, .string): return .string
        default: return isNumeric(a) && isNumeric(b) ? unify(a, b) : nil
        }
    }
}
