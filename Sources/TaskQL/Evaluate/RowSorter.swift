/// `sort by` and `top … by`: a stable multi-key sort. Nulls go last in
/// both directions, so `desc` never puts missing dates on top.
struct RowSorter {
    let keys: [(CompiledExpr, Bool)]
    let span: SourceSpan?

    init(keys: [SortKey], compiler: ExpressionCompiler) throws {
        self.keys = try keys.map { (try compiler.compile($0.expr), $0.descending) }
        span = keys.first?.expr.span
    }

    func sorted(_ rows: [Row], _ ctx: RunContext) throws -> [Row] {
        var keyed: [(values: [Value], index: Int)] = []
        keyed.reserveCapacity(rows.count)
        for (i, row) in rows.enumerated() {
            try ctx.tick(span: span)
            keyed.append((try keys.map { try $0.0.eval(row) }, i))
        }
        let directions = keys.map(\.1)
        keyed.sort { a, b in
            for k in directions.indices {
                let x = a.values[k]
                let y = b.values[k]
                if x.isNull != y.isNull { return y.isNull }
                let c = Value.order(x, y)
                if c != 0 { return directions[k] ? c > 0 : c < 0 }
            }
            return a.index < b.index  // stability: equal keys keep their order
        }
        return keyed.map { rows[$0.index] }
    }
}
