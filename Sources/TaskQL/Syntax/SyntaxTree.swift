// The syntax tree the parser produces and the checker consumes. Every node
// carries the span it was parsed from so that any later stage can point at
// the exact text a problem came from.

/// A name as written, with its position.
package struct Identifier: Sendable, Hashable {
    package var name: String
    package var span: SourceSpan
    package init(_ name: String, span: SourceSpan) {
        self.name = name
        self.span = span
    }
}

/// A whole script or REPL input: statements in order.
package struct Script: Sendable, Hashable {
    package var statements: [Statement]
    package init(statements: [Statement]) { self.statements = statements }
}

/// One statement.
package enum Statement: Sendable, Hashable {
    /// `tasks | where … | count`
    case query(Pipeline)
    /// `let name = pipeline`
    case `let`(name: Identifier, pipeline: Pipeline, span: SourceSpan)
    /// `load "path" [as name]`: only where the host allows file access.
    case load(path: String, pathSpan: SourceSpan, name: Identifier?, span: SourceSpan)
    /// `explain pipeline`: how the pipeline is checked and runs, stage by
    /// stage, instead of its rows.
    case explain(Pipeline, span: SourceSpan)

    /// The statement's whole span.
    package var span: SourceSpan {
        switch self {
        case .query(let p): p.span
        case .let(_, _, let span): span
        case .load(_, _, _, let span): span
        case .explain(_, let span): span
        }
    }
}

/// `source | stage | stage …`
package struct Pipeline: Sendable, Hashable {
    package var source: PipelineSource
    package var stages: [Stage]
    package var span: SourceSpan
    package init(source: PipelineSource, stages: [Stage], span: SourceSpan) {
        self.source = source
        self.stages = stages
        self.span = span
    }
}

/// Where a pipeline's rows come from.
package enum PipelineSource: Sendable, Hashable {
    /// `tasks`, a dataset name, or a `let`-bound name.
    case name(Identifier)
    /// `diff old new`: what changed from one dataset to another, a row per
    /// change.
    case diff(old: Identifier, new: Identifier, span: SourceSpan)

    package var span: SourceSpan {
        switch self {
        case .name(let name): name.span
        case .diff(_, _, let span): span
        }
    }
}

/// One `| stage` of a pipeline.
package struct Stage: Sendable, Hashable {
    package var kind: StageKind
    package var span: SourceSpan
    package init(_ kind: StageKind, span: SourceSpan) {
        self.kind = kind
        self.span = span
    }
}

/// `expr [as name]` in select, count by, distinct, summarize … by.
package struct Projection: Sendable, Hashable {
    package var expr: Expr
    package var alias: Identifier?
    package init(expr: Expr, alias: Identifier?) {
        self.expr = expr
        self.alias = alias
    }
}

/// `name = expr` in extend and summarize.
package struct Assignment: Sendable, Hashable {
    package var name: Identifier
    package var expr: Expr
    package init(name: Identifier, expr: Expr) {
        self.name = name
        self.expr = expr
    }
}

/// `expr [asc|desc]` in sort by and top … by.
package struct SortKey: Sendable, Hashable {
    package var expr: Expr
    package var descending: Bool
    package init(expr: Expr, descending: Bool) {
        self.expr = expr
        self.descending = descending
    }
}

/// What a stage does.
package enum StageKind: Sendable, Hashable {
    case `where`(Expr)
    case select([Projection])
    case extend([Assignment])
    case sort([SortKey])
    /// The count is an expression so that `take $n` works; the checker
    /// requires a non-negative integer.
    case take(Expr)
    case skip(Expr)
    case top(count: Expr, keys: [SortKey])
    /// `count` (no keys) or `count by k, …`.
    case count(by: [Projection])
    case summarize(aggregates: [Assignment], by: [Projection])
    case distinct([Projection])
    case explode(Expr, alias: Identifier?)
    case search(Expr)
    /// `pivot rows… by column [in [v, …]]`: one row per row key, one count
    /// column per value of `column` (the listed values, or every value the
    /// rows have), then `total`.
    case pivot(rows: [Projection], column: Expr, values: Expr?)
    /// `matrix [by keys…]`: the responsibility matrix, one row per
    /// canonical unit (and key) with its lead, co and total task counts.
    case matrix(by: [Projection])
    /// `trace dataset [reverse]`: each row's best paragraph of `dataset` by
    /// shared wording, or (reverse) each sentence of `dataset` with the row
    /// that best covers it.
    case trace(dataset: Identifier, reverse: Bool)
    /// Horizontal bar chart of a count/summarize result.
    case chart
}

/// An expression with its span.
package struct Expr: Sendable, Hashable {
    package indirect enum Kind: Sendable, Hashable {
        case literal(Literal)
        case field(Identifier)
        /// `$name`
        case parameter(Identifier)
        case list([Expr])
        case unary(UnaryOperator, Expr)
        case binary(BinaryOperator, Expr, Expr)
        /// `x is null` / `x is not null`
        case isNull(Expr, negated: Bool)
        case call(Identifier, [Expr])
    }
    package var kind: Kind
    package var span: SourceSpan
    package init(_ kind: Kind, span: SourceSpan) {
        self.kind = kind
        self.span = span
    }
}

/// A literal as written.
package enum Literal: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case decimal(Double)
    case string(String)
    case date(CivilDate)
}

/// Prefix operators.
package enum UnaryOperator: String, Sendable, Hashable {
    case not
    case negate = "-"
}

/// Infix operators; the raw value is how they are written.
package enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
    case or, and
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case `in`
    case notIn = "not in"
    case contains
    case startsWith = "startswith"
    case endsWith = "endswith"
    case matches, has
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
}
