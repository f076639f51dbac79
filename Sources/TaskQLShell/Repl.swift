import TaskQL

/// The read–eval–print loop on a ``LineReader``: collects lines until the
/// statement is complete (the language decides, not guesswork), runs it,
/// records it in the history as one entry, and handles dot-commands.
/// Bad input gives a message and a fresh prompt; only end of input or
/// `.quit` ends the loop.
package final class Repl {
    package static let prompt = "taskql> "
    package static let continuationPrompt = "   ...> "

    package let runner: StatementRunner
    package let reader: LineReader
    /// Name in diagnostics: `<repl>`, `<stdin>` or the `.read` file.
    package let sourceName: String
    /// Statements (and unreadable lines) that failed.
    package private(set) var failures = 0
    /// Set by `.quit`.
    package var quitRequested = false
    /// How many `.read`s this loop runs inside (0: the prompt, or the script
    /// the command line named).
    package let readDepth: Int
    /// The field values offered inside strings, kept while the engine is the
    /// same (one pass over a million tasks per statement would slow the prompt).
    private var fieldValueCache: (engine: Engine, values: [String: [String]])?
    /// Most `.read`s inside one another: a script that reads itself would
    /// otherwise recurse until the stack overflows.
    package static let maximumReadDepth = 16
    /// Set when a `.read` nested too deep: every `.read` around it ends too
    /// (a file that reads itself twice would otherwise report 2¹⁶ times).
    package var abandoned = false
    /// Whether the first failing statement or dot-command ends the loop.
    /// One rule for all input that is not typed at the prompt (`run`, `-c`,
    /// piped stdin, `.read`), as in sqlite3: report each error and go on,
    /// unless `--bail` or `.bail on` asks to stop. A person at the prompt is
    /// never stopped.
    private var stopsAtFirstError: Bool { !reader.isInteractive && runner.bailsOnError }
    /// `.quit` was given, or an error stops a script. Results that cannot
    /// be written (disk full) stop any script: what follows would be lost too.
    private var finished: Bool {
        quitRequested || abandoned || (stopsAtFirstError && failures > 0)
            || (!reader.isInteractive && runner.outputFailures > outputFailuresAtStart)
    }
    /// ``StatementRunner/outputFailures`` when this loop started (a `.read`
    /// in a REPL starts its own loop on the REPL's runner).
    private let outputFailuresAtStart: Int
    /// Lines read so far (diagnostics in scripts point at the real line).
    package private(set) var lineNumber = 0

    package init(runner: StatementRunner, reader: LineReader, sourceName: String, readDepth: Int = 0) {
        self.runner = runner
        self.reader = reader
        self.sourceName = sourceName
        self.readDepth = readDepth
        outputFailuresAtStart = runner.outputFailures
    }

    /// Runs until end of input or `.quit`.
    package func run() {
        refreshCompletion()
        var pending: [String] = []
        var firstLine = 1
        // From a script (not a person), a complete statement waits for the
        // next line that is not blank or a comment: one that starts with `|`
        // continues it, as the language's line rules say (`LineLayout`).
        var waiting = false
        func submitPending() {
            if !pending.isEmpty { submit(pending.joined(separator: "\n"), firstLine: firstLine) }
            pending = []
            waiting = false
        }
        while !finished {
            if reader.isInteractive { reader.setPendingLines(pending.map { $0 + "\n" }.joined()) }
            let input = reader.readLine(prompt: pending.isEmpty ? Self.prompt : Self.continuationPrompt)
            switch input {
            case .end:
                submitPending()
                return
            case .interrupted:
                pending = []
            case .unreadable(let message):
                submitPending()
                lineNumber += 1
                runner.errors.writeLine("error: \(message)")
                failures += 1
            case .line(let text):
                lineNumber += 1
                let start = text.drop { $0 == " " || $0 == "\t" }
                if waiting {
                    if isBlank(text) || start.hasPrefix("#") || start.hasPrefix("|") {
                        pending.append(text)
                        waiting = !LanguageSupport.isIncomplete(pending.joined(separator: "\n"))
                        continue
                    }
                    submitPending()
                    if finished { return }
                }
                if pending.isEmpty {
                    if isBlank(text) { continue }
                    if start.hasPrefix(".") {
                        reader.recordHistory(text)
                        let ran = runDotCommand(text)
                        if runner.reportOutputFailure() || !ran { failures += 1 }
                        continue
                    }
                    firstLine = lineNumber
                }
                pending.append(text)
                if LanguageSupport.isIncomplete(pending.joined(separator: "\n")) { continue }
                if reader.isInteractive {
                    submitPending()
                } else {
                    waiting = true
                }
            }
        }
    }

    /// Runs one complete statement and records it as one history entry.
    private func submit(_ statement: String, firstLine: Int) {
        reader.recordHistory(statement)
        // Scripts: diagnostics name the line in the whole input, not in the
        // statement.
        let source = SourceText(name: sourceName, text: statement, firstLine: reader.isInteractive ? 1 : firstLine)
        let ran = runner.run(source)
        if runner.reportOutputFailure() || !ran { failures += 1 }
        refreshCompletion()
    }

    /// Tells tab completion about new names (`let`, loaded datasets).
    package func refreshCompletion() {
        guard reader.isInteractive else { return }
        reader.updateCompletion(
            CompletionProvider(vocabulary: vocabulary(), fileNames: { FileNameCompletion.candidates($0) }))
    }

    package func vocabulary() -> CompletionVocabulary {
        let engine = runner.session.engine
        return CompletionVocabulary(
            keywords: LanguageSupport.keywords, stages: LanguageSupport.stages, fields: engine.fieldNames,
            functions: engine.functionNames,
            sources: ["tasks"] + engine.summaries.map(\.name) + runner.session.boundNames,
            datasets: engine.summaries.map(\.name),
            parameters: runner.parameters.keys.sorted(), units: engine.unitNames,
            leaders: engine.leaderNames, dotCommands: DotCommand.all.map(\.name), fieldValues: fieldValues(engine),
            dotCommandArguments: dotCommandArguments(engine))
    }

    /// ``Engine/fieldValues(limit:)`` of `engine`, computed once per engine.
    private func fieldValues(_ engine: Engine) -> [String: [String]] {
        // The cache holds the engine, so no other engine can take its identity.
        if let cache = fieldValueCache, cache.engine === engine { return cache.values }
        let values = engine.fieldValues()
        fieldValueCache = (engine, values)
        return values
    }

    /// What each dot-command takes, for Tab after it: one row per command.
    func dotCommandArguments(_ engine: Engine) -> [String: DotCommandArgument] {
        let onOff = DotCommandArgument.words(["on", "off"])
        let topics = ReplHelp.topics + DotCommand.all.map(\.name) + LanguageSupport.stages + engine.functionNames
        return [
            ".mode": .words(OutputFormat.allCases.map(\.rawValue)), ".timer": onOff, ".bail": onOff, ".headers": onOff,
            ".bom": onOff, ".pager": .words(DisplaySettings.PagerUse.allCases.map(\.rawValue)),
            ".schema": .words(engine.datasetNames), ".aliases": .words(engine.unitNames), ".help": .words(topics),
            ".asof": .words(["today"]), ".maxrows": .words(["off"]),
            ".param": .words(["set", "unset", "list", "clear"]),
            ".load": .fileName, ".read": .fileName, ".output": .fileName, ".once": .fileName,
        ]
    }

    private func isBlank(_ text: String) -> Bool {
        text.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
    }
}
