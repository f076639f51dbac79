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
///   re-prints that column at page breaks more often than it leaves it blank,
///   or prints it for at least 95 % of its rows (a column printed for every
///   task: its rare blank runs are merged cells).
/// - Owner columns cross a category boundary when the document says every
///   task has an owner (`由市政府分管领导牵头负责`).
/// - `number`, `text`, extra columns: never inherited.
///
/// Inheritance never crosses a table, nor (but for owners, above) a
/// section change, and a blank run
/// that a page-break row shows blank is left blank.
struct TableMergePolicy: Sendable {
    private(set) var reprints: [TableColumnRole: Int] = [:]
    private(set) var contradictions: [TableColumnRole: Int] = [:]
    /// Rows with the column printed, and rows in all, per role.
    private(set) var printed: [TableColumnRole: Int] = [:]
    private(set) var rowCount = 0
    /// Whether the document says every task has an owner.
    let ownersStated: Bool

    /// Share of rows above which a column counts as printed for every task,
    /// so its rare blank runs are merged cells.
    static let denseShare = 0.95

    /// Collects the page-break evidence of every table of one document.
    init(tables: [[TableRowValues]], ownersStated: Bool = false) {
        self.ownersStated = ownersStated
        for rows in tables { collect(rows) }
    }

    /// Whether a column is printed for nearly every task (`完成时限` in 168 of 173 rows).
    func isDense(_ role: TableColumnRole) -> Bool {
        rowCount > 0 && Double(printed[role, default: 0]) >= Self.denseShare * Double(rowCount)
    }

    /// Whether blanks of this role inherit across a category boundary: owner
    /// columns do when the document says every task has an owner, since a
    /// merged Word cell in one column can run past a boundary another draws.
    func crossesCategories(_ role: TableColumnRole) -> Bool {
        ownersStated && (role == .leaders || role == .leadUnits)
    }

    /// Whether blank cells of this role inherit the value above.
    func inherits(_ role: TableColumnRole) -> Bool {
        let seen = reprints[role, default: 0]
        let against = contradictions[role, default: 0]
        switch role {
        case .section, .subsection: return true
        case .leaders, .leadUnits: return against <= seen
        case .coUnits, .deadline, .title: return (seen > 0 && seen > against) || isDense(role)
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
        rowCount += rows.count
        for (index, row) in rows.enumerated() {
            for role in TableColumnRole.allCases where !row[role].isEmpty { printed[role, default: 0] += 1 }
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
