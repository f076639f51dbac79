// Scalar functions and aggregates with a SQL form that gives TQL's value;
// the others (int's Chinese numerals, extract's regular expressions …)
// are reported as not compiled.
extension SQLCompiler {
    mutating func call(
        _ function: ScalarFunction, _ arguments: [CheckedExpr], in scope: SQLScope, aggregates: [SQLValue],
        span: SourceSpan
    ) throws(Diagnostic) -> SQLValue {
        var args: [SQLValue] = []
        for a in arguments { args.append(try expression(a, in: scope, aggregates: aggregates)) }
        let sql = args.map(\.sql)
        func today() -> String { bind(.date(self.today), as: .date) }
        switch function {
        case .len:
            if case .list = arguments[0].type { return SQLValue(sql: "(cardinality(\(sql[0])))::bigint") }
            return SQLValue(sql: "(char_length(\(sql[0])))::bigint")
        case .year, .month, .day:
            return SQLValue(sql: "(extract(\(function.rawValue) from \(sql[0])))::bigint")
        case .days:
            if sql.count == 2 { return SQLValue(sql: "((\(sql[1])) - (\(sql[0])))::bigint") }
            return SQLValue(sql: "((\(sql[0])) - DATE '1970-01-01')::bigint")
        case .coalesce:
            return SQLValue(sql: "COALESCE(\(sql.joined(separator: ", ")))")
        case .join:
            return SQLValue(sql: "array_to_string(\(sql[0]), \(sql[1]))")
        case .first:
            return SQLValue(sql: "(\(sql[0]))[1]", canonical: args[0].canonical.map { "(\($0))[1]" })
        case .unit:
            guard case .string = arguments[0].type else {
                throw Self.notCompiled("unit() of a list", at: span)
            }
            let name = try canonical(arguments[0], in: scope, aggregates: aggregates, span: span)
            return SQLValue(sql: name, canonical: name)
        case .string:
            switch arguments[0].type {
            case .string, .int, .date, .bool: return SQLValue(sql: "(\(sql[0]))::text")
            default: throw Self.notCompiled("string() of \(arguments[0].type)", at: span)
            }
        case .today:
            return SQLValue(sql: today())
        case .daysLeft:
            return SQLValue(sql: "((\(sql[0])) - \(today()))::bigint")
        case .overdue:
            return SQLValue(sql: "((\(sql[0])) < \(today()))")
        case .dueWithin:
            let left = "((\(sql[0])) - \(today()))"
            return SQLValue(sql: "(\(left) >= 0 AND \(left) <= (\(sql[1])))")
        case .light:
            let left = "((\(sql[0])) - \(today()))"
            let window = sql.count == 2 ? sql[1] : String(ScalarFunction.defaultWarningDays)
            return SQLValue(
                sql:
                    "(CASE WHEN \(sql[0]) IS NULL THEN NULL WHEN \(left) < 0 THEN 'red' WHEN \(left) <= (\(window)) THEN 'yellow' ELSE 'green' END)"
            )
        case .int:
            switch arguments[0].type {
            case .int: return SQLValue(sql: sql[0])
            case .decimal:
                // Toward zero; null where the decimal has no integer (as in memory).
                return SQLValue(
                    sql: "(CASE WHEN \(sql[0]) > -9.2e18 AND \(sql[0]) < 9.2e18 THEN trunc(\(sql[0]))::bigint END)")
            default:
                guard let integer = args[0].integer else {
                    throw Self.notCompiled("int() of a text other than the task's number", at: span)
                }
                return SQLValue(sql: integer)
            }
        case .date where arguments[0].type != .string, .trim where arguments[0].type != .string,
            .substr where arguments[0].type != .string:
            throw Self.notCompiled("\(function.rawValue)() of \(arguments[0].type)", at: span)
        case .date:
            // TQL reads exactly YYYY-MM-DD of a real day in years 1–9999,
            // else null; each test in its own CASE, as SQL's AND has no order.
            let x = sql[0]
            let (y, m, d) = ("substr(\(x), 1, 4)::int", "substr(\(x), 6, 2)::int", "substr(\(x), 9, 2)::int")
            let monthEnd = "extract(day from (make_date(\(y), \(m), 1) + interval '1 month - 1 day'))::int"
            return SQLValue(
                sql:
                    "(CASE WHEN \(x) ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN CASE WHEN \(y) >= 1 AND \(m) BETWEEN 1 AND 12 THEN CASE WHEN \(d) BETWEEN 1 AND \(monthEnd) THEN make_date(\(y), \(m), \(d)) END END END)"
            )
        case .trim:
            // TQL's white space (Unicode's, the ideographic space included), not only ' '.
            let spaces = String(String.UnicodeScalarView(Self.whiteSpace))
            return SQLValue(sql: "btrim(\(sql[0]), \(bind(.string(spaces), as: .string)))")
        case .substr:
            // Scalars from the 0-based start (negative is 0), at most the length (negative is 0).
            let start = "LEAST(GREATEST(\(sql[1]), 0), 1000000000)::int + 1"
            let nulls = sql.map { "\($0) IS NULL" }.joined(separator: " OR ")
            let length = sql.count == 3 ? ", LEAST(GREATEST(\(sql[2]), 0), 1000000000)::int" : ""
            return SQLValue(sql: "(CASE WHEN \(nulls) THEN NULL::text ELSE substr(\(sql[0]), \(start)\(length)) END)")
        case .lower, .upper, .number, .extract:
            throw Self.notCompiled("\(function.rawValue)()", at: span)
        }
    }

