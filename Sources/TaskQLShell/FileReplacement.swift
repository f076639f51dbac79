#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replaces a file's contents all or nothing: the bytes go to a new file
/// beside it, every `write`, the `fsync` and the `close` are checked, and
/// only a complete copy is renamed over the old file. A full disk or a
/// crash leaves the old file as it was.
///
/// Only a regular file the user owns is ever renamed over (or a path where
/// nothing is yet). A symbolic link is followed to such a file, so that the
/// link stays a link; a link to anything else, a directory, a device or a
/// FIFO is left alone and reported.
package enum FileReplacement {
    /// Why a file was not replaced.
    package enum Failure: Error, Equatable, CustomStringConvertible {
        /// The path is not something to rename over (a directory, a device,
        /// another user's file); the reason is for a message.
        case refused(String)
        /// A system call failed; what was being done and `errno`.
        case system(String, Int32)

        package var description: String {
            switch self {
            case .refused(let reason): reason
            case .system(let doing, let code): "\(doing): \(String(cString: strerror(code)))"
            }
        }
    }

    /// Writes `bytes` as the new contents of `path`, with permissions
    /// `mode`.
    package static func replace(_ path: String, with bytes: [UInt8], mode: mode_t) throws(Failure) {
        let target = try self.target(of: path)
        // Random as well as the pid: a file left by a crashed run under a reused pid is never in the way.
        let temporary = target + ".tmp.\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
        // O_EXCL and O_NOFOLLOW: never write through something already
        // lying at the temporary name.
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else { throw .system("cannot create a new copy beside it", errno) }
        // open() takes the umask off `mode`; a rewritten file (`fmt -i`)
        // keeps its permissions exactly.
        if fchmod(fd, mode) != 0 {
            let code = errno
            close(fd)
            unlink(temporary)
            throw .system("cannot set the permissions of a new copy", code)
        }
        if let code = writeAll(bytes, to: fd) ?? (fsync(fd) == 0 ? nil : errno) {
            close(fd)
            unlink(temporary)
            throw .system("cannot write a new copy", code)
        }
        guard close(fd) == 0 else {
            let code = errno
            unlink(temporary)
            throw .system("cannot write a new copy", code)
        }
        guard rename(temporary, target) == 0 else {
            let code = errno
            unlink(temporary)
            throw .system("cannot rename the new copy over \(target)", code)
        }
    }

    /// The path to rename over: `path` itself, or the regular file a
    /// symbolic link at `path` points to.
    package static func target(of path: String) throws(Failure) -> String {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return path }
            throw .system("cannot look at \(path)", errno)
        }
        var target = path
        if info.st_mode & S_IFMT == S_IFLNK {
            guard let resolved = realpath(path, nil) else {
                throw .refused("\(path) is a symbolic link to nothing that exists; not replaced")
            }
            target = String(cString: resolved)
            free(resolved)
            guard stat(target, &info) == 0 else { throw .system("cannot look at \(target)", errno) }
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw .refused("\(target) is not a regular file (a directory, device or FIFO); not replaced")
        }
        guard info.st_uid == geteuid() else {
            throw .refused("\(target) belongs to another user; not replaced")
        }
        return target
    }

    /// Writes every byte, retrying short and interrupted writes; the
    /// `errno` of a failed write, nil when all went through.
    private static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Int32? {
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return n < 0 ? errno : EIO }
            written += n
        }
        return nil
    }
}
