/// A REPL or script session: an engine plus the `let` names bound so far.
/// Not shared between threads (one per REPL / script run).
public final class Session {
    /// The engine; `load` replaces it with one that has the new datasets
    /// (`let` names stay bound to the pipelines they were checked as).
    public private(set) var engine: Engine
    private var bindings: [String: CheckedPipeline] = [:]

    /// Where queries run when not in memory (`taskql --db`): each is
    /// checked against ``engine`` (which then describes the database's
    /// data, ``DatabaseCatalog``), compiled by ``SQLCompiler`` and sent there.
    package let database: (any SQLDatabase)?

    /// A session with no names bound.
    public init(engine: Engine) {
        self.engine = engine
        database = nil
    }

    /// A session whose queries run on `database`, checked against `engine`.
    package init(engine: Engine, database: any SQLDatabase) {
        self.engine = engine
        self.database = database
    }

    /// The date `today()` and the status functions count from in this
    /// session (nil: the local date when each query runs; `.asof`, `--asof`).
    public var asOf: CivilDate? {
        get { engine.options.asOf }
        set {
            var options = engine.options
            options.asOf = newValue
            engine = Engine(
                catalog: engine.catalog, table: engine.table, aliases: engine.aliases, options: options,
                described: engine.described)
        }
    }

    /// Names bound by `let` so far, sorted.
    public var boundNames: [String] { bindings.keys.sorted() }

    /// Runs every statement of `source` in order and returns one outcome per
    /// statement. The whole input is parsed first, so a syntax error runs
    /// nothing; then each statement is checked and run in turn. `onOutcome`
    /// sees each outcome as soon as it is ready, so the output of earlier
    /// statements is not lost when a later one fails. Throws
    /// ``DiagnosticError`` for the first failing statement (the ones before
    /// it have run and their `let` names stay bound).
    @discardableResult
    public func execute(
        _ source: SourceText, parameters: [String: Value] = [:], cancellation: CancellationHandle? = nil,
        onOutcome: ((StatementOutcome) -> Void)? = nil
    ) throws(DiagnosticError) -> [StatementOutcome] {
        try execute(
            try TQLParsing.parse(source), source: source, parameters: parameters, cancellation: cancellation,
            onOutcome: onOutcome)
    }

    /// Runs an already parsed script (see ``execute(_:parameters:cancellation:onOutcome:)``).
    @discardableResult
    func execute(
        _ script: Script, source: SourceText, parameters: [String: Value] = [:],
        cancellation: CancellationHandle? = nil, onOutcome: ((StatementOutcome) -> Void)? = nil
    ) throws(DiagnosticError) -> [StatementOutcome] {
        var outcomes: [StatementOutcome] = []
        for statement in script.statements {
            let outcome = try execute(statement, source, parameters, cancellation)
            outcomes.append(outcome)
            onOutcome?(outcome)
        }
        return outcomes
    }

    private func execute(
        _ statement: Statement, _ source: SourceText, _ parameters: [String: Value], _ cancellation: CancellationHandle?
    ) throws(DiagnosticError) -> StatementOutcome {
        switch statement {
        case .query(let pipeline):
            let plan = try engine.check(pipeline, source: source, bindings: bindings)
            if let database {
                return .rows(try run(plan, on: database, parameters: parameters, cancellation: cancellation))
            }
            return .rows(try engine.run(plan, parameters: parameters, cancellation: cancellation))
        case .explain(let pipeline, _) where database != nil:
            let plan = try engine.check(pipeline, source: source, bindings: bindings)
            return .rows(try explain(plan, on: database!, parameters: parameters))
        case .explain(let pipeline, _):
            let (plan, inputs) = try engine.check(pipeline, source: source, bindings: bindings, recordingInputs: true)
            return .rows(
                try engine.explain(
                    pipeline, plan, stageInputs: inputs, parameters: parameters, cancellation: cancellation))
        case .let(let name, let pipeline, _):
            if name.name == "tasks" || engine.datasetNames.contains(name.name) {
                throw DiagnosticError(
                    [
                        Diagnostic(
                            code: DiagnosticCode.statementNotAllowed,
                            message: "'\(name.name)' is already a dataset name", span: name.span,
                            help: "choose another name for the let binding")
                    ], source: source)
            }
            bindings[name.name] = try engine.check(pipeline, source: source, bindings: bindings)
            return .bound(name: name.name)
        case .load(_, _, _, let span) where database != nil:
            throw DiagnosticError(
                [
                    Diagnostic(
                        code: DiagnosticCode.statementNotAllowed,
                        message: "load reads files into memory, and this session's queries run on the database",
                        span: span, help: "push the file to the database: taskql push FILE --db URL")
                ], source: source)
        case .load(let path, let pathSpan, let name, let span):
            if let name, let problem = DatasetName.problem(name.name) {
                throw DiagnosticError(
                    [
                        Diagnostic(
                            code: DiagnosticCode.invalidDatasetName,
                            message: "'\(name.name)' cannot name a dataset: \(problem)", span: name.span,
                            help: "choose another name, e.g. load \"\(path)\" as \(DatasetName.fromFile(path))")
                    ], source: source)
            }
            return try load(
                path, pathSpan: pathSpan, name: name?.name, span: span, source: source, cancellation: cancellation)
        }
    }