    /// Every scalar TQL's `trim` removes (`properties.isWhitespace`).
    static let whiteSpace: [Unicode.Scalar] = (0...0x3000).compactMap { v in
        Unicode.Scalar(UInt32(v)).flatMap { $0.properties.isWhitespace ? $0 : nil }
    }

    /// One aggregate of `summarize` over the rows of `scope`. An aggregate
    /// of a list column takes its elements, as the in-memory one does:
    /// they are gathered in row order and aggregated in a subquery.
    mutating func aggregate(_ a: CheckedAggregate, in scope: SQLScope) throws(Diagnostic) -> String {
        guard let argument = a.argument else { return "count(*)" }
        let value = try expression(argument, in: scope)
        let orderBy = scope.order.isEmpty ? "" : " ORDER BY " + scope.order.joined(separator: ", ")
        let isList: Bool = if case .list = argument.type { true } else { false }
        let (j, x) = (nextAlias("j"), nextAlias("x"))
        let cast =
            Self.element(of: argument.type) == .string ? "" : "::\(Self.sqlType(Self.element(of: argument.type)))"
        // Every value (every element of every list) in row order. Lists go
        // through jsonb_agg, which grows its state in place: concatenating
        // arrays (array_cat) copies the whole array at each row.
        func elements(_ sql: String) -> String {
            guard isList else { return "array_agg(\(sql)\(orderBy))" }
            return
                "ARRAY(SELECT \(x).e\(cast) FROM jsonb_array_elements(jsonb_agg(to_jsonb(\(sql))\(orderBy)) FILTER (WHERE \(sql) IS NOT NULL)) WITH ORDINALITY AS \(j)(a, n), jsonb_array_elements_text(\(j).a) WITH ORDINALITY AS \(x)(e, m) ORDER BY \(j).n, \(x).m)"
        }
        switch a.function {
        case .count: return "count(\(value.sql))"
        case .dcount:
            var sql = value.sql
            if argument.isUnits {
                guard let canonical = value.canonical else {
                    throw Self.notCompiled("dcount() of computed unit names", at: a.span)
                }
                sql = canonical
            }
            guard isList else { return "count(DISTINCT \(sql))" }
            let e = nextAlias("e")
            return "(SELECT count(DISTINCT \(e).v) FROM unnest(\(elements(sql))) AS \(e)(v))"
        case .list:
            // Each value once, where it first occurs; nulls left out.
            let e = nextAlias("e")
            let element = Self.element(of: argument.type)
            return
                "COALESCE((SELECT array_agg(\(e).v ORDER BY \(e).f) FROM (SELECT v, min(n) AS f FROM unnest(\(elements(value.sql))) WITH ORDINALITY AS u(v, n) WHERE v IS NOT NULL GROUP BY v) AS \(e)), ARRAY[]::\(Self.sqlType(.list(element))))"
        case .min where isList, .max where isList:
            let e = nextAlias("e")
            let element = Self.element(of: argument.type)
            return
                "(SELECT \(a.function.rawValue)(\(Self.collated("\(e).v", type: element))) FROM unnest(\(elements(value.sql))) AS \(e)(v))"
        case .sum where isList, .avg where isList:
            throw Self.notCompiled("\(a.function.rawValue)() of a list", at: a.span)
        case .sum:
            return argument.type == .int ? "(sum(\(value.sql)))::bigint" : "sum(\(value.sql))"
        case .avg: return "(avg(\(value.sql)))::double precision"
        case .min, .max:
            return "\(a.function.rawValue)(\(Self.collated(value.sql, type: argument.type)))"
        }
    }
}
