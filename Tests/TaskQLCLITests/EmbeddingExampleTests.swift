import Foundation
import Testing

/// Issue 5: a library consumer outside the package (path dependency) builds
/// and runs, and the README's "Embedding" snippet is the code it runs.
@Suite struct EmbeddingExampleTests {
    static let root = ExampleScriptsTests.packageRoot
    static let example = root.appendingPathComponent("Examples/Embedding")

    @Test func consumerPackageBuildsAndAnswers() throws {
        let scratch = Self.root.appendingPathComponent(".build/embedding-example").path
        let command = ["swift", "build", "--package-path", Self.example.path, "--scratch-path", scratch]
        var build = try Self.shell(command)
        if build.status != 0 {
            // SwiftPM does not notice a source file deleted from a path
            // dependency ("missing inputs"); a scratch directory left by an
            // earlier tree is rebuilt from nothing before judging.
            try? FileManager.default.removeItem(atPath: scratch)
            build = try Self.shell(command)
        }
        #expect(build.status == 0, "building Examples/Embedding failed:\n\(build.output)")
        let run = try Self.shell(["\(scratch)/debug/overdue-report", "住建局", "2020-07-01"])
        #expect(run.status == 0, "\(run.output)")
        let lines = run.output.split(separator: "\n").map(String.init)
        // Question 1: every line is "city number due" with due before the date.
        let dated = lines.filter { $0.split(separator: " ").count == 3 }
        #expect(!dated.isEmpty, "no task lines in:\n\(run.output)")
        #expect(dated.allSatisfy { ($0.split(separator: " ").last.map(String.init) ?? "9") < "2020-07-01" })
        // Question 2: CSV of counts per city.
        #expect(lines.contains("city,count"))
    }

    @Test func readmeShowsTheSnippetThatRuns() throws {
        let source = try String(
            contentsOf: Self.example.appendingPathComponent("Sources/overdue-report/main.swift"), encoding: .utf8)
        let start = try #require(source.range(of: "// README \"Embedding\" snippet starts here.\n"))
        let end = try #require(source.range(of: "// README \"Embedding\" snippet ends here."))
        let snippet = String(source[start.upperBound..<end.lowerBound])
        // A newcomer pastes the snippet into a main.swift of their own: it is the whole program.
        #expect(snippet.hasPrefix("import Foundation\nimport TaskQL\n"))
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("## Embedding"))
        #expect(
            readme.contains(snippet),
            "README's Embedding snippet differs from Examples/Embedding/Sources/overdue-report/main.swift:\n\(snippet)")
    }

    /// Runs a command through `env` (so `swift` is found on PATH), stderr
    /// merged into the output; a build that takes over 15 minutes fails.
    static func shell(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let outcome = try ChildProcess(
            executable: "/usr/bin/env", arguments: arguments, mergeStderr: true, timeout: 900
        )
        .runToEnd()
        return (outcome.status, String(decoding: outcome.stdout, as: UTF8.self))
    }
}
