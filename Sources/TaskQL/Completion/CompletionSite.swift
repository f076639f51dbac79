/// Where the cursor is, as far as completion cares: decided from the text
/// before the cursor only, so it works on half-typed, unparsable input.
enum CompletionSite: Hashable {
    /// At the start of a line, typing `.xxx`.
    case dotCommand(prefix: String)
    /// At the start of a statement: a source name, `let` or `load`.
    case statementStart(prefix: String)
    /// Right after `|`: a stage name.
    case stageName(prefix: String)
    /// Inside an unfinished string literal opened with `quote`.
    case stringLiteral(prefix: String, quote: Character)
    /// After `$`.
    case parameter(prefix: String)
    /// Anywhere else in an expression.
    case expression(prefix: String)

    /// Characters that end the word being completed (as libedit is told).
    static let wordBreaks: Set<Character> = [
        " ", "\t", "\n", "|", ",", ";", "(", ")", "[", "]", "=", "<", ">", "!", "+", "*", "/",
    ]

    /// The site for the text before the cursor.
    static func locate(before text: Substring) -> CompletionSite {
        let scan = LiteralScan(text)
        if let quote = scan.openQuote {
            return .stringLiteral(prefix: String(text[scan.literalStart!...].dropFirst()), quote: quote)
        }
        var start = text.endIndex
        while start > text.startIndex, !wordBreaks.contains(text[text.index(before: start)]) {
            start = text.index(before: start)
        }
        let word = String(text[start...])
        let before = text[..<start]
        let gap = before.reversed().prefix { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        let previous = before.dropLast(gap.count).last
        let newStatementLine = gap.contains("\n") && !scan.continuesLine
        if word.hasPrefix("."), before.allSatisfy({ $0 == " " || $0 == "\t" }) { return .dotCommand(prefix: word) }
        if word.hasPrefix("$") { return .parameter(prefix: String(word.dropFirst())) }
        if previous == "|" { return .stageName(prefix: word) }
        if previous == nil || previous == ";" || newStatementLine {
            return .statementStart(prefix: word)
        }
        return .expression(prefix: word)
    }
}

/// A quick scan for quotes and comments: is the text inside an unfinished
/// string literal, and where did it open?
struct LiteralScan {
    var openQuote: Character?
    var literalStart: Substring.Index?
    /// Whether the last line break is inside brackets or after `|` (then a
    /// new line does not start a statement).
    var continuesLine = false

    init(_ text: Substring) {
        var depth = 0
        var lastSignificant: Character?
        var index = text.startIndex
        var inComment = false
        while index < text.endIndex {
            let c = text[index]
            if inComment {
                if c == "\n" {
                    inComment = false
                    continuesLine = depth > 0 || lastSignificant == "|"
                }
            } else if let quote = openQuote {
                if c == "\\" {
                    index = text.index(after: index)
                    if index == text.endIndex { break }
                } else if c == quote {
                    openQuote = nil
                    lastSignificant = c
                } else if c == "\n" {
                    openQuote = nil
                }
            } else {
                switch c {
                case "\"", "'":
                    openQuote = c
                    literalStart = index
                case "#": inComment = true
                case "(", "[":
                    depth += 1
                    lastSignificant = c
                case ")", "]":
                    depth = max(0, depth - 1)
                    lastSignificant = c
                case "\n": continuesLine = depth > 0 || lastSignificant == "|"
                case " ", "\t", "\r": break
                default: lastSignificant = c
                }
            }
            index = text.index(after: index)
        }
    }
}
