/// What kind of item a record is.
public enum TaskKind: String, Sendable, CaseIterable {
    /// 重点工作: a key task of the government work report.
    case key
    /// 民生实事 / 为民办实事 / 实事工程: a livelihood project.
    case livelihood
    /// 综合指标 / 综合目标: a composite target (GDP growth …).
    case indicator
    /// A paragraph of a narrative report's plan section.
    case report
}

/// A named value from a column the importer keeps but does not interpret.
public struct ExtraField: Sendable, Equatable, Hashable {
    /// The column's header name (`进展情况`).
    public var name: String
    /// The cell's text.
    public var value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// One task as imported from a document: the unit of every query.
///
/// Field names are the query language's field names; JSON Lines dataset
/// files use the snake_case spelling (`lead_units`).
public struct TaskRecord: Sendable, Equatable, Hashable {
    /// Stable id, e.g. `haimen-2020-key-17`.
    public var id: String
    /// Name of the dataset the record belongs to.
    public var dataset: String
    /// City (城市), e.g. `海门`.
    public var city: String
    /// Year (年份) of the plan.
    public var year: Int
    /// Key task, livelihood project, indicator or report paragraph.
    public var kind: TaskKind
    /// 门类/方面 heading, when the layout has one.
    public var section: String?
    /// 项目/分类 sub-heading, when the layout has one.
    public var subsection: String?
    /// 序号 as printed.
    public var number: String
    /// 标题/工程名称 where the layout has one.
    public var title: String?
    /// 任务内容.
    public var text: String
    /// 牵头领导/分管领导, inner spaces removed.
    public var leaders: [String]
    /// 牵头单位/主要责任单位, as printed.
    public var leadUnits: [String]
    /// 协同单位/相关单位/配合单位, as printed.
    public var coUnits: [String]
    /// 完成时限 as printed.
    public var deadline: String?
    /// The deadline as a date, when the text gives one.
    public var due: CivilDate?
    /// `file:line` the record came from.
    public var source: String
    /// Columns the importer keeps without interpreting them (进展情况,
    /// 一季度目标, 备注 …), by header name in column order.
    public var extra: [ExtraField]

    /// lead_units followed by co_units.
    public var units: [String] { leadUnits + coUnits }

    /// Creates a record; every field is spelled out so importers cannot
    /// forget one.
    public init(
        id: String, dataset: String, city: String, year: Int, kind: TaskKind,
        section: String?, subsection: String?, number: String, title: String?, text: String,
        leaders: [String], leadUnits: [String], coUnits: [String],
        deadline: String?, due: CivilDate?, source: String, extra: [ExtraField] = []
    ) {
        self.extra = extra
        self.id = id
        self.dataset = dataset
        self.city = city
        self.year = year
        self.kind = kind
        self.section = section
        self.subsection = subsection
        self.number = number
        self.title = title
        self.text = text
        self.leaders = leaders
        self.leadUnits = leadUnits
        self.coUnits = coUnits
        self.deadline = deadline
        self.due = due
        self.source = source
    }
}
