import Foundation
import TaskQL
import TaskQLShell
import Testing

/// Issue 13.4: `.help` has an entry for everything the language and the
/// shell have, and every example in it runs on the bundled data (an error
/// code's example fails with exactly that code).
@Suite struct HelpCatalogTests {
    static let catalog = HelpCatalog(engine: ReplTests.engine)

    static func names(_ kind: HelpEntry.Kind) -> Set<String> {
        Set(catalog.entries.filter { $0.kind == kind }.map(\.name))
    }

    @Test func everythingHasAnEntry() {
        #expect(Self.names(.stage) == Set(LanguageSupport.stages))
        #expect(Self.names(.function) == Set(ReplTests.engine.functionNames))
        #expect(Self.names(.field) == Set(ReplTests.engine.schema.map(\.name)))
        #expect(Self.names(.command) == Set(DotCommand.all.map(\.name)))
        #expect(Self.names(.error) == Set(DiagnosticCode.allCases.map(\.rawValue)))
        #expect(
            Self.names(.operator).isSuperset(
                of: [
                    "==", "!=", "<", "<=", ">", ">=", "and", "or", "not", "in", "not in", "has", "contains",
                    "startswith", "endswith", "matches", "+", "-", "*", "/", "is null",
                ]))
        for entry in Self.catalog.entries {
            #expect(!entry.meaning.isEmpty && !entry.meaning.contains("\n"), "\(entry.name): one line")
            #expect(entry.example != nil || entry.kind == .error, "\(entry.name) has an example")
        }
        #expect(Self.catalog.entries.filter { $0.kind == .error && $0.example != nil }.count >= 25)
    }

    /// Files the examples name, in a scratch directory, and each example
    /// with them as absolute paths.
    static func prepared(_ example: String, in directory: URL) -> [String] {
        var text = example
        for name in ["plan.jsonl", "setup.tql", "result.csv", "result.xlsx", "nosuch.docx"] {
            text = text.replacing(name, with: directory.appendingPathComponent(name).path)
        }
        return text.split(separator: "\n").map(String.init)
    }

    static func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("help-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let plan =
            #"{"id":"plan-1","dataset":"plan","city":"海门","year":2020,"kind":"key","number":"1","text":"推进5G基站建设","leaders":["周国强"],"lead_units":["发改委"],"co_units":[],"deadline":"6月底前","due":"2020-06-30","source":"plan.txt:1"}"#
        try (plan + "\n").write(to: directory.appendingPathComponent("plan.jsonl"), atomically: true, encoding: .utf8)
        try ".mode csv\n".write(to: directory.appendingPathComponent("setup.tql"), atomically: true, encoding: .utf8)
        return directory
    }

    @Test func everyExampleRuns() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        var failures: [String] = []
        for entry in Self.catalog.entries {
            guard let example = entry.example else { continue }
            let run = try ReplTests.run(Self.prepared(example, in: directory))
            if entry.kind == .error {
                if !run.errors.contains("[\(entry.name)]") { failures.append("\(entry.name): \(run.errors)") }
            } else if run.failures != 0 || !run.errors.isEmpty {
                failures.append("\(entry.name): \(example)\n\(run.errors)")
            } else if entry.kind != .command, run.output.isEmpty {
                failures.append("\(entry.name): no output")
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func helpRendersEntriesListsAndSuggestions() throws {
        let run = try ReplTests.run([".help where", ".help 牵头单位", ".help functions", ".help e0301", ".help wher"])
        #expect(run.output.contains("where — stage\n  | where CONDITION\n"))
        #expect(run.output.contains("lead_units — field") && run.output.contains("also: 牵头单位、主要责任单位"))
        #expect(run.output.contains("\nlen  ") && run.output.contains("the number of characters of a text"))
        #expect(run.output.contains("E0301 — error"))
        #expect(run.errors.contains("no help on 'wher'; did you mean where?"), "\(run.errors)")
    }
}
