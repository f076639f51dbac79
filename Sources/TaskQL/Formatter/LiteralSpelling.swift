// The canonical spelling of each literal: the one the formatter prints,
// which the lexer reads back as the same value.

/// How the formatter writes literals.
enum LiteralSpelling {
    /// `null`, `true`, `42`, `3.5`, `"海门"`, `2020-06-30`.
    static func of(_ literal: Literal) -> String {
        switch literal {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .int(let value): String(value)
        case .decimal(let value): decimal(value)
        case .string(let value): string(value)
        case .date(let date): date.description
        }
    }

    /// A string in ASCII quotes: `"…"`, or `'…'` when that needs fewer
    /// escapes (the text has more `"` than `'`), as prettier chooses.
    /// Backslashes, the quote and control characters are escaped; full-width
    /// quotes are plain text inside ASCII ones.
    static func string(_ value: String) -> String {
        let doubles = value.unicodeScalars.filter { $0 == "\"" }.count
        let singles = value.unicodeScalars.filter { $0 == "'" }.count
        let quote: Unicode.Scalar = doubles > singles ? "'" : "\""
        var result = String.UnicodeScalarView([quote])
        for scalar in value.unicodeScalars {
            switch scalar {
            case quote, "\\":
                result.append("\\")
                result.append(scalar)
            case "\n": result.append(contentsOf: #"\n"#.unicodeScalars)
            case "\t": result.append(contentsOf: #"\t"#.unicodeScalars)
            case "\r": result.append(contentsOf: #"\r"#.unicodeScalars)
            default:
                if scalar.properties.generalCategory == .control {
                    result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
                } else {
                    result.append(scalar)
                }
            }
        }
        result.append(quote)
        return String(result)
    }

    /// The shortest digits that read back as `value`, written without an
    /// exponent (TQL has none): `0.5`, `2.0`, `0.00001`, `1000000000000000000000.0`.
    static func decimal(_ value: Double) -> String {
        let shortest = "\(value.magnitude)"
        let sign = value < 0 ? "-" : ""
        guard let e = shortest.firstIndex(where: { $0 == "e" || $0 == "E" }),
            let exponent = Int(shortest[shortest.index(after: e)...])
        else { return sign + shortest }
        let mantissa = shortest[..<e]
        let point = mantissa.firstIndex(of: ".")
        let whole = point.map { mantissa[..<$0] } ?? mantissa
        let fraction = point.map { mantissa[mantissa.index(after: $0)...] } ?? ""
        var digits = Array(whole + fraction)
        var pointPosition = whole.count + exponent
        while pointPosition <= 0 {
            digits.insert("0", at: 0)
            pointPosition += 1
        }
        while digits.count <= pointPosition { digits.append("0") }
        var integer = String(digits[..<pointPosition])
        var decimals = String(digits[pointPosition...])
        while integer.count > 1, integer.first == "0" { integer.removeFirst() }
        while decimals.count > 1, decimals.last == "0" { decimals.removeLast() }
        return sign + integer + "." + decimals
    }
}
