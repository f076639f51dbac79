// Expressions: each TQL operator as the SQL that gives the same value,
// nulls included (a comparison with null is unknown in both).
extension SQLCompiler {
    /// `e` over `scope`'s columns; `aggregates` are a summarize's results.
    mutating func expression(_ e: CheckedExpr, in scope: SQLScope, aggregates: [SQLValue] = []) throws(Diagnostic)
        -> SQLValue
    {
        switch e.kind {
        case .literal(let value):
            return SQLValue(sql: value == .null ? "NULL::\(Self.sqlType(e.type))" : bind(value, as: e.type))
        case .column(let i):
            return scope.columns[i]
        case .parameter(let name):
            guard let value = queryParameters[name] else {
                throw Diagnostic(
                    code: .missingParameter, message: "parameter $\(name) is not given", span: e.span,
                    help: "give it: --param \(name)=VALUE, or .param set \(name) VALUE")
            }
            return SQLValue(sql: value == .null ? "NULL::\(Self.sqlType(e.type))" : bind(value, as: e.type))
        case .list(let items):
            var parts: [String] = []
            for item in items { parts.append(try expression(item, in: scope, aggregates: aggregates).sql) }
            return SQLValue(sql: "ARRAY[\(parts.joined(separator: ", "))]::\(Self.sqlType(e.type))")
        case .not(let x):
            return SQLValue(sql: "(NOT \(try expression(x, in: scope, aggregates: aggregates).sql))")
        case .negate(let x):
            return SQLValue(sql: "(- \(try expression(x, in: scope, aggregates: aggregates).sql))")
        case .isNull(let x, let negated):
            let inner = try expression(x, in: scope, aggregates: aggregates).sql
            return SQLValue(sql: "(\(inner) IS \(negated ? "NOT " : "")NULL)")
        case .binary(let op, let a, let b):
            return SQLValue(sql: try binary(op, a, b, in: scope, aggregates: aggregates, span: e.span))
        case .call(let function, let arguments):
            return try call(function, arguments, in: scope, aggregates: aggregates, span: e.span)
        case .aggregate(let n):
            return aggregates[n]
        }
    }

