/// Checks one stage against the schema before it and compiles it.
struct StageCompiler {
    let env: CompileEnvironment
    let schema: Schema
    let source: SourceText

    var expressions: ExpressionCompiler { ExpressionCompiler(schema: schema, env: env) }

    func compile(_ stage: Stage) throws -> (PlanStage, Schema, Bool) {
        let span = stage.span
        func done(_ run: @escaping (inout [Row], RunContext) throws -> Void, _ schema: Schema, chart: Bool = false) -> (PlanStage, Schema, Bool) {
            (PlanStage(span: span, run: run), schema, chart)
        }
        switch stage.kind {
        case .where(let e):
            let predicate = try expressions.compile(e)
            try TypeRules.expect(predicate.type, among: [.bool], e.span, "where needs a condition (true/false)")
            return done({ rows, ctx in
                rows = try rows.filter { row in
                    try ctx.tick(span: e.span)
                    if case .bool(true) = try predicate.eval(row) { return true }
                    return false
                }
            }, schema)
        case .select(let projections):
            let (parts, newSchema) = try project(projections)
            return done({ rows, ctx in
                rows = try rows.map { row in
                    try ctx.tick(span: span)
                    return Row(base: row.base, values: try parts.map { try $0.eval(row) })
                }
            }, newSchema)
        case .extend(let assignments):
            var next = schema
            var steps: [(Int, CompiledExpr)] = []
            for a in assignments {
                let c = try ExpressionCompiler(schema: next, env: env).compile(a.expr)
                steps.append((next.setSlot(name: a.name.name, type: c.type, holdsUnits: c.holdsUnits), c))
            }
            return done({ rows, ctx in
                for i in rows.indices {
                    try ctx.tick(span: span)
                    for (slot, c) in steps {
                        let v = try c.eval(rows[i])
                        if slot < rows[i].values.count { rows[i].values[slot] = v } else { rows[i].values.append(v) }
                    }
                }
            }, next)
        case .sort(let keys):
            let sorter = try RowSorter(keys: keys, compiler: expressions)
            return done({ rows, ctx in rows = try sorter.sorted(rows, ctx) }, schema)
        case .take(let e), .skip(let e):
            let isTake = if case .take = stage.kind { true } else { false }
            let n = try countExpression(e)
            return done({ rows, _ in
                let k = try n()
                rows = isTake ? Array(rows.prefix(k)) : Array(rows.dropFirst(k))
            }, schema)
        case .top(let count, let keys):
            let n = try countExpression(count)
            let sorter = try RowSorter(keys: keys, compiler: expressions)
            return done({ rows, ctx in rows = Array(try sorter.sorted(rows, ctx).prefix(try n())) }, schema)
        case .count(let by):
            return try Grouping(compiler: self).countBy(by, span: span)
        case .summarize(let aggregates, let by):
            return try Grouping(compiler: self).summarize(aggregates, by: by, span: span)
        case .distinct(let projections):
            let (parts, newSchema) = try project(projections)
            return done({ rows, ctx in
                var seen = Set<[Value]>()
                var out: [Row] = []
                for row in rows {
                    try ctx.tick(span: span)
                    let values = try parts.map { try $0.eval(row) }
                    if seen.insert(values).inserted { out.append(Row(base: row.base, values: values)) }
                }
                rows = out
            }, newSchema)
        case .explode(let e, let alias):
            return try explode(e, alias: alias, span: span)
        case .search(let e):
            return try TextSearch.compile(e, schema: schema, compiler: expressions, span: span)
        case .chart:
            guard schema.outputColumns.contains(where: { TypeRules.isNumeric($0.type) || $0.type == .any }) else {
                throw CheckFailure(
                    CheckCode.typeMismatch, "chart needs a numeric column", span: span,
                    help: "draw counts: `… | count by unit | chart`")
            }
            return done({ _, _ in }, schema, chart: true)
        }
    }

    /// Compiles `expr [as name], …` into a new schema of computed columns.
    func project(_ projections: [Projection]) throws -> ([CompiledExpr], Schema) {
        var next = Schema(slots: [], hasBase: false, wholeTasks: false)
        var parts: [CompiledExpr] = []
        for p in projections {
            let c = try expressions.compile(p.expr)
            var name = p.alias?.name ?? defaultName(p.expr)
            if next.slots.contains(where: { $0.name == name }) {
                var n = 2
                while next.slots.contains(where: { $0.name == "\(name)_\(n)" }) { n += 1 }
                name = "\(name)_\(n)"
            }
            _ = next.setSlot(name: name, type: c.type, holdsUnits: c.holdsUnits)
            parts.append(c)
        }
        return (parts, next)
    }

    /// A column's name when no `as` is given: the field's English name, else
    /// the expression as written.
    func defaultName(_ expr: Expr) -> String {
        if case .field(let id) = expr.kind, let column = schema.lookup(id.name) { return column.name }
        let bytes = Array(source.text.utf8)
        let lo = max(0, min(expr.span.start, bytes.count))
        let hi = max(lo, min(expr.span.end, bytes.count))
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }

    /// `take`/`skip`/`top` counts: a non-negative integer known before rows are read.
    func countExpression(_ e: Expr) throws -> () throws -> Int {
        let c = try expressions.compile(e)
        try TypeRules.expect(c.type, among: [.int], e.span, "a row count must be an integer")
        if case .int(let n)? = c.constant, n < 0 {
            throw CheckFailure(CheckCode.badCount, "a row count cannot be negative (\(n))", span: e.span)
        }
        return {
            let v = try c.eval(Row(base: -1, values: []))
            guard case .int(let n) = v, n >= 0 else {
                throw RuntimeFailure(code: CheckCode.badCount, "a row count must be a non-negative integer, found \(v.displayText)", span: e.span)
            }
            return n
        }
    }

    private func explode(_ e: Expr, alias: Identifier?, span: SourceSpan) throws -> (PlanStage, Schema, Bool) {
        let c = try expressions.compile(e)
        try TypeRules.expect(c.type, among: [.list(.any)], e.span, "explode needs a list")
        var element: ValueType = .any
        if case .list(let t) = c.type { element = t }
        var next = schema
        let name = alias?.name ?? defaultName(e)
        let slot = next.setSlot(name: name, type: element, holdsUnits: c.holdsUnits)
        let run: (inout [Row], RunContext) throws -> Void = { rows, ctx in
            var out: [Row] = []
            out.reserveCapacity(rows.count)
            for row in rows {
                try ctx.tick(span: span)
                guard case .list(let items) = try c.eval(row) else { continue }
                for item in items {
                    var copy = row
                    if slot < copy.values.count { copy.values[slot] = item } else { copy.values.append(item) }
                    out.append(copy)
                }
            }
            rows = out
        }
        return (PlanStage(span: span, run: run), next, false)
    }
}
