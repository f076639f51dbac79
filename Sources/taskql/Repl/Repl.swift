import TaskQL

/// The read–eval–print loop on a ``LineReader``: collects lines until the
/// statement is complete (the language decides, not guesswork), runs it,
/// records it in the history as one entry, and handles dot-commands.
/// Bad input gives a message and a fresh prompt; only end of input or
/// `.quit` ends the loop.
final class Repl {
    static let prompt = "taskql> "
    static let continuationPrompt = "   ...> "

    let runner: StatementRunner
    let reader: LineReader
    /// Name in diagnostics: `<repl>`, `<stdin>` or the `.read` file.
    let sourceName: String
    /// Statements (and unreadable lines) that failed.
    private(set) var failures = 0
    /// Set by `.quit`.
    var quitRequested = false
    /// Lines read so far (diagnostics in scripts point at the real line).
    private var lineNumber = 0

    init(runner: StatementRunner, reader: LineReader, sourceName: String) {
        self.runner = runner
        self.reader = reader
        self.sourceName = sourceName
    }

    /// Runs until end of input or `.quit`.
    func run() {
        refreshCompletion()
        var pending: [String] = []
        var firstLine = 1
        while !quitRequested {
            if reader.isInteractive { completionEarlierLines = pending.map { $0 + "\n" }.joined() }
            let input = reader.readLine(prompt: pending.isEmpty ? Self.prompt : Self.continuationPrompt)
            switch input {
            case .end:
                if !pending.isEmpty { submit(pending.joined(separator: "\n"), firstLine: firstLine) }
                return
            case .interrupted:
                pending = []
            case .unreadable(let message):
                lineNumber += 1
                runner.errors.writeLine("error: \(message)")
                failures += 1
                pending = []
            case .line(let text):
                lineNumber += 1
                if pending.isEmpty {
                    if isBlank(text) { continue }
                    if text.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix(".") {
                        reader.recordHistory(text)
                        if !runDotCommand(text) { failures += 1 }
                        continue
                    }
                    firstLine = lineNumber
                }
                pending.append(text)
                let statement = pending.joined(separator: "\n")
                if LanguageSupport.isIncomplete(statement) { continue }
                pending = []
                submit(statement, firstLine: firstLine)
            }
        }
    }

    /// Runs one complete statement and records it as one history entry.
    private func submit(_ statement: String, firstLine: Int) {
        reader.recordHistory(statement)
        // Scripts: pad with line breaks so that diagnostics name the line
        // in the whole input, not in the statement.
        let padding = reader.isInteractive ? "" : String(repeating: "\n", count: max(0, firstLine - 1))
        if !runner.run(SourceText(name: sourceName, text: padding + statement)) { failures += 1 }
        refreshCompletion()
    }

    /// Tells tab completion about new names (`let`, loaded datasets).
    func refreshCompletion() {
        guard reader.isInteractive else { return }
        activeCompletionProvider = CompletionProvider(vocabulary: vocabulary())
    }

    func vocabulary() -> CompletionVocabulary {
        let engine = runner.session.engine
        return CompletionVocabulary(
            keywords: LanguageSupport.keywords, stages: LanguageSupport.stages, fields: engine.fieldNames,
            functions: engine.functionNames,
            sources: ["tasks"] + engine.summaries.map(\.name) + runner.session.boundNames,
            parameters: runner.parameters.keys.sorted(), units: engine.unitNames,
            leaders: engine.leaderNames, dotCommands: DotCommand.all.map(\.name))
    }

    private func isBlank(_ text: String) -> Bool {
        text.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
    }
}
