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

    /// `explode LIST as u | count by u` (or `by unit(u)`) on a list field,
    /// counted straight from the list columns' ids into one counter per
    /// pool id: the exploded rows are never built. Nil when the shapes do
    /// not fit; the two stages then run one after the other, with the same
    /// result (the row limit applies to the exploded rows either way).
    func countExploded(_ relation: Relation, _ list: CheckedExpr, target: Int, key: CheckedExpr, span: SourceSpan)
        throws(RuntimeError) -> Relation?
    {
        guard case .column(let c) = list.kind, case .field(let f) = relation.columns[c] else { return nil }
        let lists = table.listColumns(f)
        var canonical: [Int32]?
        switch key.kind {
        case .column(target): canonical = nil
        case .call(.unit, let args) where args[0].isUnits:
            guard case .column(target) = args[0].kind else { return nil }
            canonical = table.canonicalIDs
        default: return nil
        }
        guard !lists.isEmpty else { return nil }
        var counts = [Int](repeating: 0, count: table.pool.count)
        var total = 0
        let rowIDs = relation.rowIDs
        for list in lists {
            try list.ids.withUnsafeBufferPointer { (ids) throws(RuntimeError) in
                try list.offsets.withUnsafeBufferPointer { (offsets) throws(RuntimeError) in
                    for i in 0..<relation.count {
                        try budget.tick()
                        let row = Int(rowIDs[i])
                        let (start, end) = (Int(offsets[row]), Int(offsets[row + 1]))
                        total += end - start
                        if let canonical {
                            for e in start..<end { counts[Int(canonical[Int(ids[e])])] += 1 }
                        } else {
                            for e in start..<end { counts[Int(ids[e])] += 1 }
                        }
                    }
                }
            }
        }
        try budget.checkRows(total, span: span)
        let ranks = table.sortRanks
        let ids = counts.indices.filter { counts[$0] > 0 }.sorted { a, b in
            counts[a] != counts[b] ? counts[a] > counts[b] : ranks[a] < ranks[b]
        }
        return .computed(
            [ids.map { .string(table.pool[Int32($0)]) }, ids.map { .int(counts[$0]) }], count: ids.count)
    }

    /// Rows where any of `columns` contains the text. The checker chose the
    /// columns by type, so a column is searched whether it is still a task
    /// field, pooled or computed. A column typed only at run time is
    /// searched where it holds text, and skipped where it holds a number.
    func search(_ relation: Relation, _ needle: CheckedExpr, columns: [CheckedExpr]) throws(RuntimeError)
        -> Relation
    {
        let kept = try keptRows(relation, .any) { (compiler) throws(RuntimeError) -> [RowTest] in
            var tests: [RowTest] = []
            for column in columns {
                let condition = CheckedExpr(kind: .binary(.contains, column, needle), type: .bool, span: needle.span)
                let test = try compiler.truth(condition)
                guard column.type == .any || column.type == .list(.any) else {
                    tests.append(RowTest(row: test))
                    continue
                }
                tests.append(RowTest(row: Self.onText(try compiler.value(column), test)))
            }
            return tests
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
