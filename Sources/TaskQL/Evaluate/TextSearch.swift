/// `search "text"`: rows where any text field contains the text, ignoring
/// case for Latin letters (`search "5g"` finds 5G). On task rows it looks at
/// title, text, section, subsection, leaders, units and deadline; after a
/// `select` it looks at every text column.
enum TextSearch {
    static let taskFields: [TaskField] = [.title, .text, .section, .subsection, .deadline, .leaders, .leadUnits, .coUnits]

    static func compile(_ e: Expr, schema: Schema, compiler: ExpressionCompiler, span: SourceSpan) throws -> (PlanStage, Schema, Bool) {
        let needleExpr = try compiler.compile(e)
        try TypeRules.expect(needleExpr.type, among: [.string], e.span, "search needs text")
        let slotIndices = schema.slots.indices
        let hasBase = schema.hasBase
        let run: (inout [Row], RunContext) throws -> Void = { rows, ctx in
            guard case .string(let raw) = try needleExpr.eval(Row(base: -1, values: [])) else { rows = []; return }
            let needle = raw.lowercased()
            let table = ctx.table
            let memo = PoolMemo(table: table) { ByteSearch.contains($0.lowercased(), needle) }
            func matchesValue(_ v: Value) -> Bool {
                switch v {
                case .string(let s): ByteSearch.contains(s.lowercased(), needle)
                case .list(let items): items.contains(where: matchesValue)
                default: false
                }
            }
            rows = try rows.filter { row in
                try ctx.tick(span: span)
                if hasBase, row.base >= 0 {
                    for field in taskFields {
                        if let column = table.stringColumn(field) {
                            let id = column[row.base]
                            if id >= 0, memo.test(id) { return true }
                        } else if table.listIDs(field, row: row.base).contains(where: memo.test) {
                            return true
                        }
                    }
                }
                return slotIndices.contains { $0 < row.values.count && matchesValue(row.values[$0]) }
            }
        }
        return (PlanStage(span: span, run: run), schema, false)
    }
}
