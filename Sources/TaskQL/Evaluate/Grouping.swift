/// Turns one group key into an `Int32` code per row: pooled and integer
/// columns use their ids directly, anything else is numbered by a
/// dictionary of values. Grouping then hashes small integers, not strings.
struct KeyEncoder {
    let code: (Int) throws(RuntimeError) -> Int32
    let decode: (Int32) -> Value
    /// When known, every code is in `-1..<cardinality` (−1 for null):
    /// pool ids. Groups of such keys are found by array index.
    var cardinality: Int? = nil
    /// Pool ids read straight from storage (`ids[rows[i]]`, or `ids[i]`
    /// without rows), mapped through `canonical` when set: codes for all
    /// rows in one tight loop instead of a closure call per row.
    var pooled: (ids: [Int32], rows: RowIDs?, canonical: [Int32]?)? = nil

    /// The codes of rows `0..<count`.
    func codes(count: Int, budget: RunBudget) throws(RuntimeError) -> [Int32] {
        guard let (ids, rows, canonical) = pooled else {
            var out = [Int32](repeating: 0, count: count)
            for i in 0..<count {
                try budget.tick()
                out[i] = try code(i)
            }
            return out
        }
        var out: [Int32]
        if let rows, let run = rows.run {
            out = Array(ids[run])
        } else if let rows {
            out = rows.map { ids[Int($0)] }
        } else {
            out = Array(ids.prefix(count))
        }
        if let canonical {
            for i in out.indices where out[i] != TaskTable.nullID { out[i] = canonical[Int(out[i])] }
        }
        return out
    }
}

/// Numbers distinct values as they appear.
final class ValueNumbering {
    private var codes: [Value: Int32] = [:]
    private(set) var values: [Value] = []

    func code(_ v: Value) -> Int32 {
        if let c = codes[v] { return c }
        let c = Int32(values.count)
        codes[v] = c
        values.append(v)
        return c
    }
}

extension ExprCompiler {
    /// An encoder for `key` over this compiler's relation.
    func encoder(_ key: CheckedExpr) throws(RuntimeError) -> KeyEncoder {
        let pool = table.pool
        let decodePooled: (Int32) -> Value = { $0 == TaskTable.nullID ? .null : .string(pool[$0]) }
        if let ids = pooledIDs(key) {
            return KeyEncoder(
                code: ids, decode: decodePooled, cardinality: pool.count, pooled: pooledStorage(key, canonical: nil))
        }
        // `unit(u)` of pooled unit names: the table already maps every name
        // to its canonical name's id.
        if case .call(.unit, let args) = key.kind, args[0].isUnits, let ids = pooledIDs(args[0]) {
            let canonical = table.canonicalIDs
            return KeyEncoder(
                code: { i in
                    let id = ids(i)
                    return id == TaskTable.nullID ? id : canonical[Int(id)]
                }, decode: decodePooled, cardinality: pool.count,
                pooled: pooledStorage(args[0], canonical: canonical))
        }
        let f = try value(key)
        let numbering = ValueNumbering()
        return KeyEncoder(
            code: { i throws(RuntimeError) in numbering.code(try f(i)) }, decode: { numbering.values[Int($0)] })
    }
}

extension ExprCompiler {
    /// Row `i`'s pool id (``TaskTable/nullID`` for null), when `e` is a
    /// pooled column: a pooled task field or exploded names.
    func pooledIDs(_ e: CheckedExpr) -> ((Int) -> Int32)? {
        switch pooledStorage(e, canonical: nil) {
        case (let ids, let rows?, _)?: { ids[Int(rows[$0])] }
        case (let ids, nil, _)?: { ids[$0] }
        case nil: nil
        }
    }
}

extension ExprCompiler {
    /// Where a pooled column's ids are stored (see ``KeyEncoder/pooled``).
    func pooledStorage(_ e: CheckedExpr, canonical: [Int32]?) -> (
        ids: [Int32], rows: RowIDs?, canonical: [Int32]?
    )? {
        guard case .column(let c) = e.kind else { return nil }
        switch relation.columns[c] {
        case .pooled(let ids): return (ids, nil, canonical)
        case .field(let f): return table.pooledColumn(f).map { ($0, relation.rowIDs, canonical) }
        case .values: return nil
        }
    }
}

