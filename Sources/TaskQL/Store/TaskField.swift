/// The fields of a task record as the query language names them.
enum TaskField: String, CaseIterable, Sendable {
    case id, dataset, city, year, kind, section, subsection, number, title, text, leaders
    case leadUnits = "lead_units"
    case coUnits = "co_units"
    case units, deadline, due, source

    /// The English name used in queries and result columns.
    var name: String { rawValue }

    /// The field's type in queries.
    var type: ValueType {
        switch self {
        case .year: .int
        case .due: .date
        case .leaders, .leadUnits, .coUnits, .units: .list(.string)
        default: .string
        }
    }

    /// Whether the field holds unit names, so that `has`/`==` compare
    /// canonical names.
    var isUnits: Bool { self == .leadUnits || self == .coUnits || self == .units }

    /// Chinese names accepted in queries, as the documents print them.
    var chineseAliases: [String] {
        switch self {
        case .id: ["编号"]
        case .dataset: ["数据集"]
        case .city: ["城市"]
        case .year: ["年份"]
        case .kind: ["类型", "类别"]
        case .section: ["门类", "方面"]
        case .subsection: ["项目", "分类"]
        case .number: ["序号"]
        case .title: ["标题"]
        case .text: ["任务内容", "内容"]
        case .leaders: ["牵头领导", "分管领导", "领导"]
        case .leadUnits: ["牵头单位", "主要责任单位"]
        case .coUnits: ["协同单位", "相关单位", "配合单位"]
        case .units: ["单位", "责任单位"]
        case .deadline: ["完成时限"]
        case .due: ["截止日期", "到期"]
        case .source: ["来源"]
        }
    }

    /// One line saying what the field holds (for `.schema`).
    var summary: String {
        switch self {
        case .id: "stable id, e.g. haimen-2020-key-17"
        case .dataset: "name of the dataset the task belongs to"
        case .city: "city the plan is about"
        case .year: "plan year"
        case .kind: "key, livelihood, indicator or report"
        case .section: "heading the task sits under (may be null)"
        case .subsection: "sub-heading (may be null)"
        case .number: "number as printed"
        case .title: "title or project name, where the layout has one (may be null)"
        case .text: "the task's text"
        case .leaders: "leaders in charge, inner spaces removed"
        case .leadUnits: "lead units as printed; has/== compare canonical names"
        case .coUnits: "co-operating units as printed; has/== compare canonical names"
        case .units: "lead_units followed by co_units"
        case .deadline: "deadline as printed (may be null)"
        case .due: "the deadline as a date (null when it is not a date)"
        case .source: "file and line the task came from"
        }
    }

    /// Looks a field up by English name or Chinese alias.
    static func named(_ name: String) -> TaskField? { byName[name] }

    private static let byName: [String: TaskField] = {
        var map: [String: TaskField] = [:]
        for field in allCases {
            map[field.name] = field
            for alias in field.chineseAliases { map[alias] = field }
        }
        return map
    }()

    /// Every accepted name (English first, then Chinese aliases).
    static var allNames: [String] {
        allCases.map(\.name) + allCases.flatMap(\.chineseAliases)
    }

    /// The columns a bare `tasks` query returns, in this order.
    static let standardColumns: [TaskField] = allCases
}

/// A field of the task schema, for `.schema` and documentation.
package struct FieldInfo: Sendable, Hashable {
    /// English name used in queries and result columns (`lead_units`).
    package var name: String
    /// The field's type.
    package var type: ValueType
    /// Chinese names accepted in queries (`牵头单位`, `主要责任单位`).
    package var chineseAliases: [String]
    /// What the field holds.
    package var summary: String

    /// Creates a field description.
    package init(name: String, type: ValueType, chineseAliases: [String], summary: String) {
        self.name = name
        self.type = type
        self.chineseAliases = chineseAliases
        self.summary = summary
    }
}
