import Foundation
import TaskQL

/// Builds the engine the command line asks for: the built-in unit aliases
/// plus `--aliases FILE`, and either the bundled datasets or the files named.
package enum EngineSetup {
    /// Built-in aliases merged with the user's file, if any.
    package static func aliases(path: String?) throws(InputFileError) -> UnitAliases {
        guard let path else { return .builtIn }
        do {
            return try UnitAliases.builtIn.merging(contentsOf: path)
        } catch {
            throw InputFileError(error)
        }
    }

    /// The bundled datasets when `files` is empty, else the datasets in the
    /// files (a document gives one, named after its city; a dataset file
    /// gives the datasets it holds; datasets of one name are joined, as
    /// `taskql import` does). Import reports go to `reports` when given.
    package static func engine(files: [String], aliases: UnitAliases, reports: OutputSink?) throws(InputFileError)
        -> Engine
    {
        // `taskql script.tql` meant to run it, not to import it.
        if let script = files.first(where: { $0.hasSuffix(".tql") }) {
            throw InputFileError(
                path: script, reason: "a TQL script, not a document or dataset file: run it with taskql run \(script)")
        }
        do {
            guard !files.isEmpty else {
                return try BundledDatasets.builder(aliases: aliases).build(options: options)
            }
            // Dataset files go straight into the engine's columns.
            var builder = EngineBuilder(aliases: aliases)
            builder.snapshots = snapshots
            for path in files {
                let load = try builder.load(path)
                for report in load.reports { reports?.write(report.rendered()) }
                for name in load.replaced {
                    // `taskql a.txt a.txt`: the second replaces the first, so the tasks are there once.
                    let count = builder.taskCount(ofDataset: name)
                    OutputSink.standardError().writeLine("replaced dataset \(name) (\(count) tasks)")
                }
            }
            return builder.build(options: options)
        } catch {
            throw InputFileError(error)
        }
    }

    /// Default options; `TASKQL_FAST_PATHS=off` runs every query through the
    /// plain evaluator, to tell a wrong answer of a fast path from a wrong
    /// definition (see ``EngineOptions/usesFastPaths``).
    package static var options: EngineOptions {
        var options = EngineOptions()
        options.usesFastPaths = ProcessInfo.processInfo.environment["TASKQL_FAST_PATHS"] != "off"
        options.reportsTimes = ProcessInfo.processInfo.environment["TASKQL_EXPLAIN_TIMES"] != "off"
        return options
    }

    /// `TASKQL_SNAPSHOTS=read` reads the snapshots beside large dataset
    /// files without writing any (a read-only data folder, a shared
    /// machine); `off` reads the dataset files themselves.
    package static var snapshots: SnapshotUse {
        switch ProcessInfo.processInfo.environment["TASKQL_SNAPSHOTS"] {
        case "off"?: .off
        case "read"?: .readOnly
        default: .readAndWrite
        }
    }

    /// `TaskQL — datasets haimen (223 tasks), yixing (70 tasks) — .help for help`;
    /// on a database, `TaskQL on postgres://… — datasets …`.
    package static func banner(for session: Session) -> String {
        let parts = session.engine.summaries.map { "\($0.name) (\($0.taskCount) tasks)" }
        let loaded = parts.isEmpty ? "no datasets loaded" : "datasets " + parts.joined(separator: ", ")
        let place = session.database.map { " on \($0.displayName)" } ?? ""
        return "TaskQL\(place) — \(loaded) — type .help for help, Ctrl-D to leave"
    }
}
