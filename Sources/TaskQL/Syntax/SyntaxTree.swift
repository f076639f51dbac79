// The syntax tree the parser produces and the checker consumes. Every node
// carries the span it was parsed from so that any later stage can point at
// the exact text a problem came from.

/// A name as written, with its position.
public struct Identifier: Sendable, Hashable {
    public var name: String
    public var span: SourceSpan
    public init(_ name: String, span: SourceSpan) {
        self.name = name
        self.span = span
    }
}

/// A whole script or REPL input: statements in order.
public struct Script: Sendable, Hashable {
    public var statements: [Statement]
    public init(statements: [Statement]) { self.statements = statements }
}

/// One statement.
public enum Statement: Sendable, Hashable {
    /// `tasks | where … | count`
    case query(Pipeline)
    /// `let name = pipeline`
    case `let`(name: Identifier, pipeline: Pipeline, span: SourceSpan)
    /// `load "path" [as name]`: only where the host allows file access.
    case load(path: String, pathSpan: SourceSpan, name: Identifier?, span: SourceSpan)

    /// The statement's whole span.
    public var span: SourceSpan {
        switch self {
        case .query(let p): p.span
        case .let(_, _, let span): span
        case .load(_, _, _, let span): span
        }
    }
}

/// `source | stage | stage …`
public struct Pipeline: Sendable, Hashable {
    /// `tasks`, a dataset name, or a `let`-bound name.
    public var source: Identifier
    public var stages: [Stage]
    public var span: SourceSpan
    public init(source: Identifier, stages: [Stage], span: SourceSpan) {
        self.source = source
        self.stages = stages
        self.span = span
    }
}

/// One `| stage` of a pipeline.
public struct Stage: Sendable, Hashable {
    public var kind: StageKind
    public var span: SourceSpan
    public init(_ kind: StageKind, span: SourceSpan) {
        self.kind = kind
        self.span = span
    }
}

/// `expr [as name]` in select, count by, distinct, summarize … by.
public struct Projection: Sendable, Hashable {
    public var expr: Expr
    public var alias: Identifier?
    public init(expr: Expr, alias: Identifier?) {
        self.expr = expr
        self.alias = alias
    }
}

/// `name = expr` in extend and summarize.
public struct Assignment: Sendable, Hashable {
    public var name: Identifier
    public var expr: Expr
    public init(name: Identifier, expr: Expr) {
        self.name = name
        self.expr = expr
    }
}

/// `expr [asc|desc]` in sort by and top … by.
public struct SortKey: Sendable, Hashable {
    public var expr: Expr
    public var descending: Bool
    public init(expr: Expr, descending: Bool) {
        self.expr = expr
        self.descending = descending
    }
}

/// What a stage does.
public enum StageKind: Sendable, Hashable {
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
    /// Horizontal bar chart of a count/summarize result.
    case chart
}

/// An expression with its span.
public struct Expr: Sendable, Hashable {
    public indirect enum Kind: Sendable, Hashable {
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
    public var kind: Kind
    public var span: SourceSpan
    public init(_ kind: Kind, span: SourceSpan) {
        self.kind = kind
        self.span = span
    }
}

/// A literal as written.
public enum Literal: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case decimal(Double)
    case string(String)
    case date(CivilDate)
}

/// Prefix operators.
public enum UnaryOperator: String, Sendable, Hashable {
    case not
    case negate = "-"
}

/// Infix operators; the raw value is how they are written.
public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
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
