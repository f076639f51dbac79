// Argument and result types of scalar functions.
extension Checker {
    mutating func scalarCall(_ f: ScalarFunction, _ args: [CheckedExpr], _ span: SourceSpan) throws(Diagnostic)
        -> CheckedExpr
    {
        var args = args
        let (type, units) = try scalarType(f, &args, span)
        return CheckedExpr(kind: .call(f, args), type: type, span: span, isUnits: units)
    }

    /// Checks `args` against `expected` (count and types) and types
    /// parameters by position.
    private mutating func expect(
        _ f: ScalarFunction, _ args: inout [CheckedExpr], _ expected: [ValueType], optional: Int = 0,
        _ span: SourceSpan
    ) throws(Diagnostic) {
        guard args.count <= expected.count, args.count >= expected.count - optional else {
            throw badArguments(f.signature, span)
        }
        for i in args.indices {
            args[i] = try expectParameter(args[i], expected[i])
            guard fits(args[i].type, expected[i]) else {
                throw badArguments("\(f.signature); argument \(i + 1) is \(args[i].type)", args[i].span)
            }
        }
    }

    private func fits(_ actual: ValueType, _ expected: ValueType) -> Bool {
        if actual == .any || actual == .null || expected == .any || actual == expected { return true }
        if case .list(.any) = expected, case .list = actual { return true }
        return expected == .decimal && actual == .int
    }

    private mutating func scalarType(_ f: ScalarFunction, _ args: inout [CheckedExpr], _ span: SourceSpan)
        throws(Diagnostic) -> (ValueType, Bool)
    {
        switch f {
        case .len:
            try expect(f, &args, [.any], span)
            guard args[0].type == .string || TypeRules.element(args[0].type) != nil || args[0].type == .null else {
                throw badArguments("\(f.signature); found \(args[0].type)", args[0].span)
            }
            return (.int, false)
        case .lower, .upper, .trim:
            try expect(f, &args, [.string], span)
            return (.string, false)
        case .unit:
            try expect(f, &args, [.any], span)
            switch args[0].type {
            case .string, .list(.string), .any, .list(.any), .null: return (args[0].type, true)
            default: throw badArguments("\(f.signature); found \(args[0].type)", args[0].span)
            }
        case .year, .month, .day:
            try expect(f, &args, [.date], span)
            return (.int, false)
        case .days:
            try expect(f, &args, [.date, .date], optional: 1, span)
            return (.int, false)
        case .date:
            try expect(f, &args, [.string], span)
            return (.date, false)
        case .string:
            try expect(f, &args, [.any], span)
            return (.string, false)
        case .int:
            try expect(f, &args, [.any], span)
            guard [.string, .int, .decimal, .any, .null].contains(args[0].type) else {
                throw badArguments("\(f.signature); found \(args[0].type)", args[0].span)
            }
            return (.int, false)
        case .number:
            try expect(f, &args, [.any], span)
            guard [.string, .int, .decimal, .any, .null].contains(args[0].type) else {
                throw badArguments("\(f.signature); found \(args[0].type)", args[0].span)
            }
            return (.decimal, false)
        case .extract:
            try expect(f, &args, [.string, .string, .int], optional: 1, span)
            try checkExtractPattern(args)
            return (.string, false)
        case .today:
            try expect(f, &args, [], span)
            return (.date, false)
        case .daysLeft:
            try expect(f, &args, [.date], span)
            return (.int, false)
        case .overdue:
            try expect(f, &args, [.date], span)
            return (.bool, false)
        case .dueWithin:
            try expect(f, &args, [.date, .int], span)
            return (.bool, false)
        case .light:
            try expect(f, &args, [.date, .int], optional: 1, span)
            return (.string, false)
        case .coalesce, .join, .first, .substr:
            return try listOrTextType(f, &args, span)
        }
    }

    /// A literal pattern compiles now, and a literal group is one it has.
    private func checkExtractPattern(_ args: [CheckedExpr]) throws(Diagnostic) {
        guard case .string(let pattern) = args[1].literalValue else { return }
        let program: RegexProgram
        do {
            program = try RegexProgram(pattern: pattern)
        } catch {
            throw Diagnostic(
                code: DiagnosticCode.invalidRegex, message: "invalid regular expression: \(error.reason)",
                span: args[1].span, help: error.help)
        }
        guard args.count == 3, case .int(let group) = args[2].literalValue else { return }
        guard group >= 0, group <= program.groupCount else {
            throw Diagnostic(
                code: DiagnosticCode.badArguments,
                message:
                    "the pattern has \(program.groupCount) group\(program.groupCount == 1 ? "" : "s"), not a group \(group)",
                span: args[2].span, help: "group 0 is the whole match; groups count their opening '(' from 1")
        }
    }

    private mutating func listOrTextType(_ f: ScalarFunction, _ args: inout [CheckedExpr], _ span: SourceSpan)
        throws(Diagnostic) -> (ValueType, Bool)
    {
        switch f {
        case .coalesce:
            guard !args.isEmpty else { throw badArguments(f.signature, span) }
            var type = ValueType.null
            for a in args {
                guard let t = TypeRules.unify(type, a.type) else {
                    throw badArguments("\(f.signature); \(a.type) does not fit \(type)", a.span)
                }
                type = t
            }
            return (type, args.allSatisfy { $0.isUnits || $0.literalValue != nil })
        case .join:
            try expect(f, &args, [.list(.any), .string], span)
            return (.string, false)
        case .first:
            try expect(f, &args, [.list(.any)], span)
            return (TypeRules.element(args[0].type) ?? .any, args[0].isUnits)
        default:
            try expect(f, &args, [.string, .int, .int], optional: 1, span)
            return (.string, false)
        }
    }
}
