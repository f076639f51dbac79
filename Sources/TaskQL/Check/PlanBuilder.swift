/// Turns a pipeline into a checked plan: every stage's names and types are
/// resolved here, before any row is read; what remains is a list of
/// row transformations.
struct Plan {
    /// Produces the source rows.
    var source: (RunContext) throws -> [Row]
    var stages: [PlanStage]
    var schema: Schema
    var isChart: Bool
    var span: SourceSpan
}

/// One stage of a checked plan.
struct PlanStage {
    var span: SourceSpan
    var run: (inout [Row], RunContext) throws -> Void
}

/// Where a pipeline's name (`tasks`, a dataset, a `let`) comes from.
struct SourceResolver {
    var datasetRanges: [String: Range<Int>]
    var totalRows: Int
    var letBindings: [String: LetBinding]
}

/// A `let` name: its pipeline and the source text it was written in.
struct LetBinding {
    var pipeline: Pipeline
    var source: SourceText
}

struct PlanBuilder {
    let env: CompileEnvironment
    let sources: SourceResolver
    let source: SourceText
    var depth = 0

    /// Checks `pipeline` and returns its plan (throws ``CheckFailure``).
    func build(_ pipeline: Pipeline) throws -> Plan {
        var plan = try sourcePlan(pipeline.source)
        for stage in pipeline.stages {
            let compiler = StageCompiler(env: env, schema: plan.schema, source: source)
            let (compiled, schema, chart) = try compiler.compile(stage)
            plan.stages.append(compiled)
            plan.schema = schema
            plan.isChart = chart
        }
        plan.span = pipeline.span
        return plan
    }

    private func sourcePlan(_ name: Identifier) throws -> Plan {
        if let binding = sources.letBindings[name.name] {
            guard depth < 64 else {
                throw CheckFailure(CheckCode.unknownSource, "'\(name.name)' refers to itself too deeply", span: name.span)
            }
            var inner = PlanBuilder(env: env, sources: sources, source: binding.source)
            inner.depth = depth + 1
            return try inner.build(binding.pipeline)
        }
        let range: Range<Int>
        if name.name == "tasks" {
            range = 0..<sources.totalRows
        } else if let r = sources.datasetRanges[name.name] {
            range = r
        } else {
            let candidates = ["tasks"] + sources.datasetRanges.keys.sorted() + sources.letBindings.keys.sorted()
            throw CheckFailure(
                CheckCode.unknownSource, "unknown dataset or name '\(name.name)'", span: name.span,
                help: NameSuggestion.help(for: name.name, in: candidates)
                    ?? "loaded: \(candidates.joined(separator: ", "))")
        }
        return Plan(
            source: { context in
                return range.map { Row(base: $0, values: []) }
            }, stages: [], schema: .base, isChart: false, span: name.span)
    }
}

extension Plan {
    /// Runs the plan and renders its rows as a result.
    func execute(_ context: RunContext) throws -> QueryResult {
        var rows = try source(context)
        for stage in stages {
            try stage.run(&rows, context)
            try context.checkBudgets(span: stage.span)
        }
        try context.checkRowBudget(rows.count, span: span)
        let columns = schema.outputColumns
        let table = context.table
        var out: [[Value]] = []
        out.reserveCapacity(rows.count)
        for row in rows {
            try context.tick(span: span)
            out.append(columns.map { column in
                switch column.origin {
                case .base(let field): table.value(field, row: row.base)
                case .slot(let i): row.values[i]
                }
            })
        }
        return QueryResult(columns: columns.map(\.name), rows: out, isChart: isChart)
    }
}
