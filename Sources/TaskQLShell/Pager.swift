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
    ///
    /// `posix_spawn` rather than Foundation's `Process`, which puts the
    /// child in a process group of its own: a pager there is a background
    /// job of the terminal, and its first read of the keyboard fails.
    package static func show(_ text: String, command: String) throws(Failure) {
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else { throw Failure(description: "cannot start the pager: \(errorText())") }
        let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, readEnd, STDIN_FILENO)
        posix_spawn_file_actions_addclose(&actions, writeEnd)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Ctrl-C and a closed pipe act on the pager as they would in a shell.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGPIPE)
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        // `exec` so the pager is the child itself (its exit status, its signals).
        let arguments = ["/bin/sh", "-c", "exec " + command]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, &argv, environ)
        close(readEnd)
        guard spawned == 0 else {
            close(writeEnd)
            throw Failure(description: "cannot start the pager '\(command)': \(String(cString: strerror(spawned)))")
        }
        // A pager quit early closes its end: the write fails with EPIPE
        // instead of SIGPIPE ending the shell.
        let previous = signal(SIGPIPE, SIG_IGN)
        _ = try? FileDescriptor(rawValue: writeEnd).writeAll(text.utf8)
        close(writeEnd)
        signal(SIGPIPE, previous)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        // WIFEXITED and WEXITSTATUS by hand (macros Swift does not import).
        let exited = status & 0x7F == 0
        let code = (status >> 8) & 0xFF
        if exited, code == 126 || code == 127 {
            throw Failure(description: "the pager '\(command)' was not found (exit \(code))")
        }
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
