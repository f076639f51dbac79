import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a program to its end with `posix_spawn` and `waitpid`, feeding stdin
/// and collecting stdout and stderr, and kills it when a deadline passes.
///
/// Why not Foundation's `Process`: on Linux it learns that a child ended when
/// a socket it hands the child closes. A program that starts a daemon (the
/// first `tmux` command starts the tmux server) passes that socket on, so the
/// client's exit is never noticed and `waitUntilExit()` hangs forever — that
/// hung CI on a fresh machine. Here the child's end is `waitpid`, every
/// descriptor above stderr is closed in the child, and nothing waits without
/// a deadline, so a misbehaving program fails its test instead of stalling
/// the run.
struct ChildProcess {
    struct Outcome {
        var status: Int32
        /// The signal that ended the program (a crash or the deadline kill), if any.
        var signal: Int32?
        var stdout: Data
        var stderr: Data
        /// The deadline passed and the program was killed.
        var timedOut: Bool
        /// The program's peak resident memory (`getrusage` through `wait4`), in KiB.
        var peakMemoryKB: Int = 0
    }

    enum Failure: Error, CustomStringConvertible {
        case spawn(String, Int32)
        case timedOut(String, seconds: Double)
        var description: String {
            switch self {
            case .spawn(let path, let code): return "cannot start \(path): \(String(cString: strerror(code)))"
            case .timedOut(let command, let seconds):
                return "\(command) did not finish within \(seconds) s and was killed"
            }
        }
    }

    var executable: String
    var arguments: [String] = []
    /// The whole environment of the child (not added to ours).
    var environment: [String: String] = ProcessInfo.processInfo.environment
    var directory: String? = nil
    var stdin = Data()
    /// Stderr goes into stdout's buffer, in order (like `2>&1`).
    var mergeStderr = false
    var timeout: Double = 60

    /// Runs the program; the outcome says how it ended, `timedOut` included.
    func run() throws -> Outcome {
        var stdinPipe: [Int32] = [-1, -1]
        var stdoutPipe: [Int32] = [-1, -1]
        var stderrPipe: [Int32] = [-1, -1]
        guard pipe(&stdinPipe) == 0, pipe(&stdoutPipe) == 0, pipe(&stderrPipe) == 0 else {
            throw Failure.spawn(executable, errno)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, mergeStderr ? stdoutPipe[1] : stderrPipe[1], 2)
        if let directory {
            guard let addChdir = Self.addChdir, addChdir(&actions, directory) == 0 else {
                throw Failure.spawn("\(executable) (cannot change directory to \(directory))", errno)
            }
        }
        // Nothing of ours but 0, 1, 2 reaches the child (or its daemons).
        if let closeFrom = Self.addCloseFrom { _ = closeFrom(&actions, 3) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The child starts with default signal handling and nothing blocked,
        // whatever the test runner's threads have set.
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for string in argv + envp { free(string) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        for fd in [stdinPipe[0], stdoutPipe[1], stderrPipe[1]] { close(fd) }
        guard spawned == 0 else {
            for fd in [stdinPipe[1], stdoutPipe[0], stderrPipe[0]] { close(fd) }
            throw Failure.spawn(executable, spawned)
        }
        return exchange(pid: pid, stdin: stdinPipe[1], stdout: stdoutPipe[0], stderr: stderrPipe[0])
    }

    /// Runs the program and throws when it outlives its deadline.
    func runToEnd() throws -> Outcome {
        let outcome = try run()
        if outcome.timedOut {
            throw Failure.timedOut(([executable] + arguments).joined(separator: " "), seconds: timeout)
        }
        return outcome
    }

    /// Writes stdin and reads both outputs with `poll` until the program has
    /// ended and its outputs are closed (or, once it has ended, a short grace
    /// has passed: a daemon it started may hold them open).
    private func exchange(pid: pid_t, stdin inputFD: Int32, stdout outFD: Int32, stderr errFD: Int32) -> Outcome {
        let deadline = Date().addingTimeInterval(timeout)
        var output = Data()
        var errors = Data()
        var pending = stdin
        var writeFD: Int32 = inputFD
        if pending.isEmpty {
            close(writeFD)
            writeFD = -1
        } else {
            _ = fcntl(writeFD, F_SETFL, fcntl(writeFD, F_GETFL) | O_NONBLOCK)
        }
        var openReads: [Int32] = [outFD, errFD]
        var exitStatus: Int32? = nil
        var timedOut = false
        var endedAt: Date? = nil
        var buffer = [UInt8](repeating: 0, count: 65536)
        var usage = rusage()

        while true {
            if exitStatus == nil {
                var status: Int32 = 0
                if wait4(pid, &status, WNOHANG, &usage) == pid {
                    exitStatus = status
                    endedAt = Date()
                }
            }
            if exitStatus != nil, openReads.isEmpty { break }
            if let endedAt, Date().timeIntervalSince(endedAt) > 1 { break }
            if exitStatus == nil, Date() > deadline {
                kill(pid, SIGKILL)
                var status: Int32 = 0
                waitpid(pid, &status, 0)
                exitStatus = status
                timedOut = true
                break
            }
            var fds = openReads.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if writeFD >= 0 { fds.append(pollfd(fd: writeFD, events: Int16(POLLOUT), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), 50)
            if ready <= 0 { continue }
            for entry in fds where entry.revents != 0 {
                if entry.fd == writeFD {
                    let written = pending.withUnsafeBytes { write(writeFD, $0.baseAddress, $0.count) }
                    if written > 0 { pending.removeFirst(written) }
                    if written < 0 && errno != EAGAIN && errno != EINTR { pending.removeAll() }
                    if pending.isEmpty {
                        close(writeFD)
                        writeFD = -1
                    }
                    continue
                }
                let count = read(entry.fd, &buffer, buffer.count)
                if count > 0 {
                    if entry.fd == outFD {
                        output.append(contentsOf: buffer[0..<count])
                    } else {
                        errors.append(contentsOf: buffer[0..<count])
                    }
                } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
                    close(entry.fd)
                    openReads.removeAll { $0 == entry.fd }
                }
            }
        }
        if writeFD >= 0 { close(writeFD) }
        for fd in openReads { close(fd) }
        let status = exitStatus ?? 0
        let signal = status & 0x7f
        return Outcome(
            status: signal == 0 ? (status >> 8) & 0xff : 128 + signal, signal: signal == 0 ? nil : signal,
            stdout: output, stderr: errors, timedOut: timedOut, peakMemoryKB: usage.ru_maxrss)
    }

    // glibc has these since 2.29 and 2.34, but Swift's Glibc module does not
    // declare them, so they are looked up by name.
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private typealias AddChdir =
        @convention(c) (
            UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>
        ) -> Int32
    private static let addCloseFrom: AddCloseFrom? = lookUp("posix_spawn_file_actions_addclosefrom_np")
    private static let addChdir: AddChdir? = lookUp("posix_spawn_file_actions_addchdir_np")

    private static func lookUp<Function>(_ name: String) -> Function? {
        #if os(Linux)
            let everywhere: UnsafeMutableRawPointer? = nil  // glibc's RTLD_DEFAULT
        #else
            let everywhere = UnsafeMutableRawPointer(bitPattern: -2)  // Darwin's RTLD_DEFAULT
        #endif
        guard let symbol = dlsym(everywhere, name) else { return nil }
        return unsafeBitCast(symbol, to: Function.self)
    }
}
