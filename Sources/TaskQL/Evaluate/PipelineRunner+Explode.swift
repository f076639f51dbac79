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

    /// The task fields `search` looks in (units through lead_units and
    /// co_units); computed columns are searched when they hold text.
    static let searchFields: Set<TaskField> = [
        .title, .text, .section, .subsection, .leaders, .leadUnits, .coUnits, .deadline,
    ]

    /// Rows where any searched column contains the text.
    func search(_ relation: Relation, _ needle: CheckedExpr) throws(RuntimeError) -> Relation {
        var tests: [CheckedExpr] = []
        for (c, column) in relation.columns.enumerated() {
            let searched: Bool
            switch column {
            case .field(let f): searched = Self.searchFields.contains(f)
            case .pooled: searched = true
            case .values(let vs):
                searched = vs.contains { if case .string = $0 { true } else if case .list = $0 { true } else { false } }
            }
            guard searched else { continue }
            let ref = CheckedExpr(kind: .column(c), type: .any, span: needle.span)
            tests.append(CheckedExpr(kind: .binary(.contains, ref, needle), type: .bool, span: needle.span))
        }
        guard var condition = tests.first else { return relation.gather([]) }
        for t in tests.dropFirst() {
            condition = CheckedExpr(kind: .binary(.or, condition, t), type: .bool, span: needle.span)
        }
        let test = try compiler(relation).truth(condition)
        var kept: [Int] = []
        for i in 0..<relation.count {
            try budget.tick()
            if try test(i) == true { kept.append(i) }
        }
        return relation.gather(kept)
    }
}
