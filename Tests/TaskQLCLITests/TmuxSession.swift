import Foundation

/// Drives a real terminal: an interactive `bash --norc` inside a detached
/// tmux session (so Ctrl-C reaches the program, not the session), keys sent
/// with `send-keys`, the screen read with `capture-pane`. Fails loudly when
/// tmux is missing (`make test` installs it).
final class TmuxSession {
    let name: String
    let home: URL

    enum Failure: Error, CustomStringConvertible {
        case tmuxMissing
        case timedOut(waitingFor: String, screen: String)
        var description: String {
            switch self {
            case .tmuxMissing: return "tmux is not installed (make test installs it)"
            case .timedOut(let text, let screen): return "timed out waiting for \(text) on screen:\n\(screen)"
            }
        }
    }

    /// Starts bash in a 120×40 UTF-8 terminal with `HOME` at a scratch dir.
    init(home: URL) throws {
        guard let tmux = Self.tmuxPath else { throw Failure.tmuxMissing }
        _ = tmux
        name = "taskql-test-\(UUID().uuidString.prefix(8))"
        self.home = home
        try Self.tmux([
            "-u", "new-session", "-d", "-s", name, "-x", "120", "-y", "40", "env", "-i",
            "PATH=/usr/bin:/bin", "HOME=\(home.path)", "TERM=xterm-256color", "LANG=C.UTF-8", "bash", "--norc",
            "--noprofile",
        ])
        try type("PS1='$ '; cd '\(home.path)'", enter: true)
    }

    deinit { _ = try? Self.tmux(["kill-session", "-t", name]) }

    static var tmuxPath: String? {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @discardableResult
    static func tmux(_ arguments: [String]) throws -> String {
        // Output goes to a file, not a pipe: the first tmux command starts
        // the tmux server, which inherits the client's descriptors and would
        // keep a pipe open forever (reading it to the end would hang).
        let outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outputFile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tmuxPath ?? "/usr/bin/tmux")
        process.arguments = arguments
        let handle = try FileHandle(forWritingTo: outputFile)
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
    }

    /// Types literal text (then Enter when asked).
    func type(_ text: String, enter: Bool = false) throws {
        try Self.tmux(["send-keys", "-t", name, "-l", text])
        if enter { try keys("Enter") }
    }

    /// Sends named keys: `Enter`, `Tab`, `Up`, `C-c`, `C-d`.
    func keys(_ names: String...) throws {
        for key in names {
            try Self.tmux(["send-keys", "-t", name, key])
            usleep(150_000)
        }
    }

    /// The visible screen.
    func screen() throws -> String { try Self.tmux(["capture-pane", "-p", "-t", name]) }

    /// Waits until `predicate` holds for the screen (10 s at most).
    @discardableResult
    func waitFor(_ what: String, timeout: Double = 10, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if predicate(last) { return last }
            usleep(100_000)
        }
        throw Failure.timedOut(waitingFor: what, screen: last)
    }

    /// Waits until the screen contains `text`.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 10) throws -> String {
        try waitFor(text, timeout: timeout) { $0.contains(text) }
    }

    /// How often `text` occurs on screen.
    static func count(_ text: String, in screen: String) -> Int {
        screen.components(separatedBy: text).count - 1
    }
}
