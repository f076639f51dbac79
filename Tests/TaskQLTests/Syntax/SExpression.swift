@testable import TaskQL

// A compact printed form of syntax trees, so parser tests can state the
// expected tree in one readable string: `(where (== city "海门"))`.

extension Expr {
    var sExpression: String {
        switch kind {
        case .literal(let literal): return literal.sExpression
        case .field(let id): return id.name
        case .parameter(let id): return "$" + id.name
        case .list(let items): return "[" + items.map(\.sExpression).joined(separator: " ") + "]"
        case .unary(let op, let operand): return "(\(op.rawValue) \(operand.sExpression))"
        case .binary(let op, let l, let r): return "(\(op.rawValue) \(l.sExpression) \(r.sExpression))"
        case .isNull(let e, let negated): return "(\(negated ? "is-not-null" : "is-null") \(e.sExpression))"
        case .call(let f, let args):
            return "(\(f.name)()" + args.map { " " + $0.sExpression }.joined() + ")"
        }
    }
}

extension Literal {
    var sExpression: String {
        switch self {
        case .null: "null"
        case .bool(let b): "\(b)"
        case .int(let n): "\(n)"
        case .decimal(let d): "\(d)"
        case .string(let s): "\"\(s)\""
        case .date(let d): "@\(d)"
        }
    }
}

extension Projection {
    var sExpression: String {
        alias.map { "(as \(expr.sExpression) \($0.name))" } ?? expr.sExpression
    }
}

extension Assignment {
    var sExpression: String { "(= \(name.name) \(expr.sExpression))" }
}

extension SortKey {
    var sExpression: String { descending ? "(desc \(expr.sExpression))" : expr.sExpression }
}

extension StageKind {
    var sExpression: String {
        func join(_ parts: [String]) -> String { parts.joined(separator: " ") }
        switch self {
        case .where(let e): return "(where \(e.sExpression))"
        case .select(let ps): return "(select \(join(ps.map(\.sExpression))))"
        case .extend(let assignments): return "(extend \(join(assignments.map(\.sExpression))))"
        case .sort(let keys): return "(sort \(join(keys.map(\.sExpression))))"
        case .take(let e): return "(take \(e.sExpression))"
        case .skip(let e): return "(skip \(e.sExpression))"
        case .top(let n, let keys): return "(top \(n.sExpression) \(join(keys.map(\.sExpression))))"
        case .count(let by):
            return by.isEmpty ? "(count)" : "(count-by \(join(by.map(\.sExpression))))"
        case .summarize(let aggregates, let by):
            let keys = by.isEmpty ? "" : " (by \(join(by.map(\.sExpression))))"
            return "(summarize \(join(aggregates.map(\.sExpression)))\(keys))"
        case .distinct(let ps): return "(distinct \(join(ps.map(\.sExpression))))"
        case .explode(let e, let alias):
            return "(explode \(e.sExpression)\(alias.map { " " + $0.name } ?? ""))"
        case .search(let e): return "(search \(e.sExpression))"
        case .pivot(let rows, let column, let values):
            let listed = values.map { " (in \($0.sExpression))" } ?? ""
            return "(pivot \(join(rows.map(\.sExpression))) (by \(column.sExpression))\(listed))"
        case .matrix(let by):
            return by.isEmpty ? "(matrix)" : "(matrix-by \(join(by.map(\.sExpression))))"
        case .trace(let dataset, let reverse): return "(trace \(dataset.name)\(reverse ? " reverse" : ""))"
        case .chart: return "(chart)"
        }
    }
}

extension Pipeline {
    var sExpression: String {
        let from =
            switch source {
            case .name(let name): name.name
            case .diff(let old, let new, _): "(diff \(old.name) \(new.name))"
            }
        return ([from] + stages.map(\.kind.sExpression)).joined(separator: " | ")
    }
}

extension Statement {
    var sExpression: String {
        switch self {
        case .query(let p): p.sExpression
        case .let(let name, let p, _): "let \(name.name) = \(p.sExpression)"
        case .load(let path, _, let name, _): "load \"\(path)\"\(name.map { " as " + $0.name } ?? "")"
        case .explain(let p, _): "explain \(p.sExpression)"
        }
    }
}

extension Script {
    var sExpression: String { statements.map(\.sExpression).joined(separator: "\n") }
}

/// Parses `text` (named `query.tql`) and prints the tree; errors come back
/// as their `description` so a failing expectation shows what went wrong.
func parsed(_ text: String) -> String {
    do {
        return try Parser.parse(SourceText(name: "query.tql", text: text)).sExpression
    } catch {
        return "error: " + error.description
    }
}
