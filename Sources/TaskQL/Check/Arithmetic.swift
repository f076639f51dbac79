/// `+ - * /` on numbers, dates and strings.
///
/// int ∘ int → int (but `/` always gives a decimal, so `3 / 2` is 1.5);
/// date ± int → date (days); date − date → int (days); string + string
/// concatenates. Dividing by zero is a run-time error pointing at the
/// division.
enum Arithmetic {
    static func compile(
        _ op: BinaryOperator, _ l: CompiledExpr, _ r: CompiledExpr, _ ls: SourceSpan, _ rs: SourceSpan, _ span: SourceSpan
    ) throws -> CompiledExpr {
        let type = try resultType(op, l.type, r.type, span: span)
        return CompiledExpr(type: type, eval: { row in
            let a = try l.eval(row)
            let b = try r.eval(row)
            if a.isNull || b.isNull { return .null }
            return try apply(op, a, b, span: span)
        })
    }

    static func resultType(_ op: BinaryOperator, _ a: ValueType, _ b: ValueType, span: SourceSpan) throws -> ValueType {
        if a == .any || b == .any || a == .null || b == .null { return .any }
        switch (op, a, b) {
        case (.divide, _, _) where TypeRules.isNumeric(a) && TypeRules.isNumeric(b): return .decimal
        case (_, .int, .int): return .int
        case (_, _, _) where TypeRules.isNumeric(a) && TypeRules.isNumeric(b): return .decimal
        case (.add, .date, .int), (.subtract, .date, .int), (.add, .int, .date): return .date
        case (.subtract, .date, .date): return .int
        case (.add, .string, .string): return .string
        default:
            throw CheckFailure(CheckCode.typeMismatch, "cannot apply '\(op.rawValue)' to \(a) and \(b)", span: span)
        }
    }

    static func apply(_ op: BinaryOperator, _ a: Value, _ b: Value, span: SourceSpan) throws -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)) where op != .divide:
            let (v, overflow): (Int, Bool)
            switch op {
            case .add: (v, overflow) = x.addingReportingOverflow(y)
            case .subtract: (v, overflow) = x.subtractingReportingOverflow(y)
            default: (v, overflow) = x.multipliedReportingOverflow(by: y)
            }
            if overflow { throw RuntimeFailure(code: CheckCode.overflow, "integer overflow", span: span) }
            return .int(v)
        case (.date(let d), .int(let n)):
            let days = Int(d.daysSinceEpoch) + (op == .add ? n : -n)
            guard let d32 = Int32(exactly: days) else { throw RuntimeFailure(code: CheckCode.overflow, "date out of range", span: span) }
            return .date(CivilDate(daysSinceEpoch: d32))
        case (.int(let n), .date(let d)):
            return try apply(op, .date(d), .int(n), span: span)
        case (.date(let x), .date(let y)):
            return .int(Int(x.daysSinceEpoch) - Int(y.daysSinceEpoch))
        case (.string(let x), .string(let y)):
            return .string(x + y)
        default:
            guard let x = a.numeric, let y = b.numeric else { return .null }
            switch op {
            case .add: return .decimal(x + y)
            case .subtract: return .decimal(x - y)
            case .multiply: return .decimal(x * y)
            default:
                if y == 0 { throw RuntimeFailure(code: CheckCode.divisionByZero, "division by zero", span: span) }
                return .decimal(x / y)
            }
        }
    }
}
