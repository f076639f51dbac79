import Foundation
import Testing

/// Issue 9's hostile inputs, each run through the real binary as a user
/// would run it: every one ends in its own clear error (or its right
/// answer) within a bounded time and memory, never a crash, a hang or
/// gigabytes. The child runs under `ulimit -v` so a regression fails the
/// test instead of the machine, and its peak memory is read back with
/// `getrusage` (through `wait4`). The ceilings are generous guards, not
/// performance assertions: `make bench` measures speed.
@Suite struct HostileInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        /// Files to write in the scratch directory first: name → bytes.
        var files: [String: Data] = [:]
        var arguments: [String]
        var stdin = Data()
        /// The exit status, and text the output (stdout + stderr) must hold.
        var status: Int32
        var says: String
        var testDescription: String { name }
    }

    static func text(_ s: String) -> Data { Data(s.utf8) }

    static let record =
        #"{"id":"h-1","dataset":"h","city":"海门","year":2020,"kind":"key","number":"1","text":"推进","leaders":[],"lead_units":["发改委"],"co_units":[],"deadline":null,"due":null,"source":"h.txt:1"}"#

    static let cases: [Case] = [
        Case(
            name: "unpaired surrogate in a dataset line",
            files: [
                "s.jsonl": text(record + "\n" + record.replacingOccurrences(of: "推进", with: #"\uD800\u0041"#) + "\n")
            ],
            arguments: ["s.jsonl", "-c", "tasks | count"], status: 66, says: "s.jsonl:2"),
        Case(
            name: "100,000 nested [ in an unknown key",
            files: [
                "n.jsonl": text(
                    record.replacingOccurrences(
                        of: #""id""#, with: #""x":"# + String(repeating: "[", count: 100_000) + #"1,"id""#)
                        + "\n")
            ],
            arguments: ["n.jsonl", "-c", "tasks | count"], status: 66, says: "n.jsonl:1"),
        Case(
            name: "a corrupt line names its line",
            files: ["c.jsonl": text(record + "\n" + record + "\n{\"id\": oops}\n" + record + "\n")],
            arguments: ["c.jsonl", "-c", "tasks | count"], status: 66, says: "c.jsonl:3"),
        Case(
            name: "4,000 chained lets",
            files: [
                "lets.tql": text(
                    "let a0 = tasks\n" + (1...4000).map { "let a\($0) = a\($0 - 1) | take 5" }.joined(separator: "\n")
                        + "\na4000 | count\n")
            ],
            arguments: ["run", "lets.tql"], status: 0, says: "5"),
        Case(
            name: "20,000 chained extends",
            files: [
                "ext.tql": text("tasks | " + (0..<20_000).map { "extend e\($0) = \($0)" }.joined(separator: " | "))
            ],
            arguments: ["run", "ext.tql"], status: 65, says: "E0316"),
        Case(
            name: "a 10 MB query of ors",
            files: [
                "or.tql": text(
                    "tasks | where " + Array(repeating: "year == 1", count: 800_000).joined(separator: " or "))
            ],
            arguments: ["run", "or.tql"], status: 65, says: "E0205"),
        Case(
            name: "a flat chain of 202 ors",
            arguments: [
                "-c",
                "tasks | where " + Array(repeating: "year == 1", count: 202).joined(separator: " or ") + " | count",
            ],
            status: 0, says: "0"),
        Case(
            name: "a 700,000-element in list",
            files: [
                "in.tql": text(
                    "tasks | where year in [" + Array(repeating: "1", count: 700_000).joined(separator: ",") + "]")
            ],
            arguments: ["run", "in.tql"], status: 65, says: "E0205"),
        Case(
            name: "a 16,000-line script",
            files: [
                "long.tql": text(
                    String(repeating: "# a comment line\nlet x = tasks | take 1\n", count: 16_000) + "x | count\n")
            ],
            arguments: ["run", "long.tql"], status: 0, says: "(1 row)"),
        Case(
            name: "a 10 MB line",
            files: ["line.tql": text(String(repeating: "x", count: 10_000_000))],
            arguments: ["run", "line.tql"], status: 65, says: "E0205"),
        Case(
            name: "100,000 nested brackets",
            arguments: ["-c", "tasks | where " + String(repeating: "(", count: 100_000) + "true"], status: 65,
            says: "E0203"),
        Case(
            name: "10,000 stages",
            arguments: ["-c", "tasks" + String(repeating: " | take 5", count: 10_000) + " | count"], status: 0,
            says: "5"),
        Case(
            name: "invalid UTF-8 in a script", files: ["bad.tql": Data([0x74, 0x61, 0xFF, 0xFE, 0x0A])],
            arguments: ["run", "bad.tql"], status: 66, says: "not valid UTF-8"),
        Case(
            name: "NUL bytes in a query", arguments: [],
            stdin: Data("tasks | where text contains \"a\0b\" | count\n\0\0\n".utf8), status: 65, says: "error"),
        Case(
            name: "a 100,000-character unknown name",
            arguments: ["-c", "tasks | where " + String(repeating: "x", count: 100_000) + " == 1"], status: 65,
            says: "E0301"),
        Case(
            name: "a document of 1,000,000 empty cells",
            files: [
                "cells.html": text(
                    "<html><body><table>"
                        + String(repeating: "<tr>" + String(repeating: "<td></td>", count: 1000) + "</tr>", count: 1000)
                        + "</table></body></html>")
            ],
            arguments: ["cells.html", "-c", "tasks | count"], status: 66, says: "cells.html"),
        Case(name: "taskql /dev/zero", arguments: ["/dev/zero", "-c", "tasks | count"], status: 66, says: "/dev/zero"),
        Case(
            name: "import /dev/zero", arguments: ["import", "/dev/zero", "-o", "z.jsonl"], status: 66, says: "/dev/zero"
        ),
    ]

    @Test(arguments: cases) func endsInItsOwnError(_ c: Case) throws {
        let directory = try CLIProcess.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, bytes) in c.files { try bytes.write(to: directory.appendingPathComponent(name)) }
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["NO_COLOR"] = "1"
        // 4 GiB of address space: a runaway allocation fails the test, not CI.
        let child = ChildProcess(
            executable: "/bin/sh",
            arguments: ["-c", #"ulimit -v 4194304; exec "$0" "$@""#, CLIProcess.binary] + c.arguments,
            environment: environment, directory: directory.path, stdin: c.stdin, timeout: 120)
        let started = Date()
        let run = try child.runToEnd()
        let seconds = Date().timeIntervalSince(started)
        let output = String(decoding: run.stdout + run.stderr, as: UTF8.self)
        #expect(run.signal == nil, "\(c.name): crashed with signal \(run.signal ?? 0)")
        #expect(run.status == c.status, "\(c.name): exit \(run.status)\n\(output.prefix(2000))")
        #expect(output.contains(c.says), "\(c.name): output lacks \(c.says)\n\(output.prefix(2000))")
        #expect(output.utf8.count < 100_000, "\(c.name): \(output.utf8.count) bytes of output")
        #expect(seconds < 60, "\(c.name): took \(seconds) s")
        #expect(run.peakMemoryKB < 1_000_000, "\(c.name): peak memory \(run.peakMemoryKB / 1024) MB")
    }
}
