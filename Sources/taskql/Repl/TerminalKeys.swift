import CLibEdit

#if canImport(Glibc)
    import Glibc
#endif

/// Keys read from the terminal one Unicode scalar at a time: libedit's
/// own input goes through ``getc`` (installed as `rl_getc_function`), so
/// that the Ctrl-R search, which reads its keys itself, can hand a key
/// back to libedit (Enter runs the entry found).
enum TerminalKeys {
    /// A key for libedit's next read instead of the terminal's.
    nonisolated(unsafe) static var pushedBack: Int32?

    /// `rl_getc_function`: the next code point, or -1 at end of input or
    /// on an interrupted read (libedit then ends the line; Ctrl-C is told
    /// apart by ``InterruptSignal``). Malformed UTF-8 is U+FFFD.
    static let getc: @convention(c) (UnsafeMutablePointer<FILE>?) -> Int32 = { _ in
        if let key = pushedBack {
            pushedBack = nil
            return key
        }
        return TerminalKeys.readScalar().map { Int32(bitPattern: $0.value) } ?? -1
    }

    /// One code point from standard input, or nil (end, error, interrupt).
    static func readScalar() -> Unicode.Scalar? {
        guard let lead = readByte() else { return nil }
        let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
        guard length > 0 else { return "\u{FFFD}" }
        var bytes = [lead]
        for _ in 1..<length {
            guard let next = readByte() else { return nil }
            bytes.append(next)
        }
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return "\u{FFFD}"
    }

    /// Whether another byte arrives within `milliseconds` (an Escape key
    /// alone, or the start of an arrow key's sequence).
    static func moreInput(within milliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, milliseconds) > 0
    }

    private static func readByte() -> UInt8? {
        var byte: UInt8 = 0
        // EINTR ends the read: Ctrl-C must cancel the line, as before.
        return read(STDIN_FILENO, &byte, 1) == 1 ? byte : nil
    }
}
