// explode and search.
extension PipelineRunner {
    /// One row per list element; rows with an empty or null list produce
    /// none. The element goes to column `target` (replaced or appended).
    func explode(_ relation: Relation, _ list: CheckedExpr, target: Int, span: SourceSpan) throws(RuntimeError)
        -> Relation
    {
        var positions: [Int] = []
        let element: ColumnData
        if case .column(let c) = list.kind, case .field(let f) = relation.columns[c], !table.listColumns(f).isEmpty {
            var ids: [Int32] = []
            for i in 0..<relation.count {
                try budget.tick()
                for column in table.listColumns(f) {
                    for id in column.elements(Int(relation.rowIDs[i])) {
                        positions.append(i)
                        ids.append(id)
                    }
                }
                try budget.checkRows(positions.count, span: span)
            }
            element = .pooled(ids)
        } else {
            let f = try compiler(relation).value(list)
            var values: [Value] = []
            for i in 0..<relation.count {
                try budget.tick()
                switch try f(i) {
                case .list(let items):
                    for item in items {
                        positions.append(i)
                        values.append(item)
                    }
                case .null: break
                case let v: throw RuntimeError.type("explode needs a list, found \(v.valueType)", list.span)
                }
                try budget.checkRows(positions.count, span: span)
            }
            element = .values(values)
        }
        var exploded = relation.gather(positions)
        if target == exploded.columns.count {
            exploded.columns.append(element)
        } else {
            exploded.columns[target] = element
        }
        return exploded
    }

    /// Rows where any of `columns` contains the text. The checker chose the
    /// columns by type, so a column is searched whether it is still a task
    /// field, pooled or computed. A column typed only at run time is
    /// searched where it holds text, and skipped where it holds a number.
    func search(_ relation: Relation, _ needle: CheckedExpr, columns: [CheckedExpr]) throws(RuntimeError)
        -> Relation
    {
        let compiler = compiler(relation)
        var tests: [TruthFunction] = []
        for column in columns {
            let condition = CheckedExpr(kind: .binary(.contains, column, needle), type: .bool, span: needle.span)
            let test = try compiler.truth(condition)
            guard column.type == .any || column.type == .list(.any) else {
                tests.append(test)
                continue
            }
            tests.append(Self.onText(try compiler.value(column), test))
        }
        var kept: [Int] = []
        for i in 0..<relation.count {
            try budget.tick()
            for test in tests where try test(i) == true {
                kept.append(i)
                break
            }
        }
        return relation.gather(kept)
    }

    /// `test` where `cell` holds text or a list, false elsewhere.
    private static func onText(_ cell: @escaping ValueFunction, _ test: @escaping TruthFunction) -> TruthFunction {
        return { i throws(RuntimeError) in
            switch try cell(i) {
            case .string, .list: return try test(i)
            default: return false
            }
        }
    }
}
