/// Decides which line breaks end a statement. A line break does not end
/// one inside brackets, after a token that needs more (`|`, an operator, a
/// comma, `=`), or before a line that starts with `|`. Comments are
/// dropped here, so the parser never sees them.
enum LineLayout {
    static func apply(_ scanned: [Token]) -> [Token] {
        let tokens = scanned.filter { $0.kind != .comment }
        var out: [Token] = []
        out.reserveCapacity(tokens.count)
        var depth = 0
        for (i, token) in tokens.enumerated() {
            switch token.kind {
            case .symbol(.leftParen), .symbol(.leftBracket): depth += 1
            case .symbol(.rightParen), .symbol(.rightBracket): depth = max(0, depth - 1)
            case .newline:
                if depth > 0 { continue }
                if let last = out.last, last.kind == .newline || continuesAfter(last) { continue }
                if out.isEmpty { continue }
                if let next = tokens[(i + 1)...].first(where: { $0.kind != .newline }), next.is(.pipe) { continue }
            default: break
            }
            out.append(token)
        }
        return out
    }

    /// Whether a line ending with `token` must go on.
    static func continuesAfter(_ token: Token) -> Bool {
        switch token.kind {
        case .symbol(let s):
            return s != .rightParen && s != .rightBracket && s != .semicolon
        case .keyword(let k):
            return [.and, .or, .not, .in, .is, .by, .as, .let, .load, .contains, .startswith, .endswith, .matches, .has]
                .contains(k)
        default:
            return false
        }
    }
}