/// Rows assigned to groups, groups numbered in order of first appearance.
struct Groups {
    /// Group of each row.
    var groupOfRow: [Int32]
    /// Key codes of each group.
    var keys: [[Int32]]

    /// Groups `count` rows by the encoders' codes. Keys are packed into one
    /// integer per row (each code shifted by its cardinality, or 32 bits):
    /// found by array index when all cardinalities are known and their
    /// product is small, else by hashing that integer; only keys too wide
    /// to pack hash an array.
    static func assign(count: Int, encoders: [KeyEncoder], budget: RunBudget) throws(RuntimeError) -> Groups {
        var groups = Groups(groupOfRow: [Int32](repeating: 0, count: count), keys: [])
        if encoders.isEmpty {
            groups.keys = [[]]
            return groups
        }
        // Radix of each key: its codes plus null, or any Int32.
        let radices = encoders.map { UInt64($0.cardinality.map { $0 + 1 } ?? (1 << 32)) }
        var span: UInt64 = 1
        var packable = true
        for r in radices {
            let (product, overflow) = span.multipliedReportingOverflow(by: r)
            if overflow || product > 1 << 62 { packable = false }
            span = packable ? product : span
        }
        guard packable else {
            try groups.assignByArrays(encoders, budget)
            return groups
        }
        // Codes column by column, then packed row by row.
        var packedKeys = [UInt64](repeating: 0, count: count)
        for (k, e) in encoders.enumerated() {
            let codes = try e.codes(count: count, budget: budget)
            let radix = radices[k]
            for i in 0..<count { packedKeys[i] = packedKeys[i] &* radix &+ UInt64(UInt32(bitPattern: codes[i] &+ 1)) }
        }
        try budget.check()
        // New groups' packed keys, in order of first appearance.
        var firstKeys: [UInt64] = []
        if span <= 1 << 22 {
            var slots = [Int32](repeating: -1, count: Int(span))
            for i in 0..<count {
                let packed = Int(packedKeys[i])
                var g = slots[packed]
                if g < 0 {
                    g = Int32(firstKeys.count)
                    slots[packed] = g
                    firstKeys.append(UInt64(packed))
                }
                groups.groupOfRow[i] = g
            }
        } else {
            var index: [UInt64: Int32] = [:]
            for i in 0..<count {
                let packed = packedKeys[i]
                if let g = index[packed] {
                    groups.groupOfRow[i] = g
                    continue
                }
                let g = Int32(firstKeys.count)
                index[packed] = g
                firstKeys.append(packed)
                groups.groupOfRow[i] = g
            }
        }
        groups.keys = firstKeys.map { packed in
            var codes = [Int32](repeating: 0, count: encoders.count)
            var rest = packed
            for k in encoders.indices.reversed() {
                codes[k] = Int32(bitPattern: UInt32(truncatingIfNeeded: rest % radices[k])) &- 1
                rest /= radices[k]
            }
            return codes
        }
        return groups
    }

    /// Groups by an array of codes per row: keys too wide to pack.
    private mutating func assignByArrays(_ encoders: [KeyEncoder], _ budget: RunBudget) throws(RuntimeError) {
        var index: [[Int32]: Int32] = [:]
        var key = [Int32](repeating: 0, count: encoders.count)
        for i in groupOfRow.indices {
            try budget.tick()
            for (k, e) in encoders.enumerated() { key[k] = try e.code(i) }
            if let g = index[key] {
                groupOfRow[i] = g
            } else {
                groupOfRow[i] = Int32(keys.count)
                index[key] = Int32(keys.count)
                keys.append(key)
            }
        }
    }

    /// Each group's key values.
    func keyValues(_ encoders: [KeyEncoder]) -> [[Value]] {
        keys.map { codes in zip(encoders, codes).map { $0.decode($1) } }
    }
}
