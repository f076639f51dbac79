import ArgumentParser
import Foundation
import TaskQL
import TaskQLShell

/// `taskql fmt [SCRIPT…] [--check | -i]`
struct FormatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        _superCommandName: "taskql",
        abstract: "Print TQL scripts in the canonical layout, keeping comments and dot-commands.",
        discussion: """
            Prints each script formatted to stdout (no script, or `-`, reads stdin). With \
            --check, prints the names of the scripts that are not formatted instead; with \
            -i, rewrites them in place (atomically; a symbolic link's target is rewritten; \
            anything but a regular file you own and may write is refused). A script that \
            does not parse is never rewritten: its errors go to stderr.

            A pipeline stays on one line when it fits in 80 columns (a Chinese character \
            takes two), else each stage goes on its own line starting with `| `; comments \
            stay with the code they were written beside.

            Exit status: 0 success (with --check: every script is formatted), 1 with \
            --check: some script is not formatted, 64 usage error, 65 a script does not \
            parse, 66 input file error (missing, unreadable, not UTF-8, not a regular file \
            of yours to rewrite), 74 output error (stdout or a rewritten file could not be \
            written); with several scripts, the worst of these.
            """)

    /// `--check` found a script that is not formatted (as `prettier --check`).
    static let notFormatted = ExitCode(1)

    @Argument(help: ArgumentHelp("Scripts to format (none, or `-`, reads stdin).", valueName: "script"))
    var scripts: [String] = []

    @Flag(help: "Print the names of the scripts that are not formatted, and exit 1 if there are any.")
    var check = false

    @Flag(name: [.customShort("i"), .customLong("in-place")], help: "Rewrite the scripts that are not formatted.")
    var inPlace = false

    func validate() throws {
        if check && inPlace { throw ValidationError("--check and --in-place cannot be combined") }
        if inPlace && (scripts.isEmpty || scripts.contains("-")) {
            throw ValidationError("--in-place rewrites files; standard input cannot be rewritten")
        }
    }

    /// How formatting one script ended; the exit status is the worst.
    enum Outcome: Int, Comparable {
        case formatted = 0
        case notFormatted
        case parseError
        case inputError
        case outputError

        static func < (a: Outcome, b: Outcome) -> Bool { a.rawValue < b.rawValue }
    }

    func run() throws {
        Terminal.prepareLocale()
        let output = OutputSink.standardOutput()
        var worst = (scripts.isEmpty ? ["-"] : scripts).map { format($0, to: output) }.max() ?? .formatted
        if let failure = output.takeWriteFailure() {
            OutputSink.standardError().writeLine("taskql: error: \(failure)")
            worst = .outputError
        }
        switch worst {
        case .formatted: return
        case .notFormatted: throw Self.notFormatted
        case .parseError: throw ExitCode.queryError
        case .inputError: throw ExitCode.inputError
        case .outputError: throw ExitCode.outputError
        }
    }

    /// Formats one script, printing (to `output`), listing or rewriting it.
    func format(_ path: String, to output: OutputSink) -> Outcome {
        let errors = OutputSink.standardError()
        let name = path == "-" ? "<stdin>" : path
        let text: String
        do {
            text = try Self.read(path)
        } catch {
            errors.writeLine("taskql: error: \(error)")
            return .inputError
        }
        let formatted: String
        do {
            formatted = try QueryFormatter().format(SourceText(name: name, text: text))
        } catch {
            let color = errors.allowsColor(noColorFlag: false)
            errors.write(LanguageSupport.render(error, color: color))
            return .parseError
        }
        let changed = formatted != text
        if check {
            if changed { output.writeLine(name) }
            return changed ? .notFormatted : .formatted
        }
        guard inPlace else {
            output.write(formatted)
            return .formatted
        }
        guard changed else { return .formatted }
        return rewrite(path, with: formatted)
    }

    /// Replaces the script with its formatted text, atomically
    /// (``FileReplacement``), keeping its permissions; a file the user may
    /// not write is refused, as renaming would replace it regardless.
    func rewrite(_ path: String, with formatted: String) -> Outcome {
        let errors = OutputSink.standardError()
        var info = stat()
        guard stat(path, &info) == 0, access(path, W_OK) == 0 else {
            errors.writeLine("taskql: error: \(path): not writable; not rewritten")
            return .inputError
        }
        do {
            try FileReplacement.replace(path, with: Array(formatted.utf8), mode: info.st_mode & 0o7777)
        } catch {
            errors.writeLine("taskql: error: \(path): \(error)")
            if case .refused = error { return .inputError }
            return .outputError
        }
        return .formatted
    }

    /// The script's text: stdin for `-`; a missing, unreadable or non-UTF-8
    /// file, a directory or a device (`/dev/zero` has no end) is an error
    /// that says which.
    static func read(_ path: String) throws(InputFileError) -> String {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            var info = stat()
            guard stat(path, &info) == 0 else {
                throw InputFileError(
                    path: path, reason: errno == ENOENT ? "no such file" : String(cString: strerror(errno)))
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: throw InputFileError(path: path, reason: "is a directory, not a script")
            case S_IFCHR, S_IFBLK, S_IFSOCK: throw InputFileError(path: path, reason: "is a device, not a script")
            default: break
            }
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw InputFileError(path: path, reason: "not readable")
            }
            data = contents
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw InputFileError(path: path == "-" ? "<stdin>" : path, reason: "not valid UTF-8")
        }
        return text
    }
}
