import ArgumentParser
import Foundation
import TaskQL
import TaskQLShell

/// `taskql import DOC… -o FILE.jsonl [--encoding gb18030]`
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        _superCommandName: "taskql",
        abstract: "Turn documents into a dataset file (JSON Lines, one task per line).",
        discussion: """
            Each document's import report (tasks found by kind, fields missing, warnings) \
            goes to stderr. A document that cannot be read or recognised stops the import \
            with exit 66 and nothing is written; an output file that cannot be written \
            (a full disk) exits 74 and leaves an earlier file of that name as it was.

            \(ExitStatus.helpText)
            """)

    @Argument(help: ArgumentHelp("Documents to import (text: UTF-8, UTF-16 or GB18030).", valueName: "document"))
    var documents: [String]

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("The dataset file to write (`-` for standard output).", valueName: "file.jsonl"))
    var output: String

    @Option(help: ArgumentHelp("Text encoding of the documents (default: detected).", valueName: "name"))
    var encoding: String?

    @Option(
        help: ArgumentHelp(
            "One dataset name for all documents (default: one dataset per document, named after its city).",
            valueName: "name"))
    var name: String?

    @Option(help: ArgumentHelp("Extra unit aliases: a file of `canonical = alias, alias` lines.", valueName: "file"))
    var aliases: String?

    func run() throws {
        Terminal.prepareLocale()
        let errors = OutputSink.standardError()
        do {
            let aliasTable = try EngineSetup.aliases(path: aliases)
            var textEncoding: TextEncodingName?
            if let encoding {
                guard let known = TextEncodingName(name: encoding) else {
                    errors.writeLine(
                        "taskql: error: unknown encoding '\(encoding)' (known: \(TextEncodingName.allCases.map(\.rawValue).joined(separator: ", ")))"
                    )
                    throw ExitCode.usageError
                }
                textEncoding = known
            }
            if let name, let problem = DatasetName.problem(name) {
                errors.writeLine("taskql: error: --name '\(name)' cannot be used in queries: \(problem)")
                throw ExitCode.usageError
            }
            if output != "-", let input = documents.first(where: { Self.isSameFile($0, output) }) {
                errors.writeLine(
                    "taskql: error: -o \(output) is the input document \(input); it would be overwritten, choose another file"
                )
                throw ExitCode.usageError
            }
            // The load rule of `taskql FILE…`: one city's documents join, a
            // document named twice is imported once, and a task id is never
            // written twice.
            var builder = EngineBuilder(aliases: aliasTable)
            for path in Self.inputs(documents, writing: output) {
                do {
                    let load = try builder.load(path, encoding: textEncoding, datasetName: name)
                    for report in load.reports { errors.write(report.rendered()) }
                    for replaced in load.replaced {
                        errors.writeLine(
                            "replaced dataset \(replaced) (\(builder.taskCount(ofDataset: replaced)) tasks)")
                    }
                } catch {
                    throw InputFileError(error)
                }
            }
            let datasets = builder.build().datasets
            do {
                // `-o -` writes to standard output, as `-` means in every shell tool.
                try DatasetFile.write(datasets, to: output == "-" ? "/dev/stdout" : output)
            } catch {
                // The documents were fine; the output is what failed.
                errors.writeLine("taskql: error: \(InputFileError(error))")
                throw ExitCode.outputError
            }
            let total = datasets.reduce(0) { $0 + $1.records.count }
            errors.writeLine(
                "wrote \(total) tasks in \(datasets.count) dataset(s) to \(output == "-" ? "standard output" : output)")
        } catch let exit as ExitCode {
            throw exit
        } catch {
            errors.writeLine("taskql: error: \(error)")
            throw ExitCode.inputError
        }
    }

    /// Whether two paths name one file (same device and inode), so that an
    /// import never writes over the document it reads.
    /// The files to import: a directory stands for its documents and
    /// dataset files, less the one being written (importing a folder again,
    /// with last time's dataset file in it, reads the documents, not the
    /// output). A path the loader cannot expand stays, to report its error.
    static func inputs(_ paths: [String], writing output: String) -> [String] {
        paths.flatMap { path -> [String] in
            guard let files = try? DatasetLoader.files(at: path), files != [path] else { return [path] }
            let kept = files.filter { !isSameFile($0, output) }
            return kept.isEmpty ? [path] : kept
        }
    }

    static func isSameFile(_ a: String, _ b: String) -> Bool {
        var first = stat()
        var second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }
}
