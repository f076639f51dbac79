/// `+ - * /` on values. Null in, null out. `/` always gives a decimal;
/// dividing by zero and integer overflow are errors with the expression's
/// span, never a crash or an infinity.
enum Arithmetic {
    static func apply(_ op: BinaryOperator, _ a: Value, _ b: Value, span: SourceSpan) throws(RuntimeError) -> Value {
        switch (a, b) {
        case (.null, _), (_, .null): return .null
        case (.int(let x), .int(let y)) where op != .divide: return try integer(op, x, y, span)
        case (.date(let d), .int(let n)) where op == .add || op == .subtract:
            guard op == .add || n != Int.min else {
                throw RuntimeError(code: DiagnosticCode.runtimeType, message: "date out of range", span: span)
            }
            return try shift(d, op == .add ? n : -n, span)
        case (.int(let n), .date(let d)) where op == .add: return try shift(d, n, span)
        case (.date(let x), .date(let y)) where op == .subtract:
            return .int(Int(x.daysSinceEpoch) - Int(y.daysSinceEpoch))
        case (.string(let x), .string(let y)) where op == .add: return .string(CanonicalText.nfc(x + y))
        default:
            guard let x = number(a), let y = number(b) else {
                throw RuntimeError.type(
                    "cannot use '\(op.rawValue)' on \(a.valueType) and \(b.valueType)", span)
            }
            return try decimal(op, x, y, span)
        }
    }

    private static func number(_ v: Value) -> Double? {
        switch v {
        case .int(let i): Double(i)
        case .decimal(let d): d
        default: nil
        }
    }

    private static func integer(_ op: BinaryOperator, _ x: Int, _ y: Int, _ span: SourceSpan) throws(RuntimeError)
        -> Value
    {
        let (result, overflow) =
            switch op {
            case .add: x.addingReportingOverflow(y)
            case .subtract: x.subtractingReportingOverflow(y)
            default: x.multipliedReportingOverflow(by: y)
            }
        guard !overflow else {
            throw RuntimeError(code: DiagnosticCode.runtimeType, message: "integer overflow", span: span)
        }
        return .int(result)
    }

    private static func decimal(_ op: BinaryOperator, _ x: Double, _ y: Double, _ span: SourceSpan)
        throws(RuntimeError) -> Value
    {
        switch op {
        case .add: return .decimal(x + y)
        case .subtract: return .decimal(x - y)
        case .multiply: return .decimal(x * y)
        default:
            guard y != 0 else {
                throw RuntimeError(code: DiagnosticCode.divisionByZero, message: "division by zero", span: span)
            }
            return .decimal(x / y)
        }
    }

    private static func shift(_ d: CivilDate, _ days: Int, _ span: SourceSpan) throws(RuntimeError) -> Value {
        let (target, overflow) = Int(d.daysSinceEpoch).addingReportingOverflow(days)
        // Dates are years 1–9999, as `date()` reads them: `9999-12-31 + 1` is out of range.
        guard !overflow, target >= CivilDate.earliest.daysSinceEpoch, target <= CivilDate.latest.daysSinceEpoch,
            let day = Int32(exactly: target)
        else {
            throw RuntimeError(code: DiagnosticCode.runtimeType, message: "date out of range", span: span)
        }
        return .date(CivilDate(daysSinceEpoch: day))
    }

    /// Unary minus.
    static func negate(_ v: Value, span: SourceSpan) throws(RuntimeError) -> Value {
        switch v {
        case .null: return .null
        case .int(let i) where i == Int.min:
            throw RuntimeError(code: DiagnosticCode.runtimeType, message: "integer overflow", span: span)
        case .int(let i): return .int(-i)
        case .decimal(let d): return .decimal(-d)
        default: throw RuntimeError.type("'-' needs a number, found \(v.valueType)", span)
        }
    }
}
