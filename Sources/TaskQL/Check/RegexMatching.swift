import Foundation

/// `text matches "pattern"`. Patterns are ICU regular expressions
/// (NSRegularExpression). Because a backtracking engine can take exponential
/// time on patterns with nested repetition (`(a+)+`), such patterns are
/// refused up front instead of risking a hang.
enum RegexMatching {
    static let maxPatternLength = 1000

    static func compile(_ l: CompiledExpr, _ r: CompiledExpr, lhsSpan: SourceSpan, rhsSpan: SourceSpan) throws -> CompiledExpr {
        try TypeRules.expect(l.type, among: [.string, .list(.string)], lhsSpan, "'matches' needs text on its left")
        try TypeRules.expect(r.type, among: [.string], rhsSpan, "'matches' needs a pattern string on its right")
        if case .string(let pattern)? = r.constant {
            let regex = try regex(pattern, span: rhsSpan)
            return CompiledExpr(type: .bool, eval: { row in test(regex, try l.eval(row)) })
        }
        // A pattern computed per row (e.g. a parameter bound late) is compiled once per distinct pattern.
        let cache = RegexCache()
        return CompiledExpr(type: .bool, eval: { row in
            guard case .string(let pattern) = try r.eval(row) else { return .null }
            do {
                return test(try cache.regex(pattern, span: rhsSpan), try l.eval(row))
            } catch let failure as CheckFailure {
                throw RuntimeFailure(code: CheckCode.regexFailed, failure.diagnostic.message, span: rhsSpan)
            }
        })
    }

    static func test(_ regex: NSRegularExpression, _ value: Value) -> Value {
        func matches(_ s: String) -> Bool {
            regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
        }
        switch value {
        case .string(let s): return .bool(matches(s))
        case .list(let items): return .bool(items.contains { $0.stringValue.map(matches) ?? false })
        default: return .null
        }
    }

    static func regex(_ pattern: String, span: SourceSpan) throws -> NSRegularExpression {
        if pattern.utf8.count > maxPatternLength {
            throw CheckFailure(CheckCode.badRegex, "regular expression longer than \(maxPatternLength) bytes", span: span)
        }
        if hasNestedRepetition(pattern) {
            throw CheckFailure(
                CheckCode.badRegex, "regular expression has nested repetition, which can take exponential time",
                span: span, help: "rewrite without a repeated group that itself repeats, e.g. (ab)+ instead of (a+b?)+")
        }
        do {
            return try NSRegularExpression(pattern: pattern)
        } catch {
            throw CheckFailure(CheckCode.badRegex, "invalid regular expression: \(pattern)", span: span)
        }
    }

    /// True when a group containing a quantifier is itself quantified.
    static func hasNestedRepetition(_ pattern: String) -> Bool {
        var stack: [Bool] = []  // per open group: contains a quantifier
        var escaped = false
        var inClass = false
        var lastClosedHadQuantifier = false
        for ch in pattern {
            if escaped { escaped = false; lastClosedHadQuantifier = false; continue }
            switch ch {
            case "\\": escaped = true
            case "[" where !inClass: inClass = true
            case "]" where inClass: inClass = false
            case _ where inClass: break
            case "(":
                stack.append(false)
                lastClosedHadQuantifier = false
            case ")":
                lastClosedHadQuantifier = stack.popLast() ?? false
                if lastClosedHadQuantifier, !stack.isEmpty { stack[stack.count - 1] = true }
                continue
            case "*", "+", "{":
                if lastClosedHadQuantifier { return true }
                if !stack.isEmpty { stack[stack.count - 1] = true }
            default: break
            }
            lastClosedHadQuantifier = false
        }
        return false
    }
}

/// Compiled patterns by text, for patterns not known at check time.
final class RegexCache {
    private var compiled: [String: NSRegularExpression] = [:]
    func regex(_ pattern: String, span: SourceSpan) throws -> NSRegularExpression {
        if let r = compiled[pattern] { return r }
        let r = try RegexMatching.regex(pattern, span: span)
        compiled[pattern] = r
        return r
    }
}
