import Foundation

extension ExpressionCompiler {
    func compileBinary(_ op: BinaryOperator, _ lhsExpr: Expr, _ rhsExpr: Expr, span: SourceSpan) throws -> CompiledExpr {
        var lhs = try compile(lhsExpr)
        var rhs = try compile(rhsExpr)
        // A string literal next to a date is read as a date (`due < "2020-06-30"`).
        lhs = Self.coerceDateLiteral(lhs, toward: rhs)
        rhs = Self.coerceDateLiteral(rhs, toward: lhs)
        switch op {
        case .and, .or: return try logical(op, lhs, rhs, lhsExpr.span, rhsExpr.span)
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            return try comparison(op, lhs, rhs, lhsExpr: lhsExpr, rhsExpr: rhsExpr, span: span)
        case .in, .notIn: return try membership(op == .notIn, lhs, rhs, rhsSpan: rhsExpr.span, span: span)
        case .has: return try has(lhs, rhs, lhsSpan: lhsExpr.span, rhsSpan: rhsExpr.span)
        case .contains, .startsWith, .endsWith: return try textMatch(op, lhs, rhs, lhsExpr.span, rhsExpr.span)
        case .matches: return try RegexMatching.compile(lhs, rhs, lhsSpan: lhsExpr.span, rhsSpan: rhsExpr.span)
        case .add, .subtract, .multiply, .divide: return try Arithmetic.compile(op, lhs, rhs, lhsExpr.span, rhsExpr.span, span)
        }
    }

    static func coerceDateLiteral(_ e: CompiledExpr, toward other: CompiledExpr) -> CompiledExpr {
        guard other.type == .date, case .string(let s)? = e.constant, let d = CivilDate(iso: s) else { return e }
        return .constant(.date(d))
    }

    private func logical(_ op: BinaryOperator, _ l: CompiledExpr, _ r: CompiledExpr, _ ls: SourceSpan, _ rs: SourceSpan) throws -> CompiledExpr {
        try TypeRules.expect(l.type, among: [.bool], ls, "'\(op.rawValue)' needs booleans")
        try TypeRules.expect(r.type, among: [.bool], rs, "'\(op.rawValue)' needs booleans")
        let isAnd = op == .and
        // Three-valued logic: null is "unknown"; `where` keeps only true.
        return CompiledExpr(type: .bool, eval: { row in
            let a = try l.eval(row)
            if case .bool(let x) = a, x != isAnd { return .bool(x) }
            let b = try r.eval(row)
            if case .bool(let y) = b, y != isAnd { return .bool(y) }
            if a.isNull || b.isNull { return .null }
            return .bool(isAnd)
        })
    }

    private func comparison(
        _ op: BinaryOperator, _ l: CompiledExpr, _ r: CompiledExpr, lhsExpr: Expr, rhsExpr: Expr, span: SourceSpan
    ) throws -> CompiledExpr {
        guard TypeRules.comparable(l.type, r.type) else {
            var help: String?
            if case .list = l.type, r.type == .string { help = "to test membership use `\(op == .notEqual ? "not (… has …)" : "has")`" }
            throw CheckFailure(CheckCode.typeMismatch, "cannot compare \(l.type) with \(r.type)", span: span, help: help)
        }
        if let c = r.constant { try checkUnitLiteral(c, against: l, span: rhsExpr.span) }
        if let c = l.constant { try checkUnitLiteral(c, against: r, span: lhsExpr.span) }
        if (op == .equal || op == .notEqual), let fast = FastPredicates.stringEquals(l, r, negated: op == .notEqual, lhsExpr: lhsExpr, env: env) {
            return fast
        }
        let units = l.holdsUnits || r.holdsUnits
        let context = env.context
        let test: (Int) -> Bool
        switch op {
        case .equal: test = { $0 == 0 }
        case .notEqual: test = { $0 != 0 }
        case .less: test = { $0 < 0 }
        case .lessOrEqual: test = { $0 <= 0 }
        case .greater: test = { $0 > 0 }
        default: test = { $0 >= 0 }
        }
        return CompiledExpr(type: .bool, eval: { row in
            var a = try l.eval(row)
            var b = try r.eval(row)
            if a.isNull || b.isNull { return .null }
            if units, case .string(let x) = a, case .string(let y) = b {
                a = .string(context.canonical(x))
                b = .string(context.canonical(y))
            }
            return .bool(test(Value.order(a, b)))
        })
    }

