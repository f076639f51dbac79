import TaskQL

/// Texts for `.help TOPIC` and `.schema`.
enum ReplHelp {
    static let topics = ["stages", "functions", "formats", "fields"]

    static let footer = """

        Statements end at a newline or ';' (a line ending in '|' or inside brackets continues).
        Example: tasks | where lead_units has "发改委" | count by city
        Tab completes names (also unit and leader names inside "…"); Ctrl-C cancels; Ctrl-D leaves.

        """

    static func topic(_ name: String, vocabulary: CompletionVocabulary) -> String? {
        switch name {
        case "stages": return vocabulary.stages.joined(separator: " ") + "\n"
        case "functions": return vocabulary.functions.joined(separator: " ") + "\n"
        case "formats": return OutputFormat.allCases.map(\.rawValue).joined(separator: " ") + "\n"
        case "fields": return vocabulary.fields.joined(separator: " ") + "\n"
        default: return nil
        }
    }

    /// TODO(back): `engine.schema`.
    static let schemaRows: [[Value]] = [
        ("id", "string", "", "stable id, e.g. haimen-2020-key-17"),
        ("dataset", "string", "", "dataset name"),
        ("city", "string", "城市", "city"),
        ("year", "integer", "年份", "plan year"),
        ("kind", "string", "", "key, livelihood, indicator or report"),
        ("section", "string", "", "门类/方面 heading"),
        ("subsection", "string", "", "项目/分类 sub-heading"),
        ("number", "string", "序号", "number as printed"),
        ("title", "string", "标题", "title where the layout has one"),
        ("text", "string", "任务内容", "the task text"),
        ("leaders", "list of string", "牵头领导", "leading officials"),
        ("lead_units", "list of string", "牵头单位", "lead units"),
        ("co_units", "list of string", "协同单位", "co-operating units"),
        ("units", "list of string", "", "lead_units + co_units"),
        ("deadline", "string", "完成时限", "deadline as printed"),
        ("due", "date", "", "the deadline as a date"),
        ("source", "string", "", "file:line the record came from"),
    ].map { [.string($0.0), .string($0.1), $0.2.isEmpty ? .null : .string($0.2), .string($0.3)] }
}
