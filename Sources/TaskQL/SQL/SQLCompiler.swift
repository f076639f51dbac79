/// Compiles a checked TQL pipeline to one PostgreSQL SELECT over the
/// schema in ``SQLSchema`` (PRQL's way: a relation built stage by stage,
/// anchored into nested SELECTs where SQL needs it; see ``SQLScope``).
/// The result has TQL's rows in TQL's order: `sort` is stable (the rows'
/// earlier order breaks ties), `count by` orders by count descending then
/// keys, `summarize` by keys, nulls last everywhere, text in code-point
/// order (`COLLATE "C"`), comparisons with TQL's three-valued logic.
///
/// Whatever cannot be compiled to the same result is an error naming the
/// construct (`E0601`), never a query that would answer differently.
package struct SQLCompiler {
    let engine: Engine
    /// The values bound so far, `$1` first.
    var parameters: [Value] = []
    /// The query's `$name` values.
    let queryParameters: [String: Value]
    /// The day `today()` is.
    let today: CivilDate
    /// The source, for diagnostics.
    let source: SourceText
    private var aliasCount = 0
    /// Whether the query uses `matches` (run under a statement timeout).
    var usesRegex = false

    /// A compiler for queries checked against `engine` (its unit aliases
    /// canonicalise the names a query compares; its extra columns name
    /// the keys of the `extra` column).
    package init(engine: Engine, parameters: [String: Value] = [:], source: SourceText) {
        self.engine = engine
        self.queryParameters = parameters
        self.today = engine.options.asOf ?? CivilDate.localToday()
        self.source = source
    }

    /// Parses, checks and compiles `text` (`let` statements, then one query).
    package static func compile(
        _ text: String, engine: Engine, parameters: [String: Value] = [:], sourceName: String = "<query>"
    ) throws(DiagnosticError) -> SQLQuery {
        let prepared = try engine.prepare(text, sourceName: sourceName)
        var compiler = SQLCompiler(engine: engine, parameters: parameters, source: prepared.plan.sourceText)
        do {
            return try compiler.compile(prepared.plan)
        } catch {
            throw DiagnosticError([error], source: prepared.plan.sourceText)
        }
    }

    /// The SELECT for `pipeline`.
    mutating func compile(_ pipeline: CheckedPipeline) throws(Diagnostic) -> SQLQuery {
        let scope = try relation(pipeline)
        let outputs = pipeline.schema.columns.enumerated().map { i, column in
            "\(scope.columns[i].sql) AS \(Self.quoted(column.name))"
        }
        return SQLQuery(
            text: scope.select(outputs), parameters: parameters, columns: pipeline.schema.columns.map(\.name),
            columnTypes: pipeline.schema.columns.map(\.type), usesRegex: usesRegex)
    }

    /// The scope `pipeline`'s rows come out of.
    mutating func relation(_ pipeline: CheckedPipeline) throws(Diagnostic) -> SQLScope {
        var scope: SQLScope
        switch pipeline.source {
        case .table(let dataset): scope = base(dataset: dataset)
        case .pipeline(let inner): scope = try relation(inner)
        case .diff:
            throw Self.notCompiled("diff", at: pipeline.stages.first?.span)
        }
        for (stage, span) in pipeline.stages { scope = try apply(stage, to: scope, span: span) }
        return scope
    }

    /// The task table (of one dataset), in the engine's order.
    mutating func base(dataset: String?) -> SQLScope {
        let from =
            "\(SQLSchema.tasks) AS t JOIN \(SQLSchema.datasets) AS d ON d.name = t.dataset"
        var columns: [SQLValue] = TaskField.standardColumns.map { field in
            switch field {
            case .units:
                return SQLValue(
                    sql: "(t.lead_units || t.co_units)",
                    canonical:
                        "(t.\(SQLSchema.canonicalColumn["lead_units"]!) || t.\(SQLSchema.canonicalColumn["co_units"]!))"
                )
            case .text:
                return SQLValue(sql: "t.text", folded: "t.\(SQLSchema.foldedText)")
            case .number:
                return SQLValue(sql: "t.number", integer: "t.\(SQLSchema.numberInteger)")
            default:
                return SQLValue(
                    sql: "t.\(field.name)", canonical: SQLSchema.canonicalColumn[field.name].map { "t.\($0)" })
            }
        }
        for header in engine.table.extras.headers {
            columns.append(SQLValue(sql: "(t.\(SQLSchema.extra) ->> \(bind(.string(header), as: .string)))"))
        }
        var scope = SQLScope(
            from: from, columns: columns, order: ["d.\(SQLSchema.datasetSequence)", "t.\(SQLSchema.ordinal)"])
        if let dataset { scope.wheres.append("t.dataset = \(bind(.string(dataset), as: .string))") }
        return scope
    }

    /// A new subquery alias.
    mutating func nextAlias(_ prefix: String = "s") -> String {
        aliasCount += 1
        return "\(prefix)\(aliasCount)"
    }

    /// `$n::type` for `value`, bound.
    mutating func bind(_ value: Value, as type: ValueType) -> String {
        parameters.append(value)
        return "$\(parameters.count)::\(Self.sqlType(type))"
    }

    /// The PostgreSQL type of a TQL type.
    static func sqlType(_ type: ValueType) -> String {
        switch type {
        case .bool: "boolean"
        case .int: "bigint"
        case .decimal: "double precision"
        case .date: "date"
        case .list(let element): sqlType(element) + "[]"
        case .string, .null, .any: "text"
        }
    }

    /// The element type of a list type; a scalar type itself.
    static func element(of type: ValueType) -> ValueType {
        if case .list(let element) = type { element } else { type }
    }

    /// `"name"`, with `"` doubled.
    static func quoted(_ name: String) -> String { "\"" + name.replacing("\"", with: "\"\"") + "\"" }

    /// E0601 naming what cannot be compiled.
    static func notCompiled(_ construct: String, at span: SourceSpan?) -> Diagnostic {
        Diagnostic(
            code: .notCompilable, message: "\(construct) cannot be compiled to SQL yet", span: span,
            help: "run this query on the in-memory engine (without --db)")
    }
}
