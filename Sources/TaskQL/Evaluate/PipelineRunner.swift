/// Runs a checked pipeline over a table: the source's rows, then each stage
/// in turn on a ``Relation``. One runner per run; not shared.
struct PipelineRunner {
    let table: TaskTable
    let parameters: [String: Value]
    let semantics: ValueSemantics
    let budget: RunBudget
    /// Off: rows start as plain values and no stage takes a shortcut (see
    /// ``EngineOptions/usesFastPaths``).
    var usesFastPaths = true
    /// Threads a scan may split its rows among (``ParallelRows``).
    var threads = 1
    var minimumRowsPerThread = 32_768
    /// Set by `explain`: the rows and time of the source and of each stage
    /// of the outermost pipeline are recorded here.
    var profile: RunProfile?

    /// Runs `pipeline` and returns its rows.
    func run(_ pipeline: CheckedPipeline) throws(RuntimeError) -> QueryResult {
        let relation = try relation(pipeline)
        try budget.checkRows(relation.count, span: nil)
        try budget.check()
        return relation.result(columns: pipeline.schema.columns.map(\.name), table: table, isChart: pipeline.isChart)
    }

    /// The rows of `pipeline` as a relation. A pipeline on a `let` name runs
    /// the let's pipeline first; the chain of lets is walked in a loop, not
    /// by recursion, so 4,000 chained lets cannot overflow a host thread's
    /// stack.
    func relation(_ pipeline: CheckedPipeline) throws(RuntimeError) -> Relation {
        let started = ContinuousClock.now
        var chain = [pipeline]
        while case .pipeline(let inner) = chain[chain.count - 1].source { chain.append(inner) }
        var relation: Relation
        switch chain[chain.count - 1].source {
        case .table(nil): relation = .base([0..<table.count], table: table)
        case .table(let name?): relation = .base(table.datasetRows[name] ?? [], table: table)
        case .diff(let old, let new): relation = try diff(old, new)
        case .pipeline: preconditionFailure("the loop above ends at a table")
        }
        if !usesFastPaths { relation = relation.materialized(table: table) }
        for (position, step) in chain.reversed().enumerated() {
            let outermost = position == chain.count - 1
            if outermost, let profile {
                profile.sourceRows = relation.count
                profile.sourceSeconds = RunProfile.seconds(since: started)
            }
            do {
                relation = try stages(step.stages, on: relation, profile: outermost ? profile : nil)
            } catch {
                // An error in a let's stages points into the let's text; the
                // caller supplies the outermost pipeline's.
                var located = error
                if located.source == nil, located.span != nil, position < chain.count - 1 {
                    located.source = step.sourceText
                }
                throw located
            }
        }
        return relation
    }

    /// Runs `stages` in order on `relation`.
    private func stages(
        _ stages: [(stage: CheckedStage, span: SourceSpan)], on start: Relation, profile: RunProfile? = nil
    ) throws(RuntimeError) -> Relation {
        var relation = start
        var index = 0
        var stepStarted = ContinuousClock.now
        var stepInput = start.count
        var stepFirst = 0
        // Records the step that ended before `index` (one stage, or a fused pair).
        func record() {
            guard let profile, index > stepFirst else { return }
            profile.steps.append(
                RunProfile.Step(
                    firstStage: stepFirst, stages: index - stepFirst, rowsIn: stepInput, rowsOut: relation.count,
                    seconds: RunProfile.seconds(since: stepStarted)))
            stepStarted = ContinuousClock.now
            stepInput = relation.count
            stepFirst = index
        }
        defer { record() }
        while index < stages.count {
            record()
            try budget.check()
            // `sort | take n` is `top n`: no need to sort every row.
            if usesFastPaths, case .sort(let keys) = stages[index].stage, index + 1 < stages.count,
                case .take(let n) = stages[index + 1].stage
            {
                relation = try sort(relation, keys, limit: try count(n))
                index += 2
                continue
            }
            if usesFastPaths, case .explode(let list, let target) = stages[index].stage, index + 1 < stages.count,
                case .countBy(let keys) = stages[index + 1].stage, keys.count == 1,
                let counted = try countExploded(
                    relation, list, target: target, key: keys[0], span: stages[index].span)
            {
                relation = counted
                index += 2
                continue
            }
            relation = try run(stages[index].stage, on: relation, span: stages[index].span)
            index += 1
        }
        return relation
    }

