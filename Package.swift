// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "TaskQL",
    // Mutex and Atomic (Synchronization) need macOS 15; Linux has no minimum.
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "TaskQL", targets: ["TaskQL"]),
        // TQL on PostgreSQL (`taskql --db`, `taskql push`): the one part
        // that talks to a network, kept out of the core library.
        .library(name: "TaskQLPostgres", targets: ["TaskQLPostgres"]),
        .executable(name: "taskql", targets: ["taskql"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Writes zip archives: the .xlsx workbooks of `--format xlsx`
        // (XLSXWorkbook), the .docx tests and the docx fuzz target (the
        // library reads archives itself: ZipArchive).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // File I/O of the library (FileDescriptor, stat, Errno) without
        // calling Glibc's read/write by name.
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        // `make docs`: the DocC catalog built with warnings as errors (CI).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // PostgreSQL's wire protocol (queries with bound values, COPY FROM)
        // for TaskQLPostgres only.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // What postgres-nio is built on, named because TaskQLPostgres uses
        // them directly: the event loop, its logger (silenced), TLS.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // The engine: dataset model, importers, language, evaluator, formatting.
        // No libedit and no argument parsing, so other programs can embed it.
        .target(
            name: "TaskQL",
            dependencies: [
                "CLibXML2", "CLibZ", .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Resources/seeds"), .copy("Resources/seeds.jsonl")]
        ),
        // Runs compiled TQL on PostgreSQL and pushes datasets into it
        // (the compiler itself, SQLCompiler, is in the core: no networking).
        .target(
            name: "TaskQLPostgres",
            dependencies: [
                "TaskQL", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // libxml2 through pkg-config (Debian: libxml2-dev): the HTML and XML
        // parsers behind the .html and .docx front-ends.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // zlib through pkg-config (Debian: zlib1g-dev): inflates the parts of a
        // .docx (a zip archive, read by ZipArchive).
        .systemLibrary(
            name: "CLibZ",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // libedit through pkg-config (Debian: libedit-dev); only the executable links it.
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // The shell without a terminal: statement joining for scripts,
        // pipes, `-c` and `.read`, dot-commands, output modes and error
        // handling, on any ``LineReader``; tested in-process.
        .target(
            name: "TaskQLShell",
            dependencies: ["TaskQL", .product(name: "SystemPackage", package: "swift-system")]),
        // The executable: argument parsing, and libedit wired to the shell.
        .executableTarget(
            name: "taskql",
            dependencies: [
                "TaskQL",
                "TaskQLShell",
                "TaskQLPostgres",
                "CLibEdit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // TaskQL's side of `make bench` (Benchmarks/bench.py): loads files,
        // times questions in process, prints times and answers as JSON.
        .executableTarget(
            name: "taskql-bench", dependencies: ["TaskQL", "TaskQLPostgres"], path: "Benchmarks/TaskQLBench"),
        .testTarget(
            name: "TaskQLTests",
            // ZIPFoundation writes the zip archives the .docx tests read;
            // the support target's PostgreSQL runs the differential tests.
            dependencies: [
                "TaskQL", "TaskQLPostgres", "TaskQLTestSupport", "TaskQLShell",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "TaskQLCLITests",
            dependencies: ["TaskQL", "TaskQLTestSupport"]
        ),
        // What several test targets share: a private PostgreSQL server
        // started for the test run (LocalPostgres).
        .target(
            name: "TaskQLTestSupport",
            dependencies: ["TaskQL", "TaskQLPostgres"],
            path: "Tests/TaskQLTestSupport"
        ),
        .testTarget(
            name: "TaskQLShellTests",
            dependencies: ["TaskQL", "TaskQLShell"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// Coverage-guided fuzz targets (libFuzzer), declared only when TASKQL_FUZZ=1
// (`make fuzz`, Fuzz/run.sh), so ordinary builds and `swift test` never see
// them. Each is an executable `fuzz-<name>` from Fuzz/Targets/<name>; see
// Tests/FUZZING.md.
if Context.environment["TASKQL_FUZZ"] == "1" {
    let fuzzTargets = ["query-syntax", "query-run", "dataset-file", "import-text", "import-docx", "import-html", "regex"]
    package.targets += [
        // libFuzzer's driver entry, from the toolchain's -sanitize=fuzzer runtime.
        .systemLibrary(name: "CLibFuzzer", path: "Fuzz/CLibFuzzer"),
        .target(
            name: "FuzzSupport",
            dependencies: ["TaskQL", "CLibFuzzer", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Fuzz/Support"),
    ]
    for name in fuzzTargets {
        package.targets.append(
            .executableTarget(
                name: "fuzz-\(name)", dependencies: ["TaskQL", "FuzzSupport"], path: "Fuzz/Targets/\(name)"))
        package.products.append(.executable(name: "fuzz-\(name)", targets: ["fuzz-\(name)"]))
    }
}
