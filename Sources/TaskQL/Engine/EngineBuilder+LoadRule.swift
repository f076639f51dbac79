/// The load rule, one for the library, `taskql FILE…`, `load "FILE"` and
/// `.load FILE` (``EngineBuilder/load(_:encoding:datasetName:whenNameIsTaken:)``
/// is the one loader):
///
/// 1. What a path is: a dataset file (its first non-blank character is `{`),
///    a document (the front-end is chosen by its first bytes, then its name),
///    or a directory, which loads every document and dataset file in it and
///    its subdirectories (by name; hidden files and other files skipped) as
///    files named together.
/// 2. A file holding several datasets (a dataset file written from several
///    documents) loads them as they are, each under its own name; with a
///    `datasetName` (`as NAME`) everything the path holds is one dataset of
///    that name.
/// 3. A task id is loaded once. A file holding a task whose id is already
///    loaded (the same document twice, a document and the dataset file made
///    from it) is refused, naming the id and where it is loaded.
/// 4. Loading again a file a dataset was loaded from replaces that dataset:
///    a reload, after the file was corrected.
/// 5. A different file whose dataset's name is taken is what the caller
///    chooses (``TakenDatasetName``): joined to that dataset (files named
///    together: the command line, a directory), put in its place, or
///    refused with a free name to load it under (a `load` in a session).
extension EngineBuilder {
    /// Loads a document, a dataset file or a directory of them by the load
    /// rule. `datasetName` puts everything the path holds into one dataset
    /// of that name. On an error nothing of the path stays in the builder.
    ///
    /// ```swift
    /// var builder = EngineBuilder()
    /// for path in ["haimen-2020.docx", "all-cities.jsonl", "reports/"] {
    ///     let load = try builder.load(path)
    ///     for report in load.reports { print(report.rendered()) }
    /// }
    /// let engine = builder.build()
    /// ```
    @discardableResult
    public mutating func load(
        _ path: String, encoding: TextEncodingName? = nil, datasetName: String? = nil,
        whenNameIsTaken: TakenDatasetName = .join
    ) throws(ImportError) -> FileLoad {
        do {
            return try load(
                path, encoding: encoding, datasetName: datasetName, whenNameIsTaken: whenNameIsTaken, avoiding: [])
        } catch {
            switch error {
            case .unreadable(let error): throw error
            case .refused(let file, let conflict):
                throw ImportError(code: .loadRefused, file: file, message: conflict.description)
            }
        }
    }

    /// ``load(_:encoding:datasetName:whenNameIsTaken:)`` telling why a file
    /// was refused; `avoiding` are names a suggested name must not take (a
    /// session's `let` names).
    mutating func load(
        _ path: String, encoding: TextEncodingName? = nil, datasetName: String? = nil,
        whenNameIsTaken: TakenDatasetName, avoiding: [String]
    ) throws(LoadFailure) -> FileLoad {
        let files: [String]
        do {
            files = try DatasetLoader.files(at: path)
        } catch {
            throw .unreadable(error)
        }
        var builder = self
        var result = FileLoad(datasets: [], reports: [], replaced: [])
        for file in files {
            // A folder of many documents stops between files too.
            if cancellation?.isCancelled == true {
                throw .unreadable(ImportError(code: .cancelled, file: file, message: "loading cancelled"))
            }
            var loaded = EngineBuilder(aliases: aliases)
            loaded.snapshots = snapshots
            loaded.cancellation = cancellation
            do {
                result.reports += try loaded.read(path: file, encoding: encoding, datasetName: datasetName)
            } catch {
                throw .unreadable(error)
            }
            // Files of one directory are named together: they join each other.
            let policy =
                loaded.datasetNames.allSatisfy(result.datasets.contains) ? TakenDatasetName.join : whenNameIsTaken
            do {
                result.replaced += try builder.merge(loaded, from: file, whenNameIsTaken: policy, otherNames: avoiding)
            } catch {
                throw .refused(file: file, conflict: error)
            }
            result.datasets += loaded.datasetNames.filter { !result.datasets.contains($0) }
        }
        self = builder
        return result
    }

    /// Adds everything `loaded` holds, read from the file `path`, by the
    /// load rule; returns the names of the datasets it replaced. Nothing
    /// changes when it throws.
    mutating func merge(
        _ loaded: EngineBuilder, from path: String, whenNameIsTaken: TakenDatasetName, otherNames: [String] = []
    ) throws(LoadConflict) -> [String] {
        // A dataset file's header may name its dataset anything; one no
        // query could use (`tasks`, a keyword) is refused, as `as tasks` is.
        if let name = loaded.datasetNames.first(where: { !DatasetName.isUsable($0) }) {
            throw .unusableName(
                name, problem: DatasetName.problem(name) ?? "",
                suggestion: suggestedName(for: path, avoiding: otherNames))
        }
        let file = LoadedFile(path: path)
        var replaced: [String] = []
        var taken: [DatasetEntry] = []
        for name in loaded.datasetNames {
            guard let entry = catalog.first(where: { $0.name == name }) else { continue }
            if entry.files.map(\.canonicalPath) == [file.canonicalPath] || whenNameIsTaken == .replace {
                replaced.append(name)
            } else if entry.files.contains(where: { $0.canonicalPath == file.canonicalPath }) {
                throw .fileInJoinedDataset(file: path, dataset: name, files: entry.files.map(\.path))
            } else {
                taken.append(entry)
            }
        }
        let kept = catalog.filter { !replaced.contains($0.name) }
        // Task ids before names: when the tasks are loaded already, another
        // name would not help.
        try checkIDs(of: loaded, against: kept)
        if whenNameIsTaken == .refuse, let entry = taken.first {
            throw .nameTaken(
                dataset: entry.name, loadedFrom: Self.origin(of: entry),
                suggestion: suggestedName(for: path, avoiding: otherNames))
        }
        if !replaced.isEmpty {
            var rebuilt = EngineBuilder(aliases: aliases)
            rebuilt.snapshots = snapshots
            rebuilt.copy(kept, from: table)
            self = rebuilt
        }
        var entries = loaded.catalog
        for i in entries.indices { entries[i].files = [file] }
        if catalog.isEmpty {
            // The first file: take its columns as they are, without a copy.
            table = loaded.table
            catalog = entries
        } else {
            copy(entries, from: loaded.table)
        }
        return replaced
    }

