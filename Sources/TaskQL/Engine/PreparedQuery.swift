/// A query parsed and checked once, ready to run with different parameters.
/// `Sendable`: run it from many threads at once.
public struct PreparedQuery: Sendable {
    let engine: Engine
    let script: Script
    let source: SourceText
    /// The `$name` parameters the query uses, by name (types are known only
    /// when values are bound, so they are reported as `.any`).
    public let parameters: [String: ValueType]

    /// Names of the parameters the query needs.
    public var parameterNames: [String] { parameters.keys.sorted() }

    /// Runs the query. Parameters are bound as typed values, never spliced
    /// into the text. Throws ``DiagnosticError`` (missing or mistyped
    /// parameter, run-time error, cancellation, budget exceeded).
    public func run(_ parameters: [String: Value] = [:], cancellation: CancellationHandle? = nil) throws(DiagnosticError) -> QueryResult {
        let session = Session(engine: engine)
        let outcomes = try session.run(script, source: source, parameters: parameters, cancellation: cancellation)
        for outcome in outcomes.reversed() {
            if case .rows(let result) = outcome { return result }
        }
        throw DiagnosticError([Diagnostic(code: "E0300", message: "the query has no statement that returns rows", span: nil)], source: source)
    }

    /// Runs the query from Swift concurrency; cancelling the task stops it
    /// promptly (the query checks every few thousand rows).
    public func run(parameters: [String: Value]) async throws -> QueryResult {
        let handle = CancellationHandle()
        return try await withTaskCancellationHandler {
            try self.run(parameters, cancellation: handle)
        } onCancel: {
            handle.cancel()
        }
    }
}
