import Testing

@testable import TaskQL

/// Operators, precedence and operands, each shown as the tree it parses to.
struct ParserExpressionTests {
    func expr(_ text: String) -> String {
        let result = parsed("t | where " + text)
        guard result.hasPrefix("t | (where "), result.hasSuffix(")") else { return result }
        return String(result.dropFirst("t | (where ".count).dropLast())
    }

    @Test(arguments: BinaryOperator.allCases.filter { $0 != .notIn })
    func everyBinaryOperator(op: BinaryOperator) {
        #expect(expr("a \(op.rawValue) b") == "(\(op.rawValue) a b)")
    }

    @Test(arguments: [
        ("a or b and c", "(or a (and b c))"),
        ("a and b or c", "(or (and a b) c)"),
        ("not a and b", "(and (not a) b)"),
        ("not a == b", "(not (== a b))"),
        ("a == b + c * d", "(== a (+ b (* c d)))"),
        ("a - b - c", "(- (- a b) c)"),
        ("a / b * c", "(* (/ a b) c)"),
        ("-a * b", "(* (- a) b)"),
        ("- -a", "(- (- a))"),
        ("(a + b) * c", "(* (+ a b) c)"),
        ("x is null or y is not null", "(or (is-null x) (is-not-null y))"),
        ("a + 1 is null", "(is-null (+ a 1))"),
        ("city in [\"海门\", \"太仓\",]", "(in city [\"海门\" \"太仓\"])"),
        ("city not in $cities", "(not in city $cities)"),
        ("text not contains \"5G\"", "(not (contains text \"5G\"))"),
        ("not not a", "(not (not a))"),
        ("units has \"发改委\" and due <= 2020-06-30", "(and (has units \"发改委\") (<= due @2020-06-30))"),
        ("due - 2020-01-01 > 30", "(> (- due @2020-01-01) 30)"),
        ("len(lead_units) >= 2", "(>= (len() lead_units) 2)"),
        ("coalesce(title, text, 'x') != ''", "(!= (coalesce() title text \"x\") \"\")"),
        ("f()", "(f())"),
        ("x == 1.5", "(== x 1.5)"),
        ("[]", "[]"),
        ("[[1], [2, 3]]", "[[1] [2 3]]"),
        ("true and false or null", "(or (and true false) null)"),
        ("$p == $q", "(== $p $q)"),
    ])
    func precedenceAndOperands(text: String, tree: String) {
        #expect(expr(text) == tree)
    }

    @Test(arguments: [
        ("\"a\\\"b\"", "a\"b"), ("'it\\'s'", "it's"), ("\"\\\\\"", "\\"), ("\"a\\nb\\tc\"", "a\nb\tc"),
        ("\"\\u{6D77}门\"", "海门"), ("“海门”", "海门"), ("‘海门’", "海门"), ("“say \"hi\"”", "say \"hi\""),
        ("'a\"b'", "a\"b"), ("\"多\\n行\"", "多\n行"),
    ])
    func stringLiterals(source: String, value: String) {
        #expect(expr("x == " + source) == "(== x \"\(value)\")")
    }

    @Test func spansCoverWhatWasWritten() throws {
        let text = "tasks | where len(text) > 10"
        let script = try Parser.parse(SourceText(name: "q", text: text))
        guard case .query(let pipeline) = script.statements[0], case .where(let e) = pipeline.stages[0].kind
        else {
            Issue.record("not a where stage")
            return
        }
        let bytes = Array(text.utf8)
        func written(_ span: SourceSpan) -> String { String(decoding: bytes[span.start..<span.end], as: UTF8.self) }
        #expect(written(e.span) == "len(text) > 10")
        #expect(written(pipeline.stages[0].span) == "where len(text) > 10")
        #expect(written(pipeline.span) == text)
        guard case .binary(_, let call, _) = e.kind, case .call(let f, let args) = call.kind else { return }
        #expect(written(f.span) == "len")
        #expect(written(args[0].span) == "text")
        #expect(written(call.span) == "len(text)")
    }

    @Test func cjkSpansAreUTF8Bytes() throws {
        let script = try Parser.parse(SourceText(name: "q", text: "tasks | where 城市 == \"海门\""))
        guard case .query(let p) = script.statements[0], case .where(let e) = p.stages[0].kind,
            case .binary(_, let field, let literal) = e.kind
        else {
            Issue.record("unexpected tree")
            return
        }
        #expect(field.span == SourceSpan(start: 14, end: 20))
        #expect(literal.span == SourceSpan(start: 24, end: 32))
    }
}
