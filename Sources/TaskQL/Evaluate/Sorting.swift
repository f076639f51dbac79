/// Stable multi-key sorting of a relation's rows: nulls last in both
/// directions, ties kept in input order.
enum Sorting {
    /// A key's values for every row: integers (pool sort ranks, days,
    /// years; ``nullInt`` for null) when the column allows, else values.
    enum KeyColumn {
        case ints([Int64])
        case values([Value])
        /// A text field compared in place, byte by byte: sorting a million
        /// ids builds no strings.
        case text(TextColumn, RowIDs)
    }
    static let nullInt = Int64.max

    /// Row positions in sorted order; with a `limit`, only the first
    /// `limit` of them (found without sorting everything).
    static func positions(count: Int, keys: [(column: KeyColumn, descending: Bool)], limit: Int? = nil) -> [Int] {
        let less = ordering(keys)
        if let limit, limit < count / 4 { return smallest(limit, of: count, by: less) }
        var positions = Array(0..<count)
        positions.sort(by: less)
        return positions
    }

    /// The row order of `keys` as one closure: one closure per key, each
    /// holding its own column and calling the next key's on a tie (the last
    /// compares positions, which makes the sort stable). Nulls go last in
    /// both directions. Built once, so comparing two rows copies no column.
    private static func ordering(_ keys: [(column: KeyColumn, descending: Bool)]) -> (Int, Int) -> Bool {
        var next: (Int, Int) -> Bool = { a, b in a < b }
        for key in keys.reversed() {
            let then = next
            let descending = key.descending
            switch key.column {
            case .ints(let xs):
                next = { a, b in
                    let (x, y) = (xs[a], xs[b])
                    if x == y { return then(a, b) }
                    if x == Sorting.nullInt || y == Sorting.nullInt { return y == Sorting.nullInt }
                    return (x < y) != descending
                }
            case .values(let vs):
                next = { a, b in
                    let (x, y) = (vs[a], vs[b])
                    if x.isNull != y.isNull { return y.isNull }
                    let c = x.isNull ? 0 : Value.sortOrder(x, y)
                    return c == 0 ? then(a, b) : (c < 0) != descending
                }
            case .text(let column, let rows):
                next = { a, b in
                    let (ra, rb) = (Int(rows[a]), Int(rows[b]))
                    let (na, nb) = (column.isNull(ra), column.isNull(rb))
                    if na != nb { return nb }
                    let c = na ? 0 : column.compare(ra, rb)
                    return c == 0 ? then(a, b) : (c < 0) != descending
                }
            }
        }
        return next
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
    func sortColumn(_ key: CheckedExpr, budget: RunBudget, parts: [Range<Int>]) throws(RuntimeError)
        -> Sorting.KeyColumn
    {
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
                if let text = table.textColumn(f) { return .text(text, rowIDs) }
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
        if case .call(.len, let args) = key.kind, case .column(let c) = args[0].kind,
            case .field(let f) = relation.columns[c], let text = table.textColumn(f)
        {
            // Counting scalars reads every byte of the column: split over `parts`.
            let rowIDs = relation.rowIDs
            let lengths = try ParallelRows.map(parts) { (_, range) throws(RuntimeError) -> [Int64] in
                range.map { p in
                    let r = Int(rowIDs[p])
                    return text.isNull(r) ? Sorting.nullInt : Int64(text.scalarCount(r))
                }
            }
            return .ints(lengths.count == 1 ? lengths[0] : Array(lengths.joined()))
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
