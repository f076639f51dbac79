/// `count`, `count by …` and `summarize … by …`.
///
/// Output order is part of the language (results never flap):
/// - `count by` — by count, largest first, then by the keys ascending;
/// - `summarize … by` — by the keys ascending;
/// - without `by` — one row, even when no rows came in.
struct Grouping {
    let compiler: StageCompiler

    func countBy(_ by: [Projection], span: SourceSpan) throws -> (PlanStage, Schema, Bool) {
        let (keys, keySchema) = try compiler.project(by)
        var schema = keySchema
        let countSlot = schema.setSlot(name: "count", type: .int, holdsUnits: false)
        let run: (inout [Row], RunContext) throws -> Void = { rows, ctx in
            var groups = try group(rows, keys: keys, aggregates: [], ctx: ctx, span: span)
            if keys.isEmpty, groups.isEmpty { groups = [([], 0, [])] }
            var out = groups.map { g -> Row in
                var values = g.key
                values.insert(.int(g.count), at: min(countSlot, values.count))
                return Row(base: -1, values: values)
            }
            out.sort { a, b in
                let ca = a.values[countSlot]
                let cb = b.values[countSlot]
                if ca != cb { return Value.order(ca, cb) > 0 }
                return Self.keyOrder(a.values, b.values) < 0
            }
            rows = out
        }
        return (PlanStage(span: span, run: run), schema, false)
    }

    func summarize(_ aggregates: [Assignment], by: [Projection], span: SourceSpan) throws -> (PlanStage, Schema, Bool) {
        let (keys, keySchema) = try compiler.project(by)
        var schema = keySchema
        var compiled: [(AggregateFunction, CompiledExpr?)] = []
        for a in aggregates {
            guard case .call(let name, let args) = a.expr.kind, let function = AggregateFunction(rawValue: name.name) else {
                throw CheckFailure(
                    CheckCode.aggregateMisplaced, "summarize needs an aggregate such as count() or dcount(x)",
                    span: a.expr.span, help: "aggregates: " + AggregateFunction.allCases.map { "\($0.rawValue)()" }.joined(separator: " "))
            }
            let allowed = function == .count ? 0...1 : 1...1
            guard allowed.contains(args.count) else {
                throw CheckFailure(CheckCode.argumentCount, "\(name.name)() takes \(function == .count ? "0 or 1" : "1") argument(s), found \(args.count)", span: a.expr.span)
            }
            let arg = try args.first.map { try compiler.expressions.compile($0) }
            if let arg, function == .sum || function == .avg {
                try TypeRules.expect(arg.type, among: [.int, .decimal], args[0].span, "\(name.name)() needs numbers")
            }
            compiled.append((function, arg))
            _ = schema.setSlot(name: a.name.name, type: function.resultType(arg?.type), holdsUnits: false)
        }
        let run: (inout [Row], RunContext) throws -> Void = { rows, ctx in
            var groups = try group(rows, keys: keys, aggregates: compiled, ctx: ctx, span: span)
            if keys.isEmpty, groups.isEmpty {
                groups = [([], 0, compiled.map { AggregateAccumulator($0.0) })]
            }
            groups.sort { Self.keyOrder($0.key, $1.key) < 0 }
            rows = groups.map { Row(base: -1, values: $0.key + $0.accumulators.map(\.result)) }
        }
        return (PlanStage(span: span, run: run), schema, false)
    }

    private typealias Group = (key: [Value], count: Int, accumulators: [AggregateAccumulator])

    private func group(
        _ rows: [Row], keys: [CompiledExpr], aggregates: [(AggregateFunction, CompiledExpr?)], ctx: RunContext, span: SourceSpan
    ) throws -> [Group] {
        var index: [[Value]: Int] = [:]
        var groups: [Group] = []
        for row in rows {
            try ctx.tick(span: span)
            let key = try keys.map { try $0.eval(row) }
            let g: Int
            if let existing = index[key] {
                g = existing
            } else {
                g = groups.count
                index[key] = g
                groups.append((key, 0, aggregates.map { AggregateAccumulator($0.0) }))
            }
            groups[g].count += 1
            for (i, (_, arg)) in aggregates.enumerated() {
                groups[g].accumulators[i].add(try arg?.eval(row) ?? .bool(true))
            }
        }
        return groups
    }

    static func keyOrder(_ a: [Value], _ b: [Value]) -> Int {
        for (x, y) in zip(a, b) {
            let c = Value.order(x, y)
            if c != 0 { return c }
        }
        return 0
    }
}
