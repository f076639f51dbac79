@testable import TaskQL

/// What every document front-end's result must satisfy.
public enum FuzzImport {
    /// An import either fails with a message or yields a document with
    /// tasks of unique ids and a report, which `taskql import -o` can write
    /// as a dataset file that reads back unchanged. Returns the document,
    /// for checks of a front-end's own.
    @discardableResult
    public static func check(_ outcome: () throws(ImportError) -> ImportedDocument) -> ImportedDocument? {
        let document: ImportedDocument
        do {
            document = try outcome()
        } catch {
            FuzzInvariant.require(!error.message.isEmpty, "an import error without a message")
            return nil
        }
        FuzzInvariant.require(!document.records.isEmpty, "an imported document without tasks")
        let ids = Set(document.records.map(\.id))
        FuzzInvariant.require(ids.count == document.records.count, "two tasks share an id")
        _ = document.report.rendered()

        let written = DatasetFile.encode([document.dataset])
        do {
            let reread = try DatasetFile.decode(written, file: "fuzz.jsonl")
            FuzzInvariant.require(
                reread == [document.dataset], "the dataset changes when written and read back:\n\(written)")
        } catch {
            FuzzInvariant.require(false, "an imported document, written, does not read back: \(error)\n\(written)")
        }
        return document
    }
}
