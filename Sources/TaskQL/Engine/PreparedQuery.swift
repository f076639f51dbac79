/// A parsed and checked query, bound to its engine. Immutable and
/// `Sendable`: run it concurrently from any number of tasks.
public struct PreparedQuery: Sendable {
    /// The engine the query runs on.
    public let engine: Engine
    let plan: CheckedPipeline
    /// Set for `explain QUERY`: running gives the explanation, not the rows.
    var explained: Explained?

    struct Explained: Sendable {
        var pipeline: Pipeline
        var stageInputs: [[String]]
    }

    /// The `$name` parameters the query needs, with the types their uses
    /// imply (`any` when nothing constrains one).
    public var parameters: [String: ValueType] { plan.parameters.mapValues(\.type) }

    /// Names of the parameters the query needs, sorted.
    public var parameterNames: [String] { plan.parameters.keys.sorted() }

    /// The names of the result columns, known before running.
    public var columns: [String] { explained == nil ? plan.schema.columns.map(\.name) : Engine.explainColumns }

    /// The query text.
    public var source: SourceText { plan.sourceText }

    /// Runs the query. Parameters are values, never text spliced into the
    /// query; a missing one or one of the wrong type is an error. Stops with
    /// an error when `cancellation` is cancelled, the Swift task is
    /// cancelled, or the engine's row or time budget is exceeded.
    public func run(_ parameters: [String: Value] = [:], cancellation: CancellationHandle? = nil)
        throws(DiagnosticError) -> QueryResult
    {
        if let explained {
            return try engine.explain(
                explained.pipeline, plan, stageInputs: explained.stageInputs, parameters: parameters,
                cancellation: cancellation)
        }
        return try engine.run(plan, parameters: parameters, cancellation: cancellation)
    }

    /// Runs the query from Swift concurrency; cancelling the task stops it
    /// promptly (the query checks every few thousand rows).
    public func run(parameters: [String: Value]) async throws(DiagnosticError) -> QueryResult {
        let handle = CancellationHandle()
        let result: Result<QueryResult, DiagnosticError> = await withTaskCancellationHandler {
            do throws(DiagnosticError) {
                return .success(try run(parameters, cancellation: handle))
            } catch {
                return .failure(error)
            }
        } onCancel: {
            handle.cancel()
        }
        return try result.get()
    }
}

extension Engine {
    /// Binds parameters and runs a checked pipeline.
    func run(_ plan: CheckedPipeline, parameters: [String: Value], cancellation: CancellationHandle?)
        throws(DiagnosticError) -> QueryResult
    {
        do {
            let bound = try ParameterBinding.bind(plan.parameters, values: parameters)
            return try runner(parameters: bound, cancellation: cancellation).run(plan)
        } catch {
            throw DiagnosticError([error.diagnostic], source: error.source ?? plan.sourceText)
        }
    }
}

extension Engine {
    /// A runner over this engine's table with its options.
    func runner(parameters: [String: Value], cancellation: CancellationHandle?) -> PipelineRunner {
        PipelineRunner(
            table: table, parameters: parameters,
            semantics: ValueSemantics(aliases: aliases, today: options.asOf ?? CivilDate.localToday()),
            budget: RunBudget(options: options, cancellation: cancellation), usesFastPaths: options.usesFastPaths,
            threads: max(1, options.threads ?? ParallelRows.cores),
            minimumRowsPerThread: max(1, options.minimumRowsPerThread))
    }

    /// The distinct values of `e` over the rows of `pipeline` (which uses
    /// no parameters), ascending with nulls last: the columns of a `pivot`
    /// without `in [...]`, found while the query is checked.
    func distinctValues(_ pipeline: CheckedPipeline, _ e: CheckedExpr) throws(RuntimeError) -> [Value] {
        var probe = pipeline
        let span = e.span
        probe.stages.append((.distinct([e]), span))
        let first = CheckedExpr(kind: .column(0), type: e.type, span: span, isUnits: e.isUnits)
        probe.stages.append((.sort([CheckedSortKey(expr: first, descending: false)]), span))
        probe.schema = .derived([Column(name: "value", type: e.type, isUnits: e.isUnits)])
        return try runner(parameters: [:], cancellation: nil).run(probe).rows.map { $0[0] }
    }
}

/// Checks run-time parameter values against the types their uses imply.
enum ParameterBinding {
    static func bind(_ uses: [String: ParameterUse], values: [String: Value]) throws(RuntimeError)
        -> [String: Value]
    {
        var bound: [String: Value] = [:]
        for name in uses.keys.sorted() {
            let use = uses[name]!
            guard var value = values[name].map(CanonicalText.nfc) else {
                throw RuntimeError(
                    code: DiagnosticCode.missingParameter, message: "missing parameter $\(name)", span: use.span,
                    help: "give $\(name) a value (\(use.type)) when running the query", source: use.source)
            }
            if use.type == .date, case .string(let s) = value, let d = CivilDate(iso: s) { value = .date(d) }
            guard TypeRules.accepts(use.type, value) else {
                throw RuntimeError(
                    code: DiagnosticCode.parameterType,
                    message: "parameter $\(name) must be \(use.type), got \(value.valueType)", span: use.span,
                    source: use.source)
            }
            bound[name] = value
        }
        return bound
    }
}
