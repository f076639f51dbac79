import TaskQL

#if canImport(Glibc)
    import Glibc
#endif

/// Where results (or messages) go: a file descriptor written with plain
/// `write(2)`, so output never sits in a buffer while libedit owns the
/// terminal, and `.output FILE` can swap the destination.
final class OutputSink {
    private(set) var descriptor: Int32
    private let ownsDescriptor: Bool
    /// `stdout` or the path given to `.output`.
    let name: String

    /// Standard output.
    static func standardOutput() -> OutputSink { OutputSink(descriptor: STDOUT_FILENO, owns: false, name: "stdout") }
    /// Standard error.
    static func standardError() -> OutputSink { OutputSink(descriptor: STDERR_FILENO, owns: false, name: "stderr") }

    private init(descriptor: Int32, owns: Bool, name: String) {
        self.descriptor = descriptor
        self.ownsDescriptor = owns
        self.name = name
    }

    /// Opens (creates or truncates) a file for results.
    convenience init(creatingFileAt path: String) throws(InputFileError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw InputFileError(path: path, reason: String(cString: strerror(errno))) }
        self.init(descriptor: fd, owns: true, name: path)
    }

    deinit { if ownsDescriptor { close(descriptor) } }

    /// Whether this is the terminal (for colour and width).
    var isTerminal: Bool { isatty(descriptor) == 1 }

    /// Writes all of `text`, retrying after interrupted or short writes.
    func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        bytes.withUnsafeMutableBytes { buffer in
            while offset < buffer.count {
                let n = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                offset += n
            }
        }
    }

    /// Writes `text` and a newline.
    func writeLine(_ text: String) { write(text + "\n") }
}

/// A file that could not be read or written, as the user named it.
struct InputFileError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "\(path): \(reason)" }

    /// The library's import error, keeping its line or byte offset.
    init(_ error: ImportError) {
        if let line = error.line {
            path = "\(error.file):\(line)"
        } else if let offset = error.byteOffset {
            path = "\(error.file): byte \(offset)"
        } else {
            path = error.file
        }
        reason = error.message
    }

    init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}
