/// Where ``DatasetFileReader`` puts what it reads: each part of the file is
/// parsed into a ``Part`` of its own, then the parts' rows are handed over
/// dataset by dataset in file order. Into ``Dataset`` values
/// (``DatasetCollector``), or straight into an engine's columns
/// (``EngineBuilder``, whose parts are column stores), so that a large file
/// never exists as a million records at once.
protocol DatasetSink: SendableMetatype {
    associatedtype Part: DatasetPart
    /// Makes room for the rows of all parts, before any is added.
    mutating func reserveCapacity(forAdding parts: [Part])
    /// A dataset starts; its rows follow.
    mutating func startDataset(name: String, documents: [DocumentInfo])
    /// Rows `rows` of `part`, records of the current dataset. The sink may
    /// take the part's storage (the rows of a part are added in order, and
    /// a part handed over whole is not read again).
    mutating func add(_ rows: Range<Int>, of part: inout Part)
    /// The current dataset is complete.
    mutating func endDataset()
}

/// The rows one thread parsed from its part of a dataset file, in order.
protocol DatasetPart: SendableMetatype {
    /// An empty part for `bytes` bytes of lines.
    init(reservingFor bytes: Int)
    /// Rows so far.
    var count: Int { get }
    /// Appends the record on one line.
    mutating func add(_ fields: TaskRecordLine.Fields)
}

/// Collects what a dataset file holds as ``Dataset`` values.
struct DatasetCollector: DatasetSink {
    private(set) var datasets: [Dataset] = []

    /// Records, as a part of a file is read.
    struct Records: DatasetPart {
        var records: [TaskRecord] = []
        init(reservingFor bytes: Int) {}
        var count: Int { records.count }
        mutating func add(_ fields: TaskRecordLine.Fields) { records.append(fields.record()) }
    }

    mutating func reserveCapacity(forAdding parts: [Records]) {}

    mutating func startDataset(name: String, documents: [DocumentInfo]) {
        datasets.append(Dataset(name: name, documents: documents, records: []))
    }

    mutating func add(_ rows: Range<Int>, of part: inout Records) {
        datasets[datasets.count - 1].records.append(contentsOf: part.records[rows])
    }

    mutating func endDataset() {}
}
