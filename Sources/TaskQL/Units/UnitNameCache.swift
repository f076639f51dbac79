import Synchronization

/// Remembers canonical names of units the alias table does not list, so the
/// prefix and note analysis runs once per distinct name, not once per row.
/// Shared by copies of a ``UnitAliases`` value; cleared when it changes.
final class UnitNameCache: Sendable {
    private let storage = Mutex<[String: String]>([:])
    /// Bound on remembered names; the cache starts over beyond it.
    private let limit = 200_000

    func value(for name: String) -> String? {
        storage.withLock { $0[name] }
    }

    func store(_ value: String, for name: String) {
        storage.withLock {
            if $0.count >= limit { $0.removeAll(keepingCapacity: true) }
            $0[name] = value
        }
    }

    func clear() {
        storage.withLock { $0.removeAll() }
    }
}
