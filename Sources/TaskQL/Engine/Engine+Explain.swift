// `explain QUERY`: what a query does, as rows, so that every output mode
// (table, CSV, JSON …) shows it.

extension Engine {
    /// The columns of an explanation.
    static let explainColumns = ["step", "stage", "plan", "rows_in", "rows_out", "ms"]

    /// Runs `plan` (checked from `pipeline`) with a profile and describes
    /// it: a row for the source, one per stage (a fused pair is one row,
    /// `3-4`) with the checked plan, rows in and out and milliseconds; then
    /// a `unit` row per unit name the query compares (its canonical name,
    /// the alias entries for it and the spellings in the data), and a `due`
    /// row per deadline text of the source rows when the query reads dates.
    func explain(
        _ pipeline: Pipeline, _ plan: CheckedPipeline, stageInputs: [[String]], parameters: [String: Value],
        cancellation: CancellationHandle?
    ) throws(DiagnosticError) -> QueryResult {
        let profile = RunProfile()
        do {
            let bound = try ParameterBinding.bind(plan.parameters, values: parameters)
            var runner = runner(parameters: bound, cancellation: cancellation)
            runner.profile = profile
            _ = try runner.run(plan)
        } catch {
            throw DiagnosticError([error.diagnostic], source: error.source ?? plan.sourceText)
        }
        let source = plan.sourceText
        let ms = { (seconds: Double) -> Value in
            self.options.reportsTimes ? .decimal((seconds * 1_000_000).rounded() / 1000) : .null
        }
        var rows: [[Value]] = [
            [
                "source", .string(Self.text(of: pipeline.source.span, in: source)), .string(describe(plan.source)),
                .null, .int(profile.sourceRows), ms(profile.sourceSeconds),
            ]
        ]
        for step in profile.steps {
            let range = step.firstStage..<(step.firstStage + step.stages)
            let label = step.stages == 1 ? "\(step.firstStage + 1)" : "\(range.lowerBound + 1)-\(range.upperBound)"
            let text = range.map { Self.text(of: pipeline.stages[$0].span, in: source) }.joined(separator: " | ")
            var described = range.map { k in
                Explained(engine: self, columns: k < stageInputs.count ? stageInputs[k] : []).stage(
                    plan.stages[k].stage)
            }.joined(separator: "; ")
            if step.stages > 1 { described += " (run as one step)" }
            rows.append([
                .string(label), .string(text), .string(described), .int(step.rowsIn), .int(step.rowsOut),
                ms(step.seconds),
            ])
        }
        rows += unitRows(plan)
        if Self.readsDates(pipeline, source) { rows += dueRows(plan) }
        return QueryResult(columns: Self.explainColumns, rows: rows)
    }

