import Foundation

/// Runs the built `taskql` with raw stdin bytes and a scratch directory.
/// (`make test` runs `swift build` first, so the binary is current.)
struct CLIProcess {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        /// True when the process ended by a signal (a crash), not exit().
        var crashed: Bool
        /// Peak resident memory of the run, in KiB.
        var peakMemoryKB = 0
    }

    /// `.build/debug/taskql` (or release) of this package.
    static var binary: String {
        let root = packageRoot.path
        for config in ["debug", "release"] {
            let candidate = "\(root)/.build/\(config)/taskql"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return "\(root)/.build/debug/taskql"
    }
    static var packageRoot: URL { ExampleScriptsTests.packageRoot }

    /// A fresh empty directory under the system temp directory.
    static func scratchDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("taskql-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs the binary (killed after `timeout` seconds: a test fails, CI
    /// never hangs); `environment` adds to (or overrides) the test's own.
    static func run(
        _ arguments: [String], stdin: Data = Data(), in directory: URL? = nil,
        environment extra: [String: String] = [:],
        timeout: Double = 120
    ) throws -> Outcome {
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["NO_COLOR"] = "1"
        environment.removeValue(forKey: "COLUMNS")
        environment.merge(extra) { _, new in new }
        let child = ChildProcess(
            executable: binary, arguments: arguments, environment: environment,
            directory: (directory ?? packageRoot).path, stdin: stdin, timeout: timeout)
        let outcome = try child.runToEnd()
        return Outcome(
            status: outcome.status, stdout: String(decoding: outcome.stdout, as: UTF8.self),
            stderr: String(decoding: outcome.stderr, as: UTF8.self), crashed: outcome.signal != nil,
            peakMemoryKB: outcome.peakMemoryKB)
    }

    /// Runs the binary with its standard output sent to `path` by the shell
    /// (`> /dev/full`); the outcome's stdout is then empty.
    static func run(_ arguments: [String], stdoutTo path: String, stdin: String = "", in directory: URL? = nil)
        throws -> Outcome
    {
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["NO_COLOR"] = "1"
        let child = ChildProcess(
            executable: "/bin/sh", arguments: ["-c", "exec \"$0\" \"$@\" > '\(path)'", binary] + arguments,
            environment: environment, directory: (directory ?? packageRoot).path, stdin: Data(stdin.utf8),
            timeout: 120)
        let outcome = try child.runToEnd()
        return Outcome(
            status: outcome.status, stdout: String(decoding: outcome.stdout, as: UTF8.self),
            stderr: String(decoding: outcome.stderr, as: UTF8.self), crashed: outcome.signal != nil)
    }

    static func run(_ arguments: [String], stdin: String, in directory: URL? = nil) throws -> Outcome {
        try run(arguments, stdin: Data(stdin.utf8), in: directory)
    }

    /// A two-task dataset file with known units and leaders.
    static let miniDataset = """
        {"id":"mini-1","dataset":"mini","city":"海门","year":2020,"kind":"key","number":"1","text":"推进5G基站建设","leaders":["周国强"],"lead_units":["发改委"],"co_units":["住建局"],"deadline":"6月底前","due":"2020-06-30","source":"mini.txt:1"}
        {"id":"mini-2","dataset":"mini","city":"宜兴","year":2020,"kind":"livelihood","number":"2","text":"改造老旧小区","leaders":["姜勇"],"lead_units":["住建局"],"co_units":["财政局"],"deadline":"年底前","due":"2020-12-31","source":"mini.txt:2"}

        """

    /// Writes ``miniDataset`` as `mini.jsonl` in `directory`.
    static func writeMiniDataset(in directory: URL) throws -> String {
        let path = directory.appendingPathComponent("mini.jsonl").path
        try miniDataset.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
