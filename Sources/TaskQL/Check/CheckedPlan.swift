/// A sort key with its direction.
struct CheckedSortKey: Sendable {
    var expr: CheckedExpr
    var descending: Bool
}

/// One aggregate of a summarize stage.
struct CheckedAggregate: Sendable {
    var function: AggregateFunction
    var argument: CheckedExpr?
    var span: SourceSpan
}

/// A stage with every name resolved. Column positions in expressions refer
/// to the schema *before* the stage.
enum CheckedStage: Sendable {
    case filter(CheckedExpr)
    /// select and extend: one expression per output column.
    case project([CheckedExpr])
    case sort([CheckedSortKey])
    case take(CheckedExpr)
    case skip(CheckedExpr)
    case top(CheckedExpr, [CheckedSortKey])
    case count
    case countBy([CheckedExpr])
    /// Groups by `keys`, computes `aggregates`, then each output is an
    /// expression over a row `[keys…, aggregates…]`.
    case summarize(keys: [CheckedExpr], aggregates: [CheckedAggregate], outputs: [CheckedExpr])
    case distinct([CheckedExpr])
    /// Explodes `list`; the element goes to column `target` of the output
    /// (an existing position, or `columns.count` to append).
    case explode(CheckedExpr, target: Int)
    /// Rows where any of `columns` (every text or list-of-text column of
    /// the schema, by type, whichever stage made it) contains the needle.
    case search(CheckedExpr, columns: [CheckedExpr])
    /// One row per key combination, one count per value of `column` in
    /// `values` (rows with other values are left out), then the total.
    case pivot(keys: [CheckedExpr], column: CheckedExpr, values: [Value])
    /// One row per canonical unit of `lead` or `co` (and key combination):
    /// the tasks it leads, co-operates on (and does not lead), and both.
    case matrix(lead: CheckedExpr, co: CheckedExpr, keys: [CheckedExpr])
    /// Each row's best paragraph of `dataset` by the share of the row's
    /// `text` trigrams found in it (columns appended); or, `reverse`, one
    /// row per sentence of `dataset` with the row (`id`, `text`) covering
    /// the largest share of it.
    case trace(dataset: String, text: CheckedExpr, id: CheckedExpr?, reverse: Bool)
    case chart
}

/// Where a pipeline's rows come from.
indirect enum CheckedSource: Sendable {
    /// The task table: all datasets (nil) or one.
    case table(dataset: String?)
    /// A `let`-bound pipeline, run first.
    case pipeline(CheckedPipeline)
    /// The changes from dataset `old` to dataset `new` (`diff`).
    case diff(old: String, new: String)
}

/// A checked pipeline: ready to run against an engine's table.
struct CheckedPipeline: Sendable {
    var source: CheckedSource
    /// Stages with their spans (for runtime errors).
    var stages: [(stage: CheckedStage, span: SourceSpan)]
    /// The rows the pipeline produces.
    var schema: RowSchema
    /// Whether the last stage is `chart`.
    var isChart: Bool
    /// Parameters used here or in `let` pipelines this one reads.
    var parameters: [String: ParameterUse]
    /// The text the spans refer to (runtime errors point into it).
    var sourceText: SourceText
}