    private static func text(of span: SourceSpan, in source: SourceText) -> String {
        let bytes = Array(source.text.utf8)
        let piece = bytes[min(span.start, bytes.count)..<min(span.end, bytes.count)]
        // One line: a stage written over several lines reads as one.
        return String(decoding: piece, as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private func describe(_ source: CheckedSource) -> String {
        switch source {
        case .table(nil): return "every task of \(datasetNames.count) datasets"
        case .table(let name?): return "the tasks of dataset \(name)"
        case .pipeline(let inner): return "a let pipeline of \(inner.stages.count) stages, run first"
        case .diff(let old, let new): return "the changes from dataset \(old) to dataset \(new)"
        }
    }

    /// One row per unit name compared with a unit column.
    private func unitRows(_ plan: CheckedPipeline) -> [[Value]] {
        var names: [String] = []
        for (stage, _) in plan.stages {
            guard case .filter(let e) = stage else { continue }
            ExplainedExpression.unitLiterals(e, into: &names)
        }
        var seen = Set<String>()
        let spellings = unitNames
        return names.filter { seen.insert($0).inserted }.map { name in
            let canonical = aliases.canonical(name)
            let entries = aliases.aliases(of: canonical)
            let inData = spellings.filter { aliases.canonical($0) == canonical }
            var plan = "canonical name \(canonical)"
            plan += entries.isEmpty ? "; no alias entries" : "; alias entries: " + entries.joined(separator: "、")
            plan += inData.isEmpty ? "; no task names it" : "; in the data as: " + inData.joined(separator: "、")
            return ["unit", .string(name), .string(plan), .null, .int(inData.count), .null]
        }
    }

    /// One row per deadline text among the tasks the query starts from:
    /// the due date `DeadlineParser` gives it in the plan year, or none.
    private func dueRows(_ plan: CheckedPipeline) -> [[Value]] {
        var source = plan
        while case .pipeline(let inner) = source.source { source = inner }
        var rows: [Int] = []
        switch source.source {
        case .table(nil): rows = Array(0..<table.count)
        case .table(let name?): rows = table.rows(ofDataset: name)
        default: return []
        }
        var counts: [String: (due: Value, year: Value, count: Int)] = [:]
        var order: [String] = []
        for r in rows {
            guard case .string(let deadline) = table.value(.deadline, row: r) else { continue }
            let year = table.value(.year, row: r)
            let key = deadline + "\u{1F}" + year.displayText
            if counts[key] == nil {
                counts[key] = (table.value(.due, row: r), year, 0)
                order.append(key)
            }
            counts[key]!.count += 1
        }
        return order.sorted { counts[$0]!.count > counts[$1]!.count }.map { key in
            let entry = counts[key]!
            let deadline = String(key.split(separator: "\u{1F}", omittingEmptySubsequences: false)[0])
            let plan: String
            if case .date(let d) = entry.due {
                plan = "due \(d.description) (plan year \(entry.year.displayText))"
            } else {
                plan = "no due date: the text names no month, quarter, half or year"
            }
            return ["due", .string(deadline), .string(plan), .null, .int(entry.count), .null]
        }
    }

    /// Whether the query reads deadlines or dates derived from them.
    private static func readsDates(_ pipeline: Pipeline, _ source: SourceText) -> Bool {
        let words: Set<String> = [
            "due", "deadline", "截止日期", "到期", "完成时限", "overdue", "days_left", "due_within", "light",
        ]
        let text = Self.text(of: pipeline.span, in: source)
        return Lexer.tokenize(text).contains { token in
            if case .identifier(let name) = token.kind { return words.contains(name) }
            return false
        }
    }
}

/// A checked stage described for `explain`, by the names of the columns it
/// reads.
struct Explained {
    let engine: Engine
    let columns: [String]

    /// The checked stage: what it keeps or computes, by column name and type.
    func stage(_ stage: CheckedStage) -> String {
        switch stage {
        case .filter(let e): return "keep rows where \(describe(e)) is true"
        case .project(let es): return "columns " + es.map { "\(describe($0)): \($0.type)" }.joined(separator: ", ")
        case .sort(let keys): return "stable sort by " + keys.map(describe).joined(separator: ", ")
        case .take(let n): return "first \(describe(n)) rows"
        case .skip(let n): return "rows after the first \(describe(n))"
        case .top(let n, let keys): return "first \(describe(n)) by " + keys.map(describe).joined(separator: ", ")
        case .count: return "count the rows"
        case .countBy(let keys): return "count by " + keys.map(describe).joined(separator: ", ") + ", largest first"
        case .summarize(let keys, let aggregates, _):
            let computed = aggregates.map { a in "\(a.function.rawValue)(\(a.argument.map(describe) ?? ""))" }
            return "aggregate " + computed.joined(separator: ", ")
                + (keys.isEmpty ? "" : " by " + keys.map(describe).joined(separator: ", "))
        case .distinct(let es): return "distinct " + es.map(describe).joined(separator: ", ")
        case .explode(let e, _): return "one row per element of \(describe(e))"
        case .search(let needle, let columns):
            return "rows where one of \(columns.count) text columns contains \(describe(needle))"
        case .pivot(let keys, let column, let values):
            return "count per " + keys.map(describe).joined(separator: ", ")
                + " in \(values.count) columns of \(describe(column))"
        case .matrix(let lead, let co, let keys):
            return "count tasks per canonical unit of \(describe(lead)) and \(describe(co))"
                + (keys.isEmpty ? "" : " by " + keys.map(describe).joined(separator: ", "))
        case .trace(let dataset, let text, _, let reverse):
            return reverse
                ? "each sentence of \(dataset) with the row whose \(describe(text)) covers most of its trigrams"
                : "each row's paragraph of \(dataset) holding most of the trigrams of \(describe(text))"
        case .chart: return "draw bars"
        }
    }

    private func describe(_ key: CheckedSortKey) -> String { describe(key.expr) + (key.descending ? " desc" : "") }

    /// A checked expression in TQL's syntax with literals as values and unit
    /// comparisons marked: `lead_units has "发改委" (canonical units)`.
    private func describe(_ e: CheckedExpr) -> String {
        var names: [Int: String] = [:]
        for (i, name) in columns.enumerated() { names[i] = name }
        return ExplainedExpression(names: names).text(e)
    }
}

/// A checked expression printed for `explain`.
struct ExplainedExpression {
    var names: [Int: String]

    func text(_ e: CheckedExpr) -> String {
        switch e.kind {
        case .literal(let v): return Self.spelling(v)
        case .column(let c): return names[c] ?? "#\(c + 1)"
        case .parameter(let name): return "$" + name
        case .list(let items): return "[" + items.map(text).joined(separator: ", ") + "]"
        case .not(let x): return "not (\(text(x)))"
        case .negate(let x): return "-(\(text(x)))"
        case .binary(let op, let l, let r):
            let units = (l.isUnits || r.isUnits) && [.equal, .notEqual, .in, .notIn, .has].contains(op)
            return "(\(text(l)) \(op.rawValue) \(text(r)))" + (units ? " [canonical units]" : "")
        case .isNull(let x, let negated): return "(\(text(x)) is \(negated ? "not " : "")null)"
        case .call(let f, let args): return f.rawValue + "(" + args.map(text).joined(separator: ", ") + ")"
        case .aggregate(let n): return "aggregate #\(n + 1)"
        }
    }

    static func spelling(_ v: Value) -> String {
        switch v {
        case .string(let s): LiteralSpelling.string(s)
        case .null: "null"
        case .list(let items): "[" + items.map(spelling).joined(separator: ", ") + "]"
        default: v.displayText
        }
    }

    /// String literals compared with a unit column (`lead_units has "发改委"`).
    static func unitLiterals(_ e: CheckedExpr, into names: inout [String]) {
        var stack = [e]
        while let x = stack.popLast() {
            switch x.kind {
            case .binary(let op, let l, let r):
                if [.equal, .notEqual, .in, .notIn, .has].contains(op), l.isUnits || r.isUnits {
                    for side in [l, r] where !side.isUnits {
                        if case .literal(.string(let s)) = side.kind { names.append(s) }
                        if case .list(let items) = side.kind {
                            for case .literal(.string(let s)) in items.map(\.kind) { names.append(s) }
                        }
                    }
                }
                stack += [r, l]
            case .not(let inner), .negate(let inner), .isNull(let inner, _): stack.append(inner)
            case .call(_, let args), .list(let args): stack += args.reversed()
            default: break
            }
        }
    }
}
