import Testing
@testable import TaskQL

@Suite struct CheckerTests {
    func failure(_ text: String, options: EngineOptions = EngineOptions()) -> (Diagnostic, String)? {
        do {
            _ = try SampleTasks.engine(options: options).prepare(text)
            return nil
        } catch {
            let d = error.diagnostics[0]
            let spanText = d.span.map { String(decoding: Array(text.utf8)[$0.start..<$0.end], as: UTF8.self) } ?? ""
            return (d, spanText)
        }
    }

    @Test func misspeltFieldSuggestsTheRightOne() throws {
        let (d, span) = try #require(failure("tasks | where lead_unit has \"发改委\""))
        #expect(d.code == "E0301")
        #expect(d.message == "unknown field 'lead_unit'")
        #expect(d.help == "did you mean lead_units?")
        #expect(span == "lead_unit")
    }

    @Test func noHintWhenNothingIsClose() throws {
        let (d, _) = try #require(failure("tasks | where zzzzzz == 1"))
        #expect(d.help == nil)
    }

    @Test(arguments: [
        ("tasks | where lenn(text) > 3", "E0302", "lenn", "did you mean len?"),
        ("taks | count", "E0303", "taks", "did you mean tasks?"),
        ("tasks | where lead_units has \"发改为\"", "E0307", "\"发改为\"", "did you mean 发改委?"),
        ("tasks | where due < \"abc\"", "E0304", "due < \"abc\"", nil),
        ("tasks | where len(5) > 1", "E0304", "5", nil),
        ("tasks | where count() > 1", "E0305", "count()", nil),
        ("tasks | take -1", "E0306", "-1", nil),
        ("tasks | where text matches \"(a+)+\"", "E0309", "\"(a+)+\"", nil),
        ("tasks | where text matches \"[\"", "E0309", "\"[\"", nil),
        ("tasks | count by city | where text == \"x\"", "E0301", "text", nil),
        ("tasks | where lead_units == \"发改委\"", "E0304", "lead_units == \"发改委\"", nil),
    ] as [(String, String, String, String?)])
    func errors(_ text: String, _ code: String, _ spanText: String, _ help: String?) throws {
        let (d, span) = try #require(failure(text), "\(text) should fail")
        #expect(d.code == code, "\(text): \(d.message)")
        #expect(span == spanText, "\(text)")
        if let help { #expect(d.help == help, "\(text)") }
    }

    @Test func missingParameterIsNamed() throws {
        let query = try SampleTasks.engine().prepare("tasks | where leaders has $leader | count")
        #expect(query.parameterNames == ["leader"])
        do {
            _ = try query.run()
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics[0].message == "no value bound for parameter $leader")
        }
    }

    @Test func parametersAreValuesNotText() throws {
        let n = try SampleTasks.count("tasks | where city == $c | count", ["c": .string("海门\" or true or city == \"")])
        #expect(n == 0)
    }

    @Test func sandboxedEngineRefusesLoad() throws {
        let (d, _) = try #require(failure("load \"/etc/passwd\"", options: .sandboxed))
        #expect(d.code == "E0311")
    }
}
