import Foundation
import NIOSSL
import PostgresNIO
import TaskQL

/// Where a database is, from a `postgres://` URL as libpq and psql take it:
/// `postgres://user:password@host:port/database?sslmode=require`, or over a
/// unix socket `postgres:///database?host=/var/run/postgresql` (a `host`
/// that starts with `/` is the socket directory). What the URL leaves out
/// comes from `PGHOST`, `PGPORT`, `PGUSER`, `PGPASSWORD`, `PGDATABASE`,
/// then libpq's defaults (the socket in /var/run/postgresql, the login name).
public struct PostgresLocation: Sendable, Equatable {
    /// A TCP host name or address, or a socket directory (starts with `/`).
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    /// `disable`, `prefer` or `require` (libpq's names; `verify-full` checks
    /// the certificate and host name too).
    public var sslMode: String

    /// A URL that is not a PostgreSQL one, or says something unreadable.
    public struct Invalid: Error, CustomStringConvertible {
        public var description: String
    }

    /// Parses `url`; `environment` supplies what it leaves out.
    public init(url: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(Invalid) {
        guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://"),
            let components = URLComponents(string: url)
        else {
            throw Invalid(
                description:
                    "'\(url)' is not a PostgreSQL URL: write postgres://user@host:port/database (or postgres:///database?host=/socket/dir)"
            )
        }
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] { query[item.name] = item.value ?? "" }
        let known: Set = ["host", "port", "user", "password", "dbname", "sslmode", "application_name"]
        if let unknown = query.keys.sorted().first(where: { !known.contains($0) }) {
            throw Invalid(
                description:
                    "unknown parameter '\(unknown)' in the database URL (known: \(known.sorted().joined(separator: ", ")))"
            )
        }
        host =
            query["host"] ?? components.percentEncodedHost.flatMap { $0.isEmpty ? nil : $0.removingPercentEncoding }
            ?? environment["PGHOST"] ?? "/var/run/postgresql"
        let portText = query["port"] ?? components.port.map(String.init) ?? environment["PGPORT"] ?? "5432"
        guard let port = Int(portText), (1...65535).contains(port) else {
            throw Invalid(description: "port '\(portText)' in the database URL is not a port number")
        }
        self.port = port
        user =
            query["user"] ?? components.user.flatMap { $0.isEmpty ? nil : $0 } ?? environment["PGUSER"]
            ?? environment["USER"] ?? "postgres"
        password = query["password"] ?? components.password ?? environment["PGPASSWORD"]
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = query["dbname"] ?? (path.isEmpty ? nil : path) ?? environment["PGDATABASE"] ?? user
        sslMode = query["sslmode"] ?? environment["PGSSLMODE"] ?? (host.hasPrefix("/") ? "disable" : "prefer")
        guard ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"].contains(sslMode) else {
            throw Invalid(description: "sslmode '\(sslMode)' is not one of disable, prefer, require, verify-full")
        }
    }

    /// Whether the server is reached through a unix socket.
    public var isSocket: Bool { host.hasPrefix("/") }

    /// The URL without the password, for banners and messages.
    public var displayName: String {
        let place = isSocket ? "\(host)/.s.PGSQL.\(port)" : "\(host):\(port)"
        return "postgres://\(user)@\(place)/\(database)"
    }

    /// postgres-nio's configuration for this location.
    func configuration() throws -> PostgresConnection.Configuration {
        if isSocket {
            return PostgresConnection.Configuration(
                unixSocketPath: "\(host)/.s.PGSQL.\(port)", username: user, password: password, database: database)
        }
        let tls: PostgresConnection.Configuration.TLS
        switch sslMode {
        case "disable", "allow": tls = .disable
        case "prefer", "require", "verify-ca":
            var config = TLSConfiguration.makeClientConfiguration()
            config.certificateVerification = .none
            let context = try NIOSSLContext(configuration: config)
            tls = sslMode == "prefer" ? .prefer(context) : .require(context)
        default:
            tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        return PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: tls)
    }
}
