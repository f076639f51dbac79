// Expressions: names to column positions, literals to values, types bottom-up.
extension Checker {
    mutating func expr(_ e: Expr, _ ctx: inout ExprContext) throws(Diagnostic) -> CheckedExpr {
        switch e.kind {
        case .literal(let lit):
            return literal(lit, e.span)
        case .field(let name):
            return try field(name, ctx)
        case .parameter(let name):
            return parameter(name, e.span)
        case .list(let items):
            return try list(items, e.span, &ctx)
        case .unary(let op, let operand):
            return try unary(op, try expr(operand, &ctx), e.span)
        case .binary(let op, let l, let r):
            let left = try expr(l, &ctx)
            let right = try expr(r, &ctx)
            return try binary(op, left, right, e.span)
        case .isNull(let operand, let negated):
            let inner = try expr(operand, &ctx)
            return CheckedExpr(kind: .isNull(inner, negated: negated), type: .bool, span: e.span)
        case .call(let name, let args):
            return try call(name, args, e.span, &ctx)
        }
    }

    private func literal(_ lit: Literal, _ span: SourceSpan) -> CheckedExpr {
        let value: Value =
            switch lit {
            case .null: .null
            case .bool(let b): .bool(b)
            case .int(let i): .int(i)
            case .decimal(let d): .decimal(d)
            case .string(let s): .string(CanonicalText.nfc(s))
            case .date(let d): .date(d)
            }
        return CheckedExpr(kind: .literal(value), type: value.valueType, span: span)
    }

    private func field(_ name: Identifier, _ ctx: ExprContext) throws(Diagnostic) -> CheckedExpr {
        if ctx.mode == .summarize {
            throw Diagnostic(
                code: DiagnosticCode.fieldOutsideAggregate,
                message: "'\(name.name)' is used outside an aggregate in summarize", span: name.span,
                help: "group by it with `by \(name.name)`, or wrap it in an aggregate such as min(\(name.name))")
        }
        guard let i = ctx.schema.index(of: name.name) else {
            throw Diagnostic(
                code: DiagnosticCode.unknownField, message: unknownFieldMessage(name.name, ctx.schema),
                span: name.span, help: NameSuggestion.help(for: name.name, in: ctx.schema.nameCandidates))
        }
        let column = ctx.schema.columns[i]
        return CheckedExpr(kind: .column(i), type: column.type, span: name.span, isUnits: column.isUnits)
    }

    private func unknownFieldMessage(_ name: String, _ schema: RowSchema) -> String {
        if !schema.isBase, TaskField.named(name) != nil {
            return "unknown field '\(name)': an earlier stage no longer passes it on"
        }
        return "unknown field '\(name)'"
    }

    private mutating func parameter(_ name: Identifier, _ span: SourceSpan) -> CheckedExpr {
        let type = parameters[name.name]?.type ?? .any
        if parameters[name.name] == nil {
            parameters[name.name] = ParameterUse(type: .any, span: span, source: source)
        }
        return CheckedExpr(kind: .parameter(name.name), type: type, span: span)
    }

    private mutating func list(_ items: [Expr], _ span: SourceSpan, _ ctx: inout ExprContext) throws(Diagnostic)
        -> CheckedExpr
    {
        var checked: [CheckedExpr] = []
        var element: ValueType? = nil
        var misfit: CheckedExpr?
        for item in items {
            let c = try expr(item, &ctx)
            if let known = element {
                if let both = TypeRules.unify(known, c.type) { element = both } else if misfit == nil { misfit = c }
            } else {
                element = c.type
            }
            checked.append(c)
        }
        // `[1, "a", 2020-01-01]` has no element type: an error, not a list
        // of whatever came last.
        if let misfit { throw mixedList(checked, misfit: misfit, span) }
        let type = ValueType.list(element ?? .any)
        if checked.allSatisfy({ $0.literalValue != nil }) {
            let values = checked.map { $0.literalValue! }
            return CheckedExpr(kind: .literal(.list(values)), type: type, span: span)
        }
        return CheckedExpr(kind: .list(checked), type: type, span: span)
    }

    private func mixedList(_ items: [CheckedExpr], misfit: CheckedExpr, _ span: SourceSpan) -> Diagnostic {
        var kinds: [ValueType] = []
        for item in items where ![.null, .any].contains(item.type) && !kinds.contains(item.type) {
            kinds.append(item.type)
        }
        let names = kinds.map(\.description)
        let found = names.dropLast().joined(separator: ", ") + " and " + names.last!
        return Diagnostic(
            code: DiagnosticCode.typeMismatch, message: "list elements must have one type: found \(found)",
            span: span, notes: [.init("the first element of another type", span: misfit.span)])
    }

    private func unary(_ op: UnaryOperator, _ operand: CheckedExpr, _ span: SourceSpan) throws(Diagnostic)
        -> CheckedExpr
    {
        switch op {
        case .not:
            try requireCondition(operand, what: "not")
            return CheckedExpr(kind: .not(operand), type: .bool, span: span)
        case .negate:
            switch operand.literalValue {
            case .int(let i): return CheckedExpr(kind: .literal(.int(-i)), type: .int, span: span)
            case .decimal(let d): return CheckedExpr(kind: .literal(.decimal(-d)), type: .decimal, span: span)
            default: break
            }
            guard TypeRules.isNumeric(operand.type) || operand.type == .any else {
                throw mismatch("'-' needs a number, found \(operand.type)", operand.span)
            }
            return CheckedExpr(kind: .negate(operand), type: operand.type, span: span)
        }
    }

    /// A type-mismatch diagnostic.
    func mismatch(_ message: String, _ span: SourceSpan, help: String? = nil) -> Diagnostic {
        Diagnostic(code: DiagnosticCode.typeMismatch, message: message, span: span, help: help)
    }

    /// When `e` is a parameter, records that it must have `type` and
    /// returns it typed; otherwise returns `e` unchanged.
    mutating func expectParameter(_ e: CheckedExpr, _ type: ValueType) throws(Diagnostic) -> CheckedExpr {
        guard case .parameter(let name) = e.kind, type != .any, type != .null else { return e }
        let previous = parameters[name]?.type ?? .any
        guard let unified = previous == .any ? type : TypeRules.unify(previous, type) else {
            throw Diagnostic(
                code: DiagnosticCode.parameterConflict,
                message: "parameter $\(name) is used as \(previous) and as \(type)", span: e.span)
        }
        parameters[name]?.type = unified
        var typed = e
        typed.type = unified
        return typed
    }
}