    /// Throws when a task of `loaded` has the id of a task in `kept` or of
    /// an earlier task of `loaded`.
    private func checkIDs(of loaded: EngineBuilder, against kept: [DatasetEntry]) throws(LoadConflict) {
        let existing = TaskTable.RowSet(
            table: table, rows: kept.flatMap { table.rows(ofDataset: $0.name) }, isNew: false)
        let incoming = TaskTable.RowSet(table: loaded.table, rows: Array(0..<loaded.table.count), isNew: true)
        guard let shared = TaskTable.firstSharedID([existing, incoming]) else { return }
        // The first row is either loaded already (in a dataset) or earlier in this file.
        let holder = shared.first.set == 0 ? table.datasetName(ofRow: shared.first.row) : nil
        let entry = holder.flatMap { name in catalog.first { $0.name == name } }
        throw .duplicateID(shared.id, loadedIn: holder, from: entry.map(Self.origin(of:)) ?? [])
    }

    /// The files a dataset was loaded from, else its documents' files.
    static func origin(of entry: DatasetEntry) -> [String] {
        entry.files.isEmpty ? entry.documents.map(\.file) : entry.files.map(\.path)
    }

    /// A name for `path`'s dataset that is free (no dataset's, none of
    /// `avoiding`): the file's name, else it with a number.
    func suggestedName(for path: String, avoiding: [String] = []) -> String {
        let base = DatasetName.fromFile(path)
        var name = base
        var n = 2
        while datasetNames.contains(name) || avoiding.contains(name) {
            name = "\(base)_\(n)"
            n += 1
        }
        return name
    }
}

/// What loading a path by the load rule did.
public struct FileLoad: Sendable {
    /// The datasets the path brought, in the order they were read.
    public var datasets: [String]
    /// The import reports of documents (none for dataset files).
    public var reports: [ImportReport]
    /// Datasets the path replaced: loaded from it before, or of a name the
    /// caller chose to replace (``TakenDatasetName/replace``).
    public var replaced: [String]
}

/// Why ``EngineBuilder/load(_:encoding:datasetName:whenNameIsTaken:avoiding:)`` failed.
enum LoadFailure: Error {
    /// A file could not be read or imported.
    case unreadable(ImportError)
    /// A file was read, and the load rule refused it.
    case refused(file: String, conflict: LoadConflict)
}

/// What a load does when the dataset name a file brings is taken by a
/// dataset loaded from another file.
public enum TakenDatasetName: Sendable {
    /// Join the two into one dataset (files named together).
    case join
    /// Drop the dataset of that name and load the file's in its place.
    case replace
    /// Refuse the file, suggesting `as NAME` (a `load` in a session).
    case refuse
}

/// Why a file was refused by the load rule.
enum LoadConflict: Error, CustomStringConvertible {
    /// Its dataset's name is taken by a dataset from other files.
    case nameTaken(dataset: String, loadedFrom: [String], suggestion: String)
    /// One of its task ids is loaded already (in a dataset, or twice in the file).
    case duplicateID(String, loadedIn: String?, from: [String])
    /// It was joined with other files into a dataset, which loading it
    /// again cannot replace.
    case fileInJoinedDataset(file: String, dataset: String, files: [String])
    /// Its dataset's name (from a dataset file's header) cannot be used in queries.
    case unusableName(String, problem: String, suggestion: String)

    var description: String {
        switch self {
        case .nameTaken(let dataset, let files, _):
            "dataset '\(dataset)' is already loaded\(Self.from(files))"
        case .duplicateID(let id, let dataset?, let files):
            "task '\(id)' is already loaded, in dataset \(dataset)\(Self.from(files)): is this the same document again? A task is loaded once"
        case .duplicateID(let id, nil, _):
            "task id '\(id)' occurs twice in the file; a task is loaded once"
        case .unusableName(let name, let problem, _):
            "the file's dataset '\(name)' cannot be queried by that name: \(problem)"
        case .fileInJoinedDataset(let file, let dataset, let files):
            "\(file) is already loaded in dataset \(dataset), joined with \(files.filter { $0 != file }.joined(separator: ", ")); a task is loaded once"
        }
    }

    /// A free name to load the file under instead, when the name was the problem.
    var suggestedName: String? {
        switch self {
        case .nameTaken(_, _, let suggestion), .unusableName(_, _, let suggestion): suggestion
        default: nil
        }
    }

    private static func from(_ files: [String]) -> String {
        files.isEmpty ? "" : " (from \(files.joined(separator: ", ")))"
    }
}
