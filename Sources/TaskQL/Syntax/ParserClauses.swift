// The comma-separated parts of stages: projections, assignments, sort keys.

extension ScriptParser {
    /// Grammar: projection_list = projection { "," projection } ;
    func projectionList() throws(ParseFailure) -> [Projection] {
        var projections = [try projection()]
        while match(.comma) { projections.append(try projection()) }
        return projections
    }

    /// Grammar: projection = expression [ "as" name ] ;
    func projection() throws(ParseFailure) -> Projection {
        let expr = try expression()
        let alias = match(.as) ? try name(expected: "a column name after 'as'") : nil
        return Projection(expr: expr, alias: alias)
    }

    /// Grammar: assignment = name "=" expression ;
    func assignment() throws(ParseFailure) -> Assignment {
        let column = try name(expected: "a column name (name = expression)")
        try consume(.assign, expected: "'=' after '\(column.name)'")
        return Assignment(name: column, expr: try expression())
    }

    /// Grammar: aggregate = [ name "=" ] expression ;
    ///
    /// Without a name the column is named after the call: `count()` →
    /// `count`, `dcount(lead_units)` → `dcount_lead_units`.
    func aggregate() throws(ParseFailure) -> Assignment {
        if peekIsName, current + 1 < tokens.count, tokens[current + 1].is(.assign) {
            return try assignment()
        }
        let expr = try expression()
        return Assignment(name: Identifier(Self.columnName(for: expr), span: expr.span), expr: expr)
    }

    /// The column name an unnamed aggregate gets.
    static func columnName(for expr: Expr) -> String {
        guard case .call(let function, let arguments) = expr.kind else { return "value" }
        if arguments.count == 1, case .field(let field) = arguments[0].kind {
            return function.name + "_" + field.name
        }
        return function.name
    }

    /// Grammar: sort_keys = sort_key { "," sort_key } ;
    /// `descendingByDefault` is for `top`, whose keys rank largest first
    /// unless written `asc` (`top 5 by count` is the five largest).
    func sortKeys(descendingByDefault: Bool = false) throws(ParseFailure) -> [SortKey] {
        var keys = [try sortKey(descendingByDefault: descendingByDefault)]
        while match(.comma) { keys.append(try sortKey(descendingByDefault: descendingByDefault)) }
        return keys
    }

    /// Grammar: sort_key = expression [ "asc" | "desc" ] ;
    func sortKey(descendingByDefault: Bool) throws(ParseFailure) -> SortKey {
        let expr = try expression()
        if match(.desc) { return SortKey(expr: expr, descending: true) }
        if match(.asc) { return SortKey(expr: expr, descending: false) }
        return SortKey(expr: expr, descending: descendingByDefault)
    }
}
