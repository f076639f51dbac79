import Testing

@testable import TaskQL

/// What the REPL asks before running input: is the statement finished?
struct InputCompletenessTests {
    @Test(arguments: [
        "tasks | count", "tasks", "", "   ", "# comment", "tasks | count;", "tasks | count\n",
        "tasks | where x == \"a\"", "tasks | count by city", "tasks | chart", "tasks | where )",
        "tasks | where x ! y", "tasks | sort by count desc", "let x = tasks",
        "load \"a.jsonl\"", "tasks | where a == \"5G#\"",
        // An unclosed string cannot be mended by more lines (strings end
        // with their line): it is complete, and the parser reports it.
        "tasks | where x == \"海门", "tasks | where x == “海门",
    ])
    func complete(text: String) {
        #expect(Parser.completeness(of: text) == .complete)
    }

    @Test(arguments: [
        ("tasks | where x in [\"a\",", "unclosed '['"),
        ("tasks | where len(text", "unclosed '('"),
        ("tasks | where ([1, (2", "unclosed '('"),
        ("tasks |", "the statement continues after '|'"),
        ("tasks |   # more to come", "the statement continues after '|'"),
        ("tasks | where a and", "the statement continues after 'and'"),
        ("tasks | where a ==", "the statement continues after '=='"),
        ("tasks | select a,", "the statement continues after ','"),
        ("let x =", "the statement continues after '='"),
        ("let", "the statement continues after 'let'"),
        ("tasks | where", "the statement continues after 'where'"),
        ("tasks | sort by", "the statement continues after 'by'"),
        ("tasks | count; tasks |", "the statement continues after '|'"),
    ])
    func incomplete(text: String, reason: String) {
        #expect(Parser.completeness(of: text) == .incomplete(reason: reason))
    }

    /// What completeness holds open is what the parser joins: the prefix
    /// is incomplete, and with its next line it is complete and parses.
    @Test(arguments: [
        ("tasks |", "count"), ("tasks | where a and", "b"), ("let x =", "tasks"),
        ("tasks | where f(a,", "b)"), ("tasks | where", "x"),
    ])
    func incompleteInputParsesOnceContinued(prefix: String, nextLine: String) {
        #expect(Parser.completeness(of: prefix) != .complete)
        let whole = prefix + "\n" + nextLine
        #expect(Parser.completeness(of: whole) == .complete)
        #expect(!parsed(whole).hasPrefix("error"), "\(parsed(whole))")
    }
}
