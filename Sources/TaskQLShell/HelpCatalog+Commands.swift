import TaskQL

// Dot-commands and diagnostic codes.
extension HelpCatalog {
    /// One example per dot-command (files named here exist where the
    /// help test runs them: `plan.jsonl`, `setup.tql`).
    static let commandExamples: [String: String] = [
        ".help": ".help where", ".load": ".load plan.jsonl as plan", ".datasets": ".datasets",
        ".schema": ".schema haimen", ".mode": ".mode csv\ntasks | count by city", ".timer": ".timer on",
        ".headers": ".headers off\ntasks | count by city", ".bom": ".bom on\n.mode csv\ntasks | count",
        ".nullvalue": ".nullvalue 空\ntasks | select id, section | take 2", ".maxrows": ".maxrows 6\ntasks | select id",
        ".maxwidth": ".maxwidth 60\ntasks | select id, text | take 2", ".pager": ".pager off",
        ".last": "tasks | count by city\n.last",
        ".param": ".param set leader 周国强\ntasks | where leaders has $leader | count",
        ".asof": ".asof 2020-07-01\ntasks | where overdue(due) | count", ".bail": ".bail on",
        ".aliases": ".aliases 发改委", ".read": ".read setup.tql",
        ".output": ".output result.csv\ntasks | count\n.output stdout",
        ".once": ".once result.xlsx\ntasks | count by city", ".history": ".history", ".quit": ".quit", ".exit": ".exit",
    ]

    static var commands: [HelpEntry] {
        DotCommand.all.map { c in
            HelpEntry(
                name: c.name, kind: .command, synopsis: c.usage.isEmpty ? c.name : c.name + " " + c.usage,
                meaning: c.summary, example: commandExamples[c.name])
        }
    }

    /// A query that gives each code, and for codes no query gives, nil
    /// (the meaning then says what gives it).
    static let errorExamples: [DiagnosticCode: String] = [
        .unexpectedCharacter: "tasks | where city == \"海门\" ， kind == \"key\"",
        .unclosedString: "tasks | where city == \"海门",
        .invalidEscape: "tasks | where text contains \"\\q\"",
        .invalidDate: "tasks | where due < 2020-02-30",
        .invalidNumber: "tasks | take 99999999999999999999999",
        .invalidParameter: "tasks | where leaders has $",
        .unexpectedToken: "tasks | where city ==",
        .unclosedBracket: "tasks | where city in [\"海门\"",
        .unknownStage: "tasks | wher city == \"海门\"",
        .unknownField: "tasks | where lead_unit has \"发改委\"",
        .unknownFunction: "tasks | extend n = length(text)",
        .unknownSource: "taks | count",
        .typeMismatch: "tasks | where year == \"2020\"",
        .badArguments: "tasks | extend n = len(text, 2)",
        .unknownUnit: "tasks | where lead_units has \"不存在的局\"",
        .misplacedAggregate: "tasks | where count() > 1",
        .invalidCount: "tasks | take -1",
        .invalidRegex: "tasks | where text matches \"(\"",
        .parameterConflict: "tasks | where year == $x and city == $x",
        .duplicateColumn: "tasks | select id, id",
        .fieldOutsideAggregate: "tasks | summarize n = count() + year",
        .comparisonWithNull: "tasks | where section == null",
        .statementNotAllowed: "let tasks = haimen",
        .invalidDatasetName: "load \"plan.jsonl\" as where",
        .divisionByZero: "tasks | extend r = 1 / (year - year)",
        .missingParameter: "tasks | where leaders has $nobody",
        .runtimeCount: ".param set n -1\ntasks | take $n",
        .unreadableFile: "load \"nosuch.docx\"",
        .loadRefused: "load \"plan.jsonl\" as plan\nload \"plan.jsonl\" as again",
    ]

    static var errors: [HelpEntry] {
        DiagnosticCode.allCases.map { code in
            let example = errorExamples[code]
            let arises =
                example != nil
                ? "" : " — " + (arisesWithoutQuery[code] ?? "given by the host or a file, not by a query typed here")
            return HelpEntry(
                name: code.rawValue, kind: .error, synopsis: code.rawValue, meaning: code.summary + arises,
                example: example)
        }
    }

    /// How the codes without a query example arise.
    static let arisesWithoutQuery: [DiagnosticCode: String] = [
        .nestedTooDeeply: "a query nesting brackets or operators more than 200 deep",
        .statementTooLong: "a statement over 1 MiB",
        .fileAccessDenied: "`load` in a program that embeds the library without file access",
        .tooManyColumns: "a stage making more than 1,000 columns",
        .pivotColumnsUnknown: "`pivot … by x` over rows that depend on a parameter: list the columns with `in [...]`",
        .rowLimit: "a result over the embedding program's row budget",
        .timeLimit: "a query over the embedding program's time budget",
        .cancelled: "Ctrl-C, or the embedding program's cancel",
        .parameterType: "a parameter given a value of the wrong type (--param n=abc for a count)",
        .runtimeType: "a value of the wrong type from an untyped parameter",
        .runtimeRegex: "a regular expression from a parameter that does not compile",
        .undecodableText: "a document whose bytes are not text in its encoding (names the byte offset)",
        .invalidDatasetFile: "a dataset file line that is not what taskql import writes",
        .unreadableDocument: "a broken .docx or a failed conversion",
        .noTasks: "a document with no recognisable tasks",
        .invalidAliasFile: "an --aliases file line that is not `canonical = alias, …`",
        .importWarning: "an import that went on past a numbering gap or a missing unit",
        .notCompilable: "a query the SQL back-end cannot compile to the same result",
        .databaseError: "with --db: the server refused the statement or the connection failed",
    ]
}
