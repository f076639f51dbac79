/// Stable multi-key sorting of a relation's rows: nulls last in both
/// directions, ties kept in input order.
enum Sorting {
    /// A key's values for every row: integers (pool sort ranks, days,
    /// years; ``nullInt`` for null) when the column allows, else values.
    enum KeyColumn {
        case ints([Int64])
        case values([Value])

        func isNull(_ i: Int) -> Bool {
            switch self {
            case .ints(let xs): xs[i] == Sorting.nullInt
            case .values(let vs): vs[i].isNull
            }
        }

        func compare(_ a: Int, _ b: Int) -> Int {
            switch self {
            case .ints(let xs): xs[a] == xs[b] ? 0 : (xs[a] < xs[b] ? -1 : 1)
            case .values(let vs): Value.sortOrder(vs[a], vs[b])
            }
        }
    }
    static let nullInt = Int64.max

    /// Row positions in sorted order; with a `limit`, only the first
    /// `limit` of them (found without sorting everything).
    static func positions(count: Int, keys: [(column: KeyColumn, descending: Bool)], limit: Int? = nil) -> [Int] {
        let less = { (a: Int, b: Int) -> Bool in
            for key in keys {
                let (na, nb) = (key.column.isNull(a), key.column.isNull(b))
                if na != nb { return nb }
                if na { continue }
                let c = key.column.compare(a, b)
                if c != 0 { return (c < 0) != key.descending }
            }
            return a < b
        }
        if let limit, limit < count / 4 { return smallest(limit, of: count, by: less) }
        var positions = Array(0..<count)
        positions.sort(by: less)
        return positions
    }

    /// The `k` smallest positions in order: a sorted buffer of `k` that most
    /// rows fail to enter after one comparison with its last element.
    private static func smallest(_ k: Int, of count: Int, by less: (Int, Int) -> Bool) -> [Int] {
        var best: [Int] = []
        best.reserveCapacity(k + 1)
        guard k > 0 else { return best }
        for p in 0..<count {
            if best.count == k, !less(p, best[k - 1]) { continue }
            var lo = 0
            var hi = best.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if less(p, best[mid]) { hi = mid } else { lo = mid + 1 }
            }
            best.insert(p, at: lo)
            if best.count > k { best.removeLast() }
        }
        return best
    }
}

extension ExprCompiler {
    /// The sort key column of `key` over this compiler's relation.
    func sortColumn(_ key: CheckedExpr, budget: RunBudget) throws(RuntimeError) -> Sorting.KeyColumn {
        if case .column(let c) = key.kind {
            let rowIDs = relation.rowIDs
            let ranks = table.sortRanks
            let rank = { (id: Int32) in id == TaskTable.nullID ? Sorting.nullInt : Int64(ranks[Int(id)]) }
            switch relation.columns[c] {
            case .pooled(let ids):
                return .ints(ids.map(rank))
            case .field(let f):
                if let ids = table.pooledColumn(f) { return .ints(rowIDs.map { rank(ids[Int($0)]) }) }
                if f == .year { return .ints(rowIDs.map { Int64(table.years[Int($0)]) }) }
                if f == .due {
                    return .ints(
                        rowIDs.map { r in
                            let d = table.dues[Int(r)]
                            return d == TaskTable.nullDay ? Sorting.nullInt : Int64(d)
                        })
                }
            case .values:
                break
            }
        }
        let f = try value(key)
        var values: [Value] = []
        values.reserveCapacity(relation.count)
        for i in 0..<relation.count {
            try budget.tick()
            values.append(try f(i))
        }
        return .values(values)
    }
}
