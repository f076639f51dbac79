import SystemPackage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads standard input when it is not a terminal (a pipe or a file):
/// no prompt, no editing, no history, and libedit is never touched. Reads
/// raw bytes so that a line of invalid UTF-8 is reported (and skipped)
/// instead of being silently repaired, and a runaway line cannot exhaust
/// memory.
package final class PlainLineReader: LineReader {
    /// Longest line accepted; longer ones are skipped with a message.
    package static let maximumLineBytes = 4 << 20

    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    package private(set) var lineNumber = 0

    package init(descriptor: Int32 = STDIN_FILENO) { self.descriptor = descriptor }

    package var isInteractive: Bool { false }
    package func recordHistory(_ entry: String) {}
    package var historyEntries: [String] { [] }

    package func readLine(prompt: String) -> LineInput {
        guard let bytes = nextLineBytes() else { return .end }
        lineNumber += 1
        if bytes.count > Self.maximumLineBytes {
            return .unreadable("<stdin>:\(lineNumber): line longer than \(Self.maximumLineBytes) bytes, skipped")
        }
        var line = bytes[...]
        if line.last == 0x0D { line = line.dropLast() }
        guard let text = String(validating: line, as: UTF8.self) else {
            return .unreadable("<stdin>:\(lineNumber): invalid UTF-8, line skipped")
        }
        return .line(text)
    }

    /// The next line's bytes without `\n`; nil at the end of input.
    private func nextLineBytes() -> [UInt8]? {
        var scanned = 0  // bytes after `start` known to hold no line break
        while true {
            if let newline = buffer[(start + scanned)...].firstIndex(of: 0x0A) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                return line
            }
            scanned = buffer.count - start
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = Array(buffer[start...])
                start = buffer.count
                return line
            }
            fill()
        }
    }

    private func fill() {
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
        var chunk = [UInt8](repeating: 0, count: 65536)
        // An interrupted read is retried; a failed one ends the input.
        let n = (try? chunk.withUnsafeMutableBytes { try FileDescriptor(rawValue: descriptor).read(into: $0) }) ?? 0
        if n <= 0 {
            atEnd = true
            return
        }
        buffer += chunk[0..<n]
    }
}
