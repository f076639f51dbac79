/// What an engine may do beyond reading its datasets.
public struct EngineOptions: Sendable, Hashable {
    /// Whether `load "path"` statements may read files. Off for embedding
    /// hosts that run untrusted queries.
    public var allowFileAccess: Bool
    /// Stop a query that produces more rows than this (nil: no limit).
    public var maxRows: Int?
    /// Stop a query that runs longer than this many seconds (nil: no limit).
    public var timeLimit: Double?
    /// Whether the evaluator may use its specialised paths (masks over
    /// pooled strings, byte searches on text columns, integer sort keys,
    /// top-n without a full sort). Off, every row goes through the plain
    /// value evaluator, the one definition of every operator: the
    /// differential tests run both ways and require the same rows, and
    /// `TASKQL_FAST_PATHS=off` does the same for the `taskql` binary.
    package var usesFastPaths = true
    /// How many threads one query may scan rows on (nil: one per core). A
    /// scan splits its rows into that many parts and merges their results
    /// in row order, so the answer is the same for any number.
    public var threads: Int?
    /// The fewest rows a thread's part of a scan may have (a thread costs
    /// more than it saves on fewer); tests lower it to split small tables.
    package var minimumRowsPerThread = 32_768
    /// The date `today()`, `overdue`, `days_left`, `due_within` and `light`
    /// count from (nil: the local date when a query runs). Set it to answer
    /// "what was overdue on 1 July" and to make scripts and tests
    /// reproducible (`taskql --asof 2020-07-01`, `.asof`).
    public var asOf: CivilDate?
    /// Whether `explain` reports each stage's time; off, its `ms` column is
    /// null, so the output is the same on every run (golden files;
    /// `TASKQL_EXPLAIN_TIMES=off` for the binary).
    package var reportsTimes = true

    /// Creates options; the defaults allow file access, set no limits, use
    /// every core and count dates from the local date.
    public init(
        allowFileAccess: Bool = true, maxRows: Int? = nil, timeLimit: Double? = nil, threads: Int? = nil,
        asOf: CivilDate? = nil
    ) {
        self.allowFileAccess = allowFileAccess
        self.maxRows = maxRows
        self.timeLimit = timeLimit
        self.threads = threads
        self.asOf = asOf
    }
    /// For queries the host did not write: no file access, at most 100,000
    /// result rows and 10 seconds per query.
    public static let sandboxed = EngineOptions(allowFileAccess: false, maxRows: 100_000, timeLimit: 10)
}

/// Name, size and cities of a loaded dataset (for banners, `.datasets`).
public struct DatasetSummary: Sendable, Hashable {
    /// Dataset name, usable as a query source.
    public var name: String
    /// Number of tasks.
    public var taskCount: Int
    /// Cities, sorted.
    public var cities: [String]
    /// Creates a summary.
    public init(name: String, taskCount: Int, cities: [String]) {
        self.name = name
        self.taskCount = taskCount
        self.cities = cities
    }
}

/// The query engine: loaded datasets in a column store, plus unit aliases.
/// Immutable and `Sendable`: one engine serves any number of threads;
/// adding a dataset gives a new engine.
///
/// ```swift
/// let engine = Engine(datasets: datasets, aliases: aliases, options: .sandboxed)
/// let query = try engine.prepare("tasks | where lead_units has $unit | count")
/// let result = try query.run(["unit": .string("发改委")])
/// ```
public final class Engine: Sendable {
    /// What queries may do (file access, row and time budgets).
    public let options: EngineOptions
    /// Unit aliases used by `has`, `==` and `unit()` on unit fields.
    public let aliases: UnitAliases
    /// Names and source documents of the loaded datasets, in load order.
    /// The tasks themselves live only in the column store: a million of
    /// them as records would double the memory the engine needs.
    let catalog: [DatasetEntry]
    let table: TaskTable
    let units: UnitCatalog
    /// The data this engine describes but does not hold (a database's,
    /// ``DatabaseCatalog``): its counts and names stand in for the table's.
    let described: DatabaseCatalog?

    /// Builds the column store for `datasets`; datasets of one name are
    /// joined (see ``EngineBuilder`` to load files straight into columns).
    public convenience init(
        datasets: [Dataset], aliases: UnitAliases = .builtIn, options: EngineOptions = EngineOptions()
    ) {
        var builder = EngineBuilder(aliases: aliases)
        for dataset in datasets { builder.add(dataset) }
        self.init(catalog: builder.catalog, table: builder.finishedTable, aliases: aliases, options: options)
    }

    /// An engine on a finished table (see ``EngineBuilder/build(options:)``).
    init(
        catalog: [DatasetEntry], table: TaskTable, aliases: UnitAliases,
        options: EngineOptions, described: DatabaseCatalog? = nil
    ) {
        self.catalog = catalog
        self.table = table
        self.aliases = aliases
        self.options = options
        self.described = described
        units =
            described.map { UnitCatalog(unitNames: $0.unitNames, aliases: aliases) }
            ?? UnitCatalog(table: table, aliases: aliases)
    }

    /// The loaded datasets' names, in load order.
    public var datasetNames: [String] { catalog.map(\.name) }

