// One method per stage: how it changes the SELECT being built. A stage
// that groups (count, count by, summarize, distinct) ends its SELECT: what
// follows reads it as a subquery, so a projection can never turn one
// aggregated row back into a row per task.
extension SQLCompiler {
    mutating func apply(_ stage: CheckedStage, to scope: SQLScope, span: SourceSpan) throws(Diagnostic) -> SQLScope {
        var scope = scope
        switch stage {
        case .filter(let condition):
            if !scope.acceptsFilter { scope = scope.wrapped(as: nextAlias()) }
            scope.wheres.append(try expression(condition, in: scope).sql)
        case .project(let outputs):
            var columns: [SQLValue] = []
            for e in outputs { columns.append(try expression(e, in: scope)) }
            scope.columns = columns
        case .sort(let keys):
            if !scope.acceptsSort { scope = scope.wrapped(as: nextAlias()) }
            scope.order = try sortItems(keys, in: scope) + scope.order
        case .take(let n):
            let count = try constantCount(n)
            if let limit = scope.limit {
                scope.limit = min(limit, count)
            } else {
                scope.limit = count
            }
        case .skip(let n):
            let count = try constantCount(n)
            if scope.limit != nil { scope = scope.wrapped(as: nextAlias()) }
            scope.offset = (scope.offset ?? 0) + count
        case .top(let n, let keys):
            if !scope.acceptsSort { scope = scope.wrapped(as: nextAlias()) }
            scope.order = try sortItems(keys, in: scope) + scope.order
            scope.limit = try constantCount(n)
        case .count:
            if !scope.acceptsFilter { scope = scope.wrapped(as: nextAlias()) }
            scope.columns = [SQLValue(sql: "count(*)")]
            scope.order = []
            scope = scope.wrapped(as: nextAlias())
        case .countBy(let keys):
            if !scope.acceptsFilter { scope = scope.wrapped(as: nextAlias()) }
            var columns: [SQLValue] = []
            for k in keys { columns.append(try groupKey(k, in: scope)) }
            scope.groupBy = columns.map(\.sql)
            // By count descending, then keys ascending (nulls last).
            scope.order = ["count(*) DESC"] + zip(keys, columns).map { Self.ascending($1.sql, type: $0.type) }
            scope.columns = columns + [SQLValue(sql: "count(*)")]
            scope = scope.wrapped(as: nextAlias())
        case .summarize(let keys, let aggregates, let outputs):
            scope = try summarize(scope, keys: keys, aggregates: aggregates, outputs: outputs).wrapped(as: nextAlias())
        case .distinct(let keys):
            // First appearance: the smallest row number of each group.
            scope = scope.wrapped(as: nextAlias())
            var columns: [SQLValue] = []
            for k in keys { columns.append(try groupKey(k, in: scope)) }
            scope.groupBy = columns.map(\.sql)
            scope.order = ["min(\(scope.order[0]))"]
            scope.columns = columns
            scope = scope.wrapped(as: nextAlias())
        case .explode(let list, let target):
            scope = try explode(scope, list: list, target: target, span: span)
        case .chart:
            break
        case .search(let needle, let columns):
            // A row any of whose text columns contains the needle.
            if !scope.acceptsFilter { scope = scope.wrapped(as: nextAlias()) }
            var tests: [String] = []
            let folded = try foldedNeedle(needle, in: scope, aggregates: [])
            for column in columns {
                guard Self.isText(column.type) else {
                    throw Self.notCompiled("search over a column of unknown type", at: span)
                }
                tests.append(try textTest(.contains, column, needle: folded, in: scope, aggregates: [], span: span))
            }
            scope.wheres.append(tests.isEmpty ? "false" : tests.joined(separator: " OR "))
        case .pivot: throw Self.notCompiled("pivot", at: span)
        case .matrix: throw Self.notCompiled("matrix", at: span)
        case .trace: throw Self.notCompiled("trace", at: span)
        }
        return scope
    }

