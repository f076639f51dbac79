import Foundation
import TaskQL

/// Builds the engine the command line asks for: the built-in unit aliases
/// plus `--aliases FILE`, and either the bundled datasets or the files named.
enum EngineSetup {
    /// Built-in aliases merged with the user's file, if any.
    static func aliases(path: String?) throws(InputFileError) -> UnitAliases {
        let builtIn = UnitAliases(pairs: [])  // TODO(docs): UnitAliases.builtIn
        guard let path else { return builtIn }
        return try DataFiles.loadAliases(path: path, into: builtIn)
    }

    /// The bundled datasets when `files` is empty, else one dataset per file
    /// (named after the file). Import reports go to `reports` when given.
    static func engine(files: [String], aliases: UnitAliases, reports: OutputSink?) throws(InputFileError) -> Engine {
        guard !files.isEmpty else {
            return Engine(datasets: DataFiles.bundled(aliases: aliases), aliases: aliases)
        }
        var datasets: [Dataset] = []
        for path in files {
            let loaded = try DataFiles.load(path: path, encoding: nil, aliases: aliases, name: nil)
            for report in loaded.reports { reports?.write(report) }
            datasets.append(loaded.dataset)
        }
        return Engine(datasets: datasets, aliases: aliases)
    }

    /// `taskql: datasets haimen (223 tasks), yixing (70 tasks) — .help for help`
    static func banner(for engine: Engine) -> String {
        let parts = engine.summaries.map { "\($0.name) (\($0.taskCount) tasks)" }
        let loaded = parts.isEmpty ? "no datasets loaded" : "datasets " + parts.joined(separator: ", ")
        return "TaskQL — \(loaded) — type .help for help, Ctrl-D to leave"
    }
}
