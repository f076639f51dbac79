import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import TaskQL

/// TQL on a PostgreSQL database: one connection, queries checked against
/// a description of the database's data, compiled to one SELECT each with
/// bound values (``SQLCompiler``) and answered by the server with the rows
/// the in-memory engine would give, in its order.
///
/// ```swift
/// let database = try PostgresDatabase.connect(url: "postgres://clerk@db.example/plans")
/// try database.push(engine, datasets: ["haimen"])
/// let result = try database.run("tasks | where lead_units has $u | count", parameters: ["u": "发改委"])
/// ```
///
/// Blocking, one statement at a time, like the shell that uses it; not
/// for use from inside Swift concurrency's cooperative threads at scale.
public final class PostgresDatabase: SQLDatabase, @unchecked Sendable {
    public let location: PostgresLocation
    private let group: MultiThreadedEventLoopGroup
    let connection: PostgresConnection
    let logger = Logger(label: "taskql.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
    private var closed = false
    /// The server process serving this connection, which a cancel names.
    private var backendID: Int?
    /// The `statement_timeout` set at connection, in seconds.
    private(set) var timeLimit: Double?
    /// Seconds a query with `matches` may run when no time limit was set.
    static let regexTimeLimit = 60

    private init(location: PostgresLocation, group: MultiThreadedEventLoopGroup, connection: PostgresConnection) {
        self.location = location
        self.group = group
        self.connection = connection
    }

    /// Connects to `url` (see ``PostgresLocation``). `timeLimit` seconds
    /// become the server's `statement_timeout`, so no query runs longer.
    public static func connect(url: String, timeLimit: Double? = nil) throws -> PostgresDatabase {
        let location: PostgresLocation
        do { location = try PostgresLocation(url: url) } catch { throw DatabaseError(error.description) }
        return try connect(location, timeLimit: timeLimit)
    }

    /// Connects to `location`.
    public static func connect(_ location: PostgresLocation, timeLimit: Double? = nil) throws -> PostgresDatabase {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let connection: PostgresConnection
        do {
            let configuration = try location.configuration()
            connection = try PostgresConnection.connect(
                on: group.next(), configuration: configuration, id: 1,
                logger: Logger(label: "taskql.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
            ).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw DatabaseError("cannot connect to \(location.displayName): \(Self.message(of: error))")
        }
        let database = PostgresDatabase(location: location, group: group, connection: connection)
        database.backendID = try? database.execute("SELECT pg_backend_pid()::bigint").first?.decode(Int.self)
        if let timeLimit, timeLimit > 0 {
            try database.execute("SET statement_timeout = \(Int((timeLimit * 1000).rounded(.up)))")
            database.timeLimit = timeLimit
        }
        return database
    }

    /// Closes the connection (also on deinit).
    public func close() {
        guard !closed else { return }
        closed = true
        try? connection.close().wait()
        try? group.syncShutdownGracefully()
    }

    deinit { close() }

    public var displayName: String { location.displayName }

    // MARK: Statements

    /// Runs `sql` with `binds` as `$1`…, and returns its rows. Cancelling
    /// `cancellation` (Ctrl-C) asks the server to stop the statement.
    @discardableResult
    func execute(_ sql: String, _ binds: [Value] = [], cancellation: CancellationHandle? = nil) throws
        -> [PostgresRow]
    {
        var bindings = PostgresBindings(capacity: binds.count)
        for value in binds { try Self.bind(value, into: &bindings) }
        do {
            let future = connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger)
            if let cancellation {
                let done = DispatchSemaphore(value: 0)
                future.whenComplete { _ in done.signal() }
                var asked = false
                while done.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
                    if !asked, cancellation.isCancelled {
                        asked = true
                        cancelStatement()
                    }
                }
            }
            return try future.wait().rows
        } catch {
            throw Self.databaseError(error)
        }
    }

    /// Asks the server, on a second connection, to cancel what this one
    /// runs (`pg_cancel_backend`; the statement then fails with 57014).
    private func cancelStatement() {
        guard let backendID, let other = try? PostgresDatabase.connect(location) else { return }
        defer { other.close() }
        _ = try? other.execute("SELECT pg_cancel_backend($1::int)", [.int(backendID)])
    }

