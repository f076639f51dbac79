// Numbers, dates and strings: the lexical rules with values to decode.

extension LexerScanner {
    // MARK: - Numbers and dates

    /// Lexical: digit = "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" ;
    func digitCount(from start: Int) -> Int {
        var i = start
        while let c = scalar(at: i), ("0"..."9").contains(c) { i += 1 }
        return i - start
    }

    /// Whether `dddd-dd-dd` (and no further digit) starts at `start`.
    func isDateShaped(at start: Int) -> Bool {
        digitCount(from: start) == 4 && scalar(at: start + 4) == "-"
            && digitCount(from: start + 5) == 2 && scalar(at: start + 7) == "-"
            && digitCount(from: start + 8) == 2
    }

    /// Lexical: number = DATE | DECIMAL | INTEGER ;
    /// Lexical: DECIMAL = digit { digit } "." digit { digit } ;
    /// Lexical: INTEGER = digit { digit } ;
    mutating func scanNumber() {
        let start = index
        if isDateShaped(at: start) {
            index += 10
            scanDate(from: start)
            return
        }
        index += digitCount(from: start)
        if current == ".", digitCount(from: index + 1) > 0 {
            index += 1 + digitCount(from: index + 1)
            // A literal beyond a double's range would silently become `inf`.
            guard let value = Double(text(start..<index)), value.isFinite else {
                return emitTooLarge("decimal", limit: "\(Double.greatestFiniteMagnitude)", from: start)
            }
            emit(.decimal(value), from: start)
            return
        }
        guard let value = Int(text(start..<index)) else {
            return emitTooLarge("integer", limit: "\(Int.max)", from: start)
        }
        emit(.integer(value), from: start)
    }

    /// A number literal beyond its type's range: an invalid token carrying
    /// the diagnostic, so the parser reports it in place.
    private mutating func emitTooLarge(_ kind: String, limit: String, from start: Int) {
        let d = Diagnostic(
            code: DiagnosticCode.invalidNumber, message: "\(kind) literal is too large",
            span: span(from: start), help: "\(kind)s must be at most \(limit)")
        emit(.invalid(d), from: start)
    }

    /// Lexical: DATE = digit digit digit digit "-" digit digit "-" digit digit ;
    mutating func scanDate(from start: Int) {
        let written = text(start..<index)
        if let date = CivilDate(iso: written) {
            emit(.date(date), from: start)
            return
        }
        let parts = written.split(separator: "-").compactMap { Int($0) }
        let help =
            (1...12).contains(parts[1])
            ? "\(parts[0])-\(written.split(separator: "-")[1]) has \(CivilDate.daysIn(month: parts[1], year: parts[0])) days"
            : "the month must be 01 to 12"
        let d = Diagnostic(
            code: DiagnosticCode.invalidDate, message: "invalid date '\(written)'",
            span: span(from: start), help: help)
        emit(.invalid(d), from: start)
    }

    // MARK: - Strings

    /// The quote that closes a string opened by `open`.
    static func closingQuote(for open: Unicode.Scalar) -> Unicode.Scalar {
        switch open {
        case "“": "”"
        case "‘": "’"
        default: open
        }
    }

    /// Lexical: STRING = '"' { character | escape } '"' | "'" { character | escape } "'" | "“" { character | escape } "”" | "‘" { character | escape } "’" ;
    /// Lexical: character = ? any scalar but the closing quote, "\" and a line break ? ;
    mutating func scanString() {
        let start = index
        let close = LexerScanner.closingQuote(for: scalars[start])
        index += 1
        var value = String.UnicodeScalarView()
        var firstError: Diagnostic?
        // A string ends at the end of its line: a forgotten quote is reported
        // at once (in the REPL too) instead of swallowing the lines after it.
        while let c = current, c != "\n", c != "\r" {
            if c == close {
                index += 1
                emit(firstError.map { .invalid($0) } ?? .string(String(value)), from: start)
                return
            }
            if c == "\\" {
                let error = scanEscape(into: &value)
                if firstError == nil { firstError = error }
            } else {
                value.append(c)
                index += 1
            }
        }
        let d = Diagnostic(
            code: DiagnosticCode.unclosedString, message: "unclosed string literal",
            span: span(start..<start + 1),
            notes: [.init("strings end at the end of their line", span: span(from: index))],
            help: "close it with \(close)")
        emit(.invalid(d), from: start)
    }

    /// Lexical: escape = '\"' | "\'" | "\\" | "\n" | "\t" | "\r" | "\“" | "\”" | "\‘" | "\’" | "\u{" hex_digit { hex_digit } "}" ;
    /// Returns the error for an escape TQL does not know.
    mutating func scanEscape(into value: inout String.UnicodeScalarView) -> Diagnostic? {
        let start = index
        index += 1
        guard let c = current else { return nil }  // the unclosed string is reported
        index += 1
        switch c {
        case "\"", "'", "\\", "“", "”", "‘", "’": value.append(c)
        case "n": value.append("\n")
        case "t": value.append("\t")
        case "r": value.append("\r")
        case "u": return scanUnicodeEscape(from: start, into: &value)
        default:
            if c == "\n" { index -= 1 }
            return Diagnostic(
                code: DiagnosticCode.invalidEscape,
                message: "invalid escape sequence '\\\(c == "\n" ? "" : String(c))'",
                span: span(from: start),
                help: #"known escapes: \" \' \\ \n \t \r \u{…}; write \\ for a backslash"#)
        }
        return nil
    }

    /// `\u{…}` with one to six hex digits naming a Unicode scalar.
    /// Lexical: hex_digit = ? 0-9, a-f or A-F; one to six of them name a Unicode scalar ? ;
    mutating func scanUnicodeEscape(
        from start: Int, into value: inout String.UnicodeScalarView
    ) -> Diagnostic? {
        let error = Diagnostic(
            code: DiagnosticCode.invalidEscape, message: "invalid unicode escape",
            span: span(start..<min(index, scalars.count)),
            help: #"write \u{…} with 1 to 6 hex digits, e.g. \u{6D77}"#)
        guard current == "{" else { return error }
        index += 1
        let digitsStart = index
        while let c = current, c.properties.isASCIIHexDigit, index - digitsStart < 6 { index += 1 }
        let hex = text(digitsStart..<index)
        guard current == "}", !hex.isEmpty, let code = UInt32(hex, radix: 16),
            let scalar = Unicode.Scalar(code)
        else {
            if current == "}" { index += 1 }
            var spanned = error
            spanned.span = span(from: start)
            return spanned
        }
        index += 1
        value.append(scalar)
        return nil
    }
}
