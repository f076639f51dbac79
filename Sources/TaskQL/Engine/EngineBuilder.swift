/// Builds an ``Engine`` from datasets, documents and dataset files. Dataset
/// files go straight into the engine's columns as they are read, so loading
/// a million tasks never holds a million ``TaskRecord`` values at once.
/// Datasets of one name (two years of one city, or its key tasks and its
/// livelihood projects in two files) are joined. Files follow the load rule
/// (``load(_:encoding:datasetName:whenNameIsTaken:)``): a task id is
/// loaded once, and loading a file again replaces what it loaded before.
///
/// ```swift
/// var builder = EngineBuilder(aliases: .builtIn)
/// for path in paths { _ = try builder.load(path) }
/// let engine = builder.build(options: .sandboxed)
/// ```
public struct EngineBuilder: Sendable {
    /// Unit aliases the engine will use.
    public let aliases: UnitAliases
    var table = TaskTable()
    var catalog: [DatasetEntry] = []
    /// Whether loading a large dataset file reads and writes the binary
    /// snapshot beside it (see ``SnapshotUse``).
    public var snapshots: SnapshotUse = .readAndWrite
    /// Stops reading a large dataset file (Ctrl-C during `load`); the
    /// load then throws `E0404` and the builder keeps nothing of the file.
    package var cancellation: CancellationHandle?
    /// The dataset being read: its name and the row it started at.
    private var current: (name: String, start: Int)?

    /// An empty builder.
    public init(aliases: UnitAliases = .builtIn) { self.aliases = aliases }

    /// A builder holding what `engine` holds (the columns are shared until
    /// something is added).
    init(engine: Engine) {
        aliases = engine.aliases
        table = engine.table
        catalog = engine.catalog
    }

    /// Names of the datasets added so far, in order.
    public var datasetNames: [String] { catalog.map(\.name) }

    /// Number of tasks added so far.
    public var taskCount: Int { table.count }

    /// Number of tasks in dataset `name` (0 when there is none).
    public func taskCount(ofDataset name: String) -> Int { table.rows(ofDataset: name).count }

    /// Adds a dataset (joined to one of the same name added before). Every
    /// task's `dataset` field is the name of the dataset it is added to.
    public mutating func add(_ dataset: Dataset) {
        startDataset(name: dataset.name, documents: dataset.documents)
        let id = table.datasetID(dataset.name)
        for record in dataset.records { table.append(record, dataset: id) }
        endDataset()
    }

    /// Reads a document, a dataset file or a snapshot into this builder
    /// (empty until then) as it is, telling them apart as
    /// ``DatasetLoader`` does; a dataset file's records go straight into
    /// columns, or come from the snapshot beside it (``DatasetSnapshot``).
    /// `datasetName` puts everything in the file into one dataset of that
    /// name. Returns the import reports of documents. On an error nothing
    /// of the file stays in the builder.
    mutating func read(path: String, encoding: TextEncodingName? = nil, datasetName: String? = nil)
        throws(ImportError) -> [ImportReport]
    {
        let reports = try readAsItIs(path: path, encoding: encoding, datasetName: datasetName)
        if let datasetName { renameDatasets(to: datasetName) }
        return reports
    }

    /// ``read(path:encoding:datasetName:)`` before the datasets are renamed.
    private mutating func readAsItIs(path: String, encoding: TextEncodingName?, datasetName: String?)
        throws(ImportError) -> [ImportReport]
    {
        let readsUTF8 = encoding == nil || encoding == .utf8
        if readsUTF8, SnapshotFile.hasMagic(path) {
            do {
                take(try DatasetSnapshot.read(path: path).contents)
            } catch {
                throw ImportError(code: .invalidDatasetFile, file: path, message: error.message)
            }
            return []
        }
        if readsUTF8, snapshots != .off, let contents = DatasetSnapshot.read(besides: path) {
            take(contents)
            return []
        }
        let status = try? DatasetSnapshot.sourceStatus(path)
        let bytes = try FileBytes.read(path)
        if let body = DatasetFile.utf8Body(bytes, encoding: encoding) {
            do {
                try DatasetFileReader.read(bytes: body, file: path, into: &self, cancellation: cancellation)
            } catch {
                (table, catalog, current) = (TaskTable(), [], nil)
                throw error
            }
            if snapshots == .readAndWrite, let status {
                DatasetSnapshot.writeBeside(
                    DatasetSnapshot.Contents(table: table, catalog: catalog), source: path, status: status, bytes: bytes
                )
            }
            return []
        }
        let loaded = try DatasetLoader.loadAll(bytes: bytes, path: path, encoding: encoding, datasetName: datasetName)
        for dataset in loaded.datasets { add(dataset) }
        return loaded.reports
    }

    /// Takes a snapshot's table and catalog as this builder's.
    private mutating func take(_ contents: DatasetSnapshot.Contents) {
        table = contents.table
        catalog = contents.catalog
    }

    /// Puts every dataset read into one, `name`, their documents in order.
    private mutating func renameDatasets(to name: String) {
        guard catalog.map(\.name) != [name] else { return }
        table.renameDatasets(to: name)
        catalog = [DatasetEntry(name: name, documents: catalog.flatMap(\.documents))]
    }

    /// Adds the datasets of `catalog` with their rows from `source`.
    mutating func copy(_ catalog: [DatasetEntry], from source: TaskTable) {
        for entry in catalog {
            startDataset(name: entry.name, documents: entry.documents)
            table.append(rowsOf: source, source.datasetRows[entry.name] ?? [], dataset: entry.name)
            endDataset()
            if let i = self.catalog.firstIndex(where: { $0.name == entry.name }) {
                self.catalog[i].files += entry.files.filter { !self.catalog[i].files.contains($0) }
            }
        }
    }

    /// The engine on everything added.
    public func build(options: EngineOptions = EngineOptions()) -> Engine {
        Engine(catalog: catalog, table: finishedTable, aliases: aliases, options: options)
    }

    /// The column store with what depends on all rows worked out.
    var finishedTable: TaskTable {
        var finished = table
        finished.finish(aliases: aliases)
        return finished
    }
}

extension EngineBuilder: DatasetSink {
    mutating func reserveCapacity(forAdding parts: [TaskTable]) { table.reserveCapacity(forAdding: parts) }

    mutating func startDataset(name: String, documents: [DocumentInfo]) {
        if let i = catalog.firstIndex(where: { $0.name == name }) {
            catalog[i].documents += documents
        } else {
            catalog.append(DatasetEntry(name: name, documents: documents))
        }
        current = (name, table.count)
    }

    mutating func add(_ rows: Range<Int>, of part: inout TaskTable) {
        guard let current, !rows.isEmpty else { return }
        table.take(rows, of: &part, dataset: current.name)
    }

    mutating func endDataset() {
        guard let current else { return }
        table.addRows(current.start..<table.count, toDataset: current.name)
        self.current = nil
    }
}

/// Whether loading a large dataset file (4 MiB or more) uses the binary
/// snapshot beside it (`FILE.jsonl.tqsnap`): read instead of the file
/// while it was made from the file as it is now, and written when missing
/// or stale. Reopening a million tasks then takes a fraction of a second
/// instead of parsing a gigabyte of JSON.
public enum SnapshotUse: Sendable {
    /// Read a current snapshot; write one when there is none or it is stale.
    case readAndWrite
    /// Read a current snapshot, never write one (a read-only data folder).
    case readOnly
    /// Always read the dataset file itself.
    case off
}
