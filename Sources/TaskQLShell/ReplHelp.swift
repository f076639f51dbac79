import TaskQL

/// Texts for `.help TOPIC` and `.schema`.
package enum ReplHelp {
    /// The list topics of `.help TOPIC`.
    package static let topics = HelpCatalog.topics + ["formats"]

    package static let footer = """

        Statements end at a newline or ';' (a line ending in '|' or inside brackets continues):
          SOURCE | stage | …       SOURCE: tasks, a dataset, a let name, or diff DATASET DATASET (what changed)
          let NAME = QUERY         load "FILE" [as NAME]         explain QUERY (its plan, rows and times)
        Example: tasks | where lead_units has "发改委" | count by city
        .help TOPIC explains a stage, function, operator, field, .command or error code (.help where,
        .help 牵头单位, .help E0301); lists: .help statements|stages|functions|operators|fields|commands|errors
        Tab completes names (also unit and leader names inside "…"); Ctrl-C cancels; Ctrl-D leaves.

        """

    /// `.help TOPIC`: a list topic, an entry, or nil.
    package static func topic(_ name: String, catalog: HelpCatalog) -> String? {
        if name == "formats" {
            return OutputFormat.allCases.map(\.rawValue).joined(separator: " ") + "\n"
        }
        return catalog.list(name) ?? catalog.entry(name)?.rendered
    }
}
