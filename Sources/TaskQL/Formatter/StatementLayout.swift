// Statements, pipelines and stages as layout documents. Every line break
// the layout offers is one where TQL's line rules let the statement go on:
// before `|` (a line starting with `|` continues the statement), after `,`,
// after `by`, and after an operator (`ExpressionLayout.swift`).

/// Builds the ``LayoutDocument`` of one statement, placing the comments
/// written inside it at the line breaks they came before.
struct StatementLayout {
    /// Columns a stage's continuation lines are indented by.
    static let continuationIndent = 4

    /// Comments not yet placed; the layout is built in source order and
    /// takes each one at the first break after it.
    var comments: CommentQueue

    /// A line break before the code at `offset`: a plain ``LayoutDocument/line``,
    /// or, when comments were written before that code, the comments and a
    /// forced line break.
    mutating func lineBreak(before offset: Int) -> LayoutDocument {
        comments(before: offset) ?? .line
    }

    /// Nothing, or, when comments were written before the code at `offset`,
    /// the comments and a forced line break: for places inside brackets
    /// (after `(`, before `]`) where a line may break but the layout never
    /// breaks one unless a comment needs it.
    mutating func commentBreak(before offset: Int) -> LayoutDocument {
        comments(before: offset) ?? .concat([])
    }

    /// The comments written before `offset`, each on its line (a trailing
    /// one stays at the end of the line), then a forced line break; nil when
    /// there are none.
    private mutating func comments(before offset: Int) -> LayoutDocument? {
        let placed = comments.take(before: offset)
        guard !placed.isEmpty else { return nil }
        var parts: [LayoutDocument] = []
        for (index, comment) in placed.enumerated() {
            if index == 0 && comment.isTrailing {
                parts.append(.trailingComment("  " + comment.text))
            } else {
                parts += [.hardLine, .text(comment.text)]
            }
        }
        return .concat(parts + [.hardLine])
    }

    // MARK: - Statements

    /// `statement = let_statement | load_statement | explain_statement | pipeline ;`
    mutating func statement(_ statement: Statement) -> LayoutDocument {
        switch statement {
        case .query(let pipeline):
            return self.pipeline(pipeline)
        case .let(let name, let pipeline, _):
            return .concat([.text("let \(name.name) = "), self.pipeline(pipeline)])
        case .explain(let pipeline, _):
            return .concat([.text("explain "), self.pipeline(pipeline)])
        case .load(let path, _, let name, _):
            return .text("load " + LiteralSpelling.string(path) + (name.map { " as " + $0.name } ?? ""))
        }
    }

    /// `pipeline = source { "|" stage } ;` — on one line when it fits, else
    /// the source on the first line and each stage on its own, starting with
    /// `| ` in the column of the statement.
    mutating func pipeline(_ pipeline: Pipeline) -> LayoutDocument {
        var parts: [LayoutDocument]
        switch pipeline.source {
        case .name(let name): parts = [.text(name.name)]
        case .diff(let old, let new, _): parts = [.text("diff \(old.name) \(new.name)")]
        }
        for stage in pipeline.stages {
            parts.append(lineBreak(before: stage.span.start))
            parts.append(.text("| "))
            parts.append(.indent(by: Self.continuationIndent, self.stage(stage.kind)))
        }
        return .group(.concat(parts))
    }

    // MARK: - Stages

    /// `stage = where_stage | select_stage | … ;`
    mutating func stage(_ kind: StageKind) -> LayoutDocument {
        switch kind {
        case .where(let condition): return .concat([.text("where "), expression(condition)])
        case .select(let projections): return .concat([.text("select "), list(projections)])
        case .extend(let assignments): return .concat([.text("extend "), list(assignments)])
        case .sort(let keys):
            return .concat([.text("sort by "), list(keys.map { SortKeyItem(key: $0, descendingByDefault: false) })])
        case .take(let count): return .concat([.text("take "), expression(count)])
        case .skip(let count): return .concat([.text("skip "), expression(count)])
        case .top(let count, let keys):
            let rows = expression(count)
            return .concat([
                .text("top "), rows, .text(" by "), list(keys.map { SortKeyItem(key: $0, descendingByDefault: true) }),
            ])
        case .count(let keys) where keys.isEmpty: return .text("count")
        case .count(let keys): return .concat([.text("count by "), list(keys)])
        case .summarize(let aggregates, let keys):
            return .concat([.text("summarize "), summarizeBody(aggregates, keys)])
        case .distinct(let projections): return .concat([.text("distinct "), list(projections)])
        case .explode(let list, let alias):
            return .concat([.text("explode "), expression(list), .text(alias.map { " as " + $0.name } ?? "")])
        case .search(let text): return .concat([.text("search "), expression(text)])
        case .pivot(let rows, let column, let values):
            var parts: [LayoutDocument] = [.text("pivot "), list(rows), .text(" by "), expression(column)]
            if let values { parts += [.text(" in "), expression(values)] }
            return .concat(parts)
        case .matrix(let keys) where keys.isEmpty: return .text("matrix")
        case .matrix(let keys): return .concat([.text("matrix by "), list(keys)])
        case .trace(let dataset, let reverse): return .text("trace " + dataset.name + (reverse ? " reverse" : ""))
        case .chart: return .text("chart")
        }
    }

