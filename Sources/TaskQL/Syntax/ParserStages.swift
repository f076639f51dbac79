// One method per pipeline stage.

extension ScriptParser {
    /// Grammar: stage = where_stage | select_stage | extend_stage | sort_stage | take_stage | skip_stage | top_stage | count_stage | summarize_stage | distinct_stage | explode_stage | search_stage | pivot_stage | matrix_stage | trace_stage | chart_stage ;
    func stage() throws(ParseFailure) -> Stage {
        let start = peek.span
        guard case .keyword(let keyword) = peek.kind, let name = keyword.stageName else {
            throw unknownStage()
        }
        let kind: StageKind
        switch name {
        case .where: kind = try whereStage()
        case .select: kind = try selectStage()
        case .extend: kind = try extendStage()
        case .sort: kind = try sortStage()
        case .take: kind = try takeStage()
        case .skip: kind = try skipStage()
        case .top: kind = try topStage()
        case .count: kind = try countStage()
        case .summarize: kind = try summarizeStage()
        case .distinct: kind = try distinctStage()
        case .explode: kind = try explodeStage()
        case .search: kind = try searchStage()
        case .pivot: kind = try pivotStage()
        case .matrix: kind = try matrixStage()
        case .trace: kind = try traceStage()
        case .chart: kind = chartStage()
        }
        return Stage(kind, span: start.union(previous.span))
    }

    /// Grammar: where_stage = "where" expression ;
    func whereStage() throws(ParseFailure) -> StageKind {
        advance()
        return .where(try expression())
    }

    /// Grammar: select_stage = "select" projection_list ;
    func selectStage() throws(ParseFailure) -> StageKind {
        advance()
        return .select(try projectionList())
    }

    /// Grammar: extend_stage = "extend" assignment { "," assignment } ;
    func extendStage() throws(ParseFailure) -> StageKind {
        advance()
        var assignments = [try assignment()]
        while match(.comma) { assignments.append(try assignment()) }
        return .extend(assignments)
    }

    /// Grammar: sort_stage = "sort" "by" sort_keys ;
    func sortStage() throws(ParseFailure) -> StageKind {
        advance()
        try consume(.by, expected: "'by' after 'sort'")
        return .sort(try sortKeys())
    }

    /// Grammar: take_stage = "take" expression ;
    func takeStage() throws(ParseFailure) -> StageKind {
        advance()
        return .take(try expression())
    }

    /// Grammar: skip_stage = "skip" expression ;
    func skipStage() throws(ParseFailure) -> StageKind {
        advance()
        return .skip(try expression())
    }

    /// Grammar: top_stage = "top" expression "by" sort_keys ;
    func topStage() throws(ParseFailure) -> StageKind {
        advance()
        let count = try expression()
        try consume(.by, expected: "'by' after the number of rows")
        return .top(count: count, keys: try sortKeys(descendingByDefault: true))
    }

    /// Grammar: count_stage = "count" [ "by" projection_list ] ;
    func countStage() throws(ParseFailure) -> StageKind {
        advance()
        guard match(.by) else { return .count(by: []) }
        return .count(by: try projectionList())
    }

    /// Grammar: summarize_stage = "summarize" aggregate { "," aggregate } [ "by" projection_list ] ;
    func summarizeStage() throws(ParseFailure) -> StageKind {
        advance()
        var aggregates = [try aggregate()]
        while match(.comma) { aggregates.append(try aggregate()) }
        let keys = match(.by) ? try projectionList() : []
        return .summarize(aggregates: aggregates, by: keys)
    }

    /// Grammar: distinct_stage = "distinct" projection_list ;
    func distinctStage() throws(ParseFailure) -> StageKind {
        advance()
        return .distinct(try projectionList())
    }

    /// Grammar: explode_stage = "explode" expression [ "as" name ] ;
    func explodeStage() throws(ParseFailure) -> StageKind {
        advance()
        let list = try expression()
        let alias = match(.as) ? try name(expected: "a column name after 'as'") : nil
        return .explode(list, alias: alias)
    }

    /// Grammar: search_stage = "search" expression ;
    func searchStage() throws(ParseFailure) -> StageKind {
        advance()
        return .search(try expression())
    }

    /// Grammar: pivot_stage = "pivot" projection_list "by" additive [ "in" list ] ;
    func pivotStage() throws(ParseFailure) -> StageKind {
        advance()
        let rows = try projectionList()
        try consume(.by, expected: "'by' and the expression whose values become columns")
        // An additive, not an expression: `by city in [...]` lists the
        // columns; it is not the condition `city in [...]`.
        let column = try additive()
        guard match(.in) else { return .pivot(rows: rows, column: column, values: nil) }
        guard check(.leftBracket) else {
            throw unexpected("a list of the column values after 'in', like [\"海门\", \"太仓\"]")
        }
        return .pivot(rows: rows, column: column, values: try list())
    }

    /// Grammar: matrix_stage = "matrix" [ "by" projection_list ] ;
    func matrixStage() throws(ParseFailure) -> StageKind {
        advance()
        guard match(.by) else { return .matrix(by: []) }
        return .matrix(by: try projectionList())
    }

    /// Grammar: trace_stage = "trace" name [ "reverse" ] ;
    func traceStage() throws(ParseFailure) -> StageKind {
        advance()
        let dataset = try name(expected: "the name of a loaded dataset to trace to, such as nantong")
        return .trace(dataset: dataset, reverse: match(.reverse))
    }

    /// Grammar: chart_stage = "chart" ;
    func chartStage() -> StageKind {
        advance()
        return .chart
    }

    /// `| wher …`: names the stage the user probably meant.
    func unknownStage() -> ParseFailure {
        var failure = unexpected("a stage name")
        guard case .identifier(let word) = peek.kind else { return failure }
        let stages = StageName.allCases.map(\.rawValue)
        failure.diagnostic.code = DiagnosticCode.unknownStage
        failure.diagnostic.message = "unknown stage '\(word)'"
        failure.diagnostic.help =
            NameSuggestion.help(for: word, in: stages) ?? "stages: " + stages.joined(separator: ", ")
        return failure
    }
}
