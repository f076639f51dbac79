/// One topic of `.help`: a stage, function, operator, field, dot-command,
/// statement or diagnostic code, with a one-line meaning and an example
/// that runs on the bundled data (a test runs every one; an error code's
/// example fails with that code).
package struct HelpEntry: Sendable, Equatable {
    /// What the entry is about, also the list topics (`.help stages`).
    package enum Kind: String, Sendable, CaseIterable {
        case statement, stage, function, `operator`, field, command, error

        /// `.help stages` …
        package var topic: String {
            switch self {
            case .statement: "statements"
            case .stage: "stages"
            case .function: "functions"
            case .operator: "operators"
            case .field: "fields"
            case .command: "commands"
            case .error: "errors"
            }
        }
    }

    /// `where`, `len`, `==`, `lead_units`, `.mode`, `E0301`.
    package var name: String
    package var kind: Kind
    /// How it is written: `| where CONDITION`.
    package var synopsis: String
    /// What it does, in one line.
    package var meaning: String
    /// A query or dot-command lines that run on the bundled data; nil only
    /// for a diagnostic no query gives (then ``meaning`` says when it arises).
    package var example: String?
    /// Other names that find the entry (a field's Chinese names).
    package var aliases: [String] = []

    /// The entry as `.help NAME` prints it.
    package var rendered: String {
        var text = "\(name) — \(kind.rawValue)\n  \(synopsis)\n  \(meaning)\n"
        if !aliases.isEmpty { text += "  also: \(aliases.joined(separator: "、"))\n" }
        if let example {
            let lines = example.split(separator: "\n", omittingEmptySubsequences: false)
            text += "  example: " + lines.joined(separator: "\n           ") + "\n"
        }
        return text
    }
}
