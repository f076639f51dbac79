/// What an engine may do beyond reading its datasets.
public struct EngineOptions: Sendable, Hashable {
    /// Whether `load "path"` statements may read files. Off for embedding
    /// hosts that run untrusted queries.
    public var allowFileAccess: Bool
    /// Stop a query whose result has more rows than this (nil: no limit).
    public var maxRows: Int?
    /// Stop a query that runs longer than this many seconds (nil: no limit).
    public var timeLimit: Double?

    /// Creates options; the defaults allow file access and set no budgets.
    public init(allowFileAccess: Bool = true, maxRows: Int? = nil, timeLimit: Double? = nil) {
        self.allowFileAccess = allowFileAccess
        self.maxRows = maxRows
        self.timeLimit = timeLimit
    }

    /// No file access, 100,000 result rows, 10 seconds: for untrusted queries.
    public static let sandboxed = EngineOptions(allowFileAccess: false, maxRows: 100_000, timeLimit: 10)
}

/// Name, size and cities of a loaded dataset (for banners, `.datasets`).
public struct DatasetSummary: Sendable, Hashable {
    public var name: String
    public var taskCount: Int
    public var cities: [String]
    public init(name: String, taskCount: Int, cities: [String]) {
        self.name = name
        self.taskCount = taskCount
        self.cities = cities
    }
}

/// The query engine: loaded datasets in a columnar table plus the unit
/// alias table. Immutable and `Sendable`: prepare and run queries from any
/// number of threads. Adding a dataset gives a new engine.
///
/// ```swift
/// let engine = try Engine.bundled()
/// let query = try engine.prepare("tasks | where lead_units has $unit | count")
/// let result = try query.run(["unit": .string("发改委")])
/// ```
public final class Engine: Sendable {
    /// Options (file access, budgets).
    public let options: EngineOptions
    /// The unit alias table used for `has`, `==` on units and `unit()`.
    public let aliases: UnitAliases
    /// The datasets, in load order.
    public let datasets: [Dataset]
    let table: TaskTable
    let datasetRanges: [String: Range<Int>]
    /// Printed and canonical unit names present in the data.
    let knownUnits: Set<String>
    /// Unit names for tab completion and hints, most frequent first.
    public let unitNames: [String]
    /// Leader names in the data, most frequent first.
    public let leaderNames: [String]

    /// An engine over `datasets`.
    public init(datasets: [Dataset], aliases: UnitAliases = .builtIn, options: EngineOptions = EngineOptions()) {
        self.datasets = datasets
        self.aliases = aliases
        self.options = options
        let table = TaskTable(datasets: datasets, aliases: aliases)
        self.table = table
        var ranges: [String: Range<Int>] = [:]
        var start = 0
        for d in datasets {
            ranges[d.name] = start..<(start + d.records.count)
            start += d.records.count
        }
        datasetRanges = ranges
        unitNames = table.unitNamesByFrequency()
        leaderNames = table.leaderNamesByFrequency()
        var known = Set(unitNames)
        for name in unitNames { known.insert(aliases.canonical(name)) }
        knownUnits = known
    }

    /// An engine over the five bundled seed documents.
    public static func bundled(aliases: UnitAliases = .builtIn, options: EngineOptions = EngineOptions()) throws -> Engine {
        Engine(datasets: try BundledDatasets.load(aliases: aliases), aliases: aliases, options: options)
    }

    /// Summaries of the loaded datasets, in load order.
    public var summaries: [DatasetSummary] {
        datasets.map { d in
            DatasetSummary(name: d.name, taskCount: d.records.count, cities: Array(Set(d.records.map(\.city))).sorted())
        }
    }

    /// A new engine with `dataset` added (replacing one of the same name).
    public func adding(_ dataset: Dataset) -> Engine {
        Engine(datasets: datasets.filter { $0.name != dataset.name } + [dataset], aliases: aliases, options: options)
    }

    /// Task field names, English then Chinese.
    public var fieldNames: [String] { TaskField.allNames }

    /// Scalar and aggregate function names.
    public var functionNames: [String] {
        (ScalarFunctions.names + AggregateFunction.allCases.map(\.rawValue)).sorted()
    }

    /// Every field with its type, Chinese names and meaning.
    public var schema: [FieldInfo] {
        TaskField.allCases.map {
            FieldInfo(name: $0.rawValue, type: $0.type, chineseAliases: $0.chineseAliases, summary: $0.summary)
        }
    }

    /// One line per function: name and meaning (for help screens).
    public var functionSummaries: [(name: String, summary: String)] {
        ScalarFunctions.summaries.map { ($0.0, $0.1) } + AggregateFunction.allCases.map { ($0.rawValue, $0.summary) }
    }

    /// Parses and checks a query once; run it many times with ``PreparedQuery/run(_:cancellation:)``.
    /// The text may hold several statements (`let` bindings then a query); the
    /// last statement must be a query.
    public func prepare(_ text: String, sourceName: String = "<query>") throws(DiagnosticError) -> PreparedQuery {
        let source = SourceText(name: sourceName, text: text)
        let script = try Parser.parse(source)
        do {
            let session = Session(engine: self)
            let parameters = try session.check(script, source: source)
            return PreparedQuery(engine: self, script: script, source: source, parameters: parameters)
        } catch let error as DiagnosticError {
            throw error
        } catch {
            throw DiagnosticError([Diagnostic(code: "E0300", message: "\(error)", span: nil)], source: source)
        }
    }

    func compileEnvironment(_ context: RunContext, parametersBound: Bool) -> CompileEnvironment {
        CompileEnvironment(
            context: context, knownUnits: knownUnits, unitCandidates: unitNames + Array(Set(unitNames.map(aliases.canonical))).sorted(),
            parametersBound: parametersBound)
    }

    func runContext(parameters: [String: Value], cancellation: CancellationHandle?) -> RunContext {
        RunContext(table: table, aliases: aliases, parameters: parameters, cancellation: cancellation, options: options)
    }
}
