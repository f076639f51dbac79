import CLibZ

/// zlib's raw inflate (a zip entry's deflate stream, no zlib header) and
/// CRC-32, for ``ZipArchive``.
enum Inflater {
    /// The bytes `deflated` inflates to; ``ZipError/tooLarge`` as soon as
    /// they pass `limit`, so a zip bomb is stopped, not unpacked.
    static func inflate(_ deflated: ArraySlice<UInt8>, limit: Int) throws(ZipError) -> [UInt8] {
        var stream = z_stream()
        guard clibz_inflate_init_raw(&stream) == Z_OK else { throw ZipError.unreadable("zlib cannot start inflating") }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var status = Z_OK
        deflated.withUnsafeBufferPointer { source in
            // zlib reads through a non-const pointer but never writes input.
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = UInt32(source.count)
            while status == Z_OK, output.count <= limit {
                let produced = chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = UInt32(buffer.count)
                    status = CLibZ.inflate(&stream, Z_NO_FLUSH)
                    return buffer.count - Int(stream.avail_out)
                }
                output += chunk[..<produced]
            }
        }
        guard output.count <= limit else { throw .tooLarge }
        // Z_BUF_ERROR: the input ended before the stream did.
        guard status == Z_STREAM_END else {
            throw ZipError.unreadable("a deflated entry is damaged (zlib status \(status))")
        }
        return output
    }

    /// The CRC-32 of `bytes`, as zip archives record it.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            // zlib counts in 32 bits; callers pass at most their part limit.
            UInt32(CLibZ.crc32(0, buffer.baseAddress, UInt32(buffer.count)))
        }
    }
}
