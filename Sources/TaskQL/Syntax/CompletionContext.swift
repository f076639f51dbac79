// What kind of word the cursor is in, for REPL tab completion. The REPL
// owns the candidate lists (datasets, fields, unit names in the loaded
// data); the parser only says which list applies and what has been typed.

/// The kind of text expected at the cursor, with what has been typed of it.
package enum CompletionContext: Sendable, Equatable {
    /// After `|`: a stage name (`where`, `select`, …).
    case stageName(prefix: String)
    /// At the start of a statement or after `let x =`: a dataset or
    /// `let`-bound name, or `let` / `load`.
    case sourceName(prefix: String)
    /// After `trace`: the name of a loaded dataset.
    case datasetName(prefix: String)
    /// Where an operand goes: a field, function or `let` name.
    case expression(prefix: String)
    /// Inside an open string literal; `field` is the field it is compared
    /// with when visible (`lead_units has "发` → `lead_units`), so the REPL
    /// can offer unit or leader names from the loaded data.
    case stringLiteral(prefix: String, field: String?)
    /// After `$`: a parameter name.
    case parameter(prefix: String)
    /// After a `sort by` or `top … by` key: `asc` or `desc`.
    case sortDirection(prefix: String)
    /// After a complete operand elsewhere: the keywords that may follow
    /// (`and`, `has`, `as`, `by` …).
    case keyword(prefix: String, candidates: [String])
    /// Nothing to complete: in a comment, a number, or a new name.
    case none
}

extension Parser {
    /// The completion context at byte offset `cursor` of `text` (clamped to
    /// the text and moved back to a character boundary). Only the text
    /// before the cursor is looked at.
    package static func completionContext(text: String, cursor: Int) -> CompletionContext {
        let utf8 = Array(text.utf8)
        var end = max(0, min(cursor, utf8.count))
        while end > 0, end < utf8.count, utf8[end] & 0xC0 == 0x80 { end -= 1 }
        let before = String(decoding: utf8[0..<end], as: UTF8.self)
        var tokens = Lexer.scan(before)
        tokens.removeLast()  // end of input
        return CompletionResolver(text: before, tokens: tokens).context()
    }
}
