/// One input from libFuzzer, as bytes, as text, or cut in two.
public struct FuzzInput {
    /// The input's bytes.
    public let bytes: [UInt8]

    /// Copies libFuzzer's buffer (`data` is nil when `size` is 0).
    public init(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    }

    /// The bytes as UTF-8, invalid sequences replaced by U+FFFD: what a
    /// host program reading a file with `String(decoding:as:)` would pass on.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The bytes cut at their first `count - 1` NULs into `count` pieces
    /// (the missing ones empty): several inputs from one, such as a pattern
    /// and the text it is matched against. NUL is the separator because no
    /// piece ever needs one, and a mutation that adds or drops one moves
    /// bytes from one piece to the next.
    public func pieces(_ count: Int) -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        var rest = bytes[...]
        while pieces.count < count - 1, let cut = rest.firstIndex(of: 0) {
            pieces.append(Array(rest[..<cut]))
            rest = rest[(cut + 1)...]
        }
        pieces.append(Array(rest))
        while pieces.count < count { pieces.append([]) }
        return pieces
    }

    /// A number from the last byte, for choices an input makes about
    /// itself (a cursor position); 0 for the empty input.
    public var lastByte: Int { Int(bytes.last ?? 0) }
}
