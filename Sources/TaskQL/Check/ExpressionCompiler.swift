/// Evaluates a checked expression for one row.
typealias RowEvaluator = (Row) throws -> Value

/// An expression after checking: its static type and a closure that
/// evaluates it. Compiling to closures (rather than walking the tree per
/// row) resolves every name, column index and constant once.
struct CompiledExpr {
    var type: ValueType
    /// Values are unit names: comparisons go through the alias table.
    var holdsUnits: Bool = false
    /// Set when the value is known without reading a row (literals, bound parameters).
    var constant: Value?
    /// The task field read directly, when the expression is just that
    /// (lets predicates use the columnar store's fast paths).
    var baseField: TaskField?
    var eval: RowEvaluator

    static func constant(_ v: Value) -> CompiledExpr {
        CompiledExpr(type: v.type, constant: v, eval: { _ in v })
    }
}

/// What compiling needs besides the expression: the run's context, the
/// units present in the data (for unknown-unit errors) and whether
/// parameters are bound yet (`prepare` checks before they are).
struct CompileEnvironment {
    let context: RunContext
    let knownUnits: Set<String>
    let unitCandidates: [String]
    let parametersBound: Bool
}

/// Checks and compiles expressions against a schema.
struct ExpressionCompiler {
    let schema: Schema
    let env: CompileEnvironment
    var table: TaskTable { env.context.table }

    /// Checks `expr` and returns its compiled form; aggregates are not
    /// allowed here (see ``AggregateCompiler``).
    func compile(_ expr: Expr) throws -> CompiledExpr {
        switch expr.kind {
        case .literal(let literal): return .constant(Self.value(of: literal))
        case .field(let name): return try compileField(name)
        case .parameter(let name): return try compileParameter(name)
        case .list(let items):
            let parts = try items.map(compile)
            let elementType = parts.first?.type ?? .any
            let type: ValueType = parts.allSatisfy { $0.type == elementType } ? .list(elementType) : .list(.any)
            if parts.allSatisfy({ $0.constant != nil }) {
                return CompiledExpr(type: type, constant: .list(parts.map { $0.constant! }), eval: { _ in .list(parts.map { $0.constant! }) })
            }
            return CompiledExpr(type: type, eval: { row in .list(try parts.map { try $0.eval(row) }) })
        case .unary(let op, let operand): return try compileUnary(op, operand, span: expr.span)
        case .binary(let op, let lhs, let rhs): return try compileBinary(op, lhs, rhs, span: expr.span)
        case .isNull(let operand, let negated):
            let inner = try compile(operand)
            return CompiledExpr(type: .bool, eval: { row in .bool(try inner.eval(row).isNull != negated) })
        case .call(let name, let arguments):
            if AggregateFunction(rawValue: name.name) != nil {
                throw CheckFailure(
                    CheckCode.aggregateMisplaced, "aggregate '\(name.name)()' is only allowed in summarize",
                    span: expr.span, help: "use `summarize n = \(name.name)(…) by …`")
            }
            return try ScalarFunctions.compile(name, arguments.map(compile), argumentSpans: arguments.map(\.span), span: expr.span, env: env)
        }
    }

    static func value(of literal: Literal) -> Value {
        switch literal {
        case .null: .null
        case .bool(let b): .bool(b)
        case .int(let i): .int(i)
        case .decimal(let d): .decimal(d)
        case .string(let s): .string(s)
        case .date(let d): .date(d)
        }
    }

    private func compileField(_ name: Identifier) throws -> CompiledExpr {
        guard let column = schema.lookup(name.name) else {
            throw CheckFailure(
                CheckCode.unknownField, "unknown field '\(name.name)'", span: name.span,
                help: NameSuggestion.help(for: name.name, in: schema.names))
        }
        switch column.origin {
        case .slot(let i):
            return CompiledExpr(type: column.type, holdsUnits: column.holdsUnits, eval: { $0.values[i] })
        case .base(let field):
            let table = self.table
            return CompiledExpr(
                type: field.type, holdsUnits: field.holdsUnits, baseField: field,
                eval: { table.value(field, row: $0.base) })
        }
    }

    private func compileParameter(_ name: Identifier) throws -> CompiledExpr {
        if let value = env.context.parameters[name.name] { return .constant(value) }
        if !env.parametersBound { return CompiledExpr(type: .any, eval: { _ in .null }) }
        throw CheckFailure(
            CheckCode.missingParameter, "no value bound for parameter $\(name.name)", span: name.span,
            help: "bind it with --param \(name.name)=… (or pass it to run(_:))")
    }

    private func compileUnary(_ op: UnaryOperator, _ operand: Expr, span: SourceSpan) throws -> CompiledExpr {
        let inner = try compile(operand)
        switch op {
        case .not:
            try TypeRules.expect(inner.type, among: [.bool], operand.span, "'not' needs a boolean")
            return CompiledExpr(type: .bool, eval: { row in
                if case .bool(let b) = try inner.eval(row) { return .bool(!b) }
                return .null
            })
        case .negate:
            try TypeRules.expect(inner.type, among: [.int, .decimal], operand.span, "'-' needs a number")
            switch inner.constant {
            case .int(let i)?: return .constant(.int(-i))
            case .decimal(let d)?: return .constant(.decimal(-d))
            default: break
            }
            return CompiledExpr(type: inner.type, eval: { row in
                switch try inner.eval(row) {
                case .int(let i): .int(-i)
                case .decimal(let d): .decimal(-d)
                default: .null
                }
            })
        }
    }

    /// Rejects a string literal compared with a unit field when no loaded
    /// task names that unit: almost always a typo (`发改为`).
    func checkUnitLiteral(_ value: Value, against operand: CompiledExpr, span: SourceSpan) throws {
        guard operand.holdsUnits, !env.knownUnits.isEmpty else { return }
        let names: [String]
        switch value {
        case .string(let s): names = [s]
        case .list(let items): names = items.compactMap(\.stringValue)
        default: return
        }
        for name in names where !env.knownUnits.contains(name) && !env.knownUnits.contains(env.context.canonical(name)) {
            throw CheckFailure(
                CheckCode.unknownUnit, "unknown unit '\(name)': no loaded task names it", span: span,
                help: NameSuggestion.help(for: name, in: env.unitCandidates))
        }
    }
}

/// Static type rules shared by operators and functions.
enum TypeRules {
    /// Throws unless `type` is one of `allowed` (or not known statically).
    static func expect(_ type: ValueType, among allowed: [ValueType], _ span: SourceSpan, _ message: String) throws {
        if type == .any || type == .null || allowed.contains(type) { return }
        if case .list = type, allowed.contains(where: { if case .list = $0 { true } else { false } }) { return }
        throw CheckFailure(CheckCode.typeMismatch, "\(message), found \(type)", span: span)
    }

    static func isNumeric(_ t: ValueType) -> Bool { t == .int || t == .decimal }

    /// Whether values of the two types can be compared with `<`, `==` ….
    static func comparable(_ a: ValueType, _ b: ValueType) -> Bool {
        if a == .any || b == .any || a == .null || b == .null { return true }
        if isNumeric(a) && isNumeric(b) { return true }
        if case .list = a, case .list = b { return true }
        return a == b
    }
}
