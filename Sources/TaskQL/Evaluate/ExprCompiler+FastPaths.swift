// Specialised conditions on table columns compared with a constant: the
// test runs once per distinct string (a mask over the pool) or directly on
// bytes and integers, never through a `Value` per row.
extension ExprCompiler {
    func fastTruth(_ op: BinaryOperator, _ l: CheckedExpr, _ r: CheckedExpr, _ span: SourceSpan)
        throws(RuntimeError) -> TruthFunction?
    {
        guard case .column(let c) = l.kind, let k = constant(r) else { return nil }
        if k.isNull { return { _ in nil } }
        let rowIDs = relation.rowIDs
        switch relation.columns[c] {
        case .values:
            return nil
        case .pooled(let ids):
            guard let mask = try scalarMask(op, k, units: l.isUnits, span) else { return nil }
            return { i in ids[i] == TaskTable.nullID ? nil : mask[Int(ids[i])] }
        case .field(let f):
            if let ids = table.pooledColumn(f) {
                guard let mask = try scalarMask(op, k, units: l.isUnits, span) else { return nil }
                return { i in
                    let id = ids[Int(rowIDs[i])]
                    return id == TaskTable.nullID ? nil : mask[Int(id)]
                }
            }
            if let text = table.textColumn(f) { return try textTruth(op, text, k, r.span, span) }
            if f == .due, case .date(let d) = k { return dueTruth(op, d.daysSinceEpoch) }
            let lists = table.listColumns(f)
            guard !lists.isEmpty else { return nil }
            return try listTruth(op, lists, k, units: l.isUnits, span)
        }
    }

    /// For each pooled string, the result of `string op k`.
    func scalarMask(_ op: BinaryOperator, _ k: Value, units: Bool, _ span: SourceSpan)
        throws(RuntimeError) -> [Bool]?
    {
        let s = semantics
        switch op {
        case .in, .notIn:
            return table.pool.mask { x in (s.isIn(.string(x), k, units: units) ?? false) == (op == .in) }
        case .contains, .startsWith, .endsWith, .matches:
            return try elementMask(op, k, span)
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard case .string = k else { return nil }
            return try table.pool.mask { (x: String) throws(RuntimeError) in
                try s.compare(op, .string(x), k, units: (units, false), span: span) ?? false
            }
        default:
            return nil
        }
    }

    /// For each pooled string, the result of a text test against `k`.
    private func elementMask(_ op: BinaryOperator, _ k: Value, _ span: SourceSpan) throws(RuntimeError) -> [Bool]? {
        guard case .string(let needle) = k else { return nil }
        if op == .matches {
            let m = try Self.matcher(needle, span)
            return try table.pool.mask { (x: String) throws(RuntimeError) in try Self.run(m, x.unicodeScalars, span) }
        }
        let search = ByteSearch(needle)
        return table.pool.mask { x in
            switch op {
            case .startsWith: search.isPrefix(of: x)
            case .endsWith: search.isSuffix(of: x)
            default: search.occurs(in: x)
            }
        }
    }

    /// Lists of pooled names: true when any element passes (`not in`: when
    /// none does).
    private func listTruth(_ op: BinaryOperator, _ lists: [ListColumn], _ k: Value, units: Bool, _ span: SourceSpan)
        throws(RuntimeError) -> TruthFunction?
    {
        let s = semantics
        let negate = op == .notIn
        let mask: [Bool]
        switch op {
        case .has:
            mask = table.pool.mask { x in s.equal(.string(x), k, units: units) }
        case .equal, .notEqual:
            // `leaders == ["周国强"]` compares whole lists, not each element with
            // the list (issue 9): the plain evaluator's definition applies.
            return nil
        case .in, .notIn:
            mask = table.pool.mask { x in s.isIn(.string(x), k, units: units) ?? false }
        case .contains, .startsWith, .endsWith, .matches:
            guard let m = try elementMask(op, k, span) else { return nil }
            mask = m
        default:
            return nil
        }
        let rowIDs = relation.rowIDs
        return { i in
            let row = Int(rowIDs[i])
            for list in lists where list.any(row, in: mask) { return !negate }
            return negate
        }
    }

    /// `due` against a date: integer comparisons on day numbers.
    private func dueTruth(_ op: BinaryOperator, _ day: Int32) -> TruthFunction? {
        let dues = table.dues
        let rowIDs = relation.rowIDs
        let test: (Int32) -> Bool
        switch op {
        case .equal: test = { $0 == day }
        case .notEqual: test = { $0 != day }
        case .less: test = { $0 < day }
        case .lessOrEqual: test = { $0 <= day }
        case .greater: test = { $0 > day }
        case .greaterOrEqual: test = { $0 >= day }
        default: return nil
        }
        return { i in
            let d = dues[Int(rowIDs[i])]
            return d == TaskTable.nullDay ? nil : test(d)
        }
    }
}
