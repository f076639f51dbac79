// Operators and punctuation, and friendly errors for the characters a
// Chinese input method produces instead (`，` for `,`).

extension LexerScanner {
    /// Full-width punctuation users type by accident, with the ASCII meant.
    static let fullWidthLookalikes: [Unicode.Scalar: String] = [
        "，": ",", "；": ";", "（": "(", "）": ")", "｜": "|", "＝": "=", "【": "[", "】": "]",
        "［": "[", "］": "]", "＜": "<", "＞": ">", "！": "!", "＋": "+", "－": "-", "＊": "*",
        "／": "/", "＄": "$", "＃": "#", "、": ",",
    ]

    /// Lexical: symbol = "==" | "!=" | "<=" | ">=" | "<" | ">" | "+" | "-" | "*" | "/" | "|" | ";" | "," | "(" | ")" | "[" | "]" | "=" ;
    mutating func scanSymbol() {
        let start = index
        let c = scalars[index]
        index += 1
        if let next = current, let two = Symbol(rawValue: String(c) + String(next)) {
            index += 1
            emit(.symbol(two), from: start)
        } else if let one = Symbol(rawValue: String(c)) {
            emit(.symbol(one), from: start)
        } else {
            emit(.invalid(unexpectedCharacter(c, from: start)), from: start)
        }
    }

    func unexpectedCharacter(_ c: Unicode.Scalar, from start: Int) -> Diagnostic {
        let shown =
            c.properties.generalCategory == .control
            ? "U+" + String(c.value, radix: 16, uppercase: true) : String(c)
        var help: String?
        if let ascii = LexerScanner.fullWidthLookalikes[c] {
            help = "'\(c)' is full-width; write '\(ascii)'"
        } else if c == "!" {
            help = "write '!=' for 'not equal', or 'not'"
        } else if c == "&" {
            help = "write 'and'"
        } else if c == "." {
            help = "decimals need digits on both sides of the point, e.g. 0.5"
        }
        return Diagnostic(
            code: DiagnosticCode.unexpectedCharacter,
            message: "unexpected character '\(shown)'", span: span(from: start), help: help)
    }
}
