import Foundation
import Testing

@testable import TaskQL

/// `extract` reports the match a backtracking engine would (leftmost, then
/// by the pattern's preferences) and `number` reads amounts as tables print
/// them.
@Suite struct ExtractTests {
    /// `extract(text, pattern[, group])` evaluated as a constant.
    private func extracted(_ text: String, _ pattern: String, group: Int? = nil) throws -> Value {
        let call = "extract(\(quoted(text)), \(quoted(pattern))\(group.map { ", \($0)" } ?? ""))"
        return try runQuery("tasks | take 1 | select \(call) as x").rows[0][0]
    }

    private func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    @Test func reportsTheFirstGroupOrTheWholeMatch() throws {
        #expect(try extracted("新建保障房45万平方米", "([0-9.]+)万平方米") == .string("45"))
        #expect(try extracted("改造3.6万平方米", "([0-9.]+)万平方米", group: 0) == .string("3.6万平方米"))
        #expect(try extracted("xaay", "a+") == .string("aa"))
        #expect(try extracted("建设20公里", "(\\d+)(公里|千米)", group: 2) == .string("公里"))
        #expect(try extracted("没有数字", "([0-9]+)") == .null)
        // A group that takes no part in the match has no text.
        #expect(try extracted("b", "(a)?b") == .null)
        #expect(try extracted("b", "(a)?b", group: 0) == .string("b"))
    }

    @Test func followsThePatternsPreferences() throws {
        #expect(try extracted("a1b2b", "a(.*)b") == .string("1b2"))
        #expect(try extracted("a1b2b", "a(.*?)b") == .string("1"))
        #expect(try extracted("aaa", "(a+?)") == .string("a"))
        #expect(try extracted("aaa", "(a{1,3}?)a") == .string("a"))
        // The first alternative that lets the whole pattern match wins.
        #expect(try extracted("abc", "(a|ab)(c|bcd)") == .string("ab"))
        #expect(try extracted("abcd", "(a|ab)(c|bcd)") == .string("a"))
        #expect(try extracted("年底前完成", "^(.*?)前") == .string("年底"))
        #expect(try extracted("ab", "(?:a)(b)") == .string("b"))
        // Anchors: a thread that dies at the first position must not end the
        // search (fuzz-regex found `$` reported as no match).
        #expect(try extracted("ab", "$", group: 0) == .string(""))
        #expect(try extracted("abc", "(c)$") == .string("c"))
        #expect(try extracted("abcab", "^(ab)") == .string("ab"))
    }

    /// Random patterns over a small alphabet against Foundation's
    /// backtracking engine (ICU): the same match and groups.
    @Test func agreesWithABacktrackingEngine() throws {
        var rng = SplitMix64(seed: 12)
        var compared = 0
        for _ in 0..<1500 {
            let anchors = [("", ""), ("^", ""), ("", "$"), ("^", "$")][rng.below(4)]
            let pattern = anchors.0 + randomPattern(&rng, depth: 3) + anchors.1
            let text = String((0..<rng.below(8)).map { _ in "abc".randomElement(using: &rng)! })
            guard let reference = try? NSRegularExpression(pattern: pattern) else { continue }
            let program = try RegexProgram(pattern: pattern)
            let ours = try RegexCaptures(program: program).firstMatch(in: Array(text.unicodeScalars))
            let ns = text as NSString
            let theirs = reference.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)).map { m in
                (0..<m.numberOfRanges).map { k -> Range<Int>? in
                    let r = m.range(at: k)
                    return r.location == NSNotFound ? nil : r.location..<(r.location + r.length)
                }
            }
            #expect(ours == theirs, "\(pattern) on \"\(text)\"")
            compared += 1
        }
        #expect(compared > 1000)
    }

    /// Repeats only over bodies that cannot match empty text: engines differ
    /// on where a group that matched empty in an empty turn ends.
    private func randomPattern(_ rng: inout SplitMix64, depth: Int) -> String {
        let atom = { (rng: inout SplitMix64) -> String in ["a", "b", "c", ".", "[ab]"].randomElement(using: &rng)! }
        guard depth > 0 else { return atom(&rng) }
        switch rng.below(6) {
        case 0: return atom(&rng)
        case 1: return randomPattern(&rng, depth: depth - 1) + randomPattern(&rng, depth: depth - 1)
        case 2: return "(" + randomPattern(&rng, depth: depth - 1) + "|" + randomPattern(&rng, depth: depth - 1) + ")"
        case 3:
            let quantifier = ["*", "+", "?", "{1,2}", "{2}"].randomElement(using: &rng)!
            return "(" + atom(&rng) + ")" + quantifier + (rng.below(2) == 0 ? "?" : "")
        case 4: return "(?:" + randomPattern(&rng, depth: depth - 1) + ")"
        default: return "(" + randomPattern(&rng, depth: depth - 1) + ")"
        }
    }

    @Test func mistakesAreDiagnosed() throws {
        let badPattern = try #require(try diagnostic(#"tasks | select extract(text, "([0-9]+") as x"#))
        #expect(badPattern.code == DiagnosticCode.invalidRegex)
        let q = #"tasks | select extract(text, "([0-9]+)", 2) as x"#
        let badGroup = try #require(try diagnostic(q))
        #expect(badGroup.code == DiagnosticCode.badArguments)
        #expect(badGroup.message == "the pattern has 1 group, not a group 2")
        #expect(badGroup.span == span(of: "2", in: q))
        let notText = try #require(try diagnostic(#"tasks | select extract(lead_units, "a") as x"#))
        #expect(notText.code == DiagnosticCode.badArguments)
        let computed = try #require(
            try diagnostic("tasks | select extract(text, $re) as x", parameters: ["re": .string("(")]))
        #expect(computed.code == DiagnosticCode.runtimeRegex)
        #expect(
            try runQuery("tasks | select extract(text, $re) as x", parameters: ["re": .null]).rows.allSatisfy {
                $0 == [.null]
            })
    }

    @Test func numberReadsAmountsAsPrinted() throws {
        let cases: [(String, Value)] = [
            (#"number("3.5")"#, .decimal(3.5)), (#"number("１２")"#, .decimal(12)), (#"number("1,200")"#, .decimal(1200)),
            (#"number("-0.25")"#, .decimal(-0.25)), (#"number("十二")"#, .decimal(12)), ("number(3)", .decimal(3)),
            (#"number("１２.５")"#, .decimal(12.5)), (#"number(" 7 ")"#, .decimal(7)),
            (#"number("1,20")"#, .null), (#"number("1.2.3")"#, .null), (#"number("abc")"#, .null),
            (#"number("")"#, .null), (#"number("5.")"#, .decimal(5)), (#"number(".")"#, .null),
            (#"number("1e9")"#, .null),
        ]
        for (call, expected) in cases {
            let value = try runQuery("tasks | take 1 | select \(call) as x").rows[0][0]
            #expect(value == expected, "\(call)")
        }
    }

    @Test func pullsQuantitiesOutOfTaskText() throws {
        let result = try runQuery(
            #"tasks | extend m2 = number(extract(text, "([0-9.]+)万平方米")) | where m2 is not null | select id, m2"#)
        #expect(result.rows == [[.string("hm-2"), .decimal(10)]])
    }
}

extension SplitMix64 {
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
