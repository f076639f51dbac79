import Foundation
import TaskQL

extension Repl {
    /// Runs a `.command` line; false when it failed (message written).
    package func runDotCommand(_ line: String) -> Bool {
        let words = DotCommand.words(line)
        guard let name = words.first, let command = DotCommand.named(name) else {
            return fail("unknown command \(words.first ?? line) (try .help)")
        }
        let arguments = Array(words.dropFirst())
        switch command.name {
        case ".help": return help(arguments.first)
        case ".load": return load(arguments)
        case ".datasets": return showDatasets()
        case ".schema": return showSchema(arguments)
        case ".mode": return setMode(arguments)
        case ".timer": return setTimer(arguments)
        case ".asof": return setAsOf(arguments)
        case ".bail": return setBail(arguments)
        case ".aliases": return showAliases(arguments.first)
        case ".read": return read(arguments)
        case ".output": return setOutput(arguments)
        case ".history": return showHistory()
        case ".headers": return setHeaders(arguments)
        case ".bom": return setByteOrderMark(arguments)
        case ".nullvalue": return setNullValue(arguments)
        case ".maxrows": return setMaxRows(arguments)
        case ".maxwidth": return setMaxWidth(arguments)
        case ".pager": return setPager(arguments)
        case ".last": return showLast(arguments)
        case ".once": return setOnce(arguments)
        case ".param": return param(arguments, line: line)
        default:
            quitRequested = true
            return true
        }
    }

    private func help(_ topic: String?) -> Bool {
        guard let topic else {
            let width = DotCommand.all.map { DisplayWidth.of($0.name + " " + $0.usage) }.max() ?? 0
            let lines = DotCommand.all.map { c in
                let head = c.usage.isEmpty ? c.name : c.name + " " + c.usage
                return head + String(repeating: " ", count: width - DisplayWidth.of(head) + 2) + c.summary
            }
            runner.output.write(lines.joined(separator: "\n") + "\n" + ReplHelp.footer)
            return true
        }
        let catalog = HelpCatalog(engine: runner.session.engine)
        guard let text = ReplHelp.topic(topic, catalog: catalog) else {
            let near = catalog.suggestions(for: topic)
            return fail(
                "no help on '\(topic)'" + (near.isEmpty ? "" : "; did you mean \(near.joined(separator: ", "))?")
                    + "; topics: \(ReplHelp.topics.joined(separator: ", ")), or any stage, function, operator, field, .command or error code"
            )
        }
        runner.output.write(text)
        return true
    }

    /// `.load PATH [as NAME]` runs the language's own `load` statement, so
    /// the REPL and scripts load files the same way.
    private func load(_ arguments: [String]) -> Bool {
        guard arguments.count == 1 || (arguments.count == 3 && arguments[1] == "as") else {
            return fail("usage: .load PATH [as NAME]")
        }
        let path = arguments[0].replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
        let statement = "load \"\(path)\"" + (arguments.count == 3 ? " as \(arguments[2])" : "")
        let ok = runner.run(SourceText(name: "<.load>", text: statement))
        refreshCompletion()
        return ok
    }

    private func showDatasets() -> Bool {
        let rows: [[Value]] = runner.session.engine.summaries.map { s in
            [.string(s.name), .int(s.taskCount), .list(s.cities.map(Value.string))]
        }
        show(QueryResult(columns: ["dataset", "tasks", "cities"], rows: rows))
        return true
    }

    /// `.schema`: every field and extra column; `.schema DATASET`: the
    /// fields and the extra columns that dataset's tasks have.
    private func showSchema(_ arguments: [String]) -> Bool {
        guard arguments.count <= 1 else { return fail("usage: .schema [DATASET]") }
        let engine = runner.session.engine
        var fields = engine.schema
        if let name = arguments.first {
            guard let ofDataset = engine.schema(ofDataset: name) else {
                let loaded = engine.datasetNames.joined(separator: ", ")
                return fail("no dataset '\(name)' is loaded (loaded: \(loaded.isEmpty ? "none" : loaded))")
            }
            fields = ofDataset
        }
        let rows: [[Value]] = fields.map {
            [
                .string($0.name), .string($0.type.description), .string($0.chineseAliases.joined(separator: "、")),
                .string($0.summary),
            ]
        }
        show(QueryResult(columns: ["field", "type", "中文", "meaning"], rows: rows))
        return true
    }

    private func setMode(_ arguments: [String]) -> Bool {
        guard let name = arguments.first else {
            runner.output.writeLine(runner.format.rawValue)
            return true
        }
        guard let format = OutputFormat(rawValue: name) else {
            return fail(
                "unknown mode '\(name)'; modes: \(OutputFormat.allCases.map(\.rawValue).joined(separator: " "))")
        }
        runner.format = format
        if format.isBinary, runner.output.isTerminal {
            runner.errors.writeLine(
                "(xlsx results go to a file: .once FILE.xlsx or .output FILE.xlsx; a file named ….xlsx is a workbook in any mode)"
            )
        }
        return true
    }