    mutating func binary(
        _ op: BinaryOperator, _ a: CheckedExpr, _ b: CheckedExpr, in scope: SQLScope, aggregates: [SQLValue],
        span: SourceSpan
    ) throws(Diagnostic) -> String {
        let units = a.isUnits || b.isUnits
        switch op {
        case .and, .or:
            let (x, y) = (
                try expression(a, in: scope, aggregates: aggregates),
                try expression(b, in: scope, aggregates: aggregates)
            )
            return "(\(x.sql) \(op == .and ? "AND" : "OR") \(y.sql))"
        case .equal where units, .notEqual where units:
            let same: String
            switch (a.type, b.type) {
            case (.list, .list):
                throw Self.notCompiled("'\(op.rawValue)' between two lists of units", at: span)
            case (.list, _):
                same = try has(a, b, units: true, in: scope, aggregates: aggregates)
            case (_, .list):
                same = try has(b, a, units: true, in: scope, aggregates: aggregates)
            default:
                let (x, y) = (
                    try canonical(a, in: scope, aggregates: aggregates, span: span),
                    try canonical(b, in: scope, aggregates: aggregates, span: span)
                )
                same = "(\(x) = \(y))"
            }
            return op == .equal ? same : "(NOT \(same))"
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            let (x, y) = (
                try expression(a, in: scope, aggregates: aggregates),
                try expression(b, in: scope, aggregates: aggregates)
            )
            let symbol = ["==": "=", "!=": "<>"][op.rawValue] ?? op.rawValue
            // Text orders by code point; equality of text is the same in every collation.
            let left = Self.isText(a.type) || Self.isText(b.type) ? "\(x.sql) COLLATE \"C\"" : x.sql
            return "(\(left) \(symbol) \(y.sql))"
        case .has:
            return try has(a, b, units: units, in: scope, aggregates: aggregates)
        case .in, .notIn:
            let inside = try isIn(a, b, units: units, in: scope, aggregates: aggregates, span: span)
            return op == .in ? inside : "(NOT \(inside))"
        case .contains, .startsWith, .endsWith:
            return try textTest(op, a, b, in: scope, aggregates: aggregates, span: span)
        case .matches:
            return try regexTest(a, b, in: scope, aggregates: aggregates, span: span)
        case .add where a.type == .string && b.type == .string:
            let (x, y) = (
                try expression(a, in: scope, aggregates: aggregates),
                try expression(b, in: scope, aggregates: aggregates)
            )
            return "(\(x.sql) || \(y.sql))"
        case .add where a.type == .date && b.type == .int, .add where a.type == .int && b.type == .date,
            .subtract where a.type == .date && b.type == .int:
            let (x, y) = (
                try expression(a, in: scope, aggregates: aggregates),
                try expression(b, in: scope, aggregates: aggregates)
            )
            let (date, days) = a.type == .date ? (x.sql, y.sql) : (y.sql, x.sql)
            return shiftedDate(date, by: op == .subtract ? "(- \(days))" : days)
        case .subtract where a.type == .date && b.type == .date:
            let (x, y) = (
                try expression(a, in: scope, aggregates: aggregates),
                try expression(b, in: scope, aggregates: aggregates)
            )
            return "((\(x.sql) - \(y.sql)))::bigint"
        case .add, .subtract, .multiply, .divide:
            guard Self.isNumber(a.type), Self.isNumber(b.type) else {
                throw Self.notCompiled("'\(op.rawValue)' on \(a.type) and \(b.type)", at: span)
            }
            let (x, y) = (
                try expression(a, in: scope, aggregates: aggregates),
                try expression(b, in: scope, aggregates: aggregates)
            )
            // TQL divides as decimals; PostgreSQL raises division by zero, as TQL does.
            if op == .divide { return "((\(x.sql))::double precision / (\(y.sql)))" }
            return "(\(x.sql) \(op.rawValue) \(y.sql))"
        }
    }

    /// `list has x`: null when either is; else whether an element equals x
    /// (canonical names for units). A known x tests containment (`@>`),
    /// which a GIN index answers.
    mutating func has(
        _ list: CheckedExpr, _ x: CheckedExpr, units: Bool, in scope: SQLScope, aggregates: [SQLValue]
    ) throws(Diagnostic) -> String {
        let elements = try expression(list, in: scope, aggregates: aggregates)
        let listSQL: String
        let needle: String
        if units {
            guard let canonical = elements.canonical else {
                throw Self.notCompiled("'has' on a computed list of units", at: list.span)
            }
            listSQL = canonical
            needle = try self.canonical(x, in: scope, aggregates: aggregates, span: x.span)
        } else {
            listSQL = elements.sql
            needle = try expression(x, in: scope, aggregates: aggregates).sql
        }
        if Self.isKnownNonNull(x, parameters: queryParameters) {
            return "(\(listSQL) @> ARRAY[\(needle)])"
        }
        return
            "(CASE WHEN \(listSQL) IS NULL OR \(needle) IS NULL THEN NULL ELSE COALESCE(\(needle) = ANY(\(listSQL)), false) END)"
    }

    /// `x in list`; a list on the left is in when any element is.
    mutating func isIn(
        _ x: CheckedExpr, _ list: CheckedExpr, units: Bool, in scope: SQLScope, aggregates: [SQLValue],
        span: SourceSpan
    ) throws(Diagnostic) -> String {
        let (left, right): (String, String)
        if units {
            left = try canonical(x, in: scope, aggregates: aggregates, span: span)
            right = try canonical(list, in: scope, aggregates: aggregates, span: span)
        } else {
            left = try expression(x, in: scope, aggregates: aggregates).sql
            right = try expression(list, in: scope, aggregates: aggregates).sql
        }
        if case .list = x.type { return "(\(left) && \(right))" }
        return
            "(CASE WHEN \(left) IS NULL OR \(right) IS NULL THEN NULL ELSE COALESCE(\(left) = ANY(\(right)), false) END)"
    }

