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
    /// The extra columns the importer kept (进展情况, 是否达序 …): per row,
    /// pairs of pooled ids, the header name then the cell's text, in column
    /// order.
    private(set) var extraFields = ListColumn()

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
    /// ASCII projections of the text columns worth one (see
    /// ``TextColumn/asciiProjection(threads:)``): where an ASCII needle is
    /// searched.
    private(set) var asciiProjections: [TaskField: TextColumn] = [:]
    /// Pool ids of unit names as printed, most frequent first.
    private(set) var unitIDsByFrequency: [Int32] = []
    /// Pool ids of leader names, most frequent first.
    private(set) var leaderIDsByFrequency: [Int32] = []
    /// The extra columns as query columns (by ``finish(aliases:)``).
    private(set) var extras = ExtraColumns()

    /// An empty table: ``EngineBuilder`` appends rows and counts them to
    /// datasets, then calls ``finish(aliases:)``.
    init() {}

    /// Makes room for `rows` more rows whose text columns hold up to
    /// `textBytes` bytes and list columns up to `listElements` ids each, so
    /// that columns filled from a dataset file never regrow (copying what
    /// they hold). Room not used costs address space, not memory.
    mutating func reserveCapacity(adding rows: Int, textBytes: Int, listElements: Int) {
        let total = count + rows
        updateColumns(
            text: { $0.reserveCapacity(rows: total, bytes: textBytes) },
            list: { $0.reserveCapacity(rows: total, elements: listElements) },
            pooled: { $0.reserveCapacity(total) }, integers: { $0.reserveCapacity(total) })
    }

    /// The per-row columns by kind, in a fixed order: the one place that
    /// lists them all besides the declarations and `append`. Changes to
    /// every column (``updateColumns``) and the snapshot file
    /// (TaskTable+Snapshot.swift) go through these lists, so a new column
    /// is added once. (Key paths formed here can set the columns anywhere.)
    static var textColumns: [WritableKeyPath<TaskTable, TextColumn>] { [\.ids, \.titles, \.texts, \.sources] }
    static var listColumns: [WritableKeyPath<TaskTable, ListColumn>] {
        [\.leaders, \.leadUnits, \.coUnits, \.extraFields]
    }
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
    /// An empty table whose extra columns are `headers` (the table of an
    /// engine describing a database's data, ``DatabaseCatalog``).
    init(describingExtraColumns headers: [String]) {
        self.init()
        extras = ExtraColumns(headers: headers)
    }

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
            canonicalIDs[Int(id)] = intern(aliases.canonical(pool[id]))
        }
        // Canonical names added above map to themselves.
        while canonicalIDs.count < pool.count { canonicalIDs.append(Int32(canonicalIDs.count)) }
        sortRanks = pool.sortRanks()
        extras = ExtraColumns(self)
        textByteFrequencies = Self.byteFrequencies(texts.bytes)
        asciiProjections = [:]
        for field in [TaskField.id, .title, .text, .source] {
            guard let column = textColumn(field), column.bytes.count >= Self.projectedColumnBytes else { continue }
            let projection = column.asciiProjection(threads: ParallelRows.cores)
            // Worth it where it is much smaller: Chinese text, not ids.
            if projection.bytes.count * 4 < column.bytes.count { asciiProjections[field] = projection }
        }
    }

    /// Text columns of fewer bytes are searched as they are (and a table
    /// of a few documents starts without the work of projecting them).
    static let projectedColumnBytes = 4 << 20

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

    /// Appends rows `ranges` of `other` as rows of dataset `dataset`, its
    /// strings interned into this table's pool: how an engine takes over
    /// another's columns, and a dataset file's parts, read on several
    /// threads, become one table. Column by column: bytes copied, pool ids
    /// translated once per distinct id.
    mutating func append(rowsOf other: TaskTable, _ ranges: [Range<Int>], dataset name: String) {
        let dataset = intern(name)
        var translation = [Int32](repeating: Self.nullID, count: other.pool.count)
        var used = [Bool](repeating: false, count: other.pool.count)
        for range in ranges {
            for (column, _) in Self.pooledColumns where column != \.datasets {
                for id in other[keyPath: column][range] where id != Self.nullID { used[Int(id)] = true }
            }
            for column in Self.listColumns {
                let list = other[keyPath: column]
                for i in Int(list.offsets[range.lowerBound])..<Int(list.offsets[range.upperBound]) {
                    used[Int(list.ids[i])] = true
                }
            }
        }
        for id in other.pool.strings.indices where used[id] { translation[id] = pool.intern(other.pool.strings[id]) }
        for range in ranges {
            for column in Self.textColumns { self[keyPath: column].append(rows: range, of: other[keyPath: column]) }
            for column in Self.listColumns {
                self[keyPath: column].append(rows: range, of: other[keyPath: column], translation: translation)
            }
            for (column, _) in Self.pooledColumns where column != \.datasets {
                self[keyPath: column].append(
                    contentsOf: other[keyPath: column][range].lazy.map { $0 == Self.nullID ? $0 : translation[Int($0)] }
                )
            }
            datasets.append(contentsOf: repeatElement(dataset, count: range.count))
            self[keyPath: Self.dayColumn].append(contentsOf: other[keyPath: Self.dayColumn][range])
            self[keyPath: Self.integerColumn].append(contentsOf: other[keyPath: Self.integerColumn][range])
            count += range.count
        }
    }

    /// Adds rows `rows` of a dataset file's part as rows of dataset `name`:
    /// an empty table given all of the part takes its columns as they are
    /// (leaving the part empty), else they are appended.
    mutating func take(_ rows: Range<Int>, of part: inout TaskTable, dataset name: String) {
        guard count == 0, rows == 0..<part.count else { return append(rowsOf: part, [rows], dataset: name) }
        swap(&self, &part)
        (datasetRows, part.datasetRows) = (part.datasetRows, [:])
        datasets = [Int32](repeating: intern(name), count: count)
    }

    /// The pool id of a dataset name, for ``append(_:dataset:)``.
    mutating func datasetID(_ name: String) -> Int32 { intern(name) }

    /// Appends one row of dataset `dataset` (a ``datasetID(_:)``; the row's
    /// `dataset` field is the dataset it is loaded into, whatever the record
    /// says). Count it to the dataset with ``addRows(_:toDataset:)``.
    mutating func append(_ r: TaskRecord, dataset: Int32) {
        Self.text(&ids, r.id)
        datasets.append(dataset)
        cities.append(Self.intern(&pool, r.city))
        years.append(r.year)
        kinds.append(Self.intern(&pool, r.kind.rawValue))
        sections.append(r.section.map { Self.intern(&pool, $0) } ?? Self.nullID)
        subsections.append(r.subsection.map { Self.intern(&pool, $0) } ?? Self.nullID)
        numbers.append(Self.intern(&pool, r.number))
        Self.text(&titles, r.title)
        Self.text(&texts, r.text)
        for (column, names) in [(\TaskTable.leaders, r.leaders), (\.leadUnits, r.leadUnits), (\.coUnits, r.coUnits)] {
            for name in names { self[keyPath: column].appendElement(Self.intern(&pool, name)) }
            self[keyPath: column].endRow()
        }
        deadlines.append(r.deadline.map { Self.intern(&pool, $0) } ?? Self.nullID)
        dues.append(r.due?.daysSinceEpoch ?? Self.nullDay)
        Self.text(&sources, r.source)
        for field in r.extra {
            extraFields.appendElement(Self.intern(&pool, field.name))
            extraFields.appendElement(Self.intern(&pool, field.value))
        }
        extraFields.endRow()
        count += 1
    }

    /// Appends the record of a dataset file line, its strings taken from
    /// the line's bytes (the dataset is set when a part is merged, see
    /// ``DatasetPart``).
    mutating func append(_ f: TaskRecordLine.Fields, dataset: Int32) {
        f.withBytes(f.id) { Self.text(&ids, $0) }
        datasets.append(dataset)
        cities.append(f.withBytes(f.city) { Self.intern(&pool, $0) })
        years.append(f.year)
        kinds.append(Self.intern(&pool, f.kind.rawValue))
        sections.append(f.section.map { t in f.withBytes(t) { Self.intern(&pool, $0) } } ?? Self.nullID)
        subsections.append(f.subsection.map { t in f.withBytes(t) { Self.intern(&pool, $0) } } ?? Self.nullID)
        numbers.append(f.withBytes(f.number) { Self.intern(&pool, $0) })
        if let title = f.title { f.withBytes(title) { Self.text(&titles, $0) } } else { titles.appendNull() }
        f.withBytes(f.text) { Self.text(&texts, $0) }
        for t in f.leaders { leaders.appendElement(f.withBytes(t) { Self.intern(&pool, $0) }) }
        leaders.endRow()
        for t in f.leadUnits { leadUnits.appendElement(f.withBytes(t) { Self.intern(&pool, $0) }) }
        leadUnits.endRow()
        for t in f.coUnits { coUnits.appendElement(f.withBytes(t) { Self.intern(&pool, $0) }) }
        coUnits.endRow()
        deadlines.append(f.deadline.map { t in f.withBytes(t) { Self.intern(&pool, $0) } } ?? Self.nullID)
        dues.append(f.due?.daysSinceEpoch ?? Self.nullDay)
        f.withBytes(f.source) { Self.text(&sources, $0) }
        for (name, value) in f.extra {
            extraFields.appendElement(f.withBytes(name) { Self.intern(&pool, $0) })
            extraFields.appendElement(f.withBytes(value) { Self.intern(&pool, $0) })
        }
        extraFields.endRow()
        count += 1
    }

    // Every string enters in NFC (see ``CanonicalText``), so byte tests on
    // text columns and pooled masks agree with `Value.compare`. Bytes that
    // pass the quick check go in as they are.

    private static func text(_ column: inout TextColumn, _ bytes: UnsafeBufferPointer<UInt8>) {
        if CanonicalText.isSurelyNFC(utf8: bytes) { return column.append(utf8: bytes) }
        column.append(CanonicalText.nfc(String(decoding: bytes, as: UTF8.self)))
    }

    private static func text(_ column: inout TextColumn, _ s: String?) {
        guard var s else { return column.appendNull() }
        s.withUTF8 { text(&column, $0) }
    }

    private static func intern(_ pool: inout StringPool, _ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        if CanonicalText.isSurelyNFC(utf8: bytes) { return pool.intern(utf8: bytes) }
        return pool.intern(CanonicalText.nfc(String(decoding: bytes, as: UTF8.self)))
    }

    private static func intern(_ pool: inout StringPool, _ s: String) -> Int32 {
        var s = s
        return s.withUTF8 { intern(&pool, $0) }
    }

    private mutating func intern(_ s: String) -> Int32 { Self.intern(&pool, s) }

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

extension TaskTable: DatasetPart {
    /// A part for `bytes` bytes of lines: room for as many records as so
    /// many bytes can hold (one is more than 80 bytes: its required keys).
    init(reservingFor bytes: Int) {
        self.init()
        reserveCapacity(adding: bytes / 80 + 1, textBytes: bytes, listElements: bytes / 4)
    }

    /// Makes room for adding the rows of `parts`.
    mutating func reserveCapacity(forAdding parts: [TaskTable]) {
        let textBytes = Self.textColumns.map { column in parts.reduce(0) { $0 + $1[keyPath: column].bytes.count } }
        let elements = Self.listColumns.map { column in parts.reduce(0) { $0 + $1[keyPath: column].ids.count } }
        reserveCapacity(
            adding: parts.reduce(0) { $0 + $1.count }, textBytes: textBytes.max() ?? 0,
            listElements: elements.max() ?? 0)
    }

    /// A part's rows belong to no dataset until they are added to an
    /// engine's table (``append(rowsOf:_:dataset:)`` sets it).
    mutating func add(_ fields: TaskRecordLine.Fields) { append(fields, dataset: Self.nullID) }
}