    private func setTimer(_ arguments: [String]) -> Bool {
        guard arguments.count == 1, ["on", "off"].contains(arguments[0]) else { return fail("usage: .timer on|off") }
        runner.showsTimer = arguments[0] == "on"
        return true
    }

    /// `.asof 2020-07-01` answers "what was overdue on 1 July"; `.asof
    /// today` goes back to the local date.
    private func setAsOf(_ arguments: [String]) -> Bool {
        guard let argument = arguments.first else {
            let shown = runner.session.asOf.map { "\($0)" } ?? "today (the local date)"
            runner.output.writeLine(shown)
            return true
        }
        guard arguments.count == 1 else { return fail("usage: .asof [DATE|today]") }
        if argument == "today" {
            runner.session.asOf = nil
            return true
        }
        guard let date = CivilDate(iso: argument) else {
            return fail("usage: .asof [DATE|today]; '\(argument)' is not a YYYY-MM-DD date")
        }
        runner.session.asOf = date
        return true
    }

    private func setBail(_ arguments: [String]) -> Bool {
        guard arguments.count == 1, ["on", "off"].contains(arguments[0]) else { return fail("usage: .bail on|off") }
        runner.bailsOnError = arguments[0] == "on"
        return true
    }

    private func showAliases(_ unit: String?) -> Bool {
        let aliases = runner.session.engine.aliases
        if let unit {
            let canonical = aliases.canonical(unit)
            let named = runner.session.engine.unitNames
            // A name neither the alias table nor any loaded task has.
            if !aliases.isKnown(unit), !named.contains(where: { aliases.canonical($0) == canonical }) {
                let similar = named.filter { $0.hasPrefix(unit) || $0.contains(unit) }.prefix(8)
                return fail(
                    "no unit \(unit) is in the loaded tasks or the alias table"
                        + (similar.isEmpty
                            ? "" : "; units with \(unit) in their name: \(similar.joined(separator: "、"))"))
            }
            let spellings = aliases.aliases(of: canonical).filter { $0 != canonical }
            runner.output.writeLine(
                "\(unit) → \(canonical)"
                    + (spellings.isEmpty ? "" : "   (also written: \(spellings.joined(separator: "、")))"))
            return true
        }
        let rows: [[Value]] = runner.session.engine.unitNames.map {
            [.string($0), .string(aliases.canonical($0))]
        }
        show(QueryResult(columns: ["unit", "canonical"], rows: rows))
        return true
    }

    private func read(_ arguments: [String]) -> Bool {
        guard arguments.count == 1 else { return fail("usage: .read FILE") }
        guard readDepth < Self.maximumReadDepth else {
            if readDepth > 0 { abandoned = true }
            return fail(
                ".read nested more than \(Self.maximumReadDepth) deep (does \(sourceName) read \(arguments[0] == sourceName ? "itself" : arguments[0])?)"
            )
        }
        guard let data = FileManager.default.contents(atPath: arguments[0]) else {
            return fail("\(arguments[0]): no such file or not readable")
        }
        guard let text = String(validating: data, as: UTF8.self) else { return fail("\(arguments[0]): not UTF-8 text") }
        let nested = Repl(
            runner: runner, reader: ScriptedLineReader(text: text), sourceName: arguments[0], readDepth: readDepth + 1)
        nested.run()
        quitRequested = nested.quitRequested
        // Too deep ends every `.read` around it, up to the prompt or the script named on the command line.
        if nested.abandoned, readDepth > 0 { abandoned = true }
        return nested.failures == 0
    }

    private func setOutput(_ arguments: [String]) -> Bool {
        guard arguments.count == 1 else { return fail("usage: .output FILE|stdout") }
        if arguments[0] == "stdout" { return runner.redirectOutput(to: .standardOutput()) }
        do {
            return runner.redirectOutput(to: try OutputSink(creatingFileAt: arguments[0]))
        } catch {
            return fail(error.description)
        }
    }

    private func showHistory() -> Bool {
        for (index, entry) in reader.historyEntries.enumerated() {
            let lines = entry.split(separator: "\n", omittingEmptySubsequences: false)
            runner.output.writeLine(String(format: "%5d  ", index + 1) + lines.joined(separator: "\n       "))
        }
        return true
    }

    func show(_ result: QueryResult) {
        runner.output.write(runner.formatter.render(result))
    }

    /// Reports a failed dot-command; in a script (a start-up file, `run`,
    /// `.read`) the next line says where, as a statement's diagnostic does.
    func fail(_ message: String) -> Bool {
        let location = reader.isInteractive ? "" : "\n --> \(sourceName):\(lineNumber)"
        runner.errors.writeLine("error: \(message)" + location)
        return false
    }
}
