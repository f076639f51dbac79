import Testing

@testable import TaskQL

@Suite struct RegexTests {
    static let cases: [(pattern: String, text: String, matches: Bool)] = [
        ("[0-9]+万平方米", "建设10万平方米保障房", true), ("[0-9]+万平方米", "建设万平方米", false),
        ("^建设", "建设10万", true), ("^建设", "再建设", false), ("房$", "保障房", true), ("房$", "房屋", false),
        ("a|b", "xbx", true), ("(ab)+c", "ababc", true), ("(ab)+c", "abac", false), ("a{2,3}", "xaay", true),
        ("a{3}", "aa", false), ("a{2,}", "aaaa", true), ("colou?r", "color", true), ("\\d+%", "增长6%", true),
        ("\\D", "123", false), ("\\w+", "！？", false), ("[^0-9]", "123", false), ("[^0-9]", "12a", true),
        ("\\.", "a.b", true), ("\\.", "ab", false), ("[一-龥]+", "abc中", true), ("x*", "", true), ("^$", "", true),
        ("^$", "a", false), (".", "\n", false), ("(?:年|月)底", "6月底前", true), ("[a\\-z]", "-", true),
        ("5G|５Ｇ", "推进５Ｇ建设", true), ("(a+)+$", String(repeating: "a", count: 3000) + "!", false),
    ]

    @Test(arguments: cases) func matching(_ c: (pattern: String, text: String, matches: Bool)) throws {
        let matcher = RegexMatcher(program: try RegexProgram(pattern: c.pattern))
        #expect(try matcher.matches(c.text.unicodeScalars) == c.matches)
        var bytes = c.text
        let onBytes = try bytes.withUTF8 { b in try matcher.matches(utf8: b) }
        #expect(onBytes == c.matches)
    }

    static let errors: [(String, String)] = [
        ("[0-9", "'[' without a closing ']'"), ("(a", "'(' without a closing ')'"),
        ("a)", "unmatched ')' at character 2"),
        ("*a", "nothing to repeat before '*'"), ("a{5,2}", "{5,2}: the maximum is below the minimum"),
        ("a{2000}", "repeat count above 1000"), ("\\q", "unknown escape '\\q'"), ("[z-a]", "range z-a is backwards"),
        ("(?=a)", "only (?: …) groups are supported"), ("(a{1000}){1000}", "pattern is too large"),
        // Found by fuzz-regex (a slow unit): each copy of a repeated class
        // was finalised again; now once, and the size limit answers at once.
        ("[^d@s\\w]{224}{246}", "pattern is too large"),
        // Issue 9: `\1` once silently matched the digit 1.
        ("(a)\\1", "backreferences ('\\1') are not supported"),
    ]

    @Test(arguments: errors) func invalidPatterns(_ pattern: String, _ reason: String) {
        #expect(throws: RegexError.self) { try RegexProgram(pattern: pattern) }
        do {
            _ = try RegexProgram(pattern: pattern)
        } catch {
            #expect(error.reason == reason)
        }
    }

    // MARK: Nesting

    /// Patterns that nest `depth` levels: groups, stacked repeats, groups of
    /// repeats, and alternations inside groups.
    static func nested(_ shape: String, _ depth: Int) -> String {
        switch shape {
        case "groups": String(repeating: "(", count: depth) + "a" + String(repeating: ")", count: depth)
        case "non-capturing": String(repeating: "(?:", count: depth) + "a" + String(repeating: ")", count: depth)
        case "repeats": "a" + String(repeating: "*", count: depth)
        case "repeated groups": String(repeating: "(", count: depth) + "a" + String(repeating: ")*", count: depth)
        default: String(repeating: "(b|", count: depth) + "a" + String(repeating: ")", count: depth)
        }
    }

    static let shapes = ["groups", "non-capturing", "repeats", "repeated groups", "alternations"]

    @Test(arguments: shapes) func nestingWithinTheLimitCompiles(shape: String) throws {
        // A capturing group is a level; so is an alternation, and a repeat.
        let twoLevels = shape == "alternations" || shape == "repeated groups"
        let depth = twoLevels ? RegexParser.maximumNesting / 2 - 1 : RegexParser.maximumNesting - 1
        let matcher = RegexMatcher(program: try RegexProgram(pattern: Self.nested(shape, depth)))
        #expect(try matcher.matches("a".unicodeScalars))
    }

    /// Issue 9: patterns nested thousands deep overflowed the stack in
    /// `RegexParser` and `RegexEmitter` (and freeing the tree); now an error.
    @Test(arguments: shapes) func nestingThousandsDeepIsAnError(shape: String) {
        for depth in [RegexParser.maximumNesting + 1, 100_000] {
            do {
                _ = try RegexProgram(pattern: Self.nested(shape, depth))
                Issue.record("\(shape) nested \(depth) deep compiled")
            } catch {
                #expect(error.reason == "the pattern nests too deeply")
                #expect(error.help == "a pattern may nest groups and repeats at most 200 levels deep")
            }
        }
    }

    /// The same limit for a literal (checked before rows are read) and for a
    /// pattern from a parameter (`matches $re`, compiled when the query runs).
    @Test func deepPatternsInQueriesAreDiagnostics() throws {
        let deep = Self.nested("groups", 10_000)
        let literal = try #require(try diagnostic("tasks | where text matches \"\(deep)\" | count"))
        #expect(literal.code == DiagnosticCode.invalidRegex)
        #expect(literal.message == "invalid regular expression: the pattern nests too deeply")
        #expect(literal.help == "a pattern may nest groups and repeats at most 200 levels deep")
        let q = "tasks | where text matches $re | count"
        let parameter = try #require(try diagnostic(q, parameters: ["re": .string(deep)]))
        #expect(parameter.code == DiagnosticCode.runtimeRegex)
        #expect(parameter.message == literal.message && parameter.help == literal.help)
        #expect(parameter.span == span(of: "$re", in: q))
    }
}

/// A class is finalised when it is parsed, so every copy a repeat emits
/// shares it (fuzz-regex found `[^d@s\w]{224}{246}` taking seconds).
@Suite struct RegexSetFinalisationTests {
    @Test func parsedSetsHaveTheirASCIITable() throws {
        for pattern in ["[ab]", "\\d", "[^\\w]"] {
            guard case .set(let set) = try RegexParser.parse(pattern).node else {
                Issue.record("\(pattern) is not one set")
                continue
            }
            #expect(set.asciiMasks != (0, 0), "\(pattern) was not finalised by the parser")
        }
        let program = try RegexProgram(pattern: "[ab]{3}\\d")
        #expect(program.sets[0].contains("a") && !program.sets[0].contains("c"))
        #expect(program.sets[3].contains("7"))
    }
}
