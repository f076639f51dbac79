/// The diagnostic codes of the checker (`E03xx`) and the evaluator
/// (`E04xx`); every code is listed in `Grammar/README.md`.
package enum CheckDiagnosticCode {
    /// A field or column name that does not exist at that point.
    package static let unknownField = "E0301"
    /// A function name that does not exist.
    package static let unknownFunction = "E0302"
    /// A source that is not `tasks`, a dataset or a `let` name.
    package static let unknownSource = "E0303"
    /// Operands whose types the operator does not accept.
    package static let typeMismatch = "E0304"
    /// Wrong number or types of function arguments.
    package static let badArguments = "E0305"
    /// A unit name compared with a unit field that is neither in the data
    /// nor in the alias table.
    package static let unknownUnit = "E0306"
    /// An aggregate outside summarize, or one inside another.
    package static let misplacedAggregate = "E0307"
    /// `take -1`, `top 2.5`: a count that is not a non-negative integer.
    package static let invalidCount = "E0308"
    /// A regular expression that does not compile.
    package static let invalidRegex = "E0309"
    /// One parameter used as two incompatible types.
    package static let parameterConflict = "E0310"
    /// `load` in an engine without file access.
    package static let fileAccessDenied = "E0311"
    /// Two output columns with one name.
    package static let duplicateColumn = "E0312"
    /// A field used in summarize outside an aggregate.
    package static let fieldOutsideAggregate = "E0313"
    /// `x == null`, which is never true.
    package static let comparisonWithNull = "E0314"
    /// A statement that cannot be used where it is (`load` in a prepared query).
    package static let statementNotAllowed = "E0315"
    /// A stage that makes more than ``RowSchema/maximumColumns`` columns.
    package static let tooManyColumns = "E0316"
    /// `load … as tasks`: a dataset name no query could use.
    package static let invalidDatasetName = "E0317"

    /// Division by zero.
    package static let divisionByZero = "E0401"
    /// More rows than the engine's row budget.
    package static let rowLimit = "E0402"
    /// Longer than the engine's time budget.
    package static let timeLimit = "E0403"
    /// Cancelled by the host.
    package static let cancelled = "E0404"
    /// A parameter the query uses was not given.
    package static let missingParameter = "E0405"
    /// A parameter value of the wrong type.
    package static let parameterType = "E0406"
    /// Values of types an operation cannot take (only where types were not
    /// known before running, e.g. untyped parameters).
    package static let runtimeType = "E0407"
    /// A regular expression from a parameter that does not compile, or one
    /// that needs too much work.
    package static let runtimeRegex = "E0408"
    /// A negative count from a parameter.
    package static let runtimeCount = "E0409"
    /// A file that could not be loaded.
    package static let loadFailed = "E0410"
}
