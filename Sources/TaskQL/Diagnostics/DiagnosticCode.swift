/// Every diagnostic's stable code, in one table: the lexer (`E01xx`), the
/// parser (`E02xx`), the checker (`E03xx`), evaluation (`E04xx`) and reading
/// files (`E05xx`, warnings `W05xx`). Codes never change meaning; the table
/// in `Grammar/README.md` is checked against `allCases` and ``summary``.
public enum DiagnosticCode: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {

    // MARK: Lexer

    /// A character that starts no token (`!`, `，`, `&`).
    case unexpectedCharacter = "E0101"
    /// A string literal without its closing quote.
    case unclosedString = "E0102"
    /// `\x` and other escapes TQL does not know.
    case invalidEscape = "E0103"
    /// `2020-02-30`: shaped like a date but not a day of the calendar.
    case invalidDate = "E0104"
    /// A number literal out of range.
    case invalidNumber = "E0105"
    /// `$` without a parameter name.
    case invalidParameter = "E0106"

    // MARK: Parser

    /// `expected …, found …`.
    case unexpectedToken = "E0201"
    /// `(` or `[` that is never closed.
    case unclosedBracket = "E0202"
    /// Parentheses, lists, prefix operators or operator chains nested past
    /// `Parser.maximumNestingDepth` (200).
    case nestedTooDeeply = "E0203"
    /// `| wher …`: a word where a stage name belongs.
    case unknownStage = "E0204"
    /// A statement longer than `Parser.maximumStatementBytes` (1 MiB).
    case statementTooLong = "E0205"

    // MARK: Checker

    /// A field or column name that does not exist at that point.
    case unknownField = "E0301"
    /// A function name that does not exist.
    case unknownFunction = "E0302"
    /// A source that is not `tasks`, a dataset or a `let` name.
    case unknownSource = "E0303"
    /// Operands whose types the operator does not accept.
    case typeMismatch = "E0304"
    /// Wrong number or types of function arguments.
    case badArguments = "E0305"
    /// A unit name compared with a unit field that is neither in the data
    /// nor in the alias table.
    case unknownUnit = "E0306"
    /// An aggregate outside summarize, or one inside another.
    case misplacedAggregate = "E0307"
    /// `take -1`, `top 2.5`: a count that is not a non-negative integer.
    case invalidCount = "E0308"
    /// A regular expression that does not compile.
    case invalidRegex = "E0309"
    /// One parameter used as two incompatible types.
    case parameterConflict = "E0310"
    /// `load` in an engine without file access.
    case fileAccessDenied = "E0311"
    /// Two output columns with one name.
    case duplicateColumn = "E0312"
    /// A field used in summarize outside an aggregate.
    case fieldOutsideAggregate = "E0313"
    /// `x == null`, which is never true.
    case comparisonWithNull = "E0314"
    /// A statement that cannot be used where it is (`load` in a prepared query).
    case statementNotAllowed = "E0315"
    /// A stage that makes more than `RowSchema.maximumColumns` (1,000) columns.
    case tooManyColumns = "E0316"
    /// `load … as tasks`: a dataset name no query could use.
    case invalidDatasetName = "E0317"
    /// `pivot … by x` without `in [...]` where its columns cannot be
    /// found when the query is checked (the rows depend on parameters).
    case pivotColumnsUnknown = "E0318"

    // MARK: Evaluation

    /// Division by zero.
    case divisionByZero = "E0401"
    /// More rows than the engine's row budget.
    case rowLimit = "E0402"
    /// Longer than the engine's time budget.
    case timeLimit = "E0403"
    /// Cancelled by the host.
    case cancelled = "E0404"
    /// A parameter the query uses was not given.
    case missingParameter = "E0405"
    /// A parameter value of the wrong type.
    case parameterType = "E0406"
    /// Values of types an operation cannot take (only where types were not
    /// known before running, e.g. untyped parameters).
    case runtimeType = "E0407"
    /// A regular expression from a parameter that does not compile, or one
    /// that needs too much work.
    case runtimeRegex = "E0408"
    /// A negative count from a parameter.
    case runtimeCount = "E0409"

    // MARK: Reading files

    /// A file that cannot be opened or read: missing, no permission, a directory
    /// with nothing to load, a device.
    case unreadableFile = "E0501"
    /// Bytes that are no text in the encoding read (invalid UTF-8, UTF-16,
    /// GB18030; NUL bytes of a binary file); names the byte offset.
    case undecodableText = "E0502"
    /// A dataset file whose header or a record line is not what
    /// `taskql import` writes; names the line and column.
    case invalidDatasetFile = "E0503"
    /// A document its front-end cannot read: a .docx that is no zip or whose
    /// XML is broken, a page with no HTML, a conversion that failed.
    case unreadableDocument = "E0504"
    /// A document with no text, or with no task any layout reader
    /// recognises; says what was seen.
    case noTasks = "E0505"
    /// A file refused by the load rule: a task id loaded already, or a
    /// dataset name taken by another file in a session.
    case loadRefused = "E0506"
    /// A unit alias file line that is not `canonical = alias, alias, …`.
    case invalidAliasFile = "E0507"
    /// Something an import noticed and kept going past: a numbering gap,
    /// fewer items than the notice declares, a row without a unit.
    case importWarning = "W0501"

