#if canImport(Glibc)
    import Glibc
#endif

/// An exclusive `flock` on a lock file beside the history, held while one
/// REPL reads the history file, adds its entry and renames the new copy
/// over it. The lock file stays (removing it would let a third REPL lock a
/// new file while a second still holds the old one). Without a lock file
/// (a read-only directory) saving goes on unlocked; a lock held for more
/// than two seconds (a stuck process) is not waited for.
struct HistoryLock {
    private let descriptor: Int32

    init(path: String) {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        var locked = false
        if fd >= 0 {
            for _ in 0..<200 {
                if flock(fd, LOCK_EX | LOCK_NB) == 0 {
                    locked = true
                    break
                }
                usleep(10_000)
            }
        }
        if !locked, fd >= 0 { close(fd) }
        descriptor = locked ? fd : -1
    }

    func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
