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
    /// A column the importer does not interpret (进展情况, 备注, 一季度目标 …):
    /// kept on each record as a named extra field, never mixed into `text`.
    case extra

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
    ///
    /// `tolerant` (grid tables, pipe rows: the header is a whole row) reads
    /// names it does not know as extra columns; a stream of flattened cells
    /// has no row boundary, so there only known names make a header.
    static func recognise(_ rawNames: [String], tolerant: Bool = false) -> TableHeader? {
        let names = rawNames.map(TableCellText.headerKey)
        var roles: [TableColumnRole] = []
        for name in names {
            if let role = role(forHeaderName: name) {
                roles.append(role)
            } else if isKnownExtraColumn(name) || tolerant && isPlausibleColumnName(name) {
                roles.append(.extra)
            } else {
                return nil
            }
        }
        return TableHeader(promotingGroupsIn: roles, names: names)
    }

    /// Validates the role set and settles what the names leave open:
    /// - the outermost grouping column is the section when a table has 分类
    ///   but no 门类 (a table's own top level);
    /// - `重点工作` (a section name) is the task text when no other column
    ///   holds it, and so is a title column (项目名称) alone;
    /// - `责任单位` beside a separate `牵头单位` column names the co-units.
    private init?(promotingGroupsIn roles: [TableColumnRole], names: [String]) {
        var roles = roles
        if !roles.contains(.text) {
            if let section = roles.indices.last(where: { roles[$0] == .section && Self.sectionMayHoldText(names[$0]) })
            {
                roles[section] = .text
            } else if let title = roles.firstIndex(of: .title) {
                roles[title] = .text
            }
        }
        let named = roles.filter { $0 != .extra }
        guard named.count >= 2, roles.count >= 3, roles.contains(.text) else { return nil }
        let responsibility: [TableColumnRole] = [.leaders, .leadUnits, .coUnits]
        guard roles.contains(where: responsibility.contains) else { return nil }
        let leadColumns = roles.indices.filter { roles[$0] == .leadUnits }
        if leadColumns.count > 1, leadColumns.contains(where: { Self.namesLead(names[$0]) }) {
            for column in leadColumns where !Self.namesLead(names[column]) { roles[column] = .coUnits }
        }
        if !roles.contains(.section), let sub = roles.firstIndex(of: .subsection) {
            roles[sub] = .section
        }
        self.roles = roles
        self.names = names
    }

    /// Whether one cell's text could be a header name (used to find where a
    /// header run starts in a stream of cells): a known role, or a column
    /// that progress tables add (``isKnownExtraColumn(_:)``).
    static func isHeaderName(_ raw: String) -> Bool {
        // Most cells are prose: too long to be a column name even padded.
        guard raw.unicodeScalars.count <= 64 else { return false }
        let name = TableCellText.headerKey(raw)
        return role(forHeaderName: name) != nil || isKnownExtraColumn(name)
    }

    /// The role a normalised header name stands for, or nil (the vocabulary
    /// of every role is here, in one place).
    static func role(forHeaderName raw: String) -> TableColumnRole? {
        let name = droppingYear(raw)
        guard !name.isEmpty, name.count <= 16 else { return nil }
        if ["序号", "编号", "序", "序列号"].contains(name) { return .number }
        if name.hasSuffix("领导") || name == "分管市领导" || name == "领导" { return .leaders }
        if name.contains("时限") || name.contains("完成时间") || name.hasPrefix("时间节点") || name == "完成期限"
            || name == "时间要求"
        {
            return .deadline
        }
        if name.contains("内容") || name.hasSuffix("任务") || name.hasSuffix("要求") || name.hasSuffix("举措")
            || name.hasSuffix("事项") || ["预期目标", "主要目标", "年度目标", "工作目标", "目标"].contains(name)
            || name.hasSuffix("措施") || HeadingRules.livelihoodWords.contains(name)
        {
            return .text
        }
        if let unitRole = unitRole(name) { return unitRole }
        if name.hasSuffix("名称") { return .title }
        if ["门类", "方面", "类别", "领域", "重点工作", "工作类别", "任务类别", "板块", "工作板块", "重点领域", "类型"].contains(name) {
            return .section
        }
        if ["项目", "分类", "子项", "工作项目", "重点项目"].contains(name) { return .subsection }
        return nil
    }

    /// `2022年预期目标` → `预期目标`: a header's year says which plan, not what the column holds.
    static func droppingYear(_ name: String) -> String {
        let chars = Array(name)
        guard chars.count > 5, chars[0..<4].allSatisfy({ ChineseNumerals.asciiDigit($0) != nil }), chars[4] == "年"
        else { return name }
        return String(chars[5...])
    }

    /// Columns progress and tracking tables add beside the task: recognised
    /// as part of a header, kept as extra fields.
    static func isKnownExtraColumn(_ name: String) -> Bool {
        guard !name.isEmpty, name.count <= 12 else { return false }
        let marks = [
            "进展", "完成情况", "推进情况", "落实情况", "进度", "备注", "存在问题", "问题", "季度", "月份", "是否", "评价", "得分",
            "投资", "资金", "责任人", "负责人", "联系人", "电话", "督查", "考核", "目标值", "指标值", "计划", "措施建议", "整改",
        ]
        return marks.contains(where: name.contains) && role(forName: name) == nil
    }

    /// Roles that must win over an extra mark (`完成时限` holds 完成, `重点项目` holds 项目).
    private static func role(forName name: String) -> TableColumnRole? {
        if name.contains("时限") || name.contains("完成时间") || name.hasPrefix("时间节点") { return .deadline }
        if name.hasSuffix("单位") || name.hasSuffix("部门") || name.hasSuffix("领导") { return .leadUnits }
        if name.contains("内容") || name.hasSuffix("任务") { return .text }
        return nil
    }

    /// A name a tolerant header keeps as an extra column: short, not prose.
    static func isPlausibleColumnName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 16
            && !name.contains(where: { LineText.isSentenceEnd($0) || LineText.isComma($0) || LineText.isColon($0) })
            && ChineseNumerals.asciiDigit(name.first!) == nil
    }

    private static func sectionMayHoldText(_ name: String) -> Bool {
        ["重点工作", "重点领域", "板块", "工作板块"].contains(name)
    }

    private static func namesLead(_ name: String) -> Bool {
        ["牵头", "主办", "主要", "主责"].contains(where: name.contains)
    }

    private static func unitRole(_ name: String) -> TableColumnRole? {
        guard ["单位", "部门", "主体", "科室", "处室"].contains(where: name.hasSuffix) else { return nil }
        let coMarks = ["协同", "相关", "配合", "协办", "参与", "协助", "共同", "协作", "辅助"]
        if coMarks.contains(where: name.contains) { return .coUnits }
        let leadMarks = ["牵头", "责任", "主办", "承办", "主要", "主责", "实施"]
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
