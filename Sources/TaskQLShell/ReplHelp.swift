import TaskQL

/// Texts for `.help TOPIC` and `.schema`.
package enum ReplHelp {
    package static let topics = ["stages", "functions", "formats", "fields"]

    package static let footer = """

        Statements end at a newline or ';' (a line ending in '|' or inside brackets continues):
          SOURCE | stage | …       SOURCE: tasks, a dataset, a let name, or diff DATASET DATASET (what changed)
          let NAME = QUERY         load "FILE" [as NAME]         explain QUERY (its plan, rows and times)
        Example: tasks | where lead_units has "发改委" | count by city
        Tab completes names (also unit and leader names inside "…"); Ctrl-C cancels; Ctrl-D leaves.

        """

    package static func topic(_ name: String, vocabulary: CompletionVocabulary) -> String? {
        switch name {
        case "stages": return vocabulary.stages.joined(separator: " ") + "\n"
        case "functions": return FunctionCatalog.signatures.joined(separator: "\n") + "\n"
        case "formats": return OutputFormat.allCases.map(\.rawValue).joined(separator: " ") + "\n"
        case "fields": return vocabulary.fields.joined(separator: " ") + "\n"
        default: return FunctionCatalog.signature(of: name).map { $0 + "\n" }
        }
    }
}
