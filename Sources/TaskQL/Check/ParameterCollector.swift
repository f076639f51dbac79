/// The `$name` parameters a script refers to.
enum ParameterCollector {
    static func parameters(in script: Script) -> [String: ValueType] {
        var names = Set<String>()
        for statement in script.statements {
            switch statement {
            case .query(let p), .let(_, let p, _): collect(p, into: &names)
            case .load: break
            }
        }
        return Dictionary(uniqueKeysWithValues: names.map { ($0, ValueType.any) })
    }

    private static func collect(_ pipeline: Pipeline, into names: inout Set<String>) {
        for stage in pipeline.stages {
            switch stage.kind {
            case .where(let e), .take(let e), .skip(let e), .search(let e), .explode(let e, _): collect(e, into: &names)
            case .select(let ps), .distinct(let ps), .count(let ps): ps.forEach { collect($0.expr, into: &names) }
            case .extend(let assignments): assignments.forEach { collect($0.expr, into: &names) }
            case .sort(let keys): keys.forEach { collect($0.expr, into: &names) }
            case .top(let count, let keys):
                collect(count, into: &names)
                keys.forEach { collect($0.expr, into: &names) }
            case .summarize(let aggregates, let by):
                aggregates.forEach { collect($0.expr, into: &names) }
                by.forEach { collect($0.expr, into: &names) }
            case .chart: break
            }
        }
    }

    private static func collect(_ expr: Expr, into names: inout Set<String>) {
        switch expr.kind {
        case .parameter(let id): names.insert(id.name)
        case .literal, .field: break
        case .list(let items): items.forEach { collect($0, into: &names) }
        case .call(_, let args): args.forEach { collect($0, into: &names) }
        case .unary(_, let e), .isNull(let e, _): collect(e, into: &names)
        case .binary(_, let l, let r):
            collect(l, into: &names)
            collect(r, into: &names)
        }
    }
}
