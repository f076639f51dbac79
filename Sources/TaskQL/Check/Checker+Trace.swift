// `trace`: where the rows' wording comes from in a loaded dataset.
extension Checker {
    /// Forward, the rows keep their columns and gain their best paragraph
    /// (`paragraph`, `paragraph_id`, `paragraph_text`) and its `score`;
    /// reverse, the rows become the dataset's sentences with the row that
    /// best covers each (`task`, `task_text`) and its `score`.
    mutating func trace(_ dataset: Identifier, reverse: Bool, _ schema: RowSchema, span: SourceSpan)
        throws(Diagnostic) -> (CheckedStage, RowSchema)
    {
        _ = try loadedDataset(
            dataset, use: "trace reads the paragraphs of a loaded dataset",
            help: "name the dataset itself (`.datasets` lists them) and filter the rows after trace")
        func textColumn(_ field: TaskField, _ why: String) throws(Diagnostic) -> CheckedExpr {
            guard let i = schema.columns.firstIndex(where: { $0.name == field.name }),
                [.string, .any, .null].contains(schema.columns[i].type)
            else {
                throw Diagnostic(
                    code: DiagnosticCode.unknownField,
                    message:
                        "trace\(reverse ? " reverse" : "") \(why) the \(field.name) column, which the rows do not have",
                    span: span, help: "put trace before the select or count that drops it")
            }
            return CheckedExpr(kind: .column(i), type: schema.columns[i].type, span: span)
        }
        let text = try textColumn(.text, "compares wording and needs")
        guard reverse else {
            var columns = schema.columns
            for (name, type) in [
                ("paragraph", ValueType.string), ("paragraph_id", .string), ("paragraph_text", .string),
                ("score", .decimal),
            ] {
                try requireUnique(name, among: columns, span: span)
                columns.append(Column(name: name, type: type, isUnits: false))
            }
            return (.trace(dataset: dataset.name, text: text, id: nil, reverse: false), .derived(columns))
        }
        let id = try textColumn(.id, "names each sentence's task and needs")
        let columns: [Column] = [
            ("paragraph", ValueType.string), ("paragraph_id", .string), ("sentence", .int), ("text", .string),
            ("task", .string), ("task_text", .string), ("score", .decimal),
        ].map { Column(name: $0.0, type: $0.1, isUnits: false) }
        return (.trace(dataset: dataset.name, text: text, id: id, reverse: true), .derived(columns))
    }
}
