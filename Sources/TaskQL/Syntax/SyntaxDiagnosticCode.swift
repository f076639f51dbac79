/// The diagnostic codes the lexer (`E01xx`) and parser (`E02xx`) report.
/// The checker uses `E03xx` and the evaluator `E04xx`; every code is listed
/// in `Grammar/README.md`.
package enum SyntaxDiagnosticCode {
    /// A character that starts no token (`!`, `，`, `&`).
    package static let unexpectedCharacter = "E0101"
    /// A string literal without its closing quote.
    package static let unclosedString = "E0102"
    /// `\x` and other escapes TQL does not know.
    package static let invalidEscape = "E0103"
    /// `2020-02-30`: shaped like a date but not a day of the calendar.
    package static let invalidDate = "E0104"
    /// A number literal out of range.
    package static let invalidNumber = "E0105"
    /// `$` without a parameter name.
    package static let invalidParameter = "E0106"

    /// `expected …, found …`.
    package static let unexpectedToken = "E0201"
    /// `(` or `[` that is never closed.
    package static let unclosedBracket = "E0202"
    /// Parentheses, lists, prefix operators or operator chains nested past
    /// ``Parser/maximumNestingDepth``.
    package static let nestedTooDeeply = "E0203"
    /// `| wher …`: a word where a stage name belongs.
    package static let unknownStage = "E0204"
    /// A statement longer than ``Parser/maximumStatementBytes``.
    package static let statementTooLong = "E0205"
}
