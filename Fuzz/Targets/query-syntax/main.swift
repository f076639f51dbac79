// Fuzz target `query-syntax`: arbitrary bytes through every stage before
// rows are read — lexer, parser (with recovery), completeness, completion
// context and Tab candidates, checker — and the diagnostic renderer.
// Nothing runs.
import Foundation
import FuzzSupport

@testable import TaskQL

@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let text = input.text
    let source = SourceText(name: "fuzz.tql", text: text)
    let length = text.utf8.count

    let tokens = Lexer.tokenize(text)
    for token in tokens {
        FuzzInvariant.require(
            0 <= token.span.start && token.span.start <= token.span.end && token.span.end <= length,
            "token \(token) outside the \(length)-byte text")
    }
    let (script, diagnostics) = Parser.parseRecovering(source)
    FuzzDiagnostics.check(diagnostics, source: source)
    for statement in script.statements {
        FuzzInvariant.require(statement.span.end <= length, "statement span \(statement.span) outside the text")
    }
    _ = Parser.completeness(of: text)
    let cursor = length == 0 ? 0 : input.lastByte % (length + 1)
    _ = Parser.completionContext(text: text, cursor: cursor)
    _ = FuzzEngine.completion.complete(text: text, cursor: cursor)

    // Check what parsed, statement by statement as a session does, so later
    // statements see earlier `let` names.
    guard diagnostics.isEmpty else { return 0 }
    var bindings: [String: CheckedPipeline] = [:]
    for statement in script.statements {
        let pipeline: Pipeline
        switch statement {
        case .query(let p): pipeline = p
        case .let(_, let p, _): pipeline = p
        case .explain(let p, _): pipeline = p
        case .load: continue
        }
        do {
            let checked = try FuzzEngine.shared.check(pipeline, source: source, bindings: bindings)
            if case .let(let name, _, _) = statement { bindings[name.name] = checked }
        } catch {
            FuzzDiagnostics.check(error.diagnostics, source: source)
        }
    }
    return 0
}

exit(FuzzDriver.run(testOneInput))
