/// What one statement produced.
public enum StatementOutcome: Sendable {
    /// A query's rows.
    case rows(QueryResult)
    /// `let name = …` bound a name.
    case bound(name: String)
    /// `load` added a dataset.
    case loaded(DatasetSummary)
}

/// A REPL or script session: an engine plus the `let` names bound so far.
/// One per REPL or script run; not shared between threads (use
/// ``PreparedQuery`` for that).
public final class Session {
    /// The engine; `load` statements replace it with one that has the new dataset.
    public private(set) var engine: Engine
    private var bindings: [String: LetBinding] = [:]

    /// A session on `engine` with no names bound.
    public init(engine: Engine) { self.engine = engine }

    /// Names bound with `let`, sorted.
    public var boundNames: [String] { bindings.keys.sorted() }

    /// Replaces the engine (e.g. after the REPL's `.load`); `let` names stay.
    public func replaceEngine(_ engine: Engine) { self.engine = engine }

    /// Parses, checks and runs every statement of `source` in order.
    /// `onOutcome` sees each statement's outcome as soon as it is ready, so
    /// output of earlier statements is not lost when a later one fails.
    /// Throws ``DiagnosticError`` at the first failing statement.
    @discardableResult
    public func execute(
        _ source: SourceText, parameters: [String: Value] = [:], cancellation: CancellationHandle? = nil,
        onOutcome: ((StatementOutcome) -> Void)? = nil
    ) throws(DiagnosticError) -> [StatementOutcome] {
        let script = try Parser.parse(source)
        return try run(script, source: source, parameters: parameters, cancellation: cancellation, onOutcome: onOutcome)
    }

    func run(
        _ script: Script, source: SourceText, parameters: [String: Value], cancellation: CancellationHandle?,
        onOutcome: ((StatementOutcome) -> Void)? = nil
    ) throws(DiagnosticError) -> [StatementOutcome] {
        var outcomes: [StatementOutcome] = []
        for statement in script.statements {
            let outcome: StatementOutcome
            do {
                outcome = try run(statement, source: source, parameters: parameters, cancellation: cancellation)
            } catch let failure as CheckFailure {
                throw DiagnosticError([failure.diagnostic], source: source)
            } catch let failure as RuntimeFailure {
                throw DiagnosticError([failure.diagnostic], source: source)
            } catch let error as DiagnosticError {
                throw error
            } catch {
                throw DiagnosticError([Diagnostic(code: "E0400", message: "\(error)", span: statement.span)], source: source)
            }
            outcomes.append(outcome)
            onOutcome?(outcome)
        }
        return outcomes
    }

    private func run(
        _ statement: Statement, source: SourceText, parameters: [String: Value], cancellation: CancellationHandle?
    ) throws -> StatementOutcome {
        switch statement {
        case .query(let pipeline):
            let context = engine.runContext(parameters: parameters, cancellation: cancellation)
            let plan = try builder(context, source: source, parametersBound: true).build(pipeline)
            return .rows(try plan.execute(context))
        case .let(let name, let pipeline, _):
            // Check now so a mistake is reported where it was written.
            let context = engine.runContext(parameters: parameters, cancellation: cancellation)
            _ = try builder(context, source: source, parametersBound: false).build(pipeline)
            try checkNotDataset(name)
            bindings[name.name] = LetBinding(pipeline: pipeline, source: source)
            return .bound(name: name.name)
        case .load(let path, let pathSpan, let name, let span):
            guard engine.options.allowFileAccess else {
                throw CheckFailure(CheckCode.fileAccess, "file access is not allowed in this engine", span: span,
                                   help: "the host created the engine with allowFileAccess: false")
            }
            var dataset: Dataset
            do {
                dataset = try DatasetLoader.load(path: path, aliases: engine.aliases).dataset
            } catch {
                throw CheckFailure(CheckCode.loadFailed, "cannot load '\(path)': \(error)", span: pathSpan)
            }
            if let name { dataset.name = name.name }
            engine = engine.adding(dataset)
            return .loaded(engine.summaries.first { $0.name == dataset.name }!)
        }
    }

    private func checkNotDataset(_ name: Identifier) throws {
        if name.name == "tasks" || engine.datasetRanges[name.name] != nil {
            throw CheckFailure(CheckCode.unknownSource, "'\(name.name)' is already a dataset name", span: name.span,
                               help: "choose another name for the let binding")
        }
    }

    private func builder(_ context: RunContext, source: SourceText, parametersBound: Bool) -> PlanBuilder {
        PlanBuilder(
            env: engine.compileEnvironment(context, parametersBound: parametersBound),
            sources: SourceResolver(datasetRanges: engine.datasetRanges, totalRows: engine.table.count, letBindings: bindings),
            source: source)
    }

    /// Checks every statement without running it (for ``Engine/prepare``);
    /// returns the parameters the script uses.
    func check(_ script: Script, source: SourceText) throws -> [String: ValueType] {
        for statement in script.statements {
            let context = engine.runContext(parameters: [:], cancellation: nil)
            do {
                switch statement {
                case .query(let pipeline):
                    _ = try builder(context, source: source, parametersBound: false).build(pipeline)
                case .let(let name, let pipeline, _):
                    _ = try builder(context, source: source, parametersBound: false).build(pipeline)
                    try checkNotDataset(name)
                    bindings[name.name] = LetBinding(pipeline: pipeline, source: source)
                case .load(_, _, _, let span):
                    if !engine.options.allowFileAccess {
                        throw CheckFailure(CheckCode.fileAccess, "file access is not allowed in this engine", span: span)
                    }
                    // What a loaded dataset contains is known only when it runs.
                    return ParameterCollector.parameters(in: script)
                }
            } catch let failure as CheckFailure {
                throw DiagnosticError([failure.diagnostic], source: source)
            }
        }
        return ParameterCollector.parameters(in: script)
    }
}