    func compiler(_ relation: Relation) -> ExprCompiler {
        ExprCompiler(relation: relation, table: table, parameters: parameters, semantics: semantics)
    }

    private func run(_ stage: CheckedStage, on relation: Relation, span: SourceSpan) throws(RuntimeError) -> Relation {
        switch stage {
        case .filter(let condition): return try filter(relation, condition)
        case .project(let exprs): return try project(relation, exprs)
        case .sort(let keys): return try sort(relation, keys)
        case .take(let n): return relation.slice(0..<min(relation.count, try count(n)))
        case .skip(let n): return relation.slice(min(relation.count, try count(n))..<relation.count)
        case .top(let n, let keys): return try sort(relation, keys, limit: try count(n))
        case .count: return .computed([[.int(relation.count)]], count: 1)
        case .countBy(let keys): return try countBy(relation, keys)
        case .summarize(let keys, let aggregates, let outputs):
            return try summarize(relation, keys, aggregates, outputs)
        case .distinct(let keys): return try distinct(relation, keys)
        case .explode(let list, let target): return try explode(relation, list, target: target, span: span)
        case .search(let needle, let columns): return try search(relation, needle, columns: columns)
        case .pivot(let keys, let column, let values): return try pivot(relation, keys, column, values)
        case .matrix(let lead, let co, let keys): return try matrix(relation, lead: lead, co: co, keys)
        case .trace(let dataset, let text, let id, let reverse):
            return try trace(relation, dataset: dataset, text: text, id: id, reverse: reverse)
        case .chart: return relation
        }
    }

    /// `take`/`skip`/`top` counts: checked literals, or parameters checked here.
    private func count(_ e: CheckedExpr) throws(RuntimeError) -> Int {
        switch compiler(.computed([], count: 0)).constant(e) {
        case .int(let n) where n >= 0: return n
        case let v:
            throw RuntimeError(
                code: DiagnosticCode.runtimeCount,
                message: "a count must be a non-negative integer, got \(v.map { $0.displayText } ?? "nothing")",
                span: e.span)
        }
    }

    /// `where a and b and …`: each conjunct is a loop over the rows the
    /// ones before it did not rule out, which is what `and` does row by row
    /// (it stops at the first false, so a later conjunct is never evaluated
    /// where an earlier one is false, and raises the same errors).
    private func filter(_ relation: Relation, _ condition: CheckedExpr) throws(RuntimeError) -> Relation {
        var conjuncts: [CheckedExpr] = []
        var rest = [condition]
        while let e = rest.popLast() {
            if usesFastPaths, case .binary(.and, let l, let r) = e.kind {
                rest += [r, l]
            } else {
                conjuncts.append(e)
            }
        }
        let kept = try keptRows(relation, .all) { (compiler) throws(RuntimeError) -> [RowTest] in
            var tests: [RowTest] = []
            for c in conjuncts { tests.append(try compiler.rowTest(c)) }
            return tests
        }
        return relation.gather(kept)
    }

    /// How ``keptRows(_:_:tests:)`` combines its tests.
    enum TestCombination {
        /// Kept where every test is true, tried in order until one is false.
        case all
        /// Kept where some test is true, tried in order until one is.
        case any
    }