    /// The loaded datasets, in load order, with their records rebuilt from
    /// the column store (costly for large data: use ``summaries`` or a
    /// query when counts or a few fields will do).
    public var datasets: [Dataset] {
        catalog.map { entry in
            Dataset(
                name: entry.name, documents: entry.documents,
                records: table.rows(ofDataset: entry.name).map { table.record($0) })
        }
    }

    /// An engine on the seed documents bundled with the library.
    public static func bundled(aliases: UnitAliases = .builtIn, options: EngineOptions = EngineOptions()) throws
        -> Engine
    {
        try BundledDatasets.builder(aliases: aliases).build(options: options)
    }

    /// Summaries of the loaded datasets, in load order.
    public var summaries: [DatasetSummary] {
        if let described { return described.datasets.map(\.summary) }
        return catalog.map { entry in
            let rows = table.rows(ofDataset: entry.name)
            let cityIDs = Set(rows.map { table.cities[$0] })
            return DatasetSummary(
                name: entry.name, taskCount: rows.count, cities: cityIDs.map { table.pool[$0] }.sorted())
        }
    }

    /// A new engine with `dataset` added, replacing one of the same name
    /// (as `load` does, to reload a corrected file); see
    /// `replacing(with:)`.
    public func adding(_ dataset: Dataset) -> Engine {
        var loaded = EngineBuilder(aliases: aliases)
        loaded.add(dataset)
        return replacing(with: loaded)
    }

    /// A new engine with everything in `loaded`, replacing datasets of the
    /// same names. A new name appends to a copy of the column store;
    /// replacing copies the other datasets' columns (never through records).
    package func replacing(with loaded: EngineBuilder) -> Engine {
        let replaced = Set(loaded.datasetNames)
        var builder: EngineBuilder
        if replaced.isDisjoint(with: datasetNames) {
            builder = EngineBuilder(engine: self)
        } else {
            builder = EngineBuilder(aliases: aliases)
            builder.copy(catalog.filter { !replaced.contains($0.name) }, from: table)
        }
        builder.copy(loaded.catalog, from: loaded.table)
        return builder.build(options: options)
    }

    /// Parses and checks a query once; run it any number of times, from any
    /// thread. `text` may start with `let` statements that the final query
    /// uses. Throws the diagnostics (with spans) when it does not check.
    public func prepare(_ text: String, sourceName: String = "<query>") throws(DiagnosticError) -> PreparedQuery {
        let source = SourceText(name: sourceName, text: text)
        return try prepare(try TQLParsing.parse(source), source: source)
    }

    /// Checks an already parsed script (see ``prepare(_:sourceName:)``).
    func prepare(_ script: Script, source: SourceText) throws(DiagnosticError) -> PreparedQuery {
        var bindings: [String: CheckedPipeline] = [:]
        var plan: CheckedPipeline?
        var explained: PreparedQuery.Explained?
        for statement in script.statements {
            switch statement {
            case .let(let name, let pipeline, _):
                bindings[name.name] = try check(pipeline, source: source, bindings: bindings)
            case .query(let pipeline) where plan == nil:
                plan = try check(pipeline, source: source, bindings: bindings)
            case .explain(let pipeline, _) where plan == nil:
                let checked = try check(pipeline, source: source, bindings: bindings, recordingInputs: true)
                plan = checked.plan
                explained = PreparedQuery.Explained(pipeline: pipeline, stageInputs: checked.stageInputs)
            default:
                throw DiagnosticError(
                    [
                        Diagnostic(
                            code: DiagnosticCode.statementNotAllowed,
                            message: "a prepared query is one query, optionally after let statements",
                            span: statement.span)
                    ], source: source)
            }
        }
        guard let plan else {
            throw DiagnosticError(
                [Diagnostic(code: DiagnosticCode.statementNotAllowed, message: "no query to prepare", span: nil)],
                source: source)
        }
        return PreparedQuery(engine: self, plan: plan, explained: explained)
    }

    /// Checks one pipeline against this engine and `bindings`.
    func check(_ pipeline: Pipeline, source: SourceText, bindings: [String: CheckedPipeline]) throws(DiagnosticError)
        -> CheckedPipeline
    {
        try check(pipeline, source: source, bindings: bindings, recordingInputs: false).plan
    }

    /// Checks one pipeline, and for `explain` the column names each stage reads.
    func check(
        _ pipeline: Pipeline, source: SourceText, bindings: [String: CheckedPipeline], recordingInputs: Bool
    ) throws(DiagnosticError) -> (plan: CheckedPipeline, stageInputs: [[String]]) {
        let environment = CheckEnvironment(
            datasetNames: datasetNames, bindings: bindings, units: units,
            distinctValues: { (pipeline, e) throws(RuntimeError) in try self.distinctValues(pipeline, e) },
            baseSchema: table.baseSchema)
        var checker = Checker(environment: environment, source: source)
        if recordingInputs { checker.stageInputs = [] }
        do {
            return (try checker.check(pipeline), checker.stageInputs ?? [])
        } catch {
            throw DiagnosticError([error], source: source)
        }
    }
}