    /// `summarize`: GROUP BY the keys, one SQL aggregate per TQL aggregate,
    /// then each output over `[keys…, aggregates…]`; ordered by the keys.
    mutating func summarize(
        _ scope: SQLScope, keys: [CheckedExpr], aggregates: [CheckedAggregate], outputs: [CheckedExpr]
    ) throws(Diagnostic) -> SQLScope {
        var scope = scope.acceptsFilter ? scope : scope.wrapped(as: nextAlias())
        var grouped: [SQLValue] = []
        for k in keys { grouped.append(try groupKey(k, in: scope)) }
        var aggregated: [SQLValue] = []
        for a in aggregates { aggregated.append(SQLValue(sql: try aggregate(a, in: scope))) }
        scope.groupBy = grouped.map(\.sql)
        scope.order = zip(keys, grouped).map { Self.ascending($1.sql, type: $0.type) }
        // Outputs read the grouped row: keys by position, aggregates by number.
        var row = scope
        row.columns = grouped
        var columns: [SQLValue] = []
        for e in outputs { columns.append(try expression(e, in: row, aggregates: aggregated)) }
        scope.columns = columns
        return scope
    }

    /// `explode list as x`: one row per element, in the list's order after
    /// the row's; rows with an empty or null list go, as in TQL.
    mutating func explode(_ scope: SQLScope, list: CheckedExpr, target: Int, span: SourceSpan) throws(Diagnostic)
        -> SQLScope
    {
        guard case .list = list.type else { throw Self.notCompiled("explode of a value that is not a list", at: span) }
        let inner = scope.wrapped(as: nextAlias())
        let value = try expression(list, in: inner)
        let e = nextAlias("e")
        let unnest =
            value.canonical.map { "unnest(\(value.sql), \($0)) WITH ORDINALITY AS \(e)(v, k, n)" }
            ?? "unnest(\(value.sql)) WITH ORDINALITY AS \(e)(v, n)"
        var result = inner
        result.from = inner.from + " CROSS JOIN LATERAL " + unnest
        let element = SQLValue(sql: "\(e).v", canonical: value.canonical == nil ? nil : "\(e).k")
        if target < result.columns.count {
            result.columns[target] = element
        } else {
            result.columns.append(element)
        }
        result.order = inner.order + ["\(e).n"]
        return result
    }

    /// ORDER BY items for sort keys: nulls last in both directions, text
    /// in code-point order.
    mutating func sortItems(_ keys: [CheckedSortKey], in scope: SQLScope) throws(Diagnostic) -> [String] {
        var items: [String] = []
        for key in keys {
            let value = try expression(key.expr, in: scope)
            items.append(
                key.descending
                    ? "\(Self.collated(value.sql, type: key.expr.type)) DESC NULLS LAST"
                    : Self.ascending(value.sql, type: key.expr.type))
        }
        return items
    }

    /// A grouping key: the value itself (TQL groups unit names as written).
    mutating func groupKey(_ key: CheckedExpr, in scope: SQLScope) throws(Diagnostic) -> SQLValue {
        let value = try expression(key, in: scope)
        return SQLValue(sql: value.sql, canonical: nil)
    }

    /// `x ASC NULLS LAST`, text in code-point order.
    static func ascending(_ sql: String, type: ValueType) -> String {
        "\(collated(sql, type: type)) ASC NULLS LAST"
    }

    /// Text (and lists of text) compared by code point, as TQL compares.
    static func collated(_ sql: String, type: ValueType) -> String {
        switch type {
        case .string, .list(.string): "\(sql) COLLATE \"C\""
        default: sql
        }
    }

    /// The value of a `take`/`skip` count, known when the query is compiled.
    func constantCount(_ e: CheckedExpr) throws(Diagnostic) -> Int {
        let value: Value?
        switch e.kind {
        case .literal(let v): value = v
        case .parameter(let name): value = queryParameters[name]
        default: value = nil
        }
        guard case .int(let n)? = value, n >= 0 else {
            throw Diagnostic(
                code: .runtimeCount, message: "a count must be a non-negative integer", span: e.span)
        }
        return n
    }
}