    /// `aggregate { "," aggregate } [ "by" projection_list ]`: one fill, so
    /// the keys pack onto the aggregates' last line, breaking after `by`.
    mutating func summarizeBody(_ aggregates: [Assignment], _ keys: [Projection]) -> LayoutDocument {
        var parts = listParts(aggregates.map(AggregateItem.init))
        guard let firstKey = keys.first, let last = parts.popLast() else { return .fill(parts) }
        parts.append(.concat([last, .text(" by")]))
        parts.append(lineBreak(before: firstKey.offset))
        return .fill(parts + listParts(keys))
    }

    /// Comma-separated items packed onto as few lines as they need.
    mutating func list<Item: ListItem>(_ items: [Item]) -> LayoutDocument {
        .fill(listParts(items))
    }

    /// The parts of a ``list(_:)``: each item with its comma, and between
    /// them the breaks, each taking the comments written before the item
    /// after it.
    mutating func listParts<Item: ListItem>(_ items: [Item]) -> [LayoutDocument] {
        var parts: [LayoutDocument] = []
        for (index, item) in items.enumerated() {
            if index > 0 { parts.append(lineBreak(before: item.offset)) }
            let content = item.layout(in: &self)
            parts.append(index < items.count - 1 ? .concat([content, .text(",")]) : content)
        }
        return parts
    }
}

/// One item of a comma-separated list: where it starts (for comments) and
/// its layout.
protocol ListItem {
    var offset: Int { get }
    func layout(in statement: inout StatementLayout) -> LayoutDocument
}

extension Expr: ListItem {
    var offset: Int { span.start }
    func layout(in statement: inout StatementLayout) -> LayoutDocument { statement.expression(self) }
}

extension Projection: ListItem {
    var offset: Int { expr.span.start }

    /// `projection = expression [ "as" name ] ;`
    func layout(in statement: inout StatementLayout) -> LayoutDocument {
        let value = statement.expression(expr)
        guard let alias else { return value }
        return .concat([value, .text(" as " + alias.name)])
    }
}

extension Assignment: ListItem {
    var offset: Int { min(name.span.start, expr.span.start) }

    /// `assignment = name "=" expression ;`
    func layout(in statement: inout StatementLayout) -> LayoutDocument {
        .concat([.text(name.name + " = "), statement.expression(expr)])
    }
}

/// `aggregate = [ name "=" ] expression ;` — the name is printed unless the
/// parser made it up (`count()` is named `count`), so what was written
/// unnamed stays unnamed.
struct AggregateItem: ListItem {
    var assignment: Assignment

    init(_ assignment: Assignment) { self.assignment = assignment }

    var offset: Int { assignment.offset }

    func layout(in statement: inout StatementLayout) -> LayoutDocument {
        let madeUp = ScriptParser.columnName(for: assignment.expr)
        if assignment.name.span == assignment.expr.span && assignment.name.name == madeUp {
            return statement.expression(assignment.expr)
        }
        return assignment.layout(in: &statement)
    }
}

/// `sort_key = expression [ "asc" | "desc" ] ;` — the direction is printed
/// only when it is not the stage's default (`sort` ascending, `top`
/// largest first).
struct SortKeyItem: ListItem {
    var key: SortKey
    var descendingByDefault: Bool

    var offset: Int { key.expr.span.start }

    func layout(in statement: inout StatementLayout) -> LayoutDocument {
        let value = statement.expression(key.expr)
        guard key.descending != descendingByDefault else { return value }
        return .concat([value, .text(key.descending ? " desc" : " asc")])
    }
}
