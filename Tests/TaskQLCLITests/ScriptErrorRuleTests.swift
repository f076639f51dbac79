import Foundation
import Testing

/// One rule for every script, as sqlite3 has (issue 9): `run`, `-c`, piped
/// stdin and `.read` report each error and go on, exiting 65 at the end
/// when anything failed; `--bail` (or sqlite3's `-bail`, or `.bail on`)
/// stops at the first error. A person at the prompt is never stopped.
@Suite struct ScriptErrorRuleTests {
    /// A good statement, a bad one, a good one: three lines.
    static let script = ".mode csv\ntasks | count\ntasks | wher x\ntasks | where city == \"海门\" | count\n"
    static let bothCounts = "count\n610\ncount\n223\n"
    static let firstCount = "count\n610\n"

    /// The ways a script reaches taskql, each with the file name errors carry.
    enum InputPath: String, CaseIterable, CustomStringConvertible {
        case run, inline, stdin, read
        var description: String { rawValue }

        /// Runs `s.tql` (holding ``script``) this way with `extra` arguments.
        func run(in directory: URL, _ extra: [String]) throws -> CLIProcess.Outcome {
            switch self {
            case .run: try CLIProcess.run(["run", "s.tql"] + extra, in: directory)
            case .inline: try CLIProcess.run(["-c", ScriptErrorRuleTests.script] + extra, in: directory)
            case .stdin: try CLIProcess.run(extra, stdin: ScriptErrorRuleTests.script, in: directory)
            case .read: try CLIProcess.run(["-c", ".read s.tql"] + extra, in: directory)
            }
        }

        /// Where the bad statement's error points.
        var errorPlace: String { self == .inline ? "-c:3:9" : self == .stdin ? "<stdin>:3:9" : "s.tql:3:9" }
    }

    static func directory() throws -> URL {
        let directory = try CLIProcess.scratchDirectory()
        try script.write(to: directory.appendingPathComponent("s.tql"), atomically: true, encoding: .utf8)
        return directory
    }

    @Test(arguments: InputPath.allCases)
    func anErrorIsReportedAndTheScriptGoesOn(path: InputPath) throws {
        let outcome = try path.run(in: try Self.directory(), [])
        #expect(outcome.status == 65, "\(outcome.stderr)")
        #expect(outcome.stdout == Self.bothCounts, "the statement after the error ran")
        #expect(outcome.stderr.contains("\(path.errorPlace)"), "\(outcome.stderr)")
    }

    @Test(arguments: InputPath.allCases, ["--bail", "-bail"])
    func bailStopsAtTheFirstError(path: InputPath, flag: String) throws {
        let outcome = try path.run(in: try Self.directory(), [flag])
        #expect(outcome.status == 65, "\(outcome.stderr)")
        #expect(outcome.stdout == Self.firstCount, "nothing after the error ran: \(outcome.stdout)")
        #expect(outcome.stderr.contains("\(path.errorPlace)"), "\(outcome.stderr)")
    }

    /// `.bail on` in a script stops it; in the script that `.read`s another,
    /// the failed `.read` stops the outer script too.
    @Test func bailDotCommandStopsTheScriptAndTheOneThatReadIt() throws {
        let directory = try Self.directory()
        let inline = try CLIProcess.run(["-c", ".bail on\n" + Self.script], in: directory)
        #expect(inline.status == 65)
        #expect(inline.stdout == Self.firstCount, "\(inline.stdout)")
        let outer = try CLIProcess.run(["-c", ".bail on\n.read s.tql\n.mode csv\ntasks | count"], in: directory)
        #expect(outer.status == 65)
        #expect(outer.stdout == Self.firstCount, "\(outer.stdout)")
        let off = try CLIProcess.run(["--bail", "-c", ".bail off\n" + Self.script], in: directory)
        #expect(off.stdout == Self.bothCounts, "\(off.stdout)")
        let usage = try CLIProcess.run(["-c", ".bail maybe"], in: directory)
        #expect(usage.status == 65)
        #expect(usage.stderr == "error: usage: .bail on|off\n --> -c:1\n")
    }

    @Test func helpTextsStateTheRule() throws {
        let run = try CLIProcess.run(["run", "--help"])
        let words = run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("An error is reported with SCRIPT:line:col and the script goes on"), "\(words)")
        #expect(words.contains("--bail (or -bail) stops at the first error"))
        #expect(!words.contains("the first error stops the script"))
        let help = try CLIProcess.run(["-c", ".help"])
        #expect(help.stdout.contains(".bail on|off"))
    }

    /// At the prompt, `.bail on` stops nothing: the REPL reads on.
    @Test func thePromptIsNeverStopped() throws {
        let home = try CLIProcess.scratchDirectory()
        _ = try CLIProcess.writeMiniDataset(in: home)
        let session = try TmuxSession(home: home)
        try session.type(
            "\(CLIProcess.binary) mini.jsonl --bail --history \(home.path)/hist; echo EXITED=$?", enter: true)
        try session.waitFor("taskql>")
        try session.type(".bail on", enter: true)
        try session.type("tasks | wher x", enter: true)
        try session.waitFor("unknown stage 'wher'")
        try session.type("tasks | count", enter: true)
        let screen = try session.waitFor("(1 row)")
        #expect(screen.range(of: #"EXITED=\d"#, options: .regularExpression) == nil, "\(screen)")
        try session.keys("C-d")
        try session.waitFor("EXITED=0")
    }
}
