#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads whole files with POSIX calls, so that a missing file, a directory
/// or a permission problem each get the system's own words.
enum FileBytes {
    /// The bytes of the file at `path`.
    static func read(_ path: String) throws(ImportError) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        if fd < 0 {
            throw ImportError(
                code: .unreadableFile, file: path, message: systemMessage(errno, doing: "cannot open the file"))
        }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR: throw ImportError(code: .unreadableFile, file: path, message: "is a directory, not a file")
            case S_IFCHR, S_IFBLK, S_IFSOCK:
                // `/dev/zero`, `/dev/urandom`, a terminal: no end to read to.
                throw ImportError(
                    code: .unreadableFile, file: path, message: "is a device, not a document or dataset file")
            default: break
            }
        }
        let isPipe = (info.st_mode & S_IFMT) == S_IFIFO
        // Read straight into the array (a file of known size in one piece);
        // grow it for files whose size is not known up front (pipes).
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 1 << 16))) }
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ImportError(
                    code: .unreadableFile, file: path, message: systemMessage(errno, doing: "cannot read the file"))
            }
            if n == 0 { break }
            filled += n
            // A pipe has no size to trust: stop a stream that never ends.
            if isPipe, filled > maximumPipeBytes {
                throw ImportError(
                    code: .unreadableFile, file: path,
                    message: "more than \(maximumPipeBytes >> 30) GiB came from the pipe; stopped reading")
            }
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    /// The most read from a pipe (a regular file is read whole, whatever its size).
    static let maximumPipeBytes = 1 << 30

    /// Writes `bytes` to `path`, replacing it atomically: the bytes go to
    /// a temporary file beside it, are flushed to disk, and the temporary
    /// file is renamed over `path`. A failed or interrupted write (disk
    /// full, Ctrl-C, a crash) leaves the previous file as it was.
    static func write(_ bytes: [UInt8], to path: String) throws(ImportError) {
        // Replace what a symbolic link points at, not the link.
        var target = path
        if let resolved = realpath(path, nil) {
            target = String(cString: resolved)
            free(resolved)
        }
        var existing = stat()
        if stat(target, &existing) == 0 {
            switch existing.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFCHR, S_IFIFO:
                // `/dev/null`, `/dev/stdout`, a pipe: written into, never renamed over.
                return try writeInPlace(bytes, to: target, named: path)
            default:
                throw ImportError(
                    code: .unreadableFile, file: path,
                    message: "is not a regular file (a directory or socket); not replaced")
            }
        }
        let temporary = target + ".taskql-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        if fd < 0 {
            throw ImportError(
                code: .unreadableFile, file: path, message: systemMessage(errno, doing: "cannot create the file"))
        }
        var failure: ImportError?
        var written = 0
        while written < bytes.count, failure == nil {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                failure = ImportError(
                    code: .unreadableFile, file: path, message: systemMessage(errno, doing: "cannot write the file"))
            } else {
                written += n
            }
        }
        if failure == nil, fsync(fd) != 0 {
            failure = ImportError(
                code: .unreadableFile, file: path, message: systemMessage(errno, doing: "cannot write the file"))
        }
        close(fd)
        if failure == nil, rename(temporary, target) != 0 {
            failure = ImportError(
                code: .unreadableFile, file: path, message: systemMessage(errno, doing: "cannot replace the file"))
        }
        if let failure {
            unlink(temporary)
            throw failure
        }
    }

    /// Writes into a device or pipe as it is, reporting a failed write (`/dev/full`).
    private static func writeInPlace(_ bytes: [UInt8], to target: String, named path: String) throws(ImportError) {
        let fd = open(target, O_WRONLY)
        if fd < 0 {
            throw ImportError(
                code: .unreadableFile, file: path, message: systemMessage(errno, doing: "cannot open the file"))
        }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ImportError(
                    code: .unreadableFile, file: path, message: systemMessage(errno, doing: "cannot write the file"))
            }
            written += n
        }
    }

    static func systemMessage(_ code: Int32, doing what: String) -> String {
        if code == ENOENT { return "no such file" }
        return "\(what): \(String(cString: strerror(code)))"
    }
}
