// Stage by stage: what each stage needs and the row schema it leaves.
extension Checker {
    mutating func check(_ stage: Stage, schema: RowSchema) throws(Diagnostic) -> (CheckedStage, RowSchema) {
        switch stage.kind {
        case .where(let e):
            let cond = try rowExpr(e, schema)
            try requireCondition(cond, what: "where")
            return (.filter(cond), schema)
        case .select(let projections):
            return try project(projections, schema)
        case .extend(let assignments):
            return try extend(assignments, schema)
        case .sort(let keys):
            return (.sort(try sortKeys(keys, schema)), schema)
        case .take(let n):
            return (.take(try count(n, stage: "take")), schema)
        case .skip(let n):
            return (.skip(try count(n, stage: "skip")), schema)
        case .top(let n, let keys):
            return (.top(try count(n, stage: "top"), try sortKeys(keys, schema)), schema)
        case .count(let by) where by.isEmpty:
            return (.count, .derived([Column(name: "count", type: .int, isUnits: false)]))
        case .count(let by):
            return try countBy(by, schema)
        case .summarize(let aggregates, let by):
            return try summarize(aggregates, by: by, schema)
        case .distinct(let ps):
            let (exprs, columns) = try projections(ps, schema)
            return (.distinct(exprs), .derived(columns))
        case .explode(let e, let alias):
            return try explode(e, alias: alias, schema)
        case .search(let e):
            let needle = try rowExpr(e, schema)
            let typed = try expectParameter(needle, .string)
            guard typed.type == .string || typed.type == .any else {
                throw mismatch("search needs text, found \(typed.type)", typed.span)
            }
            let searched = schema.columns.indices.filter { Self.isSearchable(schema.columns[$0].type) }.map { i in
                CheckedExpr(kind: .column(i), type: schema.columns[i].type, span: typed.span)
            }
            return (.search(typed, columns: searched), schema)
        case .pivot(let rows, let column, let values):
            return try pivot(rows, by: column, in: values, schema, span: stage.span)
        case .matrix(let keys):
            return try matrix(by: keys, schema, span: stage.span)
        case .trace(let dataset, let reverse):
            return try trace(dataset, reverse: reverse, schema, span: stage.span)
        case .chart:
            return (.chart, schema)
        }
    }

    mutating func rowExpr(_ e: Expr, _ schema: RowSchema) throws(Diagnostic) -> CheckedExpr {
        var ctx = ExprContext(schema: schema)
        return try expr(e, &ctx)
    }

    func requireCondition(_ e: CheckedExpr, what: String) throws(Diagnostic) {
        guard [.bool, .any, .null].contains(e.type) else {
            throw mismatch("\(what) needs a condition (true or false), found \(e.type)", e.span)
        }
    }

    private mutating func projections(_ ps: [Projection], _ schema: RowSchema) throws(Diagnostic)
        -> ([CheckedExpr], [Column])
    {
        var exprs: [CheckedExpr] = []
        var columns: [Column] = []
        for p in ps {
            let e = try rowExpr(p.expr, schema)
            let name = p.alias?.name ?? defaultName(p.expr, e, schema)
            if columns.contains(where: { $0.name == name }) {
                throw Diagnostic(
                    code: DiagnosticCode.duplicateColumn, message: "two columns named '\(name)'",
                    span: p.alias?.span ?? p.expr.span, help: "give one of them another name with `as`")
            }
            exprs.append(e)
            columns.append(Column(name: name, type: e.type, isUnits: e.isUnits))
        }
        return (exprs, columns)
    }

    /// A field keeps its (English) name; anything else is named by its text.
    private func defaultName(_ e: Expr, _ checked: CheckedExpr, _ schema: RowSchema) -> String {
        if case .column(let i) = checked.kind, case .field = e.kind { return schema.columns[i].name }
        return text(of: e.span)
    }

    private mutating func project(_ ps: [Projection], _ schema: RowSchema) throws(Diagnostic)
        -> (CheckedStage, RowSchema)
    {
        let (exprs, columns) = try projections(ps, schema)
        return (.project(exprs), .derived(columns))
    }

    private mutating func extend(_ assignments: [Assignment], _ schema: RowSchema) throws(Diagnostic)
        -> (CheckedStage, RowSchema)
    {
        var columns = schema.columns
        var exprs = columns.indices.map { i in
            CheckedExpr(
                kind: .column(i), type: columns[i].type, span: SourceSpan(start: 0, end: 0),
                isUnits: columns[i].isUnits)
        }
        for a in assignments {
            let e = try rowExpr(a.expr, schema)
            let column = Column(name: a.name.name, type: e.type, isUnits: e.isUnits)
            if let i = columns.firstIndex(where: { $0.name == a.name.name }) {
                (columns[i], exprs[i]) = (column, e)
            } else {
                columns.append(column)
                exprs.append(e)
            }
        }
        return (.project(exprs), .derived(columns))
    }

    private mutating func sortKeys(_ keys: [SortKey], _ schema: RowSchema) throws(Diagnostic) -> [CheckedSortKey] {
        var result: [CheckedSortKey] = []
        for k in keys { result.append(CheckedSortKey(expr: try rowExpr(k.expr, schema), descending: k.descending)) }
        return result
    }

    /// `take N`, `skip N`, `top N`: a non-negative integer literal or an
    /// integer parameter.
    private mutating func count(_ e: Expr, stage: String) throws(Diagnostic) -> CheckedExpr {
        let checked = try rowExpr(e, .derived([]))
        let typed = try expectParameter(checked, .int)
        switch typed.kind {
        case .literal(.int(let n)) where n >= 0: return typed
        case .parameter where typed.type == .int: return typed
        default:
            throw Diagnostic(
                code: DiagnosticCode.invalidCount,
                message: "\(stage) needs a non-negative integer, found '\(text(of: e.span))'", span: e.span)
        }
    }

    /// Whether `search` looks in a column of this type: text, a list of
    /// text, or a type known only at run time (then each value decides).
    static func isSearchable(_ type: ValueType) -> Bool {
        switch type {
        case .string, .any, .list(.string), .list(.any): true
        default: false
        }
    }
}