    // MARK: SQL back-end

    /// A query construct the SQL compiler cannot give TQL's result for
    /// (named in the message); nothing is sent to the database.
    case notCompilable = "E0601"
    /// A statement the database refused or could not run (the server's
    /// message and SQLSTATE), or a connection that failed.
    case databaseError = "E0602"

    /// The code as printed: `E0301`.
    public var description: String { rawValue }

    /// Whether the code is a warning's (`W…`).
    public var isWarning: Bool { rawValue.hasPrefix("W") }

    /// One line saying what the code means, as `Grammar/README.md` lists it.
    public var summary: String {
        switch self {
        case .unexpectedCharacter: "unexpected character (with the ASCII meant for full-width punctuation)"
        case .unclosedString: "unclosed string literal (points at the opening quote)"
        case .invalidEscape: "invalid escape sequence"
        case .invalidDate: "invalid date (`2020-02-30`)"
        case .invalidNumber: "number literal out of range"
        case .invalidParameter: "`$` without a parameter name"
        case .unexpectedToken: "expected …, found … (points at the token found)"
        case .unclosedBracket: "unclosed `(` or `[` (points at the opening bracket)"
        case .nestedTooDeeply:
            "nested more than 200 levels deep (each operator of a `+ - * /` chain is a level; `and`/`or` chains are balanced and never hit it)"
        case .unknownStage: "unknown stage name, with `did you mean …?`"
        case .statementTooLong: "statement longer than 1 MiB"
        case .unknownField: "unknown field or column, with `did you mean …?`"
        case .unknownFunction: "unknown function"
        case .unknownSource: "unknown source: not `tasks`, a dataset or a `let` name"
        case .typeMismatch: "operand types the operator does not take"
        case .badArguments: "wrong number or types of function arguments"
        case .unknownUnit: "unit name neither in the data nor in the alias table"
        case .misplacedAggregate: "aggregate outside `summarize`, or inside another"
        case .invalidCount: "count that is not a non-negative integer (`take -1`)"
        case .invalidRegex: "regular expression that does not compile"
        case .parameterConflict: "one parameter used as two incompatible types"
        case .fileAccessDenied: "`load` in an engine without file access"
        case .duplicateColumn: "two output columns with one name"
        case .fieldOutsideAggregate: "field used in `summarize` outside an aggregate"
        case .comparisonWithNull: "`x == null`, which is never true (use `is null`)"
        case .statementNotAllowed: "statement not allowed here (`load` in a prepared query)"
        case .tooManyColumns: "stage making more than 1,000 columns"
        case .invalidDatasetName: "dataset name no query could use (`as tasks`, a keyword)"
        case .pivotColumnsUnknown:
            "`pivot … by x` whose columns cannot be known before it runs (the rows depend on parameters): list them with `in [...]`"
        case .divisionByZero: "division by zero"
        case .rowLimit: "more rows than the engine's row budget"
        case .timeLimit: "longer than the engine's time budget"
        case .cancelled: "cancelled by the host"
        case .missingParameter: "parameter the query uses was not given"
        case .parameterType: "parameter value of the wrong type"
        case .runtimeType: "values of types an operation cannot take (untyped parameters)"
        case .runtimeRegex: "regular expression from a parameter that does not compile or needs too much work"
        case .runtimeCount: "negative count from a parameter"
        case .notCompilable: "query construct the SQL back-end cannot compile to the same result (named)"
        case .databaseError: "statement the database refused or could not run (the server's message)"
        case .unreadableFile: "file cannot be read: missing, no permission, a device, a directory with nothing to load"
        case .undecodableText: "bytes that are no text in the encoding (names the byte offset)"
        case .invalidDatasetFile:
            "dataset file header or record line that is not what `taskql import` writes (names line and column)"
        case .unreadableDocument: "document its front-end cannot read (a broken .docx, a failed conversion)"
        case .noTasks: "document with no text or no recognisable tasks (says what was seen)"
        case .loadRefused: "file refused by the load rule (a task id loaded already, a name taken)"
        case .invalidAliasFile: "unit alias file line that is not `canonical = alias, …`"
        case .importWarning: "import warning: a numbering gap, fewer items than declared, a row without a unit"
        }
    }
}
