import SystemPackage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads and writes whole files through swift-system's `FileDescriptor`, so
/// that a missing file, a directory or a permission problem each get the
/// system's own words, and interrupted calls are retried.
enum FileBytes {
    /// The bytes of the file at `path`.
    static func read(_ path: String) throws(ImportError) -> [UInt8] {
        let fd = try open(path, .readOnly, reportedAs: path)
        defer { try? fd.close() }
        let info = try? fd.stat()
        switch info?.type {
        case .directory?: throw ImportError(code: .unreadableFile, file: path, message: "is a directory, not a file")
        case .characterSpecial?, .blockSpecial?, .socket?:
            // `/dev/zero`, `/dev/urandom`, a terminal: no end to read to.
            throw ImportError(code: .unreadableFile, file: path, message: "is a device, not a document or dataset file")
        default: break
        }
        let isPipe = info?.type == .fifo
        // Read straight into the array (a file of known size in one piece);
        // grow it for files whose size is not known up front (pipes).
        var bytes = [UInt8](repeating: 0, count: max(Int(info?.size ?? 0), 0) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 1 << 16))) }
            let n: Int
            do {
                n = try bytes.withUnsafeMutableBytes { buffer in
                    try fd.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
                }
            } catch {
                throw failure(error, path: path, doing: "cannot read the file")
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
        try write(to: path, durable: true) { fd in _ = try fd.writeAll(bytes) }
    }

    /// Writes what `contents` writes into the file descriptor to `path`, as
    /// ``write(_:to:)`` does; without `durable` the temporary file is not
    /// flushed before the rename (for a cache whose reader checks it, where
    /// a crash may leave a damaged file but never a half-replaced one).
    static func write(
        to path: String, durable: Bool, contents: (FileDescriptor) throws -> Void
    ) throws(ImportError) {
        // Replace what a symbolic link points at, not the link.
        var target = path
        if let resolved = realpath(path, nil) {
            target = String(cString: resolved)
            free(resolved)
        }
        if let existing = try? FilePath(target).stat() {
            switch existing.type {
            case .regular: break
            case .characterSpecial, .fifo:
                // `/dev/null`, `/dev/stdout`, a pipe: written into, never renamed over.
                return try writeInPlace(to: target, named: path, contents: contents)
            default:
                throw ImportError(
                    code: .unreadableFile, file: path,
                    message: "is not a regular file (a directory or socket); not replaced")
            }
        }
        let temporary = target + ".taskql-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd: FileDescriptor
        do {
            fd = try FileDescriptor.open(
                FilePath(temporary), .readWrite, options: [.create, .exclusiveCreate],
                permissions: [.ownerReadWrite, .groupRead, .otherRead])
        } catch {
            throw failure(error, path: path, doing: "cannot create the file")
        }
        var problem: ImportError?
        do {
            try contents(fd)
        } catch {
            problem = failure(error, path: path, doing: "cannot write the file")
        }
        if problem == nil, durable, fsync(fd.rawValue) != 0 {
            problem = failure(Errno(rawValue: errno), path: path, doing: "cannot write the file")
        }
        try? fd.close()
        if problem == nil, rename(temporary, target) != 0 {
            problem = failure(Errno(rawValue: errno), path: path, doing: "cannot replace the file")
        }
        if let problem {
            unlink(temporary)
            throw problem
        }
    }

    /// Writes into a device or pipe as it is, reporting a failed write (`/dev/full`).
    private static func writeInPlace(
        to target: String, named path: String, contents: (FileDescriptor) throws -> Void
    ) throws(ImportError) {
        let fd = try open(target, .writeOnly, reportedAs: path)
        defer { try? fd.close() }
        do {
            try contents(fd)
        } catch {
            throw failure(error, path: path, doing: "cannot write the file")
        }
    }

    /// `path` opened, or the error naming `name` (the path as the user gave it).
    private static func open(
        _ path: String, _ mode: FileDescriptor.AccessMode, reportedAs name: String
    ) throws(ImportError) -> FileDescriptor {
        do {
            return try FileDescriptor.open(FilePath(path), mode)
        } catch {
            throw failure(error, path: name, doing: "cannot open the file")
        }
    }

    /// The error for a failed system call, in the system's words
    /// (`cannot open the file: Permission denied`); a missing file is
    /// `no such file`.
    private static func failure(_ error: any Error, path: String, doing what: String) -> ImportError {
        let message: String
        switch error as? Errno {
        case .noSuchFileOrDirectory?: message = "no such file"
        case let code?: message = "\(what): \(String(cString: strerror(code.rawValue)))"
        case nil: message = "\(what): \(error)"
        }
        return ImportError(code: .unreadableFile, file: path, message: message)
    }
}
