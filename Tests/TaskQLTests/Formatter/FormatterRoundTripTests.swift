import Foundation
import Testing

@testable import TaskQL

/// The formatter's promises, checked on every example script and on
/// thousands of generated ones: the formatted script parses to the same
/// trees (spans aside) with the same dot-command lines, keeps every comment
/// in order, and formatting it again changes nothing. Each script is also
/// formatted 16 columns wide, which breaks lines at nearly every place the
/// layout may break them, so a break where TQL would end the statement
/// shows up as a different tree.
struct FormatterRoundTripTests {
    static let widths = [80, 16]

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var exampleScripts: [String] {
        let directory = packageRoot.appendingPathComponent("Examples").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".tql") }.sorted()
    }

    @Test func thereAreExamplesToCheck() {
        #expect(Self.exampleScripts.count >= 30)
    }

    @Test(arguments: exampleScripts)
    func exampleKeepsItsMeaning(_ name: String) throws {
        let url = Self.packageRoot.appendingPathComponent("Examples").appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        let shape = ScriptShape.of(text)
        guard case .success = shape else {
            // Only the examples of syntax errors do not parse; they show a diagnostic.
            let expected = url.deletingPathExtension().appendingPathExtension("err")
            #expect(FileManager.default.fileExists(atPath: expected.path), "\(name) does not parse")
            #expect(throws: DiagnosticError.self) { try QueryFormatter().format(SourceText(name: name, text: text)) }
            return
        }
        for width in Self.widths { checkRoundTrip(text, shape: shape, width: width, label: name) }
    }

    @Test func grammarExamplesKeepTheirMeaning() throws {
        let examples = EBNFGrammar.examples(in: try EBNFGrammar.read("Grammar/taskql.ebnf"))
        #expect(examples.count >= 10)
        for (index, example) in examples.enumerated() {
            let shape = ScriptShape.of(example)
            for width in Self.widths {
                checkRoundTrip(example, shape: shape, width: width, label: "grammar example \(index)")
            }
        }
    }

    @Test(arguments: 0..<8)
    func generatedScriptsKeepTheirMeaning(seed: UInt64) {
        var generator = RandomScriptText(seed: seed &* 7919 &+ 17)
        var checked = 0
        for round in 0..<400 {
            let text = generator.script()
            let label = "seed \(seed) round \(round): \(text.debugDescription)"
            let shape = ScriptShape.of(text)
            guard case .success = shape else {
                Issue.record("the generator wrote a script that does not parse: \(label)")
                continue
            }
            for width in Self.widths { checkRoundTrip(text, shape: shape, width: width, label: label) }
            checked += 1
        }
        #expect(checked == 400)
    }

    /// Formats `text` (whose ``ScriptShape`` is `shape`) at `width` and
    /// checks the promises.
    func checkRoundTrip(_ text: String, shape: ScriptShape, width: Int, label: String) {
        let formatter = QueryFormatter(lineWidth: width)
        let formatted: String
        do {
            formatted = try formatter.format(SourceText(name: "q.tql", text: text))
        } catch {
            Issue.record("\(label) (width \(width)) did not format: \(error)")
            return
        }
        #expect(
            ScriptShape.of(formatted) == shape,
            "\(label) (width \(width)) means something else formatted:\n\(formatted)")
        #expect(
            ScriptShape.comments(in: formatted) == ScriptShape.comments(in: text),
            "\(label) (width \(width)) lost or moved comments:\n\(formatted)")
        let again = try? formatter.format(SourceText(name: "q.tql", text: formatted))
        #expect(again == formatted, "\(label) (width \(width)) changes when formatted again:\n\(formatted)")
        #expect(!formatted.split(separator: "\n").contains { $0.last == " " }, "\(label): trailing spaces")
    }
}

/// What a script means, for comparing: its statements as trees (without
/// spans) and its dot-command lines, in order.
enum ScriptShape: Equatable {
    case success([String])
    case failure(String)

    static func of(_ text: String) -> ScriptShape {
        var shape: [String] = []
        for segment in ScriptSegment.split(text) {
            switch segment.kind {
            case .dotCommand:
                shape.append(segment.text.trimmingCharacters(in: .newlines))
            case .statements:
                do {
                    let script = try Parser.parse(SourceText(name: "q.tql", text: String(segment.text)))
                    shape += script.statements.map(\.sExpression)
                } catch {
                    return .failure(error.description)
                }
            }
        }
        return .success(shape)
    }

    /// The text of every comment outside dot-command lines, in order.
    static func comments(in text: String) -> [String] {
        ScriptSegment.split(text).filter { $0.kind == .statements }.flatMap { segment in
            let source = String(segment.text)
            let bytes = Array(source.utf8)
            return Lexer.scan(source).filter { $0.kind == .comment }.map { token in
                String(decoding: bytes[token.span.start..<token.span.end], as: UTF8.self)
                    .trimmingCharacters(in: .whitespaces.union(.newlines))
            }
        }
    }
}
