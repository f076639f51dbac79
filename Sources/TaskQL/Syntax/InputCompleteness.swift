/// Whether a REPL input is a whole statement or needs more lines.
public enum InputCompleteness: Sendable, Equatable {
    case complete
    /// More input is needed; `reason` says why (for the continuation prompt's help).
    case incomplete(reason: String)
}

/// Where the cursor is, for tab completion.
public enum CompletionContext: Sendable, Equatable {
    /// After `|`: a stage name.
    case stageName(prefix: String)
    /// Inside an expression: a field or function name.
    case expression(prefix: String)
    /// Inside an open string; `field` is the field it is compared with, when visible.
    case stringLiteral(prefix: String, field: String?)
    /// After `$`.
    case parameter(prefix: String)
    /// At the start of a statement: `tasks`, a dataset or `let` name.
    case sourceName(prefix: String)
    /// A line starting with `.`.
    case dotCommand(prefix: String)
}

extension Parser {
    /// Asks the lexer, not error text, whether `text` is unfinished: an open
    /// bracket, or a last token that needs more (`|`, an operator, `,`, `=`,
    /// `by`, `let x`). An unclosed string is complete (strings do not span
    /// lines), so it is reported as an error rather than waited on.
    public static func completeness(of text: String) -> InputCompleteness {
        let tokens = Lexer.scan(text).filter { $0.kind != .comment && $0.kind != .newline && $0.kind != .endOfInput }
        var depth = 0
        for t in tokens {
            if t.is(.leftParen) || t.is(.leftBracket) { depth += 1 }
            if t.is(.rightParen) || t.is(.rightBracket) { depth -= 1 }
        }
        if depth > 0 { return .incomplete(reason: "an open bracket") }
        guard let last = tokens.last else { return .complete }
        if last.is(.semicolon) { return .complete }
        if LineLayout.continuesAfter(last) { return .incomplete(reason: "the statement goes on after '\(ParserState.describe(last))'") }
        if case .keyword(let k) = last.kind, [.where, .select, .extend, .sort, .top, .summarize, .distinct, .explode, .search].contains(k),
            tokens.count >= 2, tokens[tokens.count - 2].is(.pipe)
        {
            return .incomplete(reason: "'\(k.rawValue)' needs more")
        }
        return .complete
    }

    /// The completion context at `cursor` (a UTF-8 byte offset into `text`).
    public static func completionContext(text: String, cursor: Int) -> CompletionContext {
        let bytes = Array(text.utf8)
        let before = String(decoding: bytes[0..<max(0, min(cursor, bytes.count))], as: UTF8.self)
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        let line = before[lineStart...]
        if line.trimmingPrefixSpaces.hasPrefix(".") { return .dotCommand(prefix: String(line.trimmingPrefixSpaces)) }
        let tokens = Lexer.scan(before).filter { $0.kind != .comment && $0.kind != .endOfInput }
        guard let last = tokens.last else { return .sourceName(prefix: "") }
        // Inside an open string literal?
        if case .invalid(let d) = last.kind, d.code == SyntaxDiagnosticCode.unclosedString {
            let raw = String(decoding: bytes[last.span.start..<min(cursor, bytes.count)], as: UTF8.self)
            let content = String(raw.unicodeScalars.dropFirst())
            return .stringLiteral(prefix: content, field: fieldBefore(tokens.dropLast()))
        }
        // The word being typed ends exactly at the cursor.
        var prefix = ""
        var rest = tokens[...]
        if last.span.end == cursor {
            switch last.kind {
            case .identifier(let s): prefix = s; rest = tokens.dropLast()
            case .keyword(let k): prefix = k.rawValue; rest = tokens.dropLast()
            case .parameter(let p): return .parameter(prefix: p)
            case .invalid where before.hasSuffix("$"): return .parameter(prefix: "")
            default: break
            }
        }
        guard let previous = rest.last(where: { $0.kind != .newline }) else { return .sourceName(prefix: prefix) }
        if previous.is(.pipe) { return .stageName(prefix: prefix) }
        if previous.is(.semicolon) || (rest.last?.kind == .newline && !LineLayout.continuesAfter(previous)) {
            return .sourceName(prefix: prefix)
        }
        if previous.is(.assign), rest.count == 3, rest.first?.is(.let) == true { return .sourceName(prefix: prefix) }
        return .expression(prefix: prefix)
    }

    /// The field name in `field has "…` / `field == "…` before a string.
    static func fieldBefore(_ tokens: ArraySlice<Token>) -> String? {
        let significant = tokens.filter { $0.kind != .newline }
        guard significant.count >= 2 else { return nil }
        let op = significant[significant.count - 1]
        let field = significant[significant.count - 2]
        var isComparison = false
        if case .symbol(let s) = op.kind { isComparison = [.equal, .notEqual].contains(s) }
        if case .keyword(let k) = op.kind { isComparison = [.has, .contains, .startswith, .endswith].contains(k) }
        if op.is(.leftBracket), significant.count >= 3, significant[significant.count - 2].is(.in) {
            if case .identifier(let name) = significant[significant.count - 3].kind { return name }
        }
        guard isComparison, case .identifier(let name) = field.kind else { return nil }
        return name
    }
}

extension Substring {
    var trimmingPrefixSpaces: Substring { drop(while: { $0 == " " || $0 == "\t" }) }
}
