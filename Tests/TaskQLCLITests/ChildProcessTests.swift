import Foundation
import Testing

/// The test runner's process helper must never hang: a program that leaves a
/// daemon behind, or one that never ends, still gives an outcome.
@Suite struct ChildProcessTests {
    @Test func feedsStdinAndSeparatesOutputs() throws {
        let outcome = try ChildProcess(
            executable: "/bin/sh", arguments: ["-c", "cat; echo oops >&2; exit 3"], stdin: Data("你好\n".utf8)
        ).runToEnd()
        #expect(outcome.status == 3)
        #expect(outcome.signal == nil)
        #expect(String(decoding: outcome.stdout, as: UTF8.self) == "你好\n")
        #expect(String(decoding: outcome.stderr, as: UTF8.self) == "oops\n")
    }

    @Test func aLeftoverDaemonHoldingTheOutputDoesNotHang() throws {
        let started = Date()
        let outcome = try ChildProcess(
            executable: "/bin/sh", arguments: ["-c", "sleep 20 & echo started"], timeout: 10
        )
        .runToEnd()
        #expect(outcome.status == 0)
        #expect(String(decoding: outcome.stdout, as: UTF8.self) == "started\n")
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func aProgramPastItsDeadlineIsKilled() throws {
        let child = ChildProcess(executable: "/bin/sleep", arguments: ["30"], timeout: 0.5)
        let outcome = try child.run()
        #expect(outcome.timedOut)
        #expect(outcome.signal == SIGKILL)
        #expect(throws: ChildProcess.Failure.self) { try child.runToEnd() }
    }

    @Test func runsInTheGivenDirectoryWithTheGivenEnvironment() throws {
        let outcome = try ChildProcess(
            executable: "/bin/sh", arguments: ["-c", "pwd; echo $ONLY"], environment: ["ONLY": "this"],
            directory: "/tmp"
        ).runToEnd()
        #expect(String(decoding: outcome.stdout, as: UTF8.self) == "/tmp\nthis\n")
    }

    @Test func aMissingProgramIsAnError() {
        #expect(throws: ChildProcess.Failure.self) {
            try ChildProcess(executable: "/nonexistent/program").run()
        }
    }
}
