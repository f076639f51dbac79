import Foundation
import TaskQL
import TaskQLPostgres

#if canImport(Glibc)
    import Glibc
#endif

/// A private PostgreSQL server for the tests, started once per test run
/// from Debian's `postgresql` package (`make deps` installs it): `initdb`
/// in a temporary directory, reachable only through a unix socket there
/// (no TCP port to collide with), trust authentication, fsync off; stopped
/// and removed when the test process exits. `TASKQL_TEST_POSTGRES=URL`
/// uses a server of one's own instead.
///
/// As root (CI), the server runs as the `postgres` user the package
/// creates: PostgreSQL refuses to run as root. Every program is started
/// with its output going to a file, never a pipe: `pg_ctl`'s server keeps
/// inherited pipes open for its whole life, and a reader would wait forever.
package enum LocalPostgres {
    /// The server's URL (to its `postgres` database), or why it could not start.
    package static let server: Result<String, DatabaseError> = Result { () throws(DatabaseError) in try start() }

    /// A database of its own for one suite, created empty.
    package static func freshDatabase(_ name: String) throws -> String {
        let url = try server.get()
        let admin = try PostgresDatabase.connect(url: url)
        defer { admin.close() }
        try admin.runStatement("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        try admin.runStatement("CREATE DATABASE \(name)")
        return url.replacing("/postgres?", with: "/\(name)?")
    }

    nonisolated(unsafe) private static var directory: String?
    nonisolated(unsafe) private static var binaries = ""

    private static func start() throws(DatabaseError) -> String {
        if let url = ProcessInfo.processInfo.environment["TASKQL_TEST_POSTGRES"] { return url }
        guard let bin = binDirectory() else {
            throw DatabaseError("no PostgreSQL server programs (initdb) found: make deps installs Debian's postgresql")
        }
        binaries = bin
        removeAbandonedServers()
        let dir = "/tmp/taskql-pg-\(getpid())"
        try? FileManager.default.removeItem(atPath: dir)
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw DatabaseError("cannot create \(dir): \(error)")
        }
        directory = dir
        let asRoot = getuid() == 0
        if asRoot {
            guard run(["/bin/chown", "postgres:postgres", dir], log: nil) == 0 else {
                throw DatabaseError("cannot give \(dir) to the postgres user")
            }
        }
        let log = dir + "/server.log"
        func server(_ arguments: [String]) -> [String] {
            (asRoot ? ["/sbin/runuser", "-u", "postgres", "--"] : []) + arguments
        }
        guard
            run(
                server([
                    "/usr/bin/timeout", "120", "\(bin)/initdb", "-D", "\(dir)/data", "-U", "taskql", "--auth=trust",
                    "-E", "UTF8", "--locale=C", "--no-sync",
                ]), log: dir + "/initdb.log") == 0
        else {
            throw DatabaseError("initdb failed: see \(dir)/initdb.log")
        }
        atexit { LocalPostgres.stop() }
        let options =
            "-k \(dir) -c listen_addresses= -p \(port) -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        guard
            run(
                server([
                    "/usr/bin/timeout", "120", "\(bin)/pg_ctl", "-D", "\(dir)/data", "-l", log, "-o", options, "-w",
                    "-t", "60", "start",
                ]), log: dir + "/pg_ctl.log") == 0
        else {
            throw DatabaseError("the PostgreSQL server did not start: see \(log)")
        }
        return "postgres:///postgres?host=\(dir)&port=\(port)&user=taskql"
    }

    static let port = 55433

    /// Stops the server and removes its directory (at exit).
    static func stop() {
        guard let dir = directory else { return }
        stopServer(in: dir)
        directory = nil
    }

    private static func stopServer(in dir: String) {
        let stop = ["\(binaries)/pg_ctl", "-D", "\(dir)/data", "-m", "immediate", "-w", "-t", "30", "stop"]
        _ = run((getuid() == 0 ? ["/sbin/runuser", "-u", "postgres", "--"] : []) + stop, log: nil)
        try? FileManager.default.removeItem(atPath: dir)
    }

    /// Stops and removes the servers of test runs that were killed before
    /// they could (their process is gone).
    static func removeAbandonedServers() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/tmp")) ?? []
        for name in names where name.hasPrefix("taskql-pg-") {
            guard let pid = Int32(name.dropFirst("taskql-pg-".count)), kill(pid, 0) != 0, errno == ESRCH else {
                continue
            }
            stopServer(in: "/tmp/\(name)")
        }
    }

    /// The newest `/usr/lib/postgresql/N/bin` with initdb, else PATH's.
    static func binDirectory() -> String? {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init)
            .sorted()
        for v in versions.reversed() where FileManager.default.isExecutableFile(atPath: "\(root)/\(v)/bin/initdb") {
            return "\(root)/\(v)/bin"
        }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        where FileManager.default.isExecutableFile(atPath: "\(dir)/initdb") {
            return String(dir)
        }
        return nil
    }

    /// Runs a program with stdin from /dev/null, its output to `log` (or
    /// /dev/null) and no other descriptor of ours, and returns its exit
    /// status. Not Foundation's `Process`: on Linux it learns that a child
    /// ended when a socket the child inherits closes, and the server
    /// `pg_ctl` leaves behind would hold it (and any other test's) open
    /// for its whole life.
    @discardableResult
    static func run(_ arguments: [String], log: String?) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        closeFrom3?(&actions, 3)
        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        guard posix_spawn(&pid, arguments[0], &actions, nil, argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+), which
    /// Swift's Glibc module does not declare.
    private static let closeFrom3:
        (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
            else { return nil }
            return unsafeBitCast(
                symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
        }()
}
