// Function calls: scalars per row, aggregates only in summarize.
extension Checker {
    mutating func call(_ name: Identifier, _ args: [Expr], _ span: SourceSpan, _ ctx: inout ExprContext)
        throws(Diagnostic) -> CheckedExpr
    {
        if let aggregate = AggregateFunction(rawValue: name.name) {
            return try aggregateCall(aggregate, name, args, span, &ctx)
        }
        guard let function = ScalarFunction(rawValue: name.name) else {
            throw Diagnostic(
                code: DiagnosticCode.unknownFunction, message: "unknown function '\(name.name)'",
                span: name.span, help: NameSuggestion.help(for: name.name, in: FunctionCatalog.allNames))
        }
        var checked: [CheckedExpr] = []
        for a in args { checked.append(try expr(a, &ctx)) }
        return try scalarCall(function, checked, span)
    }

    private mutating func aggregateCall(
        _ function: AggregateFunction, _ name: Identifier, _ args: [Expr], _ span: SourceSpan,
        _ ctx: inout ExprContext
    ) throws(Diagnostic) -> CheckedExpr {
        guard ctx.mode == .summarize else {
            let nested = ctx.mode == .aggregateArgument
            throw Diagnostic(
                code: DiagnosticCode.misplacedAggregate,
                message: nested
                    ? "an aggregate cannot be inside another aggregate"
                    : "aggregate \(function.rawValue)() can only be used in summarize",
                span: span,
                help: nested
                    ? nil : "e.g. `| summarize n = \(function.rawValue)(…) by city`; to count rows use `| count`")
        }
        var argContext = ExprContext(schema: ctx.schema, mode: .aggregateArgument)
        var argument: CheckedExpr?
        switch (function, args.count) {
        case (.count, 0): break
        case (_, 1): argument = try expr(args[0], &argContext)
        default:
            throw badArguments(function.signature, span)
        }
        let type = try aggregateType(function, argument, span)
        let index = ctx.aggregates.count
        ctx.aggregates.append(CheckedAggregate(function: function, argument: argument, span: span))
        let units = (function == .min || function == .max || function == .list) && argument?.isUnits == true
        return CheckedExpr(kind: .aggregate(index), type: type, span: span, isUnits: units)
    }

    private func aggregateType(_ f: AggregateFunction, _ arg: CheckedExpr?, _ span: SourceSpan) throws(Diagnostic)
        -> ValueType
    {
        let t = arg?.type ?? .any
        let element = TypeRules.element(t) ?? t
        switch f {
        case .count, .dcount: return .int
        case .sum, .avg:
            guard TypeRules.isNumeric(t) || t == .any || t == .null else {
                throw badArguments("\(f.signature); found \(t)", span)
            }
            return f == .avg ? .decimal : t
        case .min, .max: return element
        case .list: return .list(element)
        }
    }

    func badArguments(_ signature: String, _ span: SourceSpan) -> Diagnostic {
        Diagnostic(code: DiagnosticCode.badArguments, message: "wrong arguments: \(signature)", span: span)
    }
}
