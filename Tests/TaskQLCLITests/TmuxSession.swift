import Foundation

/// Drives a real terminal: an interactive `bash --norc` inside a detached
/// tmux session (so Ctrl-C reaches the program, not the session), keys sent
/// with `send-keys`, the screen read with `capture-pane`. Fails loudly when
/// tmux is missing (`make test` installs it).
final class TmuxSession {
    let name: String
    let home: URL
    let socket: String

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
        guard Self.tmuxPath != nil else { throw Failure.tmuxMissing }
        name = "taskql-test-\(UUID().uuidString.prefix(8))"
        self.home = home
        // A server of its own (socket in the scratch home): tests never touch
        // the user's tmux, and the server ends with the session.
        socket = home.appendingPathComponent("tmux.socket").path
        try tmux([
            "-u", "new-session", "-d", "-s", name, "-x", "120", "-y", "40", "env", "-i",
            "PATH=/usr/bin:/bin", "HOME=\(home.path)", "TERM=xterm-256color", "LANG=C.UTF-8", "bash", "--norc",
            "--noprofile",
        ])
        try type("PS1='$ '; cd '\(home.path)'", enter: true)
    }

    deinit { _ = try? tmux(["kill-server"]) }

    static var tmuxPath: String? {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs one tmux command against this session's own server.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        try Self.tmux(socket: socket, arguments)
    }

    /// Runs one tmux command (10 s at most) and returns its output.
    @discardableResult
    static func tmux(socket: String, _ arguments: [String]) throws -> String {
        let child = ChildProcess(
            executable: tmuxPath ?? "/usr/bin/tmux", arguments: ["-S", socket] + arguments,
            environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"], timeout: 10)
        return String(decoding: try child.runToEnd().stdout, as: UTF8.self)
    }

    /// Types literal text (then Enter when asked).
    func type(_ text: String, enter: Bool = false) throws {
        try tmux(["send-keys", "-t", name, "-l", text])
        if enter { try keys("Enter") }
    }

    /// Sends named keys: `Enter`, `Tab`, `Up`, `C-c`, `C-d`.
    func keys(_ names: String...) throws {
        for key in names {
            try tmux(["send-keys", "-t", name, key])
            usleep(150_000)
        }
    }

    /// The visible screen.
    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

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
