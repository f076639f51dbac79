/// A problem the checker found; thrown to stop checking the statement (one
/// error per statement, like the parser's panic mode).
struct CheckFailure: Error {
    var diagnostic: Diagnostic
    init(_ code: String, _ message: String, span: SourceSpan?, help: String? = nil, notes: [Diagnostic.Note] = []) {
        diagnostic = Diagnostic(code: code, message: message, span: span, notes: notes, help: help)
    }
}

/// The checker's and evaluator's error codes (documented in the README).
enum CheckCode {
    static let unknownField = "E0301"
    static let unknownFunction = "E0302"
    static let unknownSource = "E0303"
    static let typeMismatch = "E0304"
    static let aggregateMisplaced = "E0305"
    static let badCount = "E0306"
    static let unknownUnit = "E0307"
    static let missingParameter = "E0308"
    static let badRegex = "E0309"
    static let argumentCount = "E0310"
    static let fileAccess = "E0311"
    static let loadFailed = "E0312"
    static let divisionByZero = "E0401"
    static let regexFailed = "E0402"
    static let overflow = "E0403"
}
