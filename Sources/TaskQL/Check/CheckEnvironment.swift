/// What the checker resolves names against: the engine's datasets and
/// units, and the session's `let` bindings.
struct CheckEnvironment: Sendable {
    /// Dataset names usable as sources.
    var datasetNames: [String]
    /// `let` names bound so far, already checked.
    var bindings: [String: CheckedPipeline]
    /// Unit names known from the data and the alias table.
    var units: UnitCatalog
    /// Runs a pipeline and returns the distinct values of an expression
    /// over its rows, in ascending order (nulls last): how `pivot` without
    /// `in [...]` finds its columns. Nil where nothing can be run.
    var distinctValues: (@Sendable (CheckedPipeline, CheckedExpr) throws(RuntimeError) -> [Value])? = nil
    /// The rows of `tasks` and of a dataset: the task fields, then the
    /// extra columns of the loaded data.
    var baseSchema = RowSchema.base
}

/// A parameter a query uses: its type as inferred from where it appears,
/// and its first use (for "missing parameter" errors).
struct ParameterUse: Sendable {
    var type: ValueType
    var span: SourceSpan
    var source: SourceText
}

/// Where an expression is being checked.
struct ExprContext {
    enum Mode {
        /// A row expression: fields allowed, aggregates not.
        case row
        /// A summarize output: aggregates allowed (collected here), fields
        /// only inside them.
        case summarize
        /// Inside an aggregate's argument: fields allowed, aggregates not.
        case aggregateArgument
    }
    var schema: RowSchema
    var mode: Mode = .row
    var aggregates: [CheckedAggregate] = []
}
