import Foundation
import SystemPackage
import TaskQL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where results (or messages) go: a file descriptor written with plain
/// `write(2)`, so output never sits in a buffer while libedit owns the
/// terminal, and `.output FILE` can swap the destination.
///
/// A failed write (a full disk, `> /dev/full`) is remembered, not ignored:
/// the sink stops writing (the rest would be lost too) and ``writeFailure``
/// says why, for the caller to report once and exit non-zero, as jq does.
package final class OutputSink {
    package private(set) var descriptor: Int32
    private let ownsDescriptor: Bool
    /// `stdout` or the path given to `.output`.
    package let name: String
    /// The `errno` of the first failed write or close; nil while every
    /// write went through.
    package private(set) var failedErrno: Int32?
    /// Whether ``writeFailure`` was already handed out (one message per sink).
    private var failureReported = false
    /// Whether anything was written yet (a byte-order mark goes first only).
    package private(set) var hasWritten = false
    /// Results kept as the sheets of a workbook, written when the sink
    /// closes (`.xlsx`: a zip archive cannot be written a piece at a time).
    private var sheets: [QueryResult] = []
    /// Why the workbook could not be written, for ``takeWriteFailure()``.
    private var workbookFailure: String?

    /// Whether results for this sink are a workbook whatever the mode: a
    /// file named `….xlsx` (text in it would be a file Excel refuses).
    package var isWorkbookFile: Bool { ownsDescriptor && name.lowercased().hasSuffix(".xlsx") }

    /// Adds `result` as the next sheet of the workbook written at ``close()``.
    package func addSheet(_ result: QueryResult) { sheets.append(result) }

    /// Standard output.
    package static func standardOutput() -> OutputSink {
        OutputSink(descriptor: STDOUT_FILENO, owns: false, name: "stdout")
    }
    /// Standard error.
    package static func standardError() -> OutputSink {
        OutputSink(descriptor: STDERR_FILENO, owns: false, name: "stderr")
    }

    private init(descriptor: Int32, owns: Bool, name: String) {
        self.descriptor = descriptor
        self.ownsDescriptor = owns
        self.name = name
    }

    /// Opens (creates or truncates) a file for results.
    package convenience init(creatingFileAt path: String) throws(InputFileError) {
        let fd: FileDescriptor
        do {
            fd = try FileDescriptor.open(
                FilePath(path), .writeOnly, options: [.create, .truncate, .closeOnExec],
                permissions: [.ownerReadWrite, .groupRead, .otherRead])
        } catch {
            throw InputFileError(path: path, reason: String(cString: strerror((error as? Errno)?.rawValue ?? EIO)))
        }
        self.init(descriptor: fd.rawValue, owns: true, name: path)
    }

    deinit { if ownsDescriptor && descriptor >= 0 { try? FileDescriptor(rawValue: descriptor).close() } }

    /// Whether this is the terminal (for colour and width).
    package var isTerminal: Bool { isatty(descriptor) == 1 }

    /// Whether to colour what goes to this sink: only on a terminal, not
    /// with `--no-color`, and not when `NO_COLOR` is set to a non-empty
    /// value (no-color.org: an empty `NO_COLOR=` asks for nothing).
    package func allowsColor(noColorFlag: Bool) -> Bool {
        Self.colorAllowed(
            isTerminal: isTerminal, noColorFlag: noColorFlag, environment: ProcessInfo.processInfo.environment)
    }

    /// The colour rule of ``allowsColor(noColorFlag:)`` on its inputs.
    package static func colorAllowed(isTerminal: Bool, noColorFlag: Bool, environment: [String: String]) -> Bool {
        isTerminal && !noColorFlag && (environment["NO_COLOR"] ?? "").isEmpty
    }

    /// Writes all of `text`, retrying after interrupted or short writes;
    /// after a failed write nothing more is written.
    package func write(_ text: String) {
        guard failedErrno == nil, descriptor >= 0 else { return }
        if !text.isEmpty { hasWritten = true }
        // writeAll retries interrupted and short writes.
        do {
            _ = try FileDescriptor(rawValue: descriptor).writeAll(text.utf8)
        } catch {
            failedErrno = (error as? Errno)?.rawValue ?? EIO
        }
    }

    /// Writes `text` and a newline.
    package func writeLine(_ text: String) { write(text + "\n") }

    /// Closes a file opened by ``init(creatingFileAt:)`` (a no-op for the
    /// standard streams), keeping a failed close as a write failure: on
    /// some file systems (NFS) the disk-full error first shows here.
    package func close() {
        writeWorkbook()
        guard ownsDescriptor, descriptor >= 0 else { return }
        do {
            try FileDescriptor(rawValue: descriptor).close()
        } catch {
            if failedErrno == nil { failedErrno = (error as? Errno)?.rawValue ?? EIO }
        }
        descriptor = -1
    }

    /// Writes the sheets kept so far as one workbook (then there are none).
    private func writeWorkbook() {
        guard !sheets.isEmpty else { return }
        let named = sheets.enumerated().map { (name: "Sheet\($0.offset + 1)", result: $0.element) }
        sheets = []
        do {
            let bytes = try XLSXWorkbook(sheets: named).data()
            guard failedErrno == nil, descriptor >= 0 else { return }
            hasWritten = true
            _ = try FileDescriptor(rawValue: descriptor).writeAll(bytes)
        } catch let error as XLSXWorkbook.Failure {
            workbookFailure = error.description
        } catch {
            failedErrno = (error as? Errno)?.rawValue ?? EIO
        }
    }

    /// `writing <stdout>: No space left on device` the first time it is
    /// asked after a write failed; nil otherwise (nothing failed, or it was
    /// already reported).
    package func takeWriteFailure() -> String? {
        let shown = ownsDescriptor ? name : "<\(name)>"
        if let workbookFailure, !failureReported {
            failureReported = true
            return "writing \(shown): \(workbookFailure)"
        }
        guard let failedErrno, !failureReported else { return nil }
        failureReported = true
        return "writing \(shown): \(String(cString: strerror(failedErrno)))"
    }
}
