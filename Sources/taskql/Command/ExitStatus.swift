import ArgumentParser
import TaskQLShell

/// Exit statuses, in the BSD `sysexits.h` tradition (as jlox and sqlite3 do).
enum ExitStatus {
    /// Everything ran.
    static let success: Int32 = 0
    /// Bad command line (unknown flag, bad `--param`, bad `--format`).
    static let usage: Int32 = 64
    /// A query failed to parse, check or run.
    static let queryError: Int32 = 65
    /// An input file is missing, unreadable, undecodable or not a document.
    static let inputError: Int32 = 66
    /// The database of `--db` could not be reached, or refused the login
    /// (`EX_UNAVAILABLE`).
    static let unavailable: Int32 = 69
    /// Output could not be written: a full disk, `> /dev/full`, an
    /// `.output` or `import -o` file that cannot be written (`EX_IOERR`).
    static let outputError: Int32 = 74

    /// Text for `--help`.
    static let helpText = """
        Exit status: 0 success, 64 usage error, 65 query error (parse, check \
        or run time), 66 input file error (missing, undecodable, unrecognised \
        document), 69 database unreachable (--db), 74 output error (results or a file could not be written, \
        e.g. a full disk). Messages go to stderr with file:line:col; results to stdout.
        """

    /// The status a script run ends with: an output error first (nothing
    /// after it was written), then a failed statement; nil when all went well.
    static func afterScript(failures: Int, runner: StatementRunner) -> ExitCode? {
        if runner.outputFailures > 0 { return .outputError }
        return failures > 0 ? .queryError : nil
    }
}

extension ExitCode {
    static let queryError = ExitCode(ExitStatus.queryError)
    static let inputError = ExitCode(ExitStatus.inputError)
    static let usageError = ExitCode(ExitStatus.usage)
    static let outputError = ExitCode(ExitStatus.outputError)
    static let unavailable = ExitCode(ExitStatus.unavailable)
}