    /// Runs a statement of the caller's own (set-up, administration).
    package func runStatement(_ sql: String) throws { try execute(sql) }

    package func rows(of query: SQLQuery, cancellation: CancellationHandle?) throws -> [[Value]] {
        let rows: [PostgresRow]
        if query.usesRegex, timeLimit == nil {
            // A regular expression on long texts can take long: bounded
            // even where the caller set no time limit.
            try execute("BEGIN")
            do {
                try execute("SET LOCAL statement_timeout = \(Self.regexTimeLimit * 1000)")
                rows = try execute(query.text, query.parameters, cancellation: cancellation)
                try execute("COMMIT")
            } catch {
                _ = try? execute("ROLLBACK")
                throw error
            }
        } else {
            rows = try execute(query.text, query.parameters, cancellation: cancellation)
        }
        return try rows.map { row in
            var values: [Value] = []
            values.reserveCapacity(query.columnTypes.count)
            for (cell, type) in zip(row, query.columnTypes) { values.append(try Self.value(of: cell, as: type)) }
            return values
        }
    }

    package func plan(of query: SQLQuery) throws -> [String] {
        try execute("EXPLAIN " + query.text, query.parameters).map { row in
            (try? row.makeRandomAccess()[0].decode(String.self)) ?? ""
        }
    }

    // MARK: Queries

    /// A session on this database's datasets: checked as the in-memory
    /// engine checks, run here. `options.asOf` is the day `today()` is.
    public func session(options: EngineOptions = EngineOptions()) throws -> Session {
        let (catalog, aliases) = try readCatalog()
        return Session(engine: Engine(describing: catalog, aliases: aliases, options: options), database: self)
    }

    /// Runs one TQL query (optionally after `let` statements) here.
    public func run(_ text: String, parameters: [String: Value] = [:], options: EngineOptions = EngineOptions())
        throws -> QueryResult
    {
        let outcomes = try session(options: options).execute(
            SourceText(name: "<query>", text: text), parameters: parameters)
        guard case .rows(let result)? = outcomes.last else {
            throw DatabaseError("the text ends without a query")
        }
        return result
    }

    /// Whether the TaskQL tables exist here.
    public func hasSchema() throws -> Bool {
        let rows = try execute("SELECT to_regclass($1::text) IS NOT NULL", [.string(SQLSchema.datasets)])
        return (try rows.first?.makeRandomAccess()[0].decode(Bool.self)) ?? false
    }

    /// The datasets, their documents and the names the checker and Tab
    /// need, and the unit aliases the data was pushed with.
    func readCatalog() throws -> (DatabaseCatalog, UnitAliases) {
        guard try hasSchema() else {
            throw DatabaseError(
                "\(location.displayName) holds no TaskQL datasets (no table \(SQLSchema.datasets)): "
                    + "push some first: taskql push FILE… --db URL")
        }
        var counts: [String: [(String, Int)]] = [:]
        var perDataset: [String: [String]] = [:]
        for row in try execute(
            "SELECT field, value, sum(tasks)::bigint, array_agg(DISTINCT dataset) FROM \(SQLSchema.values) "
                + "GROUP BY field, value ORDER BY field, 3 DESC, value COLLATE \"C\"")
        {
            let (field, value, tasks, datasets) = try row.decode((String, String, Int, [String]).self)
            counts[field, default: []].append((value, tasks))
            if field == "city" { for d in datasets { perDataset[d, default: []].append(value) } }
        }
        var datasets: [DatabaseCatalog.DatasetInfo] = []
        for row in try execute(
            "SELECT name, header::text, task_count, extra_headers FROM \(SQLSchema.datasets) ORDER BY \(SQLSchema.datasetSequence)"
        ) {
            let (name, header, taskCount, extraHeaders) = try row.decode((String, String, Int, [String]).self)
            datasets.append(
                DatabaseCatalog.DatasetInfo(
                    name: name, documents: DatabaseCatalog.documents(ofHeaderLine: header) ?? [], taskCount: taskCount,
                    cities: (perDataset[name] ?? []).sorted(), extraHeaders: extraHeaders))
        }
        var pairs: [(alias: String, canonical: String)] = []
        for row in try execute("SELECT alias, canonical FROM \(SQLSchema.unitAliases) ORDER BY alias") {
            let (alias, canonical) = try row.decode((String, String).self)
            pairs.append((alias, canonical))
        }
        var fieldValues: [String: [String]] = [:]
        for (field, values) in counts where field != "unit" && field != "leader" {
            fieldValues[field] = values.map(\.0)
        }
        let catalog = DatabaseCatalog(
            datasets: datasets, unitNames: (counts["unit"] ?? []).map(\.0),
            leaderNames: (counts["leader"] ?? []).map(\.0), fieldValues: fieldValues)
        return (catalog, UnitAliases(pairs: pairs))
    }

