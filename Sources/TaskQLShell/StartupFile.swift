import Foundation
import TaskQL

/// The start-up file a REPL runs before its first prompt, as `~/.sqliterc`
/// and `~/.psqlrc` are: dot-commands (`.mode box`, `.param set …`) and
/// statements (`let mine = …`). A line that fails is reported with its
/// file and line and the rest still runs; the REPL starts either way.
package enum StartupFile {
    /// `~/.taskqlrc` (from `$HOME`).
    package static func defaultPath(environment: [String: String]) -> String? {
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.taskqlrc"
    }

    /// What to run: `-init FILE` when given, else `~/.taskqlrc` for a
    /// person at the prompt (never for scripts, pipes or `-c`, whose output
    /// must not depend on who runs them), nothing under `--no-init`.
    package static func path(
        option: String?, noInit: Bool, interactive: Bool, environment: [String: String]
    ) -> (path: String, explicit: Bool)? {
        if noInit { return nil }
        if let option { return (option, true) }
        guard interactive, let path = defaultPath(environment: environment) else { return nil }
        return (path, false)
    }

    /// Runs the file's lines on `runner`. A missing default file is no
    /// error; an explicit one that cannot be read is reported and false is
    /// returned. Failing lines are reported (`--> FILE:LINE`) and counted in
    /// the returned loop's failures, never stopping the rest (no `--bail`).
    @discardableResult
    package static func run(path: String, explicit: Bool, on runner: StatementRunner) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            if explicit { runner.errors.writeLine("taskql: error: \(path): no such start-up file") }
            return !explicit
        }
        guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path) else {
            runner.errors.writeLine("taskql: error: \(path): start-up file not readable")
            return false
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            runner.errors.writeLine("taskql: error: \(path): start-up file is not UTF-8 text")
            return false
        }
        let (bails, chatty) = (runner.bailsOnError, runner.chatty)
        runner.bailsOnError = false
        runner.chatty = false
        defer { (runner.bailsOnError, runner.chatty) = (bails, chatty) }
        Repl(runner: runner, reader: ScriptedLineReader(text: text), sourceName: path).run()
        return true
    }
}
