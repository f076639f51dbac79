/// All loaded tasks in columns: one flat array per field, strings interned.
/// Built once per engine; read concurrently by any number of queries.
final class TaskTable: Sendable {
    let count: Int
    let pool: StringPool
    /// Scalar string columns, by field; -1 is null.
    let id, dataset, city, kind, section, subsection, number, title, text, deadline, source: [Int32]
    let year: [Int32]
    /// Days since epoch; `Int32.min` is null.
    let due: [Int32]
    let leaders, leadUnits, coUnits: ListColumn
    /// Canonical unit name id for every pool id that is a unit name (else -1).
    let canonicalUnit: [Int32]
    /// Dataset names in load order.
    let datasetNames: [String]

    init(datasets: [Dataset], aliases: UnitAliases) {
        var pool = StringPool()
        var cols = [[Int32]](repeating: [], count: 11)
        var year: [Int32] = []
        var due: [Int32] = []
        var leaders = ListColumn()
        var leadUnits = ListColumn()
        var coUnits = ListColumn()
        let total = datasets.reduce(0) { $0 + $1.records.count }
        for i in cols.indices { cols[i].reserveCapacity(total) }
        year.reserveCapacity(total)
        due.reserveCapacity(total)
        func opt(_ s: String?) -> Int32 { s.map { pool.intern($0) } ?? -1 }
        for dataset in datasets {
            for r in dataset.records {
                let row: [Int32] = [
                    pool.intern(r.id), pool.intern(r.dataset), pool.intern(r.city), pool.intern(r.kind.rawValue),
                    opt(r.section), opt(r.subsection), pool.intern(r.number), opt(r.title), pool.intern(r.text),
                    opt(r.deadline), pool.intern(r.source),
                ]
                for (i, v) in row.enumerated() { cols[i].append(v) }
                year.append(Int32(r.year))
                due.append(r.due?.daysSinceEpoch ?? Int32.min)
                leaders.append(r.leaders.map { pool.intern($0) })
                leadUnits.append(r.leadUnits.map { pool.intern($0) })
                coUnits.append(r.coUnits.map { pool.intern($0) })
            }
        }
        // Canonical names are interned too, so unit comparisons are
        // integer comparisons of canonical ids.
        var unitCanonical: [Int32: Int32] = [:]
        for unitID in Set(leadUnits.items).union(coUnits.items) {
            unitCanonical[unitID] = pool.intern(aliases.canonical(pool[unitID]))
        }
        var canonical = [Int32](repeating: -1, count: pool.count)
        for (unit, canonicalID) in unitCanonical { canonical[Int(unit)] = canonicalID }
        count = total
        self.pool = pool
        (id, dataset, city, kind, section, subsection) = (cols[0], cols[1], cols[2], cols[3], cols[4], cols[5])
        (number, title, text, deadline, source) = (cols[6], cols[7], cols[8], cols[9], cols[10])
        self.year = year
        self.due = due
        self.leaders = leaders
        self.leadUnits = leadUnits
        self.coUnits = coUnits
        canonicalUnit = canonical
        datasetNames = datasets.map(\.name)
    }

    /// The string-id column of a scalar string field.
    func stringColumn(_ field: TaskField) -> [Int32]? {
        switch field {
        case .id: id
        case .dataset: dataset
        case .city: city
        case .kind: kind
        case .section: section
        case .subsection: subsection
        case .number: number
        case .title: title
        case .text: text
        case .deadline: deadline
        case .source: source
        default: nil
        }
    }

    /// The string ids of a list field for `row` (units = lead + co).
    func listIDs(_ field: TaskField, row: Int) -> [Int32] {
        switch field {
        case .leaders: Array(leaders.items[leaders.range(row)])
        case .leadUnits: Array(leadUnits.items[leadUnits.range(row)])
        case .coUnits: Array(coUnits.items[coUnits.range(row)])
        case .units: Array(leadUnits.items[leadUnits.range(row)]) + Array(coUnits.items[coUnits.range(row)])
        default: []
        }
    }

    /// The value of `field` in `row`.
    func value(_ field: TaskField, row: Int) -> Value {
        switch field {
        case .year: return .int(Int(year[row]))
        case .due:
            let d = due[row]
            return d == Int32.min ? .null : .date(CivilDate(daysSinceEpoch: d))
        case .leaders, .leadUnits, .coUnits, .units:
            return .list(listIDs(field, row: row).map { .string(pool[$0]) })
        default:
            let sid = stringColumn(field)![row]
            return sid < 0 ? .null : .string(pool[sid])
        }
    }

    /// Distinct unit names in the data, most frequent first.
    func unitNamesByFrequency() -> [String] { namesByFrequency(leadUnits.items + coUnits.items) }

    /// Distinct leader names, most frequent first.
    func leaderNamesByFrequency() -> [String] { namesByFrequency(leaders.items) }

    private func namesByFrequency(_ ids: [Int32]) -> [String] {
        var counts: [Int32: Int] = [:]
        for id in ids { counts[id, default: 0] += 1 }
        return counts.sorted { a, b in
            a.value != b.value ? a.value > b.value : Value.compareScalars(pool[a.key], pool[b.key]) < 0
        }.map { pool[$0.key] }
    }
}
