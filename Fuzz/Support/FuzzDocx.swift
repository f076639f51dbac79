import Foundation
import ZIPFoundation

/// Packs XML parts into a `.docx` (a zip of stored entries) in memory.
///
/// A mutated zip rarely gets past the CRC check of its compressed parts, so
/// the XML behind it would hardly be fuzzed; packing mutated XML gives the
/// Word walker every input, the zip reader gets the real archives.
public enum FuzzDocx {
    /// A `.docx` holding `word/document.xml` and, when not empty,
    /// `word/numbering.xml` and `word/styles.xml`.
    public static func pack(document: [UInt8], numbering: [UInt8], styles: [UInt8]) -> [UInt8] {
        do {
            let archive = try Archive(accessMode: .create)
            let parts = [
                ("word/document.xml", document), ("word/numbering.xml", numbering), ("word/styles.xml", styles),
            ]
            for (path, bytes) in parts where path == "word/document.xml" || !bytes.isEmpty {
                let data = Data(bytes)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count)) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            return Array(archive.data ?? Data())
        } catch {
            fatalError("cannot pack a .docx in memory: \(error)")
        }
    }
}
