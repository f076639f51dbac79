/// Resolves every name and type of a pipeline before any row is read,
/// producing a ``CheckedPipeline`` or the first problem as a diagnostic.
struct Checker {
    let environment: CheckEnvironment
    let source: SourceText
    /// Parameters seen so far with their inferred types.
    var parameters: [String: ParameterUse] = [:]
    /// The pipeline checked before a `pivot` without `in` (its source and
    /// the stages before it): what the pivot runs to find its columns.
    var checkedPrefix: CheckedPipeline?
    /// For `explain`: the column names each stage reads, recorded when not
    /// nil (the plan keeps positions only).
    var stageInputs: [[String]]?

    init(environment: CheckEnvironment, source: SourceText) {
        self.environment = environment
        self.source = source
    }

    /// Checks a pipeline.
    mutating func check(_ pipeline: Pipeline) throws(Diagnostic) -> CheckedPipeline {
        let (checkedSource, start) = try resolveSource(pipeline.source)
        var schema = start
        var stages: [(stage: CheckedStage, span: SourceSpan)] = []
        for stage in pipeline.stages {
            // Only a pivot that finds its columns needs the pipeline so far;
            // keeping a copy for every stage would copy the stage list once
            // per stage.
            if case .pivot(_, _, nil) = stage.kind {
                checkedPrefix = CheckedPipeline(
                    source: checkedSource, stages: stages, schema: schema, isChart: false, parameters: parameters,
                    sourceText: source)
            }
            stageInputs?.append(schema.columns.map(\.name))
            let (checked, next) = try check(stage, schema: schema)
            guard next.columns.count <= RowSchema.maximumColumns else {
                throw Diagnostic(
                    code: DiagnosticCode.tooManyColumns,
                    message:
                        "this stage makes \(next.columns.count) columns, more than the limit of \(RowSchema.maximumColumns)",
                    span: stage.span, help: "select the columns you need before adding more")
            }
            stages.append((checked, stage.span))
            schema = next
        }
        let isChart: Bool = if case .chart = stages.last?.stage { true } else { false }
        return CheckedPipeline(
            source: checkedSource, stages: stages, schema: schema, isChart: isChart,
            parameters: parameters, sourceText: source)
    }

    private mutating func resolveSource(_ source: PipelineSource) throws(Diagnostic) -> (CheckedSource, RowSchema) {
        switch source {
        case .name(let name): return try resolveSource(name)
        case .diff(let old, let new, _):
            return (.diff(old: try diffOperand(old), new: try diffOperand(new)), DatasetDiff.schema)
        }
    }

    /// A dataset `diff` compares: loaded, not `tasks` or a let (a let's rows
    /// are not a document version; filter the changes instead).
    private func diffOperand(_ name: Identifier) throws(Diagnostic) -> String {
        try loadedDataset(
            name, use: "diff compares two loaded datasets",
            help: "name the datasets themselves (`.datasets` lists them) and filter the changes after diff")
    }

    /// `name` when it is a loaded dataset; else an error that says what
    /// `use` needs, with `help` when the name is `tasks` or a let, a
    /// suggestion otherwise (`diff` and `trace` read datasets, never run a
    /// pipeline, so they cannot recurse).
    func loadedDataset(_ name: Identifier, use: String, help: String) throws(Diagnostic) -> String {
        if environment.datasetNames.contains(name.name) { return name.name }
        let isLet = environment.bindings[name.name] != nil || name.name == "tasks"
        throw Diagnostic(
            code: DiagnosticCode.unknownSource,
            message: isLet ? "\(use), and '\(name.name)' is not one" : "unknown dataset '\(name.name)'",
            span: name.span, help: isLet ? help : NameSuggestion.help(for: name.name, in: environment.datasetNames))
    }

    private mutating func resolveSource(_ name: Identifier) throws(Diagnostic) -> (CheckedSource, RowSchema) {
        if name.name == "tasks" { return (.table(dataset: nil), environment.baseSchema) }
        if let bound = environment.bindings[name.name] {
            for (key, use) in bound.parameters where parameters[key] == nil { parameters[key] = use }
            return (.pipeline(bound), bound.schema)
        }
        if environment.datasetNames.contains(name.name) {
            return (.table(dataset: name.name), environment.baseSchema)
        }
        let candidates = ["tasks"] + environment.datasetNames + environment.bindings.keys.sorted()
        throw Diagnostic(
            code: DiagnosticCode.unknownSource,
            message: "unknown source '\(name.name)': not tasks, a dataset or a let name",
            span: name.span, help: NameSuggestion.help(for: name.name, in: candidates))
    }

    /// The text of `span` in the query, for default column names.
    func text(of span: SourceSpan) -> String {
        let bytes = source.text.utf8
        let start = bytes.index(bytes.startIndex, offsetBy: min(span.start, bytes.count))
        let end = bytes.index(bytes.startIndex, offsetBy: min(span.end, bytes.count))
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
