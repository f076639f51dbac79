import Testing

@testable import TaskQL

/// Random token soup and random mutations of the grammar's examples never
/// crash or hang the lexer, parser, completeness check, completion or the
/// renderer, and every diagnostic points inside the text. The generator is
/// seeded, so a failure names the seed and input that reproduce it.
struct SyntaxFuzzTests {
    static let vocabulary: [String] =
        Keyword.allCases.map(\.rawValue) + Symbol.allCases.map(\.rawValue) + [
            "tasks", "city", "牵头单位", "x_1", "len", "count()", "\"发改委\"", "'a\\'b'", "“海门”", "\"open",
            "“open", "\"\\q\"", "\"\\u{6D77}\"", "\"\\u{zz}\"", "42", "3.5", "2020-06-30", "2020-02-30",
            "99999999999999999999999", "$leader", "$", "\n", "\n|", ";", "# note\n", "，", "（", "!", "&", ".",
            "\t", "\u{3000}", "\r\n", "\u{0}", "🙂", "é", "\\",
        ]

    static var seedExamples: [String] {
        let text = (try? EBNFGrammar.read("Grammar/taskql.ebnf")) ?? ""
        return EBNFGrammar.examples(in: text)
    }

    @Test(arguments: 0..<4)
    func randomTokenSequences(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        for round in 0..<750 {
            let count = Int.random(in: 0...30, using: &rng)
            let text = (0..<count).map { _ in
                Self.vocabulary.randomElement(using: &rng)! + (Bool.random(using: &rng) ? " " : "")
            }.joined()
            exercise(
                text, cursor: Int.random(in: -2...text.utf8.count + 2, using: &rng),
                label: "seed \(seed) round \(round)")
        }
    }

    @Test(arguments: 0..<4)
    func mutatedExamples(seed: UInt64) {
        var rng = SplitMix64(seed: seed &+ 1000)
        let examples = Self.seedExamples
        #expect(examples.count >= 10)
        let pool = Array("|()[]\"'“”$#;,=<>!-+*/ \n\t0123456789abcxyz海门发改委，")
        for round in 0..<750 {
            var chars = Array(examples.randomElement(using: &rng)!)
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                mutate(&chars, pool: pool, rng: &rng)
            }
            let text = String(chars)
            exercise(
                text, cursor: Int.random(in: 0...text.utf8.count, using: &rng), label: "seed \(seed) round \(round)")
        }
    }

    func mutate(_ chars: inout [Character], pool: [Character], rng: inout SplitMix64) {
        let at = Int.random(in: 0...chars.count, using: &rng)
        switch Int.random(in: 0..<5, using: &rng) {
        case 0 where at < chars.count: chars.remove(at: at)
        case 1: chars.insert(pool.randomElement(using: &rng)!, at: at)
        case 2 where at < chars.count: chars[at] = pool.randomElement(using: &rng)!
        case 3: chars = Array(chars.prefix(at))
        default:
            let slice = chars[at..<min(chars.count, at + Int.random(in: 1...8, using: &rng))]
            chars.insert(contentsOf: slice, at: at)
        }
    }

    /// Runs every front-end entry point on `text` and checks the invariants.
    func exercise(_ text: String, cursor: Int, label: String) {
        let source = SourceText(name: "fuzz", text: text)
        let length = text.utf8.count
        let (script, diagnostics) = Parser.parseRecovering(source)
        for d in diagnostics {
            guard let span = d.span, span.start >= 0, span.end <= length else {
                Issue.record("\(label): diagnostic outside the text: \(d) for \(text.debugDescription)")
                continue
            }
        }
        for statement in script.statements where statement.span.end > length {
            Issue.record("\(label): statement span outside the text for \(text.debugDescription)")
        }
        let rendered = DiagnosticRenderer.render(diagnostics, source: source)
        #expect(diagnostics.isEmpty || rendered.contains("error["), "\(label)")
        _ = Parser.completeness(of: text)
        _ = Parser.completionContext(text: text, cursor: cursor)
        _ = Lexer.tokenize(text)
    }
}

/// A tiny seeded generator (SplitMix64), so fuzz failures reproduce.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
