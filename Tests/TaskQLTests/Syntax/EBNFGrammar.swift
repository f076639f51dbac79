import Foundation

// A small reader for Grammar/taskql.ebnf, enough for GrammarSyncTests: rule
// names, bodies, quoted terminals, and the `(* example: … *)` queries.

/// One `name = body ;` rule.
struct EBNFRule {
    var name: String
    /// The body with whitespace runs collapsed to one space.
    var body: String
    /// Quoted terminals in order (`"where"`, `"=="`).
    var terminals: [String]
    /// Names of the rules and tokens the body mentions.
    var references: [String]
}

/// The grammar file, split into its syntactic and lexical parts.
struct EBNFGrammar {
    var syntactic: [EBNFRule] = []
    var lexical: [EBNFRule] = []
    var examples: [String] = []

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func read(_ relativePath: String) throws -> String {
        try String(contentsOf: repositoryRoot.appendingPathComponent(relativePath), encoding: .utf8)
    }

    init(text: String) {
        let marker = "(* ==== Lexical grammar ==== *)"
        let parts = text.components(separatedBy: marker)
        examples = EBNFGrammar.examples(in: text)
        syntactic = EBNFGrammar.rules(in: EBNFGrammar.strippingComments(parts[0]))
        if parts.count > 1 { lexical = EBNFGrammar.rules(in: EBNFGrammar.strippingComments(parts[1])) }
    }

    var allRules: [EBNFRule] { syntactic + lexical }

    func rule(_ name: String) -> EBNFRule? { allRules.first { $0.name == name } }

    static func examples(in text: String) -> [String] {
        text.components(separatedBy: "\n").compactMap { line in
            guard let range = line.range(of: "(* example: "), let end = line.range(of: " *)")
            else { return nil }
            return String(line[range.upperBound..<end.lowerBound])
        }
    }

    /// Removes `(* … *)`, leaving quoted text alone.
    static func strippingComments(_ text: String) -> String {
        var out = ""
        var chars = Array(text)[...]
        while let c = chars.first {
            if c == "\"" || c == "'" || c == "?" {
                let quoted = chars.dropFirst().prefix { $0 != c }
                out += String(c) + String(quoted) + String(c)
                chars = chars.dropFirst(quoted.count + 2)
            } else if c == "(", chars.dropFirst().first == "*" {
                var rest = chars.dropFirst(2)
                while !rest.isEmpty, !(rest.first == "*" && rest.dropFirst().first == ")") { rest = rest.dropFirst() }
                chars = rest.dropFirst(2)
            } else {
                out.append(c)
                chars = chars.dropFirst()
            }
        }
        return out
    }

    /// Splits comment-free text into rules.
    static func rules(in text: String) -> [EBNFRule] {
        var rules: [EBNFRule] = []
        var chars = Array(text)[...]
        while let equals = chars.firstIndex(of: "=") {
            let name = String(chars[chars.startIndex..<equals]).trimmingCharacters(in: .whitespacesAndNewlines)
            var body = ""
            var terminals: [String] = []
            var references: [String] = []
            var rest = chars[(equals + 1)...]
            var word = ""
            func flushWord() {
                if !word.isEmpty { references.append(word) }
                word = ""
            }
            while let c = rest.first, c != ";" {
                if c == "\"" || c == "'" || c == "?" {
                    flushWord()
                    let quoted = String(rest.dropFirst().prefix { $0 != c })
                    if c != "?" { terminals.append(quoted) }
                    body += String(c) + quoted + String(c)
                    rest = rest.dropFirst(quoted.count + 2)
                    continue
                }
                if c.isLetter || c == "_" { word.append(c) } else { flushWord() }
                body.append(c)
                rest = rest.dropFirst()
            }
            flushWord()
            let normalized = body.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            rules.append(EBNFRule(name: name, body: normalized, terminals: terminals, references: references))
            chars = rest.dropFirst()
        }
        return rules
    }
}

/// `/// Grammar: rule = body ;` (or `Lexical:`) comments in Swift sources.
struct QuotedRule: Hashable {
    var name: String
    var body: String
    var file: String

    static func all(tag: String, in directory: String, files: (String) -> Bool) throws -> [QuotedRule] {
        let url = EBNFGrammar.repositoryRoot.appendingPathComponent(directory)
        let names = try FileManager.default.contentsOfDirectory(atPath: url.path).filter(files).sorted()
        var quoted: [QuotedRule] = []
        let prefix = "/// \(tag): "
        for file in names {
            let text = try String(contentsOf: url.appendingPathComponent(file), encoding: .utf8)
            for line in text.components(separatedBy: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard trimmed.hasPrefix(prefix), let eq = trimmed.range(of: " = ") else { continue }
                let name = String(trimmed[trimmed.index(trimmed.startIndex, offsetBy: prefix.count)..<eq.lowerBound])
                var body = String(trimmed[eq.upperBound...])
                if body.hasSuffix(" ;") { body.removeLast(2) }
                quoted.append(QuotedRule(name: name, body: body, file: file))
            }
        }
        return quoted
    }
}
