import Foundation
import Testing

/// Results that cannot be written are an error, never a silent exit 0
/// (issue 9): one message naming the output and the system's reason, and
/// exit 74 (`EX_IOERR`), as jq does. `/dev/full` fails every write with
/// "No space left on device", as a full disk does.
@Suite struct OutputFailureTests {
    static let fullDisk = "taskql: error: writing <stdout>: No space left on device\n"

    @Test func inlineQueryToAFullDiskExits74() throws {
        let outcome = try CLIProcess.run(["-c", "tasks | count\ntasks | count"], stdoutTo: "/dev/full")
        #expect(outcome.status == 74)
        #expect(outcome.stderr == Self.fullDisk, "one message, not one per statement: \(outcome.stderr)")
    }

    @Test func pipedScriptToAFullDiskExits74() throws {
        let outcome = try CLIProcess.run([], stdoutTo: "/dev/full", stdin: "tasks | count\n.schema\n")
        #expect(outcome.status == 74)
        #expect(outcome.stderr == Self.fullDisk)
    }

    @Test func runScriptToAFullDiskExits74() throws {
        let directory = try CLIProcess.scratchDirectory()
        try "tasks | count\n".write(to: directory.appendingPathComponent("s.tql"), atomically: true, encoding: .utf8)
        let outcome = try CLIProcess.run(["run", "s.tql"], stdoutTo: "/dev/full", in: directory)
        #expect(outcome.status == 74)
        #expect(outcome.stderr == Self.fullDisk)
    }

    /// `.output FILE` that fails stops the script: what follows it would be
    /// lost as well, so `.output stdout` and the last count never run.
    @Test func outputFileOnAFullDiskStopsTheScript() throws {
        let outcome = try CLIProcess.run(["-c", ".output /dev/full\ntasks | count\n.output stdout\ntasks | count"])
        #expect(outcome.status == 74)
        #expect(outcome.stderr == "taskql: error: writing /dev/full: No space left on device\n")
        #expect(outcome.stdout.isEmpty, "\(outcome.stdout)")
    }

    @Test func importToAFullDiskExits74() throws {
        let directory = try CLIProcess.scratchDirectory()
        let seed = CommandLineTests.yixingSeed
        let file = try CLIProcess.run(["import", seed, "-o", "/dev/full"], in: directory)
        #expect(file.status == 74)
        #expect(file.stderr.hasSuffix("taskql: error: /dev/full: cannot write the file: No space left on device\n"))
        let stdout = try CLIProcess.run(["import", seed, "-o", "-"], stdoutTo: "/dev/full", in: directory)
        #expect(stdout.status == 74)
        #expect(stdout.stderr.hasSuffix("cannot write the file: No space left on device\n"), "\(stdout.stderr)")
    }

    @Test func helpNamesTheOutputErrorStatus() throws {
        let help = try CLIProcess.run(["--help"])
        // Argument parser wraps the text at any space.
        let words = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("74 output error (results or a file could not be written"))
    }
}
