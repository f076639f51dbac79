// Conditions, three-valued: nil is "unknown" (a null was compared).
extension ExprCompiler {
    func truth(_ e: CheckedExpr) throws(RuntimeError) -> TruthFunction {
        switch e.kind {
        case .binary(.and, let l, let r):
            let (lf, rf) = (try truth(l), try truth(r))
            return { i throws(RuntimeError) in
                let a = try lf(i)
                if a == false { return false }
                let b = try rf(i)
                if b == false { return false }
                return a == nil || b == nil ? nil : true
            }
        case .binary(.or, let l, let r):
            let (lf, rf) = (try truth(l), try truth(r))
            return { i throws(RuntimeError) in
                let a = try lf(i)
                if a == true { return true }
                let b = try rf(i)
                if b == true { return true }
                return a == nil || b == nil ? nil : false
            }
        case .not(let inner):
            let f = try truth(inner)
            return { i throws(RuntimeError) in try f(i).map { !$0 } }
        case .isNull(let inner, let negated):
            let f = try value(inner)
            return { i throws(RuntimeError) in try f(i).isNull != negated }
        case .binary(let op, let l, let r) where ![.add, .subtract, .multiply, .divide].contains(op):
            if let fast = try fastTruth(op, l, r, e.span) { return fast }
            return try genericTruth(op, l, r, e.span)
        default:
            let f = try value(e)
            return { i throws(RuntimeError) in
                switch try f(i) {
                case .bool(let b): return b
                case .null: return nil
                case let v: throw RuntimeError.type("expected true or false, found \(v.valueType)", e.span)
                }
            }
        }
    }

    private func genericTruth(_ op: BinaryOperator, _ l: CheckedExpr, _ r: CheckedExpr, _ span: SourceSpan)
        throws(RuntimeError) -> TruthFunction
    {
        let (lf, rf) = (try value(l), try value(r))
        let s = semantics
        let units = (l.isUnits, r.isUnits)
        switch op {
        case .in, .notIn:
            return { i throws(RuntimeError) in
                s.isIn(try lf(i), try rf(i), units: units.0 || units.1).map { op == .in ? $0 : !$0 }
            }
        case .has:
            return { i throws(RuntimeError) in s.has(try lf(i), try rf(i), units: units.0) }
        case .contains, .startsWith, .endsWith:
            return { i throws(RuntimeError) in try s.textTest(op, try lf(i), try rf(i), span: span) }
        case .matches:
            return try matches(lf, r, span)
        default:
            return { i throws(RuntimeError) in try s.compare(op, try lf(i), try rf(i), units: units, span: span) }
        }
    }

    /// `matches`: a constant pattern is compiled once; a computed one per
    /// row (an invalid one is a runtime error with the pattern's span).
    private func matches(_ lf: @escaping ValueFunction, _ pattern: CheckedExpr, _ span: SourceSpan)
        throws(RuntimeError) -> TruthFunction
    {
        let s = semantics
        if let constant = constant(pattern) {
            guard case .string(let p) = constant else { return { _ in nil } }
            let matcher = try Self.matcher(p, pattern.span)
            return { i throws(RuntimeError) in
                try s.anyText(try lf(i), span: span) { text throws(RuntimeError) in
                    try Self.run(matcher, text.unicodeScalars, span)
                }
            }
        }
        let pf = try value(pattern)
        return { i throws(RuntimeError) in
            guard case .string(let p) = try pf(i) else { return nil }
            let matcher = try Self.matcher(p, pattern.span)
            return try s.anyText(try lf(i), span: span) { text throws(RuntimeError) in
                try Self.run(matcher, text.unicodeScalars, span)
            }
        }
    }

    static func matcher(_ pattern: String, _ span: SourceSpan) throws(RuntimeError) -> RegexMatcher {
        do {
            return RegexMatcher(program: try RegexProgram(pattern: pattern))
        } catch {
            throw RuntimeError(
                code: DiagnosticCode.runtimeRegex, message: "invalid regular expression: \(error.reason)",
                span: span, help: error.help)
        }
    }

    static func run(_ m: RegexMatcher, _ text: some Sequence<Unicode.Scalar>, _ span: SourceSpan)
        throws(RuntimeError) -> Bool
    {
        do {
            return try m.matches(text)
        } catch {
            throw RuntimeError(code: DiagnosticCode.runtimeRegex, message: error.reason, span: span)
        }
    }
}
