// The stages that spread counts over columns: pivot and matrix.
extension PipelineRunner {
    /// One row per key combination: the keys, a count per value of
    /// `column` in `values` (rows with another value are not counted), and
    /// their total. Rows by total descending, then keys ascending, as
    /// `count by` orders them; key combinations that count nothing are left
    /// out.
    func pivot(_ relation: Relation, _ keys: [CheckedExpr], _ column: CheckedExpr, _ values: [Value])
        throws(RuntimeError) -> Relation
    {
        let compiler = compiler(relation)
        var encoders: [KeyEncoder] = []
        for k in keys { encoders.append(try compiler.encoder(k)) }
        let groups = try Groups.assign(count: relation.count, encoders: encoders, budget: budget)
        let spread = try compiler.encoder(column)
        let codes = try spread.codes(count: relation.count, budget: budget)
        var position: [Value: Int] = [:]
        for (i, v) in values.enumerated() { position[v] = i }
        // Each code's column, looked up once per distinct code.
        var columnOfCode: [Int32: Int] = [:]
        let width = values.count
        var cells = [Int](repeating: 0, count: groups.keys.count * width)
        for i in 0..<relation.count {
            if i & 4095 == 0 { try budget.check() }
            let code = codes[i]
            let c: Int
            if let known = columnOfCode[code] {
                c = known
            } else {
                c = position[spread.decode(code)] ?? -1
                columnOfCode[code] = c
            }
            if c >= 0 { cells[Int(groups.groupOfRow[i]) &* width &+ c] += 1 }
        }
        var rows: [[Value]] = []
        for (g, key) in groups.keyValues(encoders).enumerated() {
            let counts = cells[g * width..<(g + 1) * width]
            let total = counts.reduce(0, +)
            if total > 0 { rows.append(key + counts.map { .int($0) } + [.int(total)]) }
        }
        rows = Self.byTotal(rows, keys: 0..<keys.count, totals: [width + keys.count])
        return .computed(Self.columns(rows, width: keys.count + width + 1), count: rows.count)
    }

    /// The responsibility matrix: for each canonical unit named in `lead`
    /// or `co` (and each key combination), the rows it leads, the rows it
    /// co-operates on without leading them, and their total (the rows it
    /// is named in at all). Rows by total, then lead, descending, then
    /// unit and keys ascending.
    func matrix(_ relation: Relation, lead: CheckedExpr, co: CheckedExpr, _ keys: [CheckedExpr])
        throws(RuntimeError) -> Relation
    {
        let compiler = compiler(relation)
        var encoders: [KeyEncoder] = []
        for k in keys { encoders.append(try compiler.encoder(k)) }
        let groups = try Groups.assign(count: relation.count, encoders: encoders, budget: budget)
        let units = UnitCodes(table: table, aliases: semantics.aliases)
        let leadUnits = try units.reader(lead, compiler)
        let coUnits = try units.reader(co, compiler)
        // (group, unit) → its cell's index in `counts` (lead, co).
        var cellOf: [Int64: Int] = [:]
        var cells: [(group: Int32, unit: Int32)] = []
        var counts: [(lead: Int, co: Int)] = []
        var leading: [Int32] = []
        var cooperating: [Int32] = []
        func add(_ group: Int32, _ unit: Int32, lead isLead: Bool) {
            let key = Int64(group) << 32 | Int64(unit)
            let index: Int
            if let known = cellOf[key] {
                index = known
            } else {
                index = cells.count
                cellOf[key] = index
                cells.append((group, unit))
                counts.append((0, 0))
            }
            if isLead { counts[index].lead += 1 } else { counts[index].co += 1 }
        }
        for i in 0..<relation.count {
            if i & 4095 == 0 { try budget.check() }
            let g = groups.groupOfRow[i]
            leading.removeAll(keepingCapacity: true)
            for u in try leadUnits(i) where !leading.contains(u) {
                leading.append(u)
                add(g, u, lead: true)
            }
            cooperating.removeAll(keepingCapacity: true)
            for u in try coUnits(i) where !leading.contains(u) && !cooperating.contains(u) {
                cooperating.append(u)
                add(g, u, lead: false)
            }
        }
        let keyValues = groups.keyValues(encoders)
        var rows: [[Value]] = []
        rows.reserveCapacity(cells.count)
        for (index, cell) in cells.enumerated() {
            let (l, c) = counts[index]
            rows.append(
                [.string(units.name(cell.unit))] + keyValues[Int(cell.group)] + [.int(l), .int(c), .int(l + c)])
        }
        let width = keys.count + 4
        rows = Self.byTotal(rows, keys: 0..<(keys.count + 1), totals: [width - 1, width - 3])
        return .computed(Self.columns(rows, width: width), count: rows.count)
    }

    /// Rows by the `totals` columns descending (the first, then the next),
    /// then the `keys` columns ascending, then as they came.
    static func byTotal(_ rows: [[Value]], keys: Range<Int>, totals: [Int]) -> [[Value]] {
        rows.enumerated().sorted { a, b in
            for t in totals where a.element[t] != b.element[t] {
                return Value.sortOrder(a.element[t], b.element[t]) > 0
            }
            return Self.keysAscending(a.element[keys], b.element[keys]) ?? (a.offset < b.offset)
        }.map(\.element)
    }
}

/// Dense codes for canonical unit names, whether they come from the
/// table's pooled lists (mapped through its canonical ids) or from
/// computed lists of names (mapped through the aliases).
final class UnitCodes {
    private let table: TaskTable
    private let aliases: UnitAliases
    private var codeOfPoolID: [Int32]
    private var codeOfName: [String: Int32] = [:]
    private var names: [String] = []

    init(table: TaskTable, aliases: UnitAliases) {
        self.table = table
        self.aliases = aliases
        codeOfPoolID = [Int32](repeating: -1, count: table.pool.count)
    }

    /// The canonical name of `code`.
    func name(_ code: Int32) -> String { names[Int(code)] }

    private func code(canonicalName name: String) -> Int32 {
        if let known = codeOfName[name] { return known }
        let code = Int32(names.count)
        codeOfName[name] = code
        names.append(name)
        return code
    }

    private func code(poolID id: Int32) -> Int32 {
        let canonical = Int(table.canonicalIDs[Int(id)])
        if codeOfPoolID[canonical] < 0 { codeOfPoolID[canonical] = code(canonicalName: table.pool[Int32(canonical)]) }
        return codeOfPoolID[canonical]
    }

    /// Row `i`'s unit codes, in list order: straight from the pooled list
    /// when `e` is a list field still in the table, else from its values.
    func reader(_ e: CheckedExpr, _ compiler: ExprCompiler) throws(RuntimeError) -> (Int) throws(RuntimeError) ->
        [Int32]
    {
        if case .column(let c) = e.kind, case .field(let f) = compiler.relation.columns[c] {
            let lists = table.listColumns(f)
            let rowIDs = compiler.relation.rowIDs
            if !lists.isEmpty {
                return { i in lists.flatMap { $0.elements(Int(rowIDs[i])) }.map { self.code(poolID: $0) } }
            }
        }
        let f = try compiler.value(e)
        return { (i) throws(RuntimeError) in
            guard case .list(let items) = try f(i) else { return [] }
            return items.compactMap { item in
                guard case .string(let s) = item else { return nil }
                return self.code(canonicalName: self.aliases.canonical(s))
            }
        }
    }
}
