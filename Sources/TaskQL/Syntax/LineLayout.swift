// Which line breaks end a statement. Scripts write long pipelines over
// several lines, so a break only ends a statement when the statement could
// end there: not inside brackets, not after `|`, an operator or `,`, and not
// when the next line starts with `|`. Deciding this on tokens, before
// parsing, lets the parser, the completeness check and completion agree.

/// Lexical: NEWLINE = line_break { line_break } ;
enum LineLayout {
    /// The scanned tokens with comments dropped and line breaks kept only
    /// where they end a statement; runs of them collapse into one.
    static func apply(_ raw: [Token]) -> [Token] {
        let nextIsPipe = pipeFollows(raw)
        var result: [Token] = []
        result.reserveCapacity(raw.count)
        var depth = 0
        for (i, token) in raw.enumerated() {
            switch token.kind {
            case .comment:
                continue
            case .newline:
                if depth == 0, !nextIsPipe[i], endsStatement(after: result) {
                    result.append(token)
                }
                continue
            case .symbol(.leftParen), .symbol(.leftBracket):
                depth += 1
            case .symbol(.rightParen), .symbol(.rightBracket):
                depth = max(0, depth - 1)
            default:
                break
            }
            result.append(token)
        }
        return result
    }

    /// For each token: whether the next token that is not a line break or
    /// comment is `|`.
    static func pipeFollows(_ raw: [Token]) -> [Bool] {
        var flags = [Bool](repeating: false, count: raw.count)
        var pipeAhead = false
        for i in raw.indices.reversed() {
            flags[i] = pipeAhead
            switch raw[i].kind {
            case .newline, .comment: break
            default: pipeAhead = raw[i].is(.pipe)
            }
        }
        return flags
    }

    /// Whether a line break after `tokens` (the kept tokens so far) ends the
    /// statement.
    static func endsStatement(after tokens: [Token]) -> Bool {
        guard let last = tokens.last else { return false }
        if last.kind == .newline || last.is(.semicolon) { return false }
        let beforeLast = tokens.count >= 2 ? tokens[tokens.count - 2] : nil
        return !continues(last: last, beforeLast: beforeLast)
    }

    /// Tokens after which a statement cannot end: a line ending in one of
    /// them continues on the next line.
    static let continuationSymbols: Set<Symbol> = [
        .pipe, .comma, .assign, .leftParen, .leftBracket, .equal, .notEqual, .less, .lessOrEqual,
        .greater, .greaterOrEqual, .plus, .minus, .star, .slash,
    ]

    /// Reserved words after which a statement cannot end.
    static let continuationKeywords: Set<Keyword> = [
        .let, .load, .by, .as, .and, .or, .not, .in, .is, .contains, .startswith, .endswith,
        .matches, .has,
    ]

    /// Whether a statement whose last two tokens are these must go on.
    static func continues(last: Token, beforeLast: Token?) -> Bool {
        switch last.kind {
        case .symbol(let s): return continuationSymbols.contains(s)
        case .keyword(let k):
            if continuationKeywords.contains(k) { return true }
            // `| where` at the end of a line: the stage's argument follows.
            let needsArgument = k.isStageName && k != .count && k != .matrix && k != .chart
            return needsArgument && beforeLast?.is(.pipe) == true
        default: return false
        }
    }
}
