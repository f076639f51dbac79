// PLACEHOLDER API SHAPE — the bodies are filled in by the query back end.
// The signatures are the contract the CLI codes against.

/// What an engine may do beyond reading its datasets.
public struct EngineOptions: Sendable, Hashable {
    /// Whether `load "path"` statements may read files. Off for embedding
    /// hosts that run untrusted queries.
    public var allowFileAccess: Bool
    /// Stop a query that produces more rows than this (nil: no limit).
    public var maxRows: Int?
    /// Stop a query that runs longer than this many seconds (nil: no limit).
    public var timeLimit: Double?

    public init(allowFileAccess: Bool = true, maxRows: Int? = nil, timeLimit: Double? = nil) {
        self.allowFileAccess = allowFileAccess
        self.maxRows = maxRows
        self.timeLimit = timeLimit
    }
    /// No file access.
    public static let sandboxed = EngineOptions(allowFileAccess: false)
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

/// The query engine: loaded datasets plus unit aliases. Immutable and
/// `Sendable`; adding a dataset gives a new engine.
public final class Engine: Sendable {
    public let options: EngineOptions
    public let aliases: UnitAliases
    public let datasets: [Dataset]

    public init(datasets: [Dataset], aliases: UnitAliases, options: EngineOptions = EngineOptions()) {
        self.datasets = datasets
        self.aliases = aliases
        self.options = options
    }

    /// Summaries of the loaded datasets, in load order.
    public var summaries: [DatasetSummary] {
        datasets.map { d in
            DatasetSummary(
                name: d.name, taskCount: d.records.count,
                cities: Array(Set(d.records.map(\.city))).sorted())
        }
    }

    /// A new engine with `dataset` added (replacing one of the same name).
    public func adding(_ dataset: Dataset) -> Engine {
        Engine(datasets: datasets.filter { $0.name != dataset.name } + [dataset], aliases: aliases, options: options)
    }
}

/// A REPL or script session: an engine plus the `let` names bound so far.
/// Not shared between threads (one per REPL / script run).
public final class Session {
    public private(set) var engine: Engine
    public init(engine: Engine) { self.engine = engine }

    /// Runs every statement of `source` in order and returns one outcome per
    /// statement. Throws ``DiagnosticError`` for parse/check/run errors
    /// (statements before the failing one have run).
    public func execute(_ source: SourceText, parameters: [String: Value] = [:]) throws -> [StatementOutcome] {
        throw DiagnosticError(
            [Diagnostic(code: "E0000", message: "the query engine is not built yet", span: nil)], source: source)
    }
}

/// What one statement produced.
public enum StatementOutcome: Sendable {
    /// A query's rows.
    case rows(QueryResult)
    /// `let name = …` bound a name.
    case bound(name: String)
    /// `load` added a dataset.
    case loaded(DatasetSummary)
}
