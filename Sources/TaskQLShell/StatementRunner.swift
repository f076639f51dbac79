import Foundation
import TaskQL

/// Runs TQL source through a ``Session`` and writes what it produced:
/// rows through the current ``ResultFormatter`` to the output sink,
/// diagnostics (with `file:line:col`) to stderr. Shared by `-c`, `run`,
/// piped scripts and the REPL; holds the settings dot-commands change.
package final class StatementRunner {
    package let session: Session
    /// Output format (`--format`, `.mode`).
    package var format: OutputFormat
    /// Whether to report each statement's run time on stderr (`.timer`).
    package var showsTimer = false
    /// Whether a script stops at its first error (`--bail`, `.bail on`);
    /// otherwise it reports each error and goes on (see ``Repl``).
    package var bailsOnError = false
    /// Where results go (`.output`, see ``redirectOutput(to:)``).
    package private(set) var output: OutputSink
    /// Where diagnostics go.
    package let errors: OutputSink
    /// `--no-color`: never colour, even on a terminal.
    package let noColor: Bool
    /// `$name` bindings passed to every statement: `--param` on the
    /// command line, `.param set` in the shell.
    package var parameters: [String: Value]
    /// Whether CSV output starts with a UTF-8 byte-order mark, once per
    /// destination (`--bom`, `.bom on`): Excel and WPS read a CSV without
    /// one in the legacy code page, and Chinese comes out as mojibake.
    package var writesByteOrderMark = false
    /// Headers, nulls, row and width limits, paging (dot-commands).
    package var display = DisplaySettings()
    /// Where the next statement's results go instead of ``output`` (`.once
    /// FILE`); closed after that statement.
    package private(set) var onceOutput: OutputSink?
    /// The last result shown, for `.last` (whole, whatever limits cut it).
    package private(set) var lastResult: QueryResult?
    /// Whether Ctrl-C should cancel the running query (REPL on a terminal).
    package let interruptible: Bool
    /// Whether to mention `let` bindings and loads on stderr (REPL only).
    package var chatty: Bool
    /// How many times results could not be written (disk full): a script
    /// stops at the first, and the command exits 74.
    package private(set) var outputFailures = 0
    /// The last pager warning, so a missing `less` is reported once.
    private var lastPagerWarning: String?

    /// A runner writing results to `output` and diagnostics to `errors`
    /// (standard output and error unless given: tests pass files).
    package init(
        session: Session, format: OutputFormat, noColor: Bool, parameters: [String: Value], interactive: Bool,
        output: OutputSink = .standardOutput(), errors: OutputSink = .standardError()
    ) {
        self.session = session
        self.format = format
        self.output = output
        self.errors = errors
        self.noColor = noColor
        self.parameters = parameters
        self.interruptible = interactive
        self.chatty = interactive
    }

    /// Columns of the terminal on stdout, or nil (the executable asks the
    /// terminal; in-process tests have none).
    package var terminalWidth: () -> Int? = { nil }
    /// Lines of the terminal on stdout, or nil: results taller than this go
    /// through the pager (``DisplaySettings/pager``).
    package var terminalHeight: () -> Int? = { nil }

    /// The sink the next result goes to: the `.once` file, else ``output``.
    package var resultSink: OutputSink { onceOutput ?? output }

    /// The formatter for the current sink: width and colour only on a terminal.
    package var formatter: ResultFormatter { formatter(for: resultSink, unlimited: false) }

    /// The formatter for `sink`; `unlimited` (`.last`) shows every row at full width.
    func formatter(for sink: OutputSink, unlimited: Bool) -> ResultFormatter {
        let color = sink.allowsColor(noColorFlag: noColor)
        let width = sink.isTerminal || sink.name == "stdout" ? terminalWidth() : nil
        let options = display.options(terminalWidth: width, color: color, unlimited: unlimited)
        return ResultFormatter(format: format, options: options)
    }

    /// Runs every statement of `source`; false when it failed (the
    /// diagnostics are already written).
    @discardableResult
    package func run(_ source: SourceText) -> Bool {
        let started = DispatchTime.now()
        let cancellation = CancellationHandle()
        // `.once FILE` holds for this one statement (or script text).
        defer { finishOnceOutput() }
        do {
            // Each statement's result is shown as soon as it is ready, so a
            // later statement's error never hides earlier output.
            try execute(source, cancellation: cancellation)
            reportTime(since: started)
            return true
        } catch let error as DiagnosticError {
            if cancellation.isCancelled {
                errors.writeLine("cancelled")
            } else {
                let color = errors.allowsColor(noColorFlag: noColor)
                errors.write(LanguageSupport.render(error, color: color))
            }
        } catch {
            errors.writeLine(cancellation.isCancelled ? "cancelled" : "\(source.name): error: \(error)")
        }
        return false
    }

    private func execute(_ source: SourceText, cancellation: CancellationHandle) throws {
        let run = {
            _ = try self.session.execute(
                source, parameters: self.parameters, cancellation: cancellation, onOutcome: self.show)
        }
        guard interruptible else { return try run() }
        try InterruptSignal.watching(onInterrupt: { cancellation.cancel() }, run)
    }

    private func show(_ outcome: StatementOutcome) {
        switch outcome {
        case .rows(let result):
            lastResult = result
            present(result, unlimited: false)
        case .bound(let name):
            if chatty { errors.writeLine("bound \(name)") }
        case .loaded(let summaries):
            if chatty {
                for summary in summaries { errors.writeLine("loaded \(summary.name): \(summary.taskCount) tasks") }
            }
        case .replaced(let summaries):
            // Also in scripts: what a query sees under that name has changed.
            for summary in summaries {
                errors.writeLine("replaced dataset \(summary.name) (\(summary.taskCount) tasks)")
            }
        }
    }

    /// Writes `result` to the result sink in the current format, through
    /// the pager when it is long and a person is looking (``Pager``).
    /// Seventeen columns do not fit a terminal: tables of whole tasks show
    /// the compact set and say so; other formats keep every field.
    package func present(_ result: QueryResult, unlimited: Bool) {
        let sink = resultSink
        if format == .xlsx || sink.isWorkbookFile {
            // Every field, as rows; written as one workbook when the sink closes.
            guard !sink.isTerminal else {
                errors.writeLine(
                    "taskql: error: xlsx output is a file, not text for a terminal: .once FILE.xlsx, .output FILE.xlsx, or redirect (> FILE.xlsx)"
                )
                outputFailures += 1
                return
            }
            sink.addSheet(result)
            return
        }
        let formatter = formatter(for: sink, unlimited: unlimited)
        let text: String
        if result.isWholeTasks, [.table, .box, .markdown].contains(format) {
            text = formatter.render(result.projected(onto: Engine.compactColumns))
            if chatty || sink.isTerminal {
                errors.writeLine(
                    "(showing \(Engine.compactColumns.count) of \(result.columns.count) columns: `select` others, or `.mode line` for every field)"
                )
            }
        } else {
            text = formatter.render(result)
        }
        if format == .csv, writesByteOrderMark, !sink.hasWritten, !text.isEmpty { sink.write("\u{FEFF}") }
        guard sink.isTerminal, let pager = pagerCommand(for: text) else { return sink.write(text) }
        do {
            try Pager.show(text, command: pager)
        } catch {
            if error.description != lastPagerWarning { errors.writeLine("warning: \(error); showing the result here") }
            lastPagerWarning = error.description
            sink.write(text)
        }
    }

    /// The pager to show `text` with, or nil to write it directly: by
    /// ``DisplaySettings/pager``, the terminal's height and the environment.
    private func pagerCommand(for text: String) -> String? {
        switch display.pager {
        case .off: return nil
        case .on: break
        case .auto:
            // The prompt takes a line too.
            guard let height = terminalHeight(), text.utf8.count(where: { $0 == 0x0A }) >= height else { return nil }
        }
        return Pager.command(environment: ProcessInfo.processInfo.environment)
    }

    /// Sends the results of the next statement only to `sink` (`.once`).
    package func sendNextResults(to sink: OutputSink) {
        finishOnceOutput()
        onceOutput = sink
    }

    /// Closes the `.once` file after its statement, reporting a failed write.
    package func finishOnceOutput() {
        guard let once = onceOutput else { return }
        onceOutput = nil
        once.close()
        if let message = once.takeWriteFailure() {
            errors.writeLine("taskql: error: \(message)")
            outputFailures += 1
        }
    }

    /// Reports on stderr, once, that results could not be written to the
    /// current output; true when it did (the statement that wrote them failed).
    package func reportOutputFailure() -> Bool {
        guard let message = output.takeWriteFailure() else { return false }
        errors.writeLine("taskql: error: \(message)")
        outputFailures += 1
        return true
    }

    /// Sends results to `sink` from now on (`.output`), closing a file used
    /// before; false when that file could not be written completely.
    package func redirectOutput(to sink: OutputSink) -> Bool {
        let ok = finishOutput()
        output = sink
        return ok
    }

    /// Closes a results file at the end of a run (`.output FILE` still in
    /// effect); false, after a message, when it could not be written.
    @discardableResult
    package func finishOutput() -> Bool {
        output.close()
        return !reportOutputFailure()
    }

    private func reportTime(since start: DispatchTime) {
        guard showsTimer else { return }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        errors.writeLine(String(format: "time: %.3f s", seconds))
    }
}
