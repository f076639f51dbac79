/// An expression whose names and types are resolved: fields are column
/// positions, functions are catalog entries, literal regexes are compiled.
struct CheckedExpr: Sendable {
    indirect enum Kind: Sendable {
        case literal(Value)
        /// Position in the current ``RowSchema``.
        case column(Int)
        /// `$name`, bound when the query runs.
        case parameter(String)
        case list([CheckedExpr])
        case not(CheckedExpr)
        case negate(CheckedExpr)
        case binary(BinaryOperator, CheckedExpr, CheckedExpr)
        case isNull(CheckedExpr, negated: Bool)
        case call(ScalarFunction, [CheckedExpr])
        /// The result of the n-th aggregate of a summarize stage.
        case aggregate(Int)
    }

    var kind: Kind
    var type: ValueType
    var span: SourceSpan
    /// Whether the value is a unit name or list of unit names.
    var isUnits: Bool = false

    /// The literal value when the expression is a literal.
    var literalValue: Value? {
        if case .literal(let v) = kind { return v }
        return nil
    }
}
