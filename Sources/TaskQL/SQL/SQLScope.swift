/// One value in SQL as the compiler tracks it: its expression, and for
/// unit names the expression of their canonical names (a unit column's
/// canonical array, an exploded unit's canonical element), which `has`,
/// `==` and `unit()` compare.
struct SQLValue {
    var sql: String
    var canonical: String?
    /// For the task text, its stored ASCII-lowered copy (`text_folded`,
    /// trigram-indexed), which `contains` reads instead of folding each row.
    var folded: String? = nil
    /// For the printed number, TQL's `int()` of it, stored at push
    /// (`number_int`): TQL reads Chinese numerals and `（三）`, SQL does not.
    var integer: String? = nil
}

/// A SELECT being built, PRQL's way: stages add to it while SQL allows
/// (a `where` before any `take`, a projection at any point), and the
/// compiler wraps it as a subquery when a stage cannot be added (a
/// `where` after `take`, a `skip` after `take`, `explode`) and after every
/// grouping stage. A subquery exports its columns as `c0…`, their canonical
/// names as `k0…`, the number's integer as `n0…`, and the row order as one number `_o`
/// (`row_number() OVER (ORDER BY …)`), so TQL's order survives every
/// wrap: SQL keeps no order through a subquery.
struct SQLScope {
    /// `taskql_tasks AS t JOIN …`, or `(SELECT …) AS s3`.
    var from: String
    /// One per column of the TQL row schema, valid over ``from``.
    var columns: [SQLValue]
    var wheres: [String] = []
    var groupBy: [String] = []
    /// ORDER BY items (with `NULLS LAST` and the C collation where needed),
    /// ending in a tiebreak that makes the order total.
    var order: [String]
    var limit: Int?
    var offset: Int?

    /// Whether a `where` can go into this SELECT's WHERE clause (a
    /// grouping stage always ends its SELECT, so only a limit stops it).
    var acceptsFilter: Bool { limit == nil && offset == nil }
    /// Whether ORDER BY can be replaced.
    var acceptsSort: Bool { limit == nil && offset == nil }

    /// The SELECT with the given output list.
    func select(_ outputs: [String]) -> String {
        var text = "SELECT " + (outputs.isEmpty ? "1" : outputs.joined(separator: ", ")) + " FROM " + from
        if !wheres.isEmpty { text += " WHERE " + wheres.map { "(\($0))" }.joined(separator: " AND ") }
        if !groupBy.isEmpty { text += " GROUP BY " + groupBy.joined(separator: ", ") }
        if !order.isEmpty { text += " ORDER BY " + order.joined(separator: ", ") }
        if let limit { text += " LIMIT \(limit)" }
        if let offset { text += " OFFSET \(offset)" }
        return text
    }

    /// This SELECT as the FROM of a new one, aliased `alias`.
    func wrapped(as alias: String) -> SQLScope {
        var outputs: [String] = []
        for (i, c) in columns.enumerated() {
            outputs.append("\(c.sql) AS c\(i)")
            if let canonical = c.canonical { outputs.append("\(canonical) AS k\(i)") }
            if let integer = c.integer { outputs.append("\(integer) AS n\(i)") }
        }
        let rank = order.isEmpty ? "1::bigint" : "row_number() OVER (ORDER BY \(order.joined(separator: ", ")))"
        outputs.append("\(rank) AS _o")
        let columns = columns.enumerated().map { i, c in
            SQLValue(
                sql: "\(alias).c\(i)", canonical: c.canonical == nil ? nil : "\(alias).k\(i)",
                integer: c.integer == nil ? nil : "\(alias).n\(i)")
        }
        return SQLScope(from: "(\(select(outputs))) AS \(alias)", columns: columns, order: ["\(alias)._o"])
    }
}
