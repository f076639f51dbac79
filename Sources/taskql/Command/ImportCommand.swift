import ArgumentParser
import Foundation
import TaskQL

/// `taskql import DOC… -o FILE.jsonl [--encoding gb18030]`
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        _superCommandName: "taskql",
        abstract: "Turn documents into a dataset file (JSON Lines, one task per line).",
        discussion: """
            Each document's import report (tasks found by kind, fields missing, warnings) \
            goes to stderr. A document that cannot be read or recognised stops the import \
            with exit 66 and nothing is written.

            \(ExitStatus.helpText)
            """)

    @Argument(help: ArgumentHelp("Documents to import (text: UTF-8, UTF-16 or GB18030).", valueName: "document"))
    var documents: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("The dataset file to write.", valueName: "file.jsonl"))
    var output: String

    @Option(help: ArgumentHelp("Text encoding of the documents (default: detected).", valueName: "name"))
    var encoding: String?

    @Option(help: ArgumentHelp("Dataset name (default: the output file's base name).", valueName: "name"))
    var name: String?

    @Option(help: ArgumentHelp("Extra unit aliases: a file of `alias = canonical` lines.", valueName: "file"))
    var aliases: String?

    func run() throws {
        Terminal.prepareLocale()
        let errors = OutputSink.standardError()
        let datasetName = name ?? URL(fileURLWithPath: output).deletingPathExtension().lastPathComponent
        do {
            let aliasTable = try EngineSetup.aliases(path: aliases)
            var records: [TaskRecord] = []
            var documentsRead: [DocumentInfo] = []
            for path in documents {
                let loaded = try DataFiles.load(path: path, encoding: encoding, aliases: aliasTable, name: datasetName)
                for report in loaded.reports { errors.write(report) }
                records += loaded.dataset.records
                documentsRead += loaded.dataset.documents
            }
            let dataset = Dataset(name: datasetName, documents: documentsRead, records: records)
            try DataFiles.write([dataset], to: output)
            errors.writeLine("wrote \(records.count) tasks to \(output)")
        } catch {
            errors.writeLine("taskql: error: \(error)")
            throw ExitCode.inputError
        }
    }
}
