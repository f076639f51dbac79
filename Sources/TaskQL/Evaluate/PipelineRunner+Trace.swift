// `trace`: link rows to the paragraphs of a dataset by shared wording.
extension PipelineRunner {
    /// The paragraphs of `dataset`: number, id and text of each record.
    private func paragraphs(_ dataset: String) -> [(number: Value, id: Value, text: Value)] {
        (table.datasetRows[dataset] ?? []).flatMap { rows in
            rows.map { r in (table.value(.number, row: r), table.value(.id, row: r), table.value(.text, row: r)) }
        }
    }

    /// A text value's text; nothing for null.
    private static func words(_ v: Value) -> String {
        guard case .string(let s) = v else { return "" }
        return s
    }

    func trace(_ relation: Relation, dataset: String, text: CheckedExpr, id: CheckedExpr?, reverse: Bool)
        throws(RuntimeError) -> Relation
    {
        let paragraphs = paragraphs(dataset)
        if let id, reverse { return try traceSentences(relation, paragraphs, text: text, id: id) }
        let index = TrigramIndex(paragraphs.map { Trigrams.of(Self.words($0.text)) })
        let parts = ParallelRows.parts(
            count: relation.count, threads: usesFastPaths ? threads : 1, minimumRowsPerPart: 4096)
        var textOfPart: [ValueFunction] = []
        for _ in parts { textOfPart.append(try compiler(relation).value(text)) }
        let limits = budget.limits
        let found = try ParallelRows.map(parts) { (p, range) throws(RuntimeError) -> [(Int, Double)?] in
            var scratch = TrigramIndex.Scratch(entries: index.count)
            var out: [(Int, Double)?] = []
            out.reserveCapacity(range.count)
            for i in range {
                if i & 1023 == 0 { try limits.check() }
                let probe = Trigrams.of(Self.words(try textOfPart[p](i)))
                guard !probe.isEmpty else {
                    out.append(nil)
                    continue
                }
                let best = index.best(probe, &scratch)
                out.append((best?.entry ?? -1, TrigramIndex.score(shared: best?.shared ?? 0, of: probe)))
            }
            return out
        }
        var number: [Value] = []
        var paragraphID: [Value] = []
        var paragraphText: [Value] = []
        var score: [Value] = []
        for match in found.joined() {
            let p = match.flatMap { $0.0 >= 0 ? paragraphs[$0.0] : nil }
            number.append(p?.number ?? .null)
            paragraphID.append(p?.id ?? .null)
            paragraphText.append(p?.text ?? .null)
            score.append(match.map { Value.decimal($0.1) } ?? .null)
        }
        return Relation(
            rowIDs: relation.rowIDs,
            columns: relation.columns + [
                .values(number), .values(paragraphID), .values(paragraphText), .values(score),
            ],
            count: relation.count)
    }

    /// One row per sentence of the paragraphs, in order, with the row whose
    /// text holds the largest share of the sentence's trigrams.
    private func traceSentences(
        _ relation: Relation, _ paragraphs: [(number: Value, id: Value, text: Value)], text: CheckedExpr,
        id: CheckedExpr
    ) throws(RuntimeError) -> Relation {
        let compiler = compiler(relation)
        let (textOf, idOf) = (try compiler.value(text), try compiler.value(id))
        var rowTexts: [Value] = []
        var rowGrams: [[UInt64]] = []
        for i in 0..<relation.count {
            if i & 1023 == 0 { try budget.check() }
            let t = try textOf(i)
            rowTexts.append(t)
            rowGrams.append(Trigrams.of(Self.words(t)))
        }
        let index = TrigramIndex(rowGrams)
        var scratch = TrigramIndex.Scratch(entries: index.count)
        var columns: [[Value]] = Array(repeating: [], count: 7)
        for paragraph in paragraphs {
            try budget.check()
            var position = 0
            for sentence in Trigrams.sentences(Self.words(paragraph.text)) {
                position += 1
                let probe = Trigrams.of(sentence)
                guard !probe.isEmpty else { continue }
                let best = index.best(probe, &scratch)
                let task = try best.map { (b) throws(RuntimeError) in try idOf(b.entry) } ?? .null
                let row: [Value] = [
                    paragraph.number, paragraph.id, .int(position), .string(sentence),
                    task, best.map { rowTexts[$0.entry] } ?? .null,
                    .decimal(TrigramIndex.score(shared: best?.shared ?? 0, of: probe)),
                ]
                for (c, v) in row.enumerated() { columns[c].append(v) }
            }
        }
        return .computed(columns, count: columns[0].count)
    }
}
