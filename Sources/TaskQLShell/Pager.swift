import Foundation
import SystemPackage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Shows a long result through a pager, as psql and git do: the command in
/// `$TASKQL_PAGER`, else `$PAGER`, else `less -SRFX` (chop long lines
/// instead of wrapping them, keep colours, quit at once when the text fits,
/// leave the text on the screen after `q`). An empty variable turns paging
/// off. The command runs through `/bin/sh` so `PAGER="less -S"` works.
package enum Pager {
    /// The pager command, or nil when the environment turns paging off.
    package static func command(environment: [String: String]) -> String? {
        let chosen = environment["TASKQL_PAGER"] ?? environment["PAGER"] ?? "less -SRFX"
        return chosen.trimmingCharacters(in: .whitespaces).isEmpty ? nil : chosen
    }

    /// Why a pager could not show the text (then the caller prints it itself).
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    /// Runs `command` with `text` on its standard input and the terminal
    /// as its output, and waits until the person leaves it. Nothing of the
    /// text is shown when this throws (the command could not start, or the
    /// shell could not find it: exit status 126 or 127), so the caller can
    /// print it instead. A pager quit before the end (`q`) is no failure.
    package static func show(_ text: String, command: String) throws(Failure) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // `exec` so the pager is the child itself (its exit status, its signals).
        process.arguments = ["-c", "exec " + command]
        let input = Pipe()
        process.standardInput = input
        do {
            try process.run()
        } catch {
            throw Failure(description: "cannot start the pager '\(command)': \(error.localizedDescription)")
        }
        try? input.fileHandleForReading.close()
        // A pager quit early closes its end: the write fails with EPIPE
        // instead of SIGPIPE ending the shell.
        let previous = signal(SIGPIPE, SIG_IGN)
        let writer = FileDescriptor(rawValue: input.fileHandleForWriting.fileDescriptor)
        _ = try? writer.writeAll(text.utf8)
        try? input.fileHandleForWriting.close()
        signal(SIGPIPE, previous)
        process.waitUntilExit()
        if process.terminationReason == .exit, [126, 127].contains(process.terminationStatus) {
            throw Failure(description: "the pager '\(command)' was not found (exit \(process.terminationStatus))")
        }
    }
}
