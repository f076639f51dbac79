/// Predicates that read the columnar store directly instead of building
/// `Value`s: equality on interned string columns, unit membership by
/// canonical id, and substring search decided once per distinct string.
enum FastPredicates {
    /// `field == "literal"` (or `!=`) on a scalar string field.
    static func stringEquals(_ l: CompiledExpr, _ r: CompiledExpr, negated: Bool, lhsExpr: Expr, env: CompileEnvironment) -> CompiledExpr? {
        let (field, constant) = fieldAndConstant(l, r)
        guard let field, case .string(let s)? = constant, let column = env.context.table.stringColumn(field) else { return nil }
        let target = env.context.table.pool.id(of: s) ?? -2
        return CompiledExpr(type: .bool, eval: { row in
            let v = column[row.base]
            return v < 0 ? .null : .bool((v == target) != negated)
        })
    }

    /// `lead_units has "发改委"` by canonical unit id; `leaders has "…"` by id.
    static func unitListHas(_ l: CompiledExpr, _ r: CompiledExpr, env: CompileEnvironment) -> CompiledExpr? {
        guard let field = l.baseField, case .string(let s)? = r.constant else { return nil }
        let table = env.context.table
        switch field {
        case .leaders:
            let target = table.pool.id(of: s) ?? -2
            let list = table.leaders
            return CompiledExpr(type: .bool, eval: { row in
                .bool(list.items[list.range(row.base)].contains(target))
            })
        case .leadUnits, .coUnits, .units:
            let target = table.pool.id(of: env.context.canonical(s)) ?? -2
            let canonical = table.canonicalUnit
            let lists = field == .units ? [table.leadUnits, table.coUnits] : [field == .leadUnits ? table.leadUnits : table.coUnits]
            return CompiledExpr(type: .bool, eval: { row in
                for list in lists {
                    for i in list.range(row.base) where canonical[Int(list.items[i])] == target { return .bool(true) }
                }
                return .bool(false)
            })
        default:
            return nil
        }
    }

    /// `text contains "5G"`: each distinct string is searched once per run.
    static func stringContains(_ l: CompiledExpr, _ r: CompiledExpr, env: CompileEnvironment) -> CompiledExpr? {
        guard let field = l.baseField, case .string(let needle)? = r.constant,
            let column = env.context.table.stringColumn(field)
        else { return nil }
        let memo = PoolMemo(table: env.context.table) { ByteSearch.contains($0, needle) }
        return CompiledExpr(type: .bool, eval: { row in
            let id = column[row.base]
            return id < 0 ? .null : .bool(memo.test(id))
        })
    }

    private static func fieldAndConstant(_ l: CompiledExpr, _ r: CompiledExpr) -> (TaskField?, Value?) {
        if l.baseField != nil, r.constant != nil { return (l.baseField, r.constant) }
        if r.baseField != nil, l.constant != nil { return (r.baseField, l.constant) }
        return (nil, nil)
    }
}

/// A string test remembered per interned string id (0 unknown, 1 no, 2 yes).
final class PoolMemo {
    private var results: [UInt8]
    private let table: TaskTable
    private let predicate: (String) -> Bool

    init(table: TaskTable, predicate: @escaping (String) -> Bool) {
        self.table = table
        self.predicate = predicate
        results = [UInt8](repeating: 0, count: table.pool.count)
    }

    @inline(__always) func test(_ id: Int32) -> Bool {
        let known = results[Int(id)]
        if known != 0 { return known == 2 }
        let yes = predicate(table.pool[id])
        results[Int(id)] = yes ? 2 : 1
        return yes
    }
}
