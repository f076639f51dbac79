/// What a table column holds, decided from its header name.
enum TableColumnRole: String, Sendable, CaseIterable {
    /// 门类/方面/类别/重点工作: the outer grouping heading (merged vertically).
    case section
    /// 项目/分类: the inner grouping heading.
    case subsection
    /// 序号.
    case number
    /// 工程名称/项目名称: the name of a project.
    case title
    /// 主要任务/内容和要求/主要建设内容 …
    case text
    /// 牵头领导/分管领导/责任领导.
    case leaders
    /// 牵头单位/主要责任单位/责任单位.
    case leadUnits
    /// 协同单位/相关单位/配合单位.
    case coUnits
    /// 完成时限.
    case deadline

    /// The data model's field name, used in `ReaderNotes.inheritedCells`.
    var fieldName: String {
        switch self {
        case .leadUnits: "lead_units"
        case .coUnits: "co_units"
        default: rawValue
        }
    }
}

/// A recognised table header: one role per column, in column order.
///
/// Header names are compared after removing padding and line breaks
/// (`主  要  任  务`, `牵头\n领导`) and folding traditional characters
/// (`牽頭單位`), so the same rules serve Word cell tables and pipe tables.
struct TableHeader: Sendable, Equatable {
    var roles: [TableColumnRole]
    /// Header names as normalised (`主要任务`), for messages and kinds.
    var names: [String]

    var columnCount: Int { roles.count }

    func column(of role: TableColumnRole) -> Int? { roles.firstIndex(of: role) }

    /// The header these cell names form, or nil when they are not a task
    /// table header (too few columns, or no task text and no responsibility).
    static func recognise(_ rawNames: [String]) -> TableHeader? {
        let names = rawNames.map(TableCellText.headerKey)
        var roles: [TableColumnRole] = []
        for name in names {
            guard let role = role(forHeaderName: name) else { return nil }
            roles.append(role)
        }
        return TableHeader(promotingGroupsIn: roles, names: names)
    }

    /// Validates the role set and makes the outermost grouping column the
    /// section when a table has 分类 but no 门类 (a table's own top level).
    private init?(promotingGroupsIn roles: [TableColumnRole], names: [String]) {
        guard roles.count >= 3, roles.contains(.text) else { return nil }
        let responsibility: [TableColumnRole] = [.leaders, .leadUnits, .coUnits]
        guard roles.contains(where: responsibility.contains) else { return nil }
        var roles = roles
        if !roles.contains(.section), let sub = roles.firstIndex(of: .subsection) {
            roles[sub] = .section
        }
        self.roles = roles
        self.names = names
    }

    /// Whether one cell's text could be a header name (used to find where a
    /// header run starts in a stream of cells).
    static func isHeaderName(_ raw: String) -> Bool {
        role(forHeaderName: TableCellText.headerKey(raw)) != nil
    }

    /// The role a normalised header name stands for, or nil.
    static func role(forHeaderName name: String) -> TableColumnRole? {
        guard !name.isEmpty, name.count <= 12 else { return nil }
        if ["序号", "编号", "序"].contains(name) { return .number }
        if name.hasSuffix("领导") { return .leaders }
        if name.contains("时限") || name.hasPrefix("完成时间") || name == "时间节点" {
            return .deadline
        }
        if name.contains("内容") || name.hasSuffix("任务") || name.hasSuffix("要求") {
            return .text
        }
        if let unitRole = unitRole(name) { return unitRole }
        if name.hasSuffix("名称") { return .title }
        if ["门类", "方面", "类别", "领域", "重点工作", "工作类别"].contains(name) { return .section }
        if ["项目", "分类", "子项", "工作项目"].contains(name) { return .subsection }
        return nil
    }

    private static func unitRole(_ name: String) -> TableColumnRole? {
        guard name.hasSuffix("单位") || name.hasSuffix("部门") else { return nil }
        let coMarks = ["协同", "相关", "配合", "协办", "参与", "协助"]
        if coMarks.contains(where: name.contains) { return .coUnits }
        let leadMarks = ["牵头", "责任", "主办", "承办", "主要"]
        if leadMarks.contains(where: name.contains) { return .leadUnits }
        return nil
    }
}

extension TableHeader {
    /// In a livelihood table a column named 项目 names the project (a title),
    /// not a sub-heading.
    func adapted(to kind: TaskKind) -> TableHeader {
        guard kind == .livelihood, !roles.contains(.title),
            let column = names.firstIndex(of: "项目")
        else { return self }
        var header = self
        header.roles[column] = .title
        return header
    }
}
