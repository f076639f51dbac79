import ArgumentParser
import Foundation
import TaskQL
import TaskQLPostgres
import TaskQLShell

/// `taskql push [FILE…] --db postgres://… [--dataset NAME]…`
struct PushCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        _superCommandName: "taskql",
        abstract: "Put datasets into a PostgreSQL database, for taskql --db.",
        discussion: """
            Loads the files as taskql FILE… does (documents, dataset files; none: the bundled \
            datasets) and writes each dataset into the database with COPY, creating the \
            TaskQL tables where they are missing. A dataset pushed again replaces the old one \
            whole; the push is one transaction, so a failure leaves the database as it was. \
            One line per dataset goes to stderr.

            The database keeps the unit aliases the data was pushed with (the built-in table, \
            plus --aliases FILE); pushing with other aliases into a database that has data is \
            refused.

            Examples:
              taskql push haimen.jsonl yixing.jsonl --db postgres://clerk@db.example/plans
              taskql push 海门.docx --db 'postgres:///plans?host=/var/run/postgresql'

            \(ExitStatus.helpText)
            """)

    @Argument(
        help: ArgumentHelp("Documents or dataset files (default: the bundled datasets).", valueName: "file"))
    var files: [String] = []

    @Option(help: ArgumentHelp("The database (libpq's URL form; PGHOST, PGUSER … fill in the rest).", valueName: "url"))
    var db: String

    @Option(
        name: .customLong("dataset"),
        help: ArgumentHelp("Push only this dataset of the files (repeatable).", valueName: "name"))
    var datasets: [String] = []

    @Option(help: ArgumentHelp("Extra unit aliases: a file of `canonical = alias, alias` lines.", valueName: "file"))
    var aliases: String?

    func run() throws {
        Terminal.prepareLocale()
        let errors = OutputSink.standardError()
        let engine = try TaskQLCommand.session(files: files, aliasesPath: aliases).engine
        if let unknown = datasets.first(where: { !engine.datasetNames.contains($0) }) {
            errors.writeLine(
                "taskql: error: no dataset '\(unknown)' in the files (they hold \(engine.datasetNames.joined(separator: ", ")))"
            )
            throw ExitCode.usageError
        }
        let database: PostgresDatabase
        do {
            database = try PostgresDatabase.connect(url: db)
        } catch {
            errors.writeLine("taskql: error: \(error)")
            throw ExitCode.unavailable
        }
        defer { database.close() }
        do {
            let reports = try database.push(engine, datasets: datasets.isEmpty ? nil : datasets)
            for report in reports {
                errors.writeLine(
                    "pushed \(report.dataset): \(report.tasks) tasks\(report.replaced ? " (replaced the earlier push)" : "")"
                )
            }
        } catch {
            errors.writeLine("taskql: error: push to \(database.displayName) failed, nothing was changed: \(error)")
            throw ExitCode.queryError
        }
    }
}
