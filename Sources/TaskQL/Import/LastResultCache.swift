import Synchronization

/// Remembers the last value computed from a document, because the importer
/// asks every reader for its confidence and then the chosen one to read: a
/// reader that finds its tables or splits its lines for the one does not do
/// it again for the other. One entry, compared by value (a document's lines
/// share their storage, so comparing them is cheap), safe across threads.
final class LastResultCache<Value: Sendable>: Sendable {
    private let last = Mutex<(input: DocumentLines, value: Value)?>(nil)

    init() {}

    /// The value for `document`, computed by `make` unless it was the last one asked for.
    func value(for document: DocumentLines, _ make: (DocumentLines) -> Value) -> Value {
        if let cached = last.withLock({ $0 }), cached.input.file == document.file,
            cached.input.numbers == document.numbers, cached.input.lines == document.lines
        {
            return cached.value
        }
        let value = make(document)
        last.withLock { $0 = (document, value) }
        return value
    }
}
