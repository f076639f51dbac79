import Foundation
import Testing

/// Golden tests for `Examples/*.tql`: every script runs through the real
/// `taskql run` binary and its output must match the file beside it.
///
/// - `NAME.tql` — the script, run exactly as a user runs it
///   (`taskql run NAME.tql`; a script that wants CSV says `.mode csv`). An
///   optional first line `# params: name=value name=value` gives the values
///   passed as `--param`.
/// - `NAME.out` — expected standard output (script succeeds, exit 0), or
/// - `NAME.err` — expected standard error, for scripts that show a
///   diagnostic; the first line of the file is `exit: N`.
///
/// A script with neither file fails. `TASKQL_RECORD=1 swift test --filter
/// ExampleScripts` writes the expectations from the current output instead
/// (review the diff before committing).
@Suite struct ExampleScriptsTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let examplesDirectory = packageRoot.appendingPathComponent("Examples")
    /// A fixed width so tables are the same on every machine, and no times
    /// in `explain`.
    static let environment = ["COLUMNS": "120", "TASKQL_EXPLAIN_TIMES": "off"]

    static var scripts: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: examplesDirectory.path)) ?? []
        return names.filter { $0.hasSuffix(".tql") }.sorted()
    }

    @Test func thereAreEnoughExamples() {
        #expect(Self.scripts.count >= 25, "issue 3 asks for at least 25 example scripts")
    }

    /// The README's table of what each seed yields is the importer's output,
    /// not typed by hand.
    @Test func readmeShowsTheSeedOverview() throws {
        let overview = try String(
            contentsOf: Self.examplesDirectory.appendingPathComponent("00_seed_overview.out"), encoding: .utf8)
        let readme = try String(contentsOf: Self.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains(overview), "README.md's seed table differs from Examples/00_seed_overview.out")
    }

    @Test(arguments: scripts)
    func example(_ script: String) throws {
        let base = Self.examplesDirectory.appendingPathComponent(String(script.dropLast(4)))
        let scriptURL = base.appendingPathExtension("tql")
        let header = try ExampleHeader(String(contentsOf: scriptURL, encoding: .utf8))
        var arguments = ["run", "Examples/\(script)", "--no-color"]
        for (name, value) in header.params { arguments += ["--param", "\(name)=\(value)"] }
        let environment = Self.environment
        let run = try CLIProcess.run(arguments, in: Self.packageRoot, environment: environment)
        // The same script through the plain evaluator (every fast path off)
        // must print exactly the same: one definition of every operator.
        let plain = try CLIProcess.run(
            arguments, in: Self.packageRoot, environment: environment.merging(["TASKQL_FAST_PATHS": "off"]) { $1 })
        #expect(
            plain.stdout == run.stdout && plain.stderr == run.stderr && plain.status == run.status,
            "\(script): the plain evaluator (TASKQL_FAST_PATHS=off) prints something else")

        let outURL = base.appendingPathExtension("out")
        let errURL = base.appendingPathExtension("err")
        let record = ProcessInfo.processInfo.environment["TASKQL_RECORD"] == "1"
        if record {
            if run.status == 0 {
                try run.stdout.write(to: outURL, atomically: true, encoding: .utf8)
                try? FileManager.default.removeItem(at: errURL)
            } else {
                try ("exit: \(run.status)\n" + run.stderr).write(to: errURL, atomically: true, encoding: .utf8)
                try? FileManager.default.removeItem(at: outURL)
            }
            return
        }
        if let expected = try? String(contentsOf: outURL, encoding: .utf8) {
            #expect(run.status == 0, "\(script) failed:\n\(run.stderr)")
            #expect(run.stdout == expected, "\(script): output differs from \(outURL.lastPathComponent)")
        } else if let expected = try? String(contentsOf: errURL, encoding: .utf8) {
            #expect(
                "exit: \(run.status)\n" + run.stderr == expected,
                "\(script): diagnostics differ from \(errURL.lastPathComponent)")
        } else {
            Issue.record(
                "\(script) has no expected output: add \(outURL.lastPathComponent) or \(errURL.lastPathComponent) (TASKQL_RECORD=1 records it)"
            )
        }
    }
}

/// The `# params:` line at the top of an example script.
struct ExampleHeader {
    var params: [(String, String)] = []

    init(_ text: String) throws {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("#") else { break }
            let body = line.dropFirst().trimmingCharacters(in: .whitespaces)
            if body.hasPrefix("params:") {
                for pair in body.dropFirst("params:".count).split(separator: " ") {
                    let parts = pair.split(separator: "=", maxSplits: 1)
                    if parts.count == 2 { params.append((String(parts[0]), String(parts[1]))) }
                }
            }
        }
    }
}