    private func membership(_ negated: Bool, _ l: CompiledExpr, _ r: CompiledExpr, rhsSpan: SourceSpan, span: SourceSpan) throws -> CompiledExpr {
        try TypeRules.expect(r.type, among: [.list(.any)], rhsSpan, "'in' needs a list on its right")
        if let c = r.constant { try checkUnitLiteral(c, against: l, span: rhsSpan) }
        let units = l.holdsUnits
        let context = env.context
        return CompiledExpr(type: .bool, eval: { row in
            let a = try l.eval(row)
            guard case .list(let items) = try r.eval(row), !a.isNull else { return .null }
            let found: Bool
            if units, case .string(let x) = a {
                let cx = context.canonical(x)
                found = items.contains { $0.stringValue.map(context.canonical) == cx }
            } else {
                found = items.contains { Value.queryEquals(a, $0) == true }
            }
            return .bool(found != negated)
        })
    }

    private func has(_ l: CompiledExpr, _ r: CompiledExpr, lhsSpan: SourceSpan, rhsSpan: SourceSpan) throws -> CompiledExpr {
        guard case .list = l.type else {
            if l.type == .any || l.type == .null { return try hasGeneric(l, r) }
            throw CheckFailure(CheckCode.typeMismatch, "'has' needs a list on its left, found \(l.type)", span: lhsSpan,
                               help: l.type == .string ? "to compare strings use == or contains" : nil)
        }
        if let c = r.constant { try checkUnitLiteral(c, against: l, span: rhsSpan) }
        if let fast = FastPredicates.unitListHas(l, r, env: env) { return fast }
        return try hasGeneric(l, r)
    }

    private func hasGeneric(_ l: CompiledExpr, _ r: CompiledExpr) throws -> CompiledExpr {
        let units = l.holdsUnits
        let context = env.context
        return CompiledExpr(type: .bool, eval: { row in
            let needle = try r.eval(row)
            guard case .list(let items) = try l.eval(row), !needle.isNull else { return .null }
            if units, case .string(let x) = needle {
                let cx = context.canonical(x)
                return .bool(items.contains { $0.stringValue.map(context.canonical) == cx })
            }
            return .bool(items.contains { Value.queryEquals($0, needle) == true })
        })
    }

    private func textMatch(_ op: BinaryOperator, _ l: CompiledExpr, _ r: CompiledExpr, _ ls: SourceSpan, _ rs: SourceSpan) throws -> CompiledExpr {
        try TypeRules.expect(l.type, among: [.string, .list(.string)], ls, "'\(op.rawValue)' needs text on its left")
        try TypeRules.expect(r.type, among: [.string], rs, "'\(op.rawValue)' needs text on its right")
        if op == .contains, let fast = FastPredicates.stringContains(l, r, env: env) { return fast }
        let test: (String, String) -> Bool
        switch op {
        case .contains: test = { ByteSearch.contains($0, $1) }
        case .startsWith: test = { $0.utf8.starts(with: $1.utf8) }
        default: test = { $0.utf8.reversed().starts(with: $1.utf8.reversed()) }
        }
        return CompiledExpr(type: .bool, eval: { row in
            guard case .string(let needle) = try r.eval(row) else { return .null }
            switch try l.eval(row) {
            case .string(let s): return .bool(test(s, needle))
            case .list(let items): return .bool(items.contains { $0.stringValue.map { test($0, needle) } ?? false })
            default: return .null
            }
        })
    }
}
