@testable import TaskQL

/// Random TQL scripts as a person might type them: every statement form,
/// stage and operator, redundant parentheses, every quote style and escape,
/// numbers written oddly (`007`, `1.50`), and between the tokens random
/// spacing, line breaks where the statement goes on, blank lines, and
/// comments at the ends of lines and on lines of their own. The text is
/// built from the grammar (an operand looser than its place is put in
/// parentheses), so it parses; the formatter is not used to make it.
struct RandomScriptText {
    /// One token and whether a line break may follow it without ending the
    /// statement (after an operator, `,`, `by`, inside brackets, before `|`).
    struct Piece {
        var text: String
        var continues: Bool
    }

    var rng: SplitMix64
    private var pieces: [Piece] = []
    private var depth = 0
    private var commentNumber = 0

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    static let fields = [
        "city", "lead_units", "due", "text", "城市", "牵头单位", "count", "desc", "asc", "where", "chart", "x_1", "_y",
    ]
    static let functions = ["len", "count", "coalesce", "unit", "dcount", "where", "substr"]
    static let literals = [
        "null", "true", "false", "0", "42", "007", "9223372036854775807", "3.5", "1.50", "0.000001",
        "100000000000000000000.0", "2.0", "2020-06-30", "2024-02-29", #""海门""#, "'发改委'", "“住建局”", "‘x’",
        #""say \"hi\"""#, #"'it\'s'"#, #""tab\there""#, "\"raw\ttab\"", #""\u{6D77}\u{1}""#, #""back\\slash""#,
        #""quote ' and \"""#, #"“a\”b”"#, ##""# not a comment | ;""##, "''", #""\n\r""#,
    ]
    static let comparisons = ["==", "!=", "<", "<=", ">", ">=", "in", "not in", "contains", "startswith", "matches"]
    static let negatable = ["contains", "startswith", "endswith", "matches", "has"]

    // MARK: - Scripts

    /// A script of one to three statements.
    mutating func script() -> String {
        pieces = []
        var text = chance(0.2) ? "# header \(nextComment())\n\n" : (chance(0.1) ? "\n\n" : "")
        for index in 0..<Int.random(in: 1...3, using: &rng) {
            if index > 0 {
                text += [";", "; ", "\n", "\n\n", "\n# \(nextComment())\n", "  # \(nextComment())\n", "\n.mode csv\n"]
                    .randomElement(using: &rng)!
            }
            text += statementText()
        }
        return text + ["", "\n", "\n\n", "  # \(nextComment())\n", "\n# \(nextComment())"].randomElement(using: &rng)!
    }

