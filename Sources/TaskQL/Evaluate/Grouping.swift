/// Turns one group key into an `Int32` code per row: pooled and integer
/// columns use their ids directly, anything else is numbered by a
/// dictionary of values. Grouping then hashes small integers, not strings.
struct KeyEncoder {
    let code: (Int) throws(RuntimeError) -> Int32
    let decode: (Int32) -> Value
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
        if case .column(let c) = key.kind {
            switch relation.columns[c] {
            case .pooled(let ids):
                return KeyEncoder(code: { ids[$0] }, decode: decodePooled)
            case .field(let f):
                if let ids = table.pooledColumn(f) {
                    let rowIDs = relation.rowIDs
                    return KeyEncoder(code: { ids[Int(rowIDs[$0])] }, decode: decodePooled)
                }
            case .values:
                break
            }
        }
        let f = try value(key)
        let numbering = ValueNumbering()
        return KeyEncoder(
            code: { i throws(RuntimeError) in numbering.code(try f(i)) }, decode: { numbering.values[Int($0)] })
    }
}

/// Rows assigned to groups, groups numbered in order of first appearance.
struct Groups {
    /// Group of each row.
    var groupOfRow: [Int32]
    /// Key codes of each group.
    var keys: [[Int32]]

    /// Groups `count` rows by the encoders' codes.
    static func assign(count: Int, encoders: [KeyEncoder], budget: RunBudget) throws(RuntimeError) -> Groups {
        var groupOfRow = [Int32](repeating: 0, count: count)
        var keys: [[Int32]] = []
        if encoders.isEmpty { return Groups(groupOfRow: groupOfRow, keys: [[]]) }
        if encoders.count == 1 {
            var index: [Int32: Int32] = [:]
            for i in 0..<count {
                try budget.tick()
                let code = try encoders[0].code(i)
                if let g = index[code] {
                    groupOfRow[i] = g
                } else {
                    groupOfRow[i] = Int32(keys.count)
                    index[code] = Int32(keys.count)
                    keys.append([code])
                }
            }
            return Groups(groupOfRow: groupOfRow, keys: keys)
        }
        var index: [[Int32]: Int32] = [:]
        var key = [Int32](repeating: 0, count: encoders.count)
        for i in 0..<count {
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
        return Groups(groupOfRow: groupOfRow, keys: keys)
    }

    /// Each group's key values.
    func keyValues(_ encoders: [KeyEncoder]) -> [[Value]] {
        keys.map { codes in zip(encoders, codes).map { $0.decode($1) } }
    }
}
