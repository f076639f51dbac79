// Stages that regroup rows: count by, summarize, explode.
extension Checker {
    mutating func countBy(_ by: [Projection], _ schema: RowSchema) throws(Diagnostic) -> (CheckedStage, RowSchema) {
        let (keys, columns) = try groupKeys(by, schema)
        let countColumn = Column(name: "count", type: .int, isUnits: false)
        try requireUnique(countColumn.name, among: columns, span: by.last?.expr.span)
        return (.countBy(keys), .derived(columns + [countColumn]))
    }

    mutating func summarize(_ assignments: [Assignment], by: [Projection], _ schema: RowSchema) throws(Diagnostic)
        -> (CheckedStage, RowSchema)
    {
        var (keys, columns) = try groupKeys(by, schema)
        var ctx = ExprContext(schema: schema, mode: .summarize)
        var outputs: [CheckedExpr] = []
        for a in assignments {
            let e = try expr(a.expr, &ctx)
            try requireUnique(a.name.name, among: columns, span: a.name.span)
            columns.append(Column(name: a.name.name, type: e.type, isUnits: e.isUnits))
            outputs.append(e)
        }
        // Output expressions see [keys…, aggregates…]; keys pass through.
        let keyOutputs = keys.indices.map { i in
            CheckedExpr(kind: .column(i), type: keys[i].type, span: keys[i].span, isUnits: keys[i].isUnits)
        }
        return (.summarize(keys: keys, aggregates: ctx.aggregates, outputs: keyOutputs + outputs), .derived(columns))
    }

    mutating func groupKeys(_ by: [Projection], _ schema: RowSchema) throws(Diagnostic)
        -> ([CheckedExpr], [Column])
    {
        var keys: [CheckedExpr] = []
        var columns: [Column] = []
        for p in by {
            let e = try rowExpr(p.expr, schema)
            let name: String
            if let alias = p.alias {
                name = alias.name
            } else if case .column(let i) = e.kind, case .field = p.expr.kind {
                name = schema.columns[i].name
            } else {
                name = text(of: p.expr.span)
            }
            try requireUnique(name, among: columns, span: p.alias?.span ?? p.expr.span)
            keys.append(e)
            columns.append(Column(name: name, type: e.type, isUnits: e.isUnits))
        }
        return (keys, columns)
    }

    func requireUnique(_ name: String, among columns: [Column], span: SourceSpan?) throws(Diagnostic) {
        guard columns.contains(where: { $0.name == name }) else { return }
        throw Diagnostic(
            code: DiagnosticCode.duplicateColumn, message: "two columns named '\(name)'", span: span,
            help: "give one of them another name with `as`")
    }

    mutating func explode(_ e: Expr, alias: Identifier?, _ schema: RowSchema) throws(Diagnostic)
        -> (CheckedStage, RowSchema)
    {
        let list = try rowExpr(e, schema)
        let element: ValueType
        switch list.type {
        case .list(let t): element = t
        case .any: element = .any
        default:
            throw mismatch("explode needs a list, found \(list.type)", list.span)
        }
        var columns = schema.columns
        let name: String
        if let alias {
            name = alias.name
        } else if case .column(let i) = list.kind {
            name = columns[i].name
        } else {
            name = text(of: e.span)
        }
        let column = Column(name: name, type: element, isUnits: list.isUnits)
        let target = columns.firstIndex { $0.name == name } ?? columns.count
        if target == columns.count { columns.append(column) } else { columns[target] = column }
        return (.explode(list, target: target), .derived(columns))
    }
}