    mutating func statementText() -> String {
        pieces = []
        depth = 0
        switch Int.random(in: 0..<10, using: &rng) {
        case 0:
            emit("let", continues: true)
            emit(name())
            emit("=", continues: true)
            pipeline()
        case 1:
            emit("load", continues: true)
            emit(#""cities/nantong.jsonl""#)
            if chance(0.5) {
                emit("as", continues: true)
                emit(name())
            }
        default:
            pipeline()
        }
        return layOut(pieces)
    }

    /// The pieces joined by random spacing, line breaks and comments.
    mutating func layOut(_ pieces: [Piece]) -> String {
        var text = ""
        for (index, piece) in pieces.enumerated() {
            text += piece.text
            guard index + 1 < pieces.count else { break }
            let next = pieces[index + 1].text
            if piece.continues && chance(0.25) {
                text += lineBreak()
            } else if Self.mayTouch(piece.text, next) && chance(0.3) {
                continue
            } else {
                text += [" ", " ", " ", "  ", "\t", "\u{3000}"].randomElement(using: &rng)!
            }
        }
        return text
    }

    mutating func lineBreak() -> String {
        let indent = ["", "  ", "    ", "\t"].randomElement(using: &rng)!
        switch Int.random(in: 0..<5, using: &rng) {
        case 0: return "  # \(nextComment())\n" + indent
        case 1: return "\n# \(nextComment())\n" + indent
        case 2: return "\n\n" + indent
        default: return "\n" + indent
        }
    }

    /// Whether two tokens may be written without a space between them.
    static func mayTouch(_ a: String, _ b: String) -> Bool {
        let brackets: Set<String> = ["(", ")", "[", "]", ","]
        return brackets.contains(a) || brackets.contains(b)
    }

    mutating func nextComment() -> String {
        commentNumber += 1
        return ["c\(commentNumber)", "c\(commentNumber) 海门", "c\(commentNumber)   "].randomElement(using: &rng)!
    }

    // MARK: - Pipelines and stages

    mutating func pipeline() {
        emit(name())
        for _ in 0..<Int.random(in: 0...4, using: &rng) {
            pieces[pieces.count - 1].continues = true
            emit("|", continues: true)
            stage()
        }
    }

    mutating func stage() {
        switch Int.random(in: 0..<13, using: &rng) {
        case 0: keyword("where", then: { $0.expression(1) })
        case 1: keyword("select", then: { $0.list { $0.projection() } })
        case 2: keyword("extend", then: { $0.list { $0.assignment() } })
        case 3:
            keyword("sort", then: { _ in })
            emit("by", continues: true)
            list { $0.sortKey() }
        case 4: keyword("take", then: { $0.expression(1) })
        case 5: keyword("skip", then: { $0.expression(1) })
        case 6:
            keyword("top", then: { $0.expression(1) })
            emit("by", continues: true)
            list { $0.sortKey() }
        case 7:
            emit("count")
            if chance(0.6) {
                emit("by", continues: true)
                list { $0.projection() }
            }
        case 8:
            keyword("summarize", then: { $0.list { $0.aggregate() } })
            if chance(0.6) {
                emit("by", continues: true)
                list { $0.projection() }
            }
        case 9: keyword("distinct", then: { $0.list { $0.projection() } })
        case 10:
            keyword("explode", then: { $0.expression(1) })
            if chance(0.5) {
                emit("as", continues: true)
                emit(name())
            }
        case 11: keyword("search", then: { $0.expression(1) })
        default: emit("chart")
        }
    }

    /// A stage name that needs an argument, then the argument.
    mutating func keyword(_ word: String, then argument: (inout RandomScriptText) -> Void) {
        emit(word, continues: true)
        argument(&self)
    }

    mutating func list(_ item: (inout RandomScriptText) -> Void) {
        for index in 0..<Int.random(in: 1...3, using: &rng) {
            if index > 0 { emit(",", continues: true) }
            item(&self)
        }
    }

    mutating func projection() {
        expression(1)
        if chance(0.3) {
            emit("as", continues: true)
            emit(name())
        }
    }

    mutating func assignment() {
        emit(name())
        emit("=", continues: true)
        expression(1)
    }

    mutating func aggregate() {
        if chance(0.5) { return assignment() }
        call()
    }

    mutating func sortKey() {
        expression(1)
        if chance(0.5) { emit(chance(0.5) ? "asc" : "desc") }
    }

    // MARK: - Expressions

    /// An expression of precedence `level` or tighter (1 `or` … 8 operand),
    /// sometimes a looser one in parentheses, sometimes in redundant ones.
    mutating func expression(_ level: Int, nesting: Int = 0) {
        // Operands half the time, so that scripts stay the size people write.
        let chosen = nesting >= 3 || chance(0.5) ? 8 : Int.random(in: 1...7, using: &rng)
        let parenthesised = chosen < level || chance(0.08)
        if parenthesised { emit("(", continues: true) }
        let inner = parenthesised ? 1 : level
        expression(exactly: max(chosen, inner), nesting: nesting + 1)
        if parenthesised { emit(")") }
    }

    mutating func expression(exactly level: Int, nesting: Int) {
        switch level {
        case 1: chain(["or"], operand: 2, nesting: nesting)
        case 2: chain(["and"], operand: 3, nesting: nesting)
        case 3:
            emit("not", continues: true)
            expression(3, nesting: nesting)
        case 4:
            expression(5, nesting: nesting)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0:
                emit("is", continues: true)
                if chance(0.5) { emit("not", continues: true) }
                emit("null")
                return
            case 1:
                emit("not", continues: true)
                emit(Self.negatable.randomElement(using: &rng)!, continues: true)
            default:
                emitOperator(Self.comparisons.randomElement(using: &rng)!)
            }
            expression(5, nesting: nesting)
        case 5: chain(["+", "-"], operand: 6, nesting: nesting)
        case 6: chain(["*", "/"], operand: 7, nesting: nesting)
        case 7:
            emit("-", continues: true)
            expression(7, nesting: nesting)
        default: operand(nesting: nesting)
        }
    }

    /// `a op b op c` of one level. `and` and `or` chains are sometimes
    /// long, as the parser makes balanced trees of four or more operands.
    mutating func chain(_ operators: [String], operand: Int, nesting: Int) {
        expression(operand - 1, nesting: nesting)
        let long = operand <= 3 && chance(0.3)
        for _ in 0..<Int.random(in: 1...(long ? 6 : 2), using: &rng) {
            emit(operators.randomElement(using: &rng)!, continues: true)
            expression(operand, nesting: nesting)
        }
    }

    mutating func emitOperator(_ op: String) {
        for word in op.split(separator: " ") { emit(String(word), continues: true) }
    }

    mutating func operand(nesting: Int) {
        switch Int.random(in: 0..<10, using: &rng) {
        case 0...2: emit(Self.literals.randomElement(using: &rng)!)
        case 3...5: emit(Self.fields.randomElement(using: &rng)!)
        case 6: emit(chance(0.5) ? "$p" : "$城市")
        case 7, 8: call(nesting: nesting)
        default:
            emit("[", continues: true)
            let count = Int.random(in: 0...3, using: &rng)
            for index in 0..<count {
                if index > 0 { emit(",", continues: true) }
                expression(1, nesting: nesting + 1)
            }
            if count > 0 && chance(0.2) { emit(",", continues: true) }
            emit("]")
        }
    }

    mutating func call(nesting: Int = 0) {
        emit(Self.functions.randomElement(using: &rng)!)
        emit("(", continues: true)
        for index in 0..<Int.random(in: 0...2, using: &rng) {
            if index > 0 { emit(",", continues: true) }
            expression(1, nesting: nesting + 1)
        }
        emit(")")
    }

    // MARK: - Tokens

    mutating func name() -> String { Self.fields.randomElement(using: &rng)! }

    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }

    /// Adds a token; inside brackets any line break continues the statement.
    mutating func emit(_ text: String, continues: Bool = false) {
        if text == "(" || text == "[" { depth += 1 }
        if text == ")" || text == "]" { depth -= 1 }
        pieces.append(Piece(text: text, continues: continues || depth > 0))
    }
}
