import Foundation
import Testing

@testable import TaskQL

/// Issue 10: diagnostic codes are one enum, and the documentation lists
/// exactly its cases: Grammar/README.md row by row with each meaning, the
/// README's ranges covering every code and naming none that is not one.
@Suite struct DiagnosticCodeTableTests {
    static let root = ExampleScriptsTests.packageRoot

    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func grammarReadmeListsEveryCodeWithItsMeaning() throws {
        let readme = try Self.text("Grammar/README.md")
        let section = try #require(readme.range(of: "## Diagnostic codes")).upperBound
        let rows = readme[section...].matches(of: #/\n\| ([EW]\d{4}) \| (.+) \|/#)
            .map { (String($0.output.1), String($0.output.2)) }
        #expect(rows.map(\.0) == DiagnosticCode.allCases.map(\.rawValue))
        for (code, meaning) in rows {
            #expect(DiagnosticCode(rawValue: code)?.summary == meaning, "\(code)")
        }
    }

    @Test func readmeRangesCoverEveryCode() throws {
        let readme = try Self.text("README.md")
        var covered: Set<String> = []
        for match in readme.matches(of: #/\n\| ([EW])(\d{4})(?:–[EW](\d{4}))? \|/#) {
            let first = Int(match.output.2)!
            let last = match.output.3.map { Int($0)! } ?? first
            for n in first...last {
                let code = "\(match.output.1)\(String(format: "%04d", n))"
                #expect(DiagnosticCode(rawValue: code) != nil, "README's range names \(code), which is no code")
                covered.insert(code)
            }
        }
        #expect(Set(DiagnosticCode.allCases.map(\.rawValue)) == covered)
    }

    /// A failed `load` is the file's own diagnostic — its code, file and
    /// line — under the `load` that read it, not a message quoting another.
    @Test func aFailedLoadIsTheFilesOwnDiagnostic() throws {
        let directory = try CLIProcess.scratchDirectory()
        try
            "{\"format\":\"taskql-dataset\",\"version\":1,\"dataset\":\"x\",\"records\":1,\"documents\":[]}\n{\"id\": 3}\n"
            .write(to: directory.appendingPathComponent("bad.jsonl"), atomically: true, encoding: .utf8)
        let session = Session(engine: Engine(datasets: []))
        let error = try #require(throws: DiagnosticError.self) {
            try session.execute(
                SourceText(name: "<q>", text: "load \"\(directory.appendingPathComponent("bad.jsonl").path)\""))
        }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.code == .invalidDatasetFile)
        #expect(diagnostic.location?.line == 2)
        #expect(diagnostic.location?.file.hasSuffix("bad.jsonl") == true)
        #expect(diagnostic.span != nil)
        let rendered = DiagnosticRenderer.render(error.diagnostics, source: error.source)
        #expect(rendered.hasPrefix("error[E0503]: cannot load "), "\(rendered)")
        #expect(rendered.contains("bad.jsonl:2:"), "\(rendered)")
        #expect(!rendered.contains(": error: "), "an error message quoted inside another:\n\(rendered)")
    }
}