    // MARK: Values

    /// Binds a TQL value; every placeholder carries its type as a cast, so
    /// a date goes as its ISO text and a null needs no type.
    static func bind(_ value: Value, into bindings: inout PostgresBindings) throws {
        switch value {
        case .null: bindings.appendNull()
        case .bool(let b): bindings.append(b)
        case .int(let i): bindings.append(i)
        case .decimal(let d): bindings.append(d)
        case .string(let s): bindings.append(s)
        case .date(let d): bindings.append(d.description)
        case .list(let items):
            var strings: [String] = []
            var ints: [Int] = []
            for item in items {
                switch item {
                case .string(let s): strings.append(s)
                case .date(let d): strings.append(d.description)
                case .int(let i): ints.append(i)
                default: throw DatabaseError("a list holding \(item.valueType) cannot be sent to the database")
                }
            }
            guard ints.isEmpty || strings.isEmpty else {
                throw DatabaseError("a list mixing numbers and text cannot be sent to the database")
            }
            if ints.isEmpty { bindings.append(strings) } else { bindings.append(ints) }
        }
    }

    /// A cell as the TQL value of `type` (the compiler casts each output
    /// column to its TQL type's SQL type).
    static func value(of cell: PostgresCell, as type: ValueType) throws -> Value {
        guard cell.bytes != nil else { return .null }
        do {
            switch type {
            case .bool: return .bool(try cell.decode(Bool.self))
            case .int: return .int(try cell.decode(Int.self))
            case .decimal: return .decimal(try cell.decode(Double.self))
            case .date: return .date(civilDate(try cell.decode(Date.self)))
            case .list(.string), .list(.any), .list(.null):
                return .list(try cell.decode([String].self).map(Value.string))
            case .list(.int): return .list(try cell.decode([Int].self).map(Value.int))
            case .list(.date): return .list(try cell.decode([Date].self).map { .date(civilDate($0)) })
            case .string, .null, .any, .list: return .string(try cell.decode(String.self))
            }
        } catch {
            throw DatabaseError(
                "column \(cell.columnName) came back as \(cell.dataType), not as the \(type) TQL expects")
        }
    }

    static func civilDate(_ date: Date) -> CivilDate {
        CivilDate(daysSinceEpoch: Int32((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    // MARK: Errors

    /// The server's message (with its detail and hint), or what failed on the way.
    static func databaseError(_ error: any Error) -> DatabaseError {
        if let error = error as? DatabaseError { return error }
        if let error = error as? PSQLError, let info = error.serverInfo {
            var text = info[.message] ?? "error"
            if let detail = info[.detail] { text += " (\(detail))" }
            if let hint = info[.hint] { text += "; hint: \(hint)" }
            return DatabaseError(text, sqlState: info[.sqlState])
        }
        return DatabaseError(message(of: error))
    }

    static func message(of error: any Error) -> String {
        if let error = error as? PSQLError {
            if let info = error.serverInfo { return info[.message] ?? "\(error.code)" }
            if let underlying = error.underlying { return "\(error.code): \(underlying)" }
            return "\(error.code)"
        }
        return "\(error)"
    }
}
