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
    /// Rows of each dataset, in load order: one range per file or part
    /// that added to it (a dataset joined from several files has several).
    private(set) var datasetRows: [String: [Range<Int>]] = [:]
    /// How often each byte value occurs in task texts (a sample of them):
    /// substring searches anchor memchr on the needle's rarest byte.
    private(set) var textByteFrequencies: [UInt32] = []
    /// Pool ids of unit names as printed, most frequent first.
    private(set) var unitIDsByFrequency: [Int32] = []
    /// Pool ids of leader names, most frequent first.
    private(set) var leaderIDsByFrequency: [Int32] = []

    /// An empty table: ``EngineBuilder`` appends rows and counts them to
    /// datasets, then calls ``finish(aliases:)``.
    init() {}

    /// Makes room for `rows` rows in all, so that a dataset file whose
    /// header gives its count fills the columns without regrowing them.
    mutating func reserveCapacity(rows: Int) {
        updateColumns(
            text: { $0.reserveCapacity(rows: rows) }, list: { $0.reserveCapacity(rows: rows) },
            pooled: { $0.reserveCapacity(rows) }, integers: { $0.reserveCapacity(rows) })
    }

    /// The per-row columns by kind, in a fixed order: the one place that
    /// lists them all besides the declarations and `append`. Changes to
    /// every column (``updateColumns``) and the snapshot file
    /// (TaskTable+Snapshot.swift) go through these lists, so a new column
    /// is added once. (Key paths formed here can set the columns anywhere.)
    static var textColumns: [WritableKeyPath<TaskTable, TextColumn>] { [\.ids, \.titles, \.texts, \.sources] }
    static var listColumns: [WritableKeyPath<TaskTable, ListColumn>] { [\.leaders, \.leadUnits, \.coUnits] }
    /// Pooled string columns, and whether each may hold ``nullID``.
    static var pooledColumns: [(column: WritableKeyPath<TaskTable, [Int32]>, optional: Bool)] {
        [
            (\.datasets, false), (\.cities, false), (\.kinds, false), (\.sections, true), (\.subsections, true),
            (\.numbers, false), (\.deadlines, true),
        ]
    }
    static var dayColumn: WritableKeyPath<TaskTable, [Int32]> { \.dues }
    static var integerColumn: WritableKeyPath<TaskTable, [Int]> { \.years }

    /// A table of `count` rows whose pool and dataset rows are given and
    /// whose columns the caller sets through the key paths above (how a
    /// snapshot is read back; it checks every column against these).
    init(pool: StringPool, count: Int, datasetRows: [String: [Range<Int>]]) {
        self.pool = pool
        self.count = count
        self.datasetRows = datasetRows
    }

    /// Applies one change to every per-row column, by kind of column.
    private mutating func updateColumns(
        text: (inout TextColumn) -> Void, list: (inout ListColumn) -> Void, pooled: (inout [Int32]) -> Void,
        integers: (inout [Int]) -> Void
    ) {
        for column in Self.textColumns { text(&self[keyPath: column]) }
        for column in Self.listColumns { list(&self[keyPath: column]) }
        for (column, _) in Self.pooledColumns { pooled(&self[keyPath: column]) }
        pooled(&self[keyPath: Self.dayColumn])
        integers(&self[keyPath: Self.integerColumn])
    }

    /// Puts every row into one dataset, `name` (a load `as NAME`): the
    /// datasets the rows were read into are merged, in row order.
    mutating func renameDatasets(to name: String) {
        let id = intern(name)
        datasets = [Int32](repeating: id, count: count)
        datasetRows = [name: count == 0 ? [] : [0..<count]]
    }

    /// Counts `rows` (already appended) as rows of dataset `name`.
    mutating func addRows(_ rows: Range<Int>, toDataset name: String) {
        guard !rows.isEmpty || datasetRows[name] == nil else { return }
        if let last = datasetRows[name]?.last, last.upperBound == rows.lowerBound {
            datasetRows[name]![datasetRows[name]!.count - 1] = last.lowerBound..<rows.upperBound
        } else {
            datasetRows[name, default: []].append(rows)
        }
    }

    /// The name of the dataset row `row` is in.
    func datasetName(ofRow row: Int) -> String { pool[datasets[row]] }

    /// The rows of dataset `name`, in load order (none when unknown).
    func rows(ofDataset name: String) -> [Int] {
        (datasetRows[name] ?? []).flatMap { $0 }
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
        textByteFrequencies = Self.byteFrequencies(texts.bytes)
    }

    /// Byte counts of `bytes`, or of 4,096 evenly spaced 1 KiB blocks of
    /// them when there are more than 4 MiB: enough to rank bytes.
    private static func byteFrequencies(_ bytes: [UInt8]) -> [UInt32] {
        var counts = [UInt32](repeating: 0, count: 256)
        let block = 1024
        let blocks = bytes.count <= 4 << 20 ? 1 : 4096
        let stride = bytes.count / blocks
        for b in 0..<blocks {
            let start = b * stride
            for byte in bytes[start..<min(bytes.count, blocks == 1 ? bytes.count : start + block)] {
                counts[Int(byte)] &+= 1
            }
        }
        return counts
    }

    /// Appends rows `ranges` of `other` as rows of dataset `dataset` (a
    /// ``datasetID(_:)``), its strings interned into this table's pool: how
    /// an engine takes over another's columns without going through records.
    mutating func append(rowsOf other: TaskTable, _ ranges: [Range<Int>], dataset: Int32) {
        var translation = [Int32](repeating: -2, count: other.pool.count)
        func mapped(_ id: Int32) -> Int32 {
            if id == Self.nullID { return id }
            if translation[Int(id)] == -2 { translation[Int(id)] = pool.intern(other.pool[id]) }
            return translation[Int(id)]
        }
        for range in ranges {
            for row in range {
                ids.append(other.ids.string(row))
                datasets.append(dataset)
                cities.append(mapped(other.cities[row]))
                years.append(other.years[row])
                kinds.append(mapped(other.kinds[row]))
                sections.append(mapped(other.sections[row]))
                subsections.append(mapped(other.subsections[row]))
                numbers.append(mapped(other.numbers[row]))
                titles.append(other.titles.string(row))
                texts.append(other.texts.string(row))
                leaders.append(other.leaders.elements(row).map(mapped))
                leadUnits.append(other.leadUnits.elements(row).map(mapped))
                coUnits.append(other.coUnits.elements(row).map(mapped))
                deadlines.append(mapped(other.deadlines[row]))
                dues.append(other.dues[row])
                sources.append(other.sources.string(row))
                count += 1
            }
        }
    }

    /// The pool id of a dataset name, for ``append(_:dataset:)``.
    mutating func datasetID(_ name: String) -> Int32 { intern(name) }

    /// Appends one row of dataset `dataset` (a ``datasetID(_:)``; the row's
    /// `dataset` field is the dataset it is loaded into, whatever the record
    /// says). Count it to the dataset with ``addRows(_:toDataset:)``.
    mutating func append(_ r: TaskRecord, dataset: Int32) {
        // Every string enters in NFC (see ``CanonicalText``), so byte tests on
        // text columns and pooled masks agree with `Value.compare`.
        let nfc = CanonicalText.nfc as (String) -> String
        ids.append(nfc(r.id))
        datasets.append(dataset)
        cities.append(intern(r.city))
        years.append(r.year)
        kinds.append(intern(r.kind.rawValue))
        sections.append(internOptional(r.section))
        subsections.append(internOptional(r.subsection))
        numbers.append(intern(r.number))
        titles.append(r.title.map(nfc))
        texts.append(nfc(r.text))
        leaders.append(r.leaders.map { intern($0) })
        leadUnits.append(r.leadUnits.map { intern($0) })
        coUnits.append(r.coUnits.map { intern($0) })
        deadlines.append(internOptional(r.deadline))
        dues.append(r.due?.daysSinceEpoch ?? Self.nullDay)
        sources.append(nfc(r.source))
        count += 1
    }

    private mutating func intern(_ s: String) -> Int32 { pool.intern(CanonicalText.nfc(s)) }

    private mutating func internOptional(_ s: String?) -> Int32 {
        guard let s else { return Self.nullID }
        return intern(s)
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
