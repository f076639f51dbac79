/// Which blank cells of a table mean "same as above".
///
/// Word exports a vertically merged cell as text in its first row and blank
/// cells below. The documents give their own evidence of which columns were
/// merged: when a merged cell runs over a page break, Word prints its text
/// again on the new page. A *page-break row* is one whose section cell is
/// printed again (the row above had it blank and the text equals the section
/// carried down). At such a row, a column whose cell above was blank either
/// prints the carried value again (a *re-print*: that column is merged) or
/// stays blank (a *contradiction*: that blank run was really empty).
///
/// The rule, per column role:
/// - `section`, `subsection` (门类/项目/类别): grouping headings, always
///   merged; a blank inherits the heading above (subsection only within the
///   same section).
/// - `leaders`, `lead_units`: every task has an owner (the notices say so), so
///   blanks inherit unless the document's page breaks contradict more often
///   than they re-print.
/// - `co_units`, `deadline`, `title`: blanks inherit only when the document
///   re-prints that column at page breaks more often than it leaves it blank.
/// - `number`, `text`, extra columns: never inherited.
///
/// Inheritance never crosses a section change or a table, and a blank run
/// that a page-break row shows blank is left blank.
struct TableMergePolicy: Sendable {
    private(set) var reprints: [TableColumnRole: Int] = [:]
    private(set) var contradictions: [TableColumnRole: Int] = [:]

    /// Collects the page-break evidence of every table of one document.
    init(tables: [[TableRowValues]]) {
        for rows in tables { collect(rows) }
    }

    /// Whether blank cells of this role inherit the value above.
    func inherits(_ role: TableColumnRole) -> Bool {
        let seen = reprints[role, default: 0]
        let against = contradictions[role, default: 0]
        switch role {
        case .section, .subsection: return true
        case .leaders, .leadUnits: return against <= seen
        case .coUnits, .deadline, .title: return seen > 0 && seen > against
        case .number, .text, .extra: return false
        }
    }

    /// Rows where a page break re-printed the section cell.
    static func pageBreakRows(_ rows: [TableRowValues]) -> Set<Int> {
        var result: Set<Int> = []
        var carried: [String] = []
        for (index, row) in rows.enumerated() {
            let section = row[.section]
            guard !section.isEmpty else { continue }
            if index > 0, rows[index - 1][.section].isEmpty, section == carried {
                result.insert(index)
            }
            carried = section
        }
        return result
    }

    private mutating func collect(_ rows: [TableRowValues]) {
        let breaks = Self.pageBreakRows(rows)
        var carried: [TableColumnRole: [String]] = [:]
        for (index, row) in rows.enumerated() {
            if breaks.contains(index) { weigh(row, above: rows[index - 1], carried: carried) }
            for role in TableColumnRole.allCases where !row[role].isEmpty {
                carried[role] = row[role]
            }
        }
    }

    private mutating func weigh(
        _ row: TableRowValues, above: TableRowValues, carried: [TableColumnRole: [String]]
    ) {
        for role in TableColumnRole.allCases where role != .section {
            guard above[role].isEmpty, let value = carried[role] else { continue }
            if row[role] == value { reprints[role, default: 0] += 1 }
            if row[role].isEmpty { contradictions[role, default: 0] += 1 }
        }
    }
}
