import Foundation
import NIOCore
import PostgresNIO
import TaskQL

extension PostgresDatabase {
    /// What one dataset's push did.
    public struct PushReport: Sendable, Equatable {
        public var dataset: String
        public var tasks: Int
        /// Whether a dataset of that name was there and is now replaced.
        public var replaced: Bool
    }

    /// Creates the schema where it is missing and loads `datasets` of
    /// `engine` (all of them when nil) with COPY, in one transaction: a
    /// dataset pushed again replaces the old one whole (keeping its place
    /// in the dataset order), and a push that fails leaves the database as
    /// it was. Pushes from several clients take turns (an advisory lock).
    ///
    /// The unit aliases of `engine` are stored with the data (its
    /// canonical unit arrays are computed with them); a push with other
    /// aliases than the data already there is refused, since the older
    /// datasets' arrays would disagree with the new ones.
    @discardableResult
    public func push(_ engine: Engine, datasets names: [String]? = nil) throws -> [PushReport] {
        let names = names ?? engine.datasetNames
        if let unknown = names.first(where: { !engine.datasetNames.contains($0) }) {
            throw DatabaseError("no dataset '\(unknown)' to push")
        }
        try execute("BEGIN")
        do {
            let reports = try pushInTransaction(engine, names)
            try execute("COMMIT")
            // A trigram index for contains/search where the server has
            // pg_trgm; without it queries are only slower.
            for statement in SQLSchema.trigramStatements {
                guard (try? execute(statement)) != nil else { break }
            }
            try execute("ANALYZE \(SQLSchema.tasks)")
            return reports
        } catch {
            _ = try? execute("ROLLBACK")
            throw error
        }
    }

    private func pushInTransaction(_ engine: Engine, _ names: [String]) throws -> [PushReport] {
        // One pusher at a time: two would race for the same sequence numbers.
        try execute("SELECT pg_advisory_xact_lock(\(Self.pushLock))")
        for statement in SQLSchema.createStatements { try execute(statement) }
        try storeAliases(engine.aliases)
        var reports: [PushReport] = []
        for name in names {
            let old = try execute(
                "SELECT \(SQLSchema.datasetSequence) FROM \(SQLSchema.datasets) WHERE name = $1::text", [.string(name)])
            let sequence: Int
            if let row = old.first {
                sequence = try row.decode(Int.self)
                try execute("DELETE FROM \(SQLSchema.datasets) WHERE name = $1::text", [.string(name)])
            } else {
                let next = try execute(
                    "SELECT COALESCE(max(\(SQLSchema.datasetSequence)) + 1, 0)::bigint FROM \(SQLSchema.datasets)")
                sequence = try next[0].decode(Int.self)
            }
            let rows = SQLTaskRows(engine: engine, dataset: name)
            try execute(
                "INSERT INTO \(SQLSchema.datasets) (name, \(SQLSchema.datasetSequence), header, task_count, extra_headers) "
                    + "VALUES ($1::text, $2::bigint, $3::text::jsonb, $4::bigint, $5::text[])",
                [
                    .string(name), .int(sequence),
                    .string(DatabaseCatalog.headerLine(ofDataset: name, in: engine)), .int(rows.count),
                    .list(DatabaseCatalog.extraHeaders(ofDataset: name, in: engine).map(Value.string)),
                ])
            try copy(rows)
            let counts = DatabaseCatalog.valueCounts(ofDataset: name, in: engine)
            try execute(
                "INSERT INTO \(SQLSchema.values) (dataset, field, value, tasks) "
                    + "SELECT $1::text, f, v, n FROM unnest($2::text[], $3::text[], $4::bigint[]) AS u(f, v, n)",
                [
                    .string(name), .list(counts.map { .string($0.field) }), .list(counts.map { .string($0.value) }),
                    .list(counts.map { .int($0.tasks) }),
                ])
            reports.append(PushReport(dataset: name, tasks: rows.count, replaced: !old.isEmpty))
        }
        return reports
    }

    /// Stores `aliases` as the data's, or checks they are the ones stored.
    private func storeAliases(_ aliases: UnitAliases) throws {
        let entries = aliases.entries.sorted { $0.alias < $1.alias }
        let stored = try execute("SELECT alias, canonical FROM \(SQLSchema.unitAliases) ORDER BY alias COLLATE \"C\"")
            .map { row in try row.decode((String, String).self) }
        let hasData = try !execute("SELECT 1 FROM \(SQLSchema.datasets) LIMIT 1").isEmpty
        let same =
            stored.count == entries.count
            && Dictionary(stored, uniquingKeysWith: { a, _ in a })
                == Dictionary(
                    entries.map { ($0.alias, $0.canonical) }, uniquingKeysWith: { a, _ in a })
        if same { return }
        if hasData {
            throw DatabaseError(
                "the datasets in \(location.displayName) were pushed with other unit aliases (\(stored.count) entries, "
                    + "these have \(entries.count)): push with the same --aliases, or push every dataset again "
                    + "into an empty database")
        }
        try execute("DELETE FROM \(SQLSchema.unitAliases)")
        try execute(
            "INSERT INTO \(SQLSchema.unitAliases) (alias, canonical) SELECT * FROM unnest($1::text[], $2::text[])",
            [.list(entries.map { .string($0.alias) }), .list(entries.map { .string($0.canonical) })])
    }

    /// Streams `rows` with `COPY … FROM STDIN`, a few thousand lines a write.
    private func copy(_ rows: SQLTaskRows) throws {
        let connection = self.connection
        let logger = self.logger
        let table = SQLSchema.tasks
        let columns = SQLSchema.taskColumns
        try Blocking.run {
            try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
                var start = 0
                while start < rows.count {
                    let end = min(start + 4096, rows.count)
                    try await writer.write(ByteBuffer(string: try rows.lines(start..<end)))
                    start = end
                }
            }
        }
    }

    /// The advisory lock key pushes take (any fixed number; "TQL" in ASCII).
    static let pushLock = 0x54_51_4C
}

/// Waits for async work from synchronous code (the shell, a library
/// caller): COPY has only an async interface in postgres-nio.
enum Blocking {
    static func run(_ body: @escaping @Sendable () async throws -> Void) throws {
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do { try await body() } catch { outcome.set(error) }
            done.signal()
        }
        done.wait()
        if let error = outcome.error {
            throw PostgresDatabase.databaseError(error)
        }
    }

    private final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: (any Error)?
        func set(_ error: any Error) { lock.withLock { stored = error } }
        var error: (any Error)? { lock.withLock { stored } }
    }
}