    /// `contains`, `startswith`, `endswith`: ASCII letters compared
    /// without case, as ByteSearch does; on a list, any element.
    mutating func textTest(
        _ op: BinaryOperator, _ a: CheckedExpr, _ b: CheckedExpr, in scope: SQLScope, aggregates: [SQLValue],
        span: SourceSpan
    ) throws(Diagnostic) -> String {
        // The task text against a known needle: LIKE on the stored folded
        // copy, which the trigram index answers.
        if op == .contains, let folded = try expression(a, in: scope, aggregates: aggregates).folded {
            let known: String? =
                switch b.kind {
                case .literal(.string(let s)): s
                case .parameter(let name): if case .string(let s)? = queryParameters[name] { s } else { nil }
                default: nil
                }
            if let known {
                let pattern = "%" + Self.likeEscaped(Self.asciiLowered(known)) + "%"
                return "(\(folded) LIKE \(bind(.string(pattern), as: .string)))"
            }
        }
        let needle = try foldedNeedle(b, in: scope, aggregates: aggregates)
        return try textTest(op, a, needle: needle, in: scope, aggregates: aggregates, span: span)
    }

    /// `s` with LIKE's `%`, `_` and escape `\` taken literally.
    static func likeEscaped(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            if c == "%" || c == "_" || c == "\\" { out += "\\" }
            out.unicodeScalars.append(c)
        }
        return out
    }

    /// The needle of a text test, ASCII-lowered: a known one bound once
    /// already lowered, another lowered in SQL.
    mutating func foldedNeedle(_ b: CheckedExpr, in scope: SQLScope, aggregates: [SQLValue]) throws(Diagnostic)
        -> String
    {
        switch b.kind {
        case .literal(.string(let s)): return bind(.string(Self.asciiLowered(s)), as: .string)
        case .parameter(let name):
            if case .string(let s)? = queryParameters[name] { return bind(.string(Self.asciiLowered(s)), as: .string) }
        default: break
        }
        return Self.folded(try expression(b, in: scope, aggregates: aggregates).sql)
    }

    /// A text test of `a` against an already folded needle.
    mutating func textTest(
        _ op: BinaryOperator, _ a: CheckedExpr, needle: String, in scope: SQLScope, aggregates: [SQLValue],
        span: SourceSpan
    ) throws(Diagnostic) -> String {
        let operand = try expression(a, in: scope, aggregates: aggregates)
        func test(_ text: String) -> String {
            let folded = text == operand.sql ? (operand.folded ?? Self.folded(text)) : Self.folded(text)
            switch op {
            case .startsWith: return "starts_with(\(folded), \(needle))"
            case .endsWith: return "(right(\(folded), char_length(\(needle))) = \(needle))"
            default: return "(strpos(\(folded), \(needle)) > 0)"
            }
        }
        let value = operand.sql
        switch a.type {
        case .string: return test(value)
        case .list(.string):
            let e = nextAlias("x")
            return
                "(CASE WHEN \(value) IS NULL THEN NULL ELSE EXISTS (SELECT 1 FROM unnest(\(value)) AS \(e)(v) WHERE \(test("\(e).v"))) END)"
        default:
            throw Self.notCompiled("'\(op.rawValue)' on \(a.type)", at: span)
        }
    }

    /// `date + days`, years 1–9999 as in memory; past them TQL's
    /// "date out of range" (E0407) from `taskql_fail`.
    mutating func shiftedDate(_ date: String, by days: String) -> String {
        let target = "((\(date) - DATE '0001-01-01')::bigint + (\(days)))"
        let last = "(DATE '9999-12-31' - DATE '0001-01-01')"
        return
            "(CASE WHEN \(date) IS NULL OR (\(days)) IS NULL THEN NULL::date WHEN \(target) BETWEEN 0 AND \(last) THEN DATE '0001-01-01' + \(target)::integer ELSE \(SQLSchema.failFunction)('\(DiagnosticCode.runtimeType.rawValue)', 'date out of range', NULL::date) END)"
    }

    /// `matches`: the pattern, known when the query is compiled, spelt in
    /// PostgreSQL's syntax (``SQLRegex``) and bound; `~` on each text.
    mutating func regexTest(
        _ a: CheckedExpr, _ b: CheckedExpr, in scope: SQLScope, aggregates: [SQLValue], span: SourceSpan
    ) throws(Diagnostic) -> String {
        let pattern: String
        switch b.kind {
        case .literal(.string(let s)): pattern = s
        case .literal(.null): return "NULL::boolean"
        case .parameter(let name):
            switch queryParameters[name] {
            case .string(let s)?: pattern = s
            case .null?: return "NULL::boolean"
            default: throw Self.notCompiled("matches with a pattern that is not text", at: b.span)
            }
        default: throw Self.notCompiled("matches with a computed pattern", at: b.span)
        }
        let translated: String
        switch SQLRegex.postgresPattern(pattern) {
        case .success(let p): translated = p
        case .failure(let failure) where failure.reason == SQLRegex.Failure.doesNotCompile.reason:
            throw Diagnostic(
                code: .runtimeRegex, message: "the pattern '\(pattern)' does not compile", span: b.span)
        case .failure(let failure): throw Self.notCompiled("matches: \(failure.reason)", at: b.span)
        }
        usesRegex = true
        let needle = bind(.string(translated), as: .string)
        let value = try expression(a, in: scope, aggregates: aggregates).sql
        switch a.type {
        case .string: return "(\(value) ~ \(needle))"
        case .list(.string):
            let e = nextAlias("x")
            return
                "(CASE WHEN \(value) IS NULL THEN NULL ELSE EXISTS (SELECT 1 FROM unnest(\(value)) AS \(e)(v) WHERE \(e).v ~ \(needle)) END)"
        default:
            throw Self.notCompiled("matches on \(a.type)", at: span)
        }
    }

    /// The canonical unit name(s) of `e`: a unit column's companion, or a
    /// known name canonicalised now with the engine's aliases.
    mutating func canonical(_ e: CheckedExpr, in scope: SQLScope, aggregates: [SQLValue], span: SourceSpan)
        throws(Diagnostic) -> String
    {
        // A known name is canonicalised here and bound once; anything else
        // must have a canonical companion (a unit column, an exploded unit).
        let value: Value?
        switch e.kind {
        case .literal(let v): value = v
        case .parameter(let name) where queryParameters[name] != nil: value = queryParameters[name]
        default:
            if let companion = try expression(e, in: scope, aggregates: aggregates).canonical { return companion }
            value = nil
        }
        switch value {
        case .string(let name)?: return bind(.string(engine.aliases.canonical(name)), as: .string)
        case .list(let items)?:
            let names: [Value] = items.map {
                if case .string(let s) = $0 { .string(engine.aliases.canonical(s)) } else { $0 }
            }
            return bind(.list(names), as: .list(.string))
        case .null?: return "NULL::text"
        default: throw Self.notCompiled("comparing a computed value as a unit name", at: span)
        }
    }

    /// `translate(x, 'A…Z', 'a…z')`: ASCII letters lowered, nothing else
    /// (PostgreSQL's `lower` lowers every script).
    static func folded(_ sql: String) -> String {
        "translate(\(sql), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
    }

    static func asciiLowered(_ s: String) -> String {
        String(
            String.UnicodeScalarView(
                s.unicodeScalars.map { ("A"..."Z").contains($0) ? Unicode.Scalar($0.value + 32)! : $0 }))
    }

    static func isText(_ type: ValueType) -> Bool { type == .string || type == .list(.string) }
    static func isNumber(_ type: ValueType) -> Bool { type == .int || type == .decimal }

    /// Whether `e` is a literal or given parameter that is not null.
    static func isKnownNonNull(_ e: CheckedExpr, parameters: [String: Value]) -> Bool {
        switch e.kind {
        case .literal(let v): v != .null
        case .parameter(let name): parameters[name].map { $0 != .null } ?? false
        default: false
        }
    }
}
