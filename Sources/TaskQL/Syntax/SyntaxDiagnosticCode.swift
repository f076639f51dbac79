/// The diagnostic codes the lexer (`E01xx`) and parser (`E02xx`) report.
/// The checker uses `E03xx` and the evaluator `E04xx`; every code is listed
/// in `Grammar/README.md`.
public enum SyntaxDiagnosticCode {
    /// A character that starts no token (`!`, `，`, `&`).
    public static let unexpectedCharacter = "E0101"
    /// A string literal without its closing quote.
    public static let unclosedString = "E0102"
    /// `\x` and other escapes TQL does not know.
    public static let invalidEscape = "E0103"
    /// `2020-02-30`: shaped like a date but not a day of the calendar.
    public static let invalidDate = "E0104"
    /// A number literal out of range.
    public static let invalidNumber = "E0105"
    /// `$` without a parameter name.
    public static let invalidParameter = "E0106"

    /// `expected …, found …`.
    public static let unexpectedToken = "E0201"
    /// `(` or `[` that is never closed.
    public static let unclosedBracket = "E0202"
    /// Parentheses, lists, prefix operators or operator chains nested past
    /// ``Parser/maximumNestingDepth``.
    public static let nestedTooDeeply = "E0203"
    /// `| wher …`: a word where a stage name belongs.
    public static let unknownStage = "E0204"
    /// A statement longer than ``Parser/maximumStatementBytes``.
    public static let statementTooLong = "E0205"
}