    /// `plan` compiled and run on `database`, as a result the in-memory
    /// engine would give.
    private func run(
        _ plan: CheckedPipeline, on database: any SQLDatabase, parameters: [String: Value],
        cancellation: CancellationHandle?
    ) throws(DiagnosticError) -> QueryResult {
        let query = try compile(plan, parameters: parameters)
        do {
            let rows = try database.rows(of: query, cancellation: cancellation)
            return QueryResult(columns: query.columns, rows: rows, isChart: plan.isChart)
        } catch {
            throw Self.databaseFailure(error, plan: plan, cancellation: cancellation)
        }
    }

    /// `explain` on the database: the SQL, each bound value, then the
    /// server's plan (`EXPLAIN`), a row each.
    private func explain(_ plan: CheckedPipeline, on database: any SQLDatabase, parameters: [String: Value])
        throws(DiagnosticError) -> QueryResult
    {
        let query = try compile(plan, parameters: parameters)
        var rows: [[Value]] = [["sql", .string(query.text)]]
        for (i, value) in query.parameters.enumerated() {
            rows.append([.string("$\(i + 1)"), .string(value == .null ? "null" : value.displayText)])
        }
        do {
            for line in try database.plan(of: query) { rows.append(["plan", .string(line)]) }
        } catch {
            throw Self.databaseFailure(error, plan: plan, cancellation: nil)
        }
        return QueryResult(columns: ["part", "text"], rows: rows)
    }

    private func compile(_ plan: CheckedPipeline, parameters: [String: Value]) throws(DiagnosticError) -> SQLQuery {
        do {
            let bound = try ParameterBinding.bind(plan.parameters, values: parameters)
            var compiler = SQLCompiler(engine: engine, parameters: bound, source: plan.sourceText)
            return try compiler.compile(plan)
        } catch let error as RuntimeError {
            throw DiagnosticError([error.diagnostic], source: error.source ?? plan.sourceText)
        } catch let error as Diagnostic {
            throw DiagnosticError([error], source: plan.sourceText)
        } catch {
            throw DiagnosticError(
                [Diagnostic(code: .databaseError, message: "\(error)", span: nil)], source: plan.sourceText)
        }
    }

    private static func databaseFailure(_ error: any Error, plan: CheckedPipeline, cancellation: CancellationHandle?)
        -> DiagnosticError
    {
        let diagnostic: Diagnostic
        if cancellation?.isCancelled == true {
            diagnostic = Diagnostic(code: .cancelled, message: "cancelled", span: nil)
        } else if let error = error as? DatabaseError {
            diagnostic = error.diagnostic(span: nil)
        } else {
            diagnostic = Diagnostic(code: .databaseError, message: "the database: \(error)", span: nil)
        }
        return DiagnosticError([diagnostic], source: plan.sourceText)
    }

    private func load(
        _ path: String, pathSpan: SourceSpan, name: String?, span: SourceSpan, source: SourceText,
        cancellation: CancellationHandle?
    ) throws(DiagnosticError) -> StatementOutcome {
        guard engine.options.allowFileAccess else {
            throw DiagnosticError(
                [
                    Diagnostic(
                        code: DiagnosticCode.fileAccessDenied,
                        message: "file access is not allowed in this engine",
                        span: span)
                ], source: source)
        }
        // The one loader; a name taken by another file is refused with a
        // free name to load it under (one that is no `let` name either).
        var builder = EngineBuilder(engine: engine)
        builder.cancellation = cancellation
        let load: FileLoad
        do {
            load = try builder.load(path, datasetName: name, whenNameIsTaken: .refuse, avoiding: boundNames)
        } catch {
            // The file's own diagnostic (its code, file and line), pointed at
            // the `load` that read it.
            var diagnostic: Diagnostic
            switch error {
            case .unreadable(let error):
                diagnostic = error.diagnostic(span: pathSpan)
            case .refused(let file, let conflict):
                diagnostic = Diagnostic(
                    code: .loadRefused, message: conflict.description, span: pathSpan,
                    location: file == path ? nil : FileLocation(file: file),
                    help: conflict.suggestedName.map { "load it under another name: load \"\(path)\" as \($0)" })
            }
            diagnostic.message = "cannot load '\(path)': \(diagnostic.message)"
            throw DiagnosticError([diagnostic], source: source)
        }
        // A `let` name is looked up before datasets: a dataset of that name could never be queried.
        if let hidden = load.datasets.first(where: { bindings[$0] != nil }) {
            let suggestion = EngineBuilder(engine: engine).suggestedName(for: path, avoiding: boundNames)
            throw DiagnosticError(
                [
                    Diagnostic(
                        code: DiagnosticCode.invalidDatasetName,
                        message: "'\(hidden)' is a let name, which would hide a dataset of that name", span: pathSpan,
                        help: "load it under another name: load \"\(path)\" as \(suggestion)")
                ], source: source)
        }
        engine = builder.build(options: engine.options)
        let summaries = engine.summaries.filter { load.datasets.contains($0.name) }
        return load.replaced.isEmpty ? .loaded(summaries) : .replaced(summaries)
    }
}

/// What one statement produced.
public enum StatementOutcome: Sendable {
    /// A query's rows.
    case rows(QueryResult)
    /// `let name = …` bound a name.
    case bound(name: String)
    /// `load` added datasets (one for a document; those a dataset file or
    /// a directory holds).
    case loaded([DatasetSummary])
    /// `load` read again the file datasets were loaded from, and replaced them.
    case replaced([DatasetSummary])
}
