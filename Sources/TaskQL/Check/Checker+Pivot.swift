// The stages that spread counts over columns: pivot and matrix.
extension Checker {
    /// `pivot rows… by column [in [v, …]]`. The output is the row keys, one
    /// int column per value (named by the value's text), then `total`.
    /// Without `in`, the values are the ones the rows before the stage
    /// have: that pipeline is run now, as DuckDB's PIVOT does, so the
    /// columns are known before any later stage is checked.
    mutating func pivot(_ rows: [Projection], by column: Expr, in listed: Expr?, _ schema: RowSchema, span: SourceSpan)
        throws(Diagnostic) -> (CheckedStage, RowSchema)
    {
        let (keys, keyColumns) = try groupKeys(rows, schema)
        let spread = try rowExpr(column, schema)
        if case .list = spread.type {
            throw mismatch(
                "pivot spreads one value per row over the columns, found \(spread.type)", spread.span,
                help: "explode the list first: explode units as u | pivot … by u")
        }
        let values: [Value]
        if let listed {
            values = try listedValues(listed, spread)
        } else {
            values = try foundValues(spread, span: span, column: column)
        }
        var columns = keyColumns
        for v in values {
            let name = Self.columnName(of: v)
            try requireUnique(name, among: columns, span: listed?.span ?? column.span)
            columns.append(Column(name: name, type: .int, isUnits: false))
        }
        try requireUnique("total", among: columns, span: listed?.span ?? column.span)
        columns.append(Column(name: "total", type: .int, isUnits: false))
        return (.pivot(keys: keys, column: spread, values: values), .derived(columns))
    }

    /// The column a value of a pivot becomes: its text, `null` for null.
    static func columnName(of value: Value) -> String {
        value.isNull ? "null" : value.displayText
    }

    /// `in [v, …]`: literal values of the spread expression's type, each once.
    private mutating func listedValues(_ listed: Expr, _ spread: CheckedExpr) throws(Diagnostic) -> [Value] {
        let checked = try rowExpr(listed, .derived([]))
        guard case .literal(.list(let values)) = checked.kind else {
            throw mismatch("pivot … in needs a list of literal values", checked.span)
        }
        if case .list(let element) = checked.type, !TypeRules.comparable(element, spread.type) {
            throw mismatch("pivot by \(spread.type) cannot have columns of \(element)", checked.span)
        }
        var seen = Set<Value>()
        for v in values where !seen.insert(v).inserted {
            throw Diagnostic(
                code: DiagnosticCode.duplicateColumn, message: "'\(Self.columnName(of: v))' is listed twice",
                span: checked.span)
        }
        return values
    }

    /// Runs the pipeline so far for the values of `spread`.
    private func foundValues(_ spread: CheckedExpr, span: SourceSpan, column: Expr) throws(Diagnostic) -> [Value] {
        let written = text(of: column.span)
        guard let prefix = checkedPrefix, prefix.parameters.isEmpty, let distinctValues = environment.distinctValues
        else {
            throw Diagnostic(
                code: DiagnosticCode.pivotColumnsUnknown,
                message: "the columns of pivot by \(written) cannot be known before the query runs: "
                    + "its rows depend on parameters",
                span: column.span, help: "name the columns: pivot … by \(written) in [\"…\", \"…\"]")
        }
        do {
            return try distinctValues(prefix, spread)
        } catch {
            throw error.diagnostic
        }
    }

    /// `matrix [by keys…]`: needs `lead_units` and `co_units` in the rows.
    mutating func matrix(by keys: [Projection], _ schema: RowSchema, span: SourceSpan) throws(Diagnostic)
        -> (CheckedStage, RowSchema)
    {
        func roleColumn(_ field: TaskField) throws(Diagnostic) -> CheckedExpr {
            guard let i = schema.columns.firstIndex(where: { $0.name == field.name }),
                TypeRules.comparable(schema.columns[i].type, .list(.string))
            else {
                throw Diagnostic(
                    code: DiagnosticCode.unknownField,
                    message: "matrix counts units by role and needs the \(field.name) column, which the rows "
                        + "no longer have",
                    span: span, help: "put matrix before the select or count that drops it")
            }
            return CheckedExpr(kind: .column(i), type: schema.columns[i].type, span: span, isUnits: true)
        }
        let lead = try roleColumn(.leadUnits)
        let co = try roleColumn(.coUnits)
        let (checkedKeys, keyColumns) = try groupKeys(keys, schema)
        var columns = [Column(name: "unit", type: .string, isUnits: true)]
        for c in keyColumns {
            try requireUnique(c.name, among: columns, span: span)
            columns.append(c)
        }
        for name in ["lead", "co", "total"] {
            try requireUnique(name, among: columns, span: span)
            columns.append(Column(name: name, type: .int, isUnits: false))
        }
        return (.matrix(lead: lead, co: co, keys: checkedKeys), .derived(columns))
    }
}
