extension ParserState {
    static let stageNames: [Keyword] = [
        .where, .select, .extend, .sort, .take, .skip, .top, .count, .summarize, .distinct, .explode, .search, .chart,
    ]

    /// Grammar: stage = where_stage | select_stage | extend_stage | sort_stage | take_stage | skip_stage | top_stage | count_stage | summarize_stage | distinct_stage | explode_stage | search_stage | chart_stage ;
    mutating func stage() throws -> Stage {
        let token = peek()
        guard case .keyword(let keyword) = token.kind, Self.stageNames.contains(keyword) else {
            var help: String?
            if case .identifier(let word) = token.kind {
                help = NameSuggestion.help(for: word, in: Self.stageNames.map(\.rawValue))
            }
            if token.lexerDiagnostic != nil { throw fail(expected: "a stage") }
            throw fail(
                SyntaxDiagnosticCode.unknownStage, "expected a stage after '|', found \(Self.describe(token))",
                span: token.span, help: help ?? "stages: " + Self.stageNames.map(\.rawValue).joined(separator: " "))
        }
        advance()
        let kind: StageKind
        switch keyword {
        case .where: kind = .where(try expression())                           // where_stage = "where" expression ;
        case .select: kind = .select(try projections())                        // select_stage = "select" projection_list ;
        case .extend: kind = .extend(try assignments())                        // extend_stage = "extend" assignment_list ;
        case .sort:                                                            // sort_stage = "sort" "by" sort_key_list ;
            try consume(.by, "'by' after 'sort'")
            kind = .sort(try sortKeys())
        case .take: kind = .take(try expression())                             // take_stage = "take" expression ;
        case .skip: kind = .skip(try expression())                             // skip_stage = "skip" expression ;
        case .top:                                                             // top_stage = "top" expression "by" sort_key_list ;
            let n = try binary(level: 3)
            try consume(.by, "'by' after 'top \(n)'")
            kind = .top(count: n, keys: try sortKeys())
        case .count: kind = .count(by: match(.by) ? try projections() : [])   // count_stage = "count" [ "by" projection_list ] ;
        case .summarize:                                                       // summarize_stage = "summarize" assignment_list [ "by" projection_list ] ;
            let aggregates = try assignments()
            kind = .summarize(aggregates: aggregates, by: match(.by) ? try projections() : [])
        case .distinct: kind = .distinct(try projections())                    // distinct_stage = "distinct" projection_list ;
        case .explode:                                                         // explode_stage = "explode" expression [ "as" name ] ;
            let e = try expression()
            kind = .explode(e, alias: match(.as) ? try name("a column name after 'as'") : nil)
        case .search: kind = .search(try expression())                         // search_stage = "search" expression ;
        default: kind = .chart                                                 // chart_stage = "chart" ;
        }
        return Stage(kind, span: token.span.union(previous().span))
    }

    /// Grammar: projection_list = projection { "," projection } ;
    mutating func projections() throws -> [Projection] {
        var list = [try projection()]
        while match(.comma) { list.append(try projection()) }
        return list
    }

    /// Grammar: projection = expression [ "as" name ] ;
    mutating func projection() throws -> Projection {
        let e = try expression()
        return Projection(expr: e, alias: match(.as) ? try name("a column name after 'as'") : nil)
    }

    /// Grammar: assignment_list = assignment { "," assignment } ;
    mutating func assignments() throws -> [Assignment] {
        var list = [try assignment()]
        while match(.comma) { list.append(try assignment()) }
        return list
    }

    /// Grammar: assignment = name "=" expression ;
    mutating func assignment() throws -> Assignment {
        let n = try name("a column name (name = expression)")
        try consume(.assign, "'=' after '\(n.name)'")
        return Assignment(name: n, expr: try expression())
    }

    /// Grammar: sort_key_list = sort_key { "," sort_key } ;
    mutating func sortKeys() throws -> [SortKey] {
        var list = [try sortKey()]
        while match(.comma) { list.append(try sortKey()) }
        return list
    }

    /// Grammar: sort_key = expression [ "asc" | "desc" ] ;
    mutating func sortKey() throws -> SortKey {
        let e = try expression()
        if match(.desc) { return SortKey(expr: e, descending: true) }
        _ = match(.asc)
        return SortKey(expr: e, descending: false)
    }
}
