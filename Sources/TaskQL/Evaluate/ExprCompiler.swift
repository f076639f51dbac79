/// A compiled expression: the value for row `i` of a relation.
typealias ValueFunction = (Int) throws(RuntimeError) -> Value
/// A compiled condition: true, false, or nil for unknown (a null was
/// compared). `where` keeps only true.
typealias TruthFunction = (Int) throws(RuntimeError) -> Bool?

/// Turns checked expressions into closures over row positions of one
/// relation, once per stage: names are already column positions, constants
/// and parameters are folded in, and common shapes on table columns get
/// specialised closures (integer id comparisons, byte searches).
struct ExprCompiler {
    let relation: Relation
    let table: TaskTable
    let parameters: [String: Value]
    let semantics: ValueSemantics
    /// Where `.aggregate(n)` reads from: column `aggregateOffset + n`.
    var aggregateOffset = 0

    var functions: ScalarFunctions { ScalarFunctions(aliases: semantics.aliases, today: semantics.today) }

    /// The literal or bound parameter value of `e`, when it is one, or the
    /// value of a function of such values (`today()`, `date("2020-06-30")`),
    /// computed once, so that `due < today()` runs as a comparison with a
    /// date. A call that fails is left to fail where it runs.
    func constant(_ e: CheckedExpr) -> Value? {
        switch e.kind {
        case .literal(let v): return v
        case .parameter(let name): return parameters[name] ?? .null
        case .call(let f, let args):
            var values: [Value] = []
            for arg in args {
                guard let v = constant(arg) else { return nil }
                values.append(v)
            }
            return try? functions.apply(f, values, span: e.span)
        default: return nil
        }
    }

    func value(_ e: CheckedExpr) throws(RuntimeError) -> ValueFunction {
        if let v = constant(e) { return { _ in v } }
        switch e.kind {
        case .column(let c): return column(c)
        case .aggregate(let n): return column(aggregateOffset + n)
        case .list(let items):
            let fs = try items.map { (x: CheckedExpr) throws(RuntimeError) in try value(x) }
            return { i throws(RuntimeError) in
                var out: [Value] = []
                for f in fs { out.append(try f(i)) }
                return .list(out)
            }
        case .negate(let inner):
            let f = try value(inner)
            return { i throws(RuntimeError) in try Arithmetic.negate(try f(i), span: e.span) }
        case .binary(let op, let l, let r) where [.add, .subtract, .multiply, .divide].contains(op):
            let (lf, rf) = (try value(l), try value(r))
            return { i throws(RuntimeError) in try Arithmetic.apply(op, try lf(i), try rf(i), span: e.span) }
        case .call(let f, let args):
            return try call(f, args, e.span)
        default:
            let t = try truth(e)
            return { i throws(RuntimeError) in try t(i).map(Value.bool) ?? .null }
        }
    }

    /// Reads column `c`.
    func column(_ c: Int) -> ValueFunction {
        let table = table
        switch relation.columns[c] {
        case .field(let f):
            let rowIDs = relation.rowIDs
            return { i in table.value(f, row: Int(rowIDs[i])) }
        case .pooled(let ids):
            return { i in ids[i] == TaskTable.nullID ? .null : .string(table.pool[ids[i]]) }
        case .values(let vs):
            return { i in vs[i] }
        }
    }

    private func call(_ f: ScalarFunction, _ args: [CheckedExpr], _ span: SourceSpan) throws(RuntimeError)
        -> ValueFunction
    {
        if f == .len, let fast = lengthOfColumn(args[0]) { return fast }
        if f == .extract { return try extract(args, span) }
        let fs = try args.map { (x: CheckedExpr) throws(RuntimeError) in try value(x) }
        let functions = functions
        return { i throws(RuntimeError) in
            var values: [Value] = []
            values.reserveCapacity(fs.count)
            for a in fs { values.append(try a(i)) }
            return try functions.apply(f, values, span: span)
        }
    }

    /// `len` of a text or list field, counted in the column store: Unicode
    /// scalars are the UTF-8 bytes that do not continue a sequence.
    private func lengthOfColumn(_ e: CheckedExpr) -> ValueFunction? {
        guard case .column(let c) = e.kind, case .field(let f) = relation.columns[c] else { return nil }
        let rowIDs = relation.rowIDs
        if let text = table.textColumn(f) {
            return { i in
                let row = Int(rowIDs[i])
                if text.isNull(row) { return .null }
                return .int(text.scalarCount(row))
            }
        }
        let lists = table.listColumns(f)
        guard !lists.isEmpty else { return nil }
        return { i in .int(lists.reduce(0) { $0 + $1.count(Int(rowIDs[i])) }) }
    }
}
