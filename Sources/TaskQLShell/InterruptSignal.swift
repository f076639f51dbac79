import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Set by the SIGINT handler; read and cleared on the main thread. A C
/// signal handler cannot capture anything, hence a global, and it must be a
/// plain `sig_atomic_t` store (the only thing a handler may safely do).
nonisolated(unsafe) private var interruptPending: sig_atomic_t = 0

/// The thread that reads input. The kernel may deliver SIGINT to any thread
/// (Foundation and Dispatch start their own); only a signal on the reading
/// thread interrupts its blocking `read`, so other threads forward it.
nonisolated(unsafe) private var inputThread: pthread_t = pthread_self()

/// Ctrl-C in the REPL: a SIGINT handler installed with `sigaction` and
/// *without* `SA_RESTART`, so a blocking `read` inside libedit returns
/// `EINTR` (the line is cancelled), and a running query is cancelled by a
/// watcher thread that polls the flag.
package enum InterruptSignal {
    /// Installs the handler (REPL on a terminal only; scripts keep the
    /// default, which ends the process).
    package static func install() {
        inputThread = pthread_self()
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            interruptPending = 1
            // pthread_self and pthread_kill are async-signal-safe.
            if pthread_equal(pthread_self(), inputThread) == 0 { pthread_kill(inputThread, SIGINT) }
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        // A parent may start us with SIGINT blocked (a process spawned from a
        // Dispatch worker thread inherits its all-blocked mask, and so does
        // everything a tmux server started that way runs); Ctrl-C must work anyway.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    /// Whether Ctrl-C was pressed since the last call; clears the flag.
    package static func take() -> Bool {
        let was = interruptPending != 0
        interruptPending = 0
        return was
    }

    /// Whether Ctrl-C is pending, without clearing it.
    package static var isPending: Bool { interruptPending != 0 }

    /// Runs `body` while a watcher thread calls `onInterrupt` (once) when
    /// Ctrl-C arrives. The flag is cleared afterwards.
    package static func watching<T>(onInterrupt: @escaping @Sendable () -> Void, _ body: () throws -> T) rethrows -> T {
        _ = take()
        let done = ManagedAtomicFlag()
        let watcher = Thread {
            while !done.isSet {
                if InterruptSignal.isPending {
                    onInterrupt()
                    return
                }
                usleep(20_000)
            }
        }
        watcher.start()
        defer {
            done.set()
            _ = take()
        }
        return try body()
    }
}

/// A one-way flag shared with the watcher thread.
package final class ManagedAtomicFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    package var isSet: Bool { lock.withLock { value } }
    package func set() { lock.withLock { value = true } }
}
