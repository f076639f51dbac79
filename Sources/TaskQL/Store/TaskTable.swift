/// Every loaded task in columns: flat arrays per field, strings interned in
/// one ``StringPool``, long texts as contiguous UTF-8 bytes, lists flat with
/// offsets. Built once per engine; immutable afterwards, so it is shared by
/// every query and thread without copying.
struct TaskTable: Sendable {
    /// Null marker for pooled optional columns.
    static let nullID: Int32 = -1
    /// Null marker for `due`.
    static let nullDay = Int32.min

    private(set) var pool = StringPool()
    private(set) var count = 0

    private(set) var ids = TextColumn()
    private(set) var datasets: [Int32] = []
    private(set) var cities: [Int32] = []
    private(set) var years: [Int] = []
    private(set) var kinds: [Int32] = []
    private(set) var sections: [Int32] = []
    private(set) var subsections: [Int32] = []
    private(set) var numbers: [Int32] = []
    private(set) var titles = TextColumn()
    private(set) var texts = TextColumn()
    private(set) var leaders = ListColumn()
    private(set) var leadUnits = ListColumn()
    private(set) var coUnits = ListColumn()
    private(set) var deadlines: [Int32] = []
    private(set) var dues: [Int32] = []
    private(set) var sources = TextColumn()

    /// Canonical unit id for each pool id (identity for non-units), so `has`
    /// on unit fields compares `Int32`s.
    private(set) var canonicalIDs: [Int32] = []
    /// Sort rank of each pool id (see ``StringPool/sortRanks()``).
    private(set) var sortRanks: [Int32] = []
    /// Rows of each dataset, in load order (datasets are contiguous).
    private(set) var datasetRows: [String: Range<Int>] = [:]
    /// Pool ids of unit names as printed, most frequent first.
    private(set) var unitIDsByFrequency: [Int32] = []
    /// Pool ids of leader names, most frequent first.
    private(set) var leaderIDsByFrequency: [Int32] = []

    /// An empty table (add datasets with ``append(_:)``, then ``finish(aliases:)``).
    init() {}

    /// Builds the table from datasets in order.
    init(datasets: [Dataset], aliases: UnitAliases) {
        for dataset in datasets { append(dataset) }
        finish(aliases: aliases)
    }

    /// Appends a dataset's rows (its name must not be in the table yet).
    mutating func append(_ dataset: Dataset) {
        let start = count
        for record in dataset.records { append(record) }
        datasetRows[dataset.name] = start..<count
    }

    /// Works out what depends on all rows: the unit and leader names by
    /// frequency, canonical unit ids and sort ranks. Call after appending.
    mutating func finish(aliases: UnitAliases) {
        var unitCounts = [Int](repeating: 0, count: pool.count)
        var leaderCounts = [Int](repeating: 0, count: pool.count)
        for id in leadUnits.ids { unitCounts[Int(id)] += 1 }
        for id in coUnits.ids { unitCounts[Int(id)] += 1 }
        for id in leaders.ids { leaderCounts[Int(id)] += 1 }
        unitIDsByFrequency = Self.byFrequency(unitCounts, pool: pool)
        leaderIDsByFrequency = Self.byFrequency(leaderCounts, pool: pool)
        canonicalIDs = Array(0..<Int32(pool.count))
        for id in unitIDsByFrequency {
            canonicalIDs[Int(id)] = pool.intern(aliases.canonical(pool[id]))
        }
        // Canonical names added above map to themselves.
        while canonicalIDs.count < pool.count { canonicalIDs.append(Int32(canonicalIDs.count)) }
        sortRanks = pool.sortRanks()
    }

    private mutating func append(_ r: TaskRecord) {
        ids.append(r.id)
        datasets.append(pool.intern(r.dataset))
        cities.append(pool.intern(r.city))
        years.append(r.year)
        kinds.append(pool.intern(r.kind.rawValue))
        sections.append(internOptional(r.section))
        subsections.append(internOptional(r.subsection))
        numbers.append(pool.intern(r.number))
        titles.append(r.title)
        texts.append(r.text)
        leaders.append(r.leaders.map { pool.intern($0) })
        leadUnits.append(r.leadUnits.map { pool.intern($0) })
        coUnits.append(r.coUnits.map { pool.intern($0) })
        deadlines.append(internOptional(r.deadline))
        dues.append(r.due?.daysSinceEpoch ?? Self.nullDay)
        sources.append(r.source)
        count += 1
    }

    private mutating func internOptional(_ s: String?) -> Int32 {
        guard let s else { return Self.nullID }
        return pool.intern(s)
    }

    /// Ids with a non-zero count, most frequent first, ties by UTF-8 order.
    private static func byFrequency(_ counts: [Int], pool: StringPool) -> [Int32] {
        counts.indices.filter { counts[$0] > 0 }.map(Int32.init).sorted { a, b in
            let (ca, cb) = (counts[Int(a)], counts[Int(b)])
            return ca != cb ? ca > cb : pool[a].utf8.lexicographicallyPrecedes(pool[b].utf8)
        }
    }

    /// The canonical unit id of a pooled unit id.
    @inline(__always)
    func canonical(_ id: Int32) -> Int32 { canonicalIDs[Int(id)] }
}
