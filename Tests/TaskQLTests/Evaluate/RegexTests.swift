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
}
