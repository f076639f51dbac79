// Stages that regroup rows: count by, summarize, distinct, explode, search.
extension PipelineRunner {
    /// Key columns plus `count`, by count descending, then keys ascending.
    func countBy(_ relation: Relation, _ keys: [CheckedExpr]) throws(RuntimeError) -> Relation {
        let compiler = compiler(relation)
        var encoders: [KeyEncoder] = []
        for k in keys { encoders.append(try compiler.encoder(k)) }
        let groups = try Groups.assign(count: relation.count, encoders: encoders, budget: budget)
        var counts = [Int](repeating: 0, count: groups.keys.count)
        for g in groups.groupOfRow { counts[Int(g)] += 1 }
        var rows = zip(groups.keyValues(encoders), counts).map { $0 + [Value.int($1)] }
        if relation.count == 0 { rows = [] }
        rows = rows.enumerated().sorted { a, b in
            let (ca, cb) = (a.element.last!, b.element.last!)
            if ca != cb { return Value.sortOrder(ca, cb) > 0 }
            return Self.keysAscending(a.element.dropLast(), b.element.dropLast()) ?? (a.offset < b.offset)
        }.map(\.element)
        return .computed(Self.columns(rows, width: keys.count + 1), count: rows.count)
    }

    /// Keys, then the assignments; groups by keys ascending (nulls last).
    /// Without keys there is exactly one group, even over no rows.
    func summarize(
        _ relation: Relation, _ keys: [CheckedExpr], _ aggregates: [CheckedAggregate], _ outputs: [CheckedExpr]
    ) throws(RuntimeError) -> Relation {
        let compiler = compiler(relation)
        var encoders: [KeyEncoder] = []
        for k in keys { encoders.append(try compiler.encoder(k)) }
        var groups = try Groups.assign(count: relation.count, encoders: encoders, budget: budget)
        if relation.count == 0, !keys.isEmpty { groups.keys = [] }
        let results = try aggregate(relation, aggregates, groups)
        var rows = zip(groups.keyValues(encoders), results).map { $0 + $1 }
        rows = rows.enumerated().sorted { a, b in
            Self.keysAscending(a.element.prefix(keys.count), b.element.prefix(keys.count)) ?? (a.offset < b.offset)
        }.map(\.element)
        let grouped = Relation.computed(Self.columns(rows, width: keys.count + aggregates.count), count: rows.count)
        var outputCompiler = self.compiler(grouped)
        outputCompiler.aggregateOffset = keys.count
        var columns: [[Value]] = []
        for e in outputs { columns.append(try evaluate(e, outputCompiler, grouped.count)) }
        return .computed(columns, count: grouped.count)
    }

    private func aggregate(_ relation: Relation, _ aggregates: [CheckedAggregate], _ groups: Groups)
        throws(RuntimeError) -> [[Value]]
    {
        let compiler = compiler(relation)
        var perAggregate: [[Value]] = []
        for a in aggregates {
            if a.function == .dcount, let argument = a.argument,
                let distinct = try distinctIDCounts(relation, argument, groups)
            {
                perAggregate.append(distinct)
                continue
            }
            if a.function == .count, a.argument == nil {
                // count(): the group sizes.
                var sizes = [Int](repeating: 0, count: groups.keys.count)
                for g in groups.groupOfRow { sizes[Int(g)] += 1 }
                perAggregate.append(sizes.map { .int($0) })
                continue
            }
            let acc = Aggregation(a, groups: groups.keys.count, aliases: semantics.aliases)
            let f = try a.argument.map { (e: CheckedExpr) throws(RuntimeError) in try compiler.value(e) }
            for i in 0..<relation.count {
                try budget.tick()
                try acc.add(try f?(i), group: Int(groups.groupOfRow[i]))
            }
            perAggregate.append(groups.keys.indices.map { acc.result($0) })
        }
        return groups.keys.indices.map { g in perAggregate.map { $0[g] } }
    }

    /// `dcount` of pooled names (a pooled column or a list field), counted
    /// on pool ids (canonical ids for units, as ``Aggregation`` counts
    /// canonical names): one bit per group and id when that is small,
    /// else a set of ids per group. Nil for other arguments.
    private func distinctIDCounts(_ relation: Relation, _ argument: CheckedExpr, _ groups: Groups)
        throws(RuntimeError) -> [Value]?
    {
        let compiler = compiler(relation)
        var lists: [ListColumn] = []
        let single = compiler.pooledIDs(argument)
        if single == nil {
            guard case .column(let c) = argument.kind, case .field(let f) = relation.columns[c] else { return nil }
            lists = table.listColumns(f)
            if lists.isEmpty { return nil }
        }
        let canonical = argument.isUnits ? table.canonicalIDs : nil
        let groupCount = groups.keys.count
        let words = (table.pool.count + 63) / 64
        var distinct = [Int](repeating: 0, count: groupCount)
        var bits: [UInt64] = groupCount * words <= 1 << 21 ? [UInt64](repeating: 0, count: groupCount * words) : []
        var sets: [Set<Int32>] = bits.isEmpty ? [Set<Int32>](repeating: [], count: groupCount) : []
        func add(_ raw: Int32, _ g: Int) {
            if raw == TaskTable.nullID { return }
            let id = canonical.map { $0[Int(raw)] } ?? raw
            if bits.isEmpty {
                if sets[g].insert(id).inserted { distinct[g] += 1 }
                return
            }
            let (w, bit) = (g * words + Int(id) >> 6, UInt64(1) << (UInt64(id) & 63))
            if bits[w] & bit == 0 {
                bits[w] |= bit
                distinct[g] += 1
            }
        }
        let rowIDs = relation.rowIDs
        for i in 0..<relation.count {
            try budget.tick()
            let g = Int(groups.groupOfRow[i])
            if let single {
                add(single(i), g)
            } else {
                for list in lists {
                    for id in list.elements(Int(rowIDs[i])) { add(id, g) }
                }
            }
        }
        return distinct.map { .int($0) }
    }

    /// Distinct key combinations in order of first appearance.
    func distinct(_ relation: Relation, _ keys: [CheckedExpr]) throws(RuntimeError) -> Relation {
        let compiler = compiler(relation)
        var encoders: [KeyEncoder] = []
        for k in keys { encoders.append(try compiler.encoder(k)) }
        let groups = try Groups.assign(count: relation.count, encoders: encoders, budget: budget)
        let rows = relation.count == 0 ? [] : groups.keyValues(encoders)
        return .computed(Self.columns(rows, width: keys.count), count: rows.count)
    }

    /// Ascending by keys with nulls last; nil when equal.
    static func keysAscending(_ a: some Collection<Value>, _ b: some Collection<Value>) -> Bool? {
        for (x, y) in zip(a, b) {
            if x.isNull != y.isNull { return y.isNull }
            let c = Value.sortOrder(x, y)
            if c != 0 { return c < 0 }
        }
        return nil
    }

    /// Rows to columns.
    static func columns(_ rows: [[Value]], width: Int) -> [[Value]] {
        (0..<width).map { c in rows.map { $0[c] } }
    }
}