    /// The positions of `relation` kept by the tests, in order. Each test
    /// runs as its own loop over the rows still undecided (a loop per test,
    /// not a walk through the tests per row). Over many rows the scan is
    /// split among ``threads``: each part compiles its own tests (compiled
    /// closures may keep scratch state, such as a regex matcher's), and the
    /// parts' positions are joined in order.
    func keptRows(
        _ relation: Relation, _ combination: TestCombination,
        tests makeTests: (ExprCompiler) throws(RuntimeError) -> [RowTest]
    ) throws(RuntimeError) -> [Int] {
        let parts = ParallelRows.parts(
            count: relation.count, threads: usesFastPaths ? threads : 1, minimumRowsPerPart: minimumRowsPerThread)
        var testsOfPart: [[RowTest]] = []
        for _ in parts { testsOfPart.append(try makeTests(compiler(relation))) }
        let limits = budget.limits
        // Row states: `all`: 0 every test true so far, 1 one was unknown,
        // 2 one was false (decided); `any`: 0 undecided, 1 one was true.
        let decided: UInt8 = combination == .all ? 2 : 1
        let keep: UInt8 = combination == .all ? 0 : 1
        // A kernel's truths (0 false, 1 true, 2 unknown) folded into the
        // states: next state = transitions[state * 3 + truth].
        let transitions: [UInt8] = combination == .all ? [2, 0, 1, 2, 1, 1, 2, 2, 2] : [0, 1, 0, 1, 1, 1]
        let kept = try ParallelRows.map(parts) { (p, range) throws(RuntimeError) -> [Int] in
            let base = range.lowerBound
            var state = [UInt8](repeating: 0, count: range.count)
            var truths: [UInt8] = []
            for test in testsOfPart[p] {
                if let kernel = test.kernel {
                    try limits.check()
                    if truths.isEmpty { truths = [UInt8](repeating: 0, count: range.count) }
                    truths.withUnsafeMutableBufferPointer { kernel(range, $0.baseAddress!) }
                    for i in state.indices { state[i] = transitions[Int(state[i]) &* 3 &+ Int(truths[i])] }
                    continue
                }
                for i in range where state[i - base] != decided {
                    if i & 4095 == 0 { try limits.check() }
                    switch try test.row(i) {
                    case true?: if combination == .any { state[i - base] = 1 }
                    case false?: if combination == .all { state[i - base] = 2 }
                    case nil: if combination == .all { state[i - base] = 1 }
                    }
                }
            }
            return range.filter { state[$0 - base] == keep }
        }
        return Array(kept.joined())
    }

    /// select/extend: plain column references keep their storage (no copy);
    /// computed columns are evaluated once per row.
    private func project(_ relation: Relation, _ exprs: [CheckedExpr]) throws(RuntimeError) -> Relation {
        let compiler = compiler(relation)
        var columns: [ColumnData] = []
        for e in exprs {
            if case .column(let c) = e.kind {
                columns.append(relation.columns[c])
                continue
            }
            columns.append(.values(try evaluate(e, compiler, relation.count)))
        }
        let keepsFields = columns.contains { if case .field = $0 { true } else { false } }
        return Relation(rowIDs: keepsFields ? relation.rowIDs : .none, columns: columns, count: relation.count)
    }

    func evaluate(_ e: CheckedExpr, _ compiler: ExprCompiler, _ count: Int) throws(RuntimeError) -> [Value] {
        let f = try compiler.value(e)
        var values: [Value] = []
        values.reserveCapacity(count)
        for i in 0..<count {
            try budget.tick()
            values.append(try f(i))
        }
        return values
    }

    private func sort(_ relation: Relation, _ keys: [CheckedSortKey], limit: Int? = nil) throws(RuntimeError)
        -> Relation
    {
        let compiler = compiler(relation)
        var columns: [(column: Sorting.KeyColumn, descending: Bool)] = []
        // Key columns that read every byte of a text (len) split the rows over the threads.
        let parts = ParallelRows.parts(
            count: relation.count, threads: usesFastPaths ? threads : 1, minimumRowsPerPart: minimumRowsPerThread)
        for k in keys {
            columns.append((try compiler.sortColumn(k.expr, budget: budget, parts: parts), k.descending))
        }
        try budget.check()
        let positions = Sorting.positions(count: relation.count, keys: columns, limit: usesFastPaths ? limit : nil)
        return relation.gather(limit.map { Array(positions.prefix($0)) } ?? positions)
    }
}
