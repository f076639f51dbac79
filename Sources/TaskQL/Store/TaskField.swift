/// The fields of a task record as the query language names them.
public enum TaskField: String, CaseIterable, Sendable {
    case id, dataset, city, year, kind, section, subsection, number, title, text, leaders
    case leadUnits = "lead_units"
    case coUnits = "co_units"
    case units, deadline, due, source

    /// The field's type in queries.
    public var type: ValueType {
        switch self {
        case .year: .int
        case .due: .date
        case .leaders, .leadUnits, .coUnits, .units: .list(.string)
        default: .string
        }
    }

    /// Whether values are unit names (compared through the alias table).
    public var holdsUnits: Bool { self == .leadUnits || self == .coUnits || self == .units }

    /// Chinese names accepted in queries.
    public var chineseAliases: [String] {
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
        case .due: ["截止日期"]
        case .source: ["来源"]
        }
    }

    /// One line describing the field (for `.schema`).
    public var summary: String {
        switch self {
        case .id: "stable id, e.g. haimen-2020-key-17"
        case .dataset: "dataset name"
        case .city: "city"
        case .year: "plan year"
        case .kind: "key, livelihood, indicator or report"
        case .section: "门类/方面 heading"
        case .subsection: "项目/分类 sub-heading"
        case .number: "序号 as printed"
        case .title: "标题/工程名称"
        case .text: "任务内容"
        case .leaders: "牵头领导/分管领导"
        case .leadUnits: "牵头单位/主要责任单位 (alias-aware)"
        case .coUnits: "协同单位/相关单位 (alias-aware)"
        case .units: "lead_units + co_units (alias-aware)"
        case .deadline: "完成时限 as printed"
        case .due: "the deadline as a date, or null"
        case .source: "file:line the record came from"
        }
    }

    private static let byName: [String: TaskField] = {
        var table: [String: TaskField] = [:]
        for field in TaskField.allCases {
            table[field.rawValue] = field
            for alias in field.chineseAliases { table[alias] = field }
        }
        return table
    }()

    /// The field named `name` (English or Chinese).
    public static func named(_ name: String) -> TaskField? { byName[name] }

    /// Every name a field answers to.
    public static var allNames: [String] { allCases.flatMap { [$0.rawValue] + $0.chineseAliases } }

    /// Fields shown when a query returns whole task rows.
    static let defaultDisplay: [TaskField] = [
        .id, .city, .kind, .number, .text, .leaders, .leadUnits, .coUnits, .deadline, .due,
    ]
}

/// A field's name, type and aliases, for `.schema` and the API.
public struct FieldInfo: Sendable, Hashable {
    public var name: String
    public var type: ValueType
    public var chineseAliases: [String]
    public var summary: String
}
