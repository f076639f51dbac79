import ArgumentParser

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

    /// Text for `--help`.
    static let helpText = """
        Exit status: 0 success, 64 usage error, 65 query error (parse, check \
        or run time), 66 input file error (missing, undecodable, unrecognised \
        document). Messages go to stderr with file:line:col; results to stdout.
        """
}

extension ExitCode {
    static let queryError = ExitCode(ExitStatus.queryError)
    static let inputError = ExitCode(ExitStatus.inputError)
    static let usageError = ExitCode(ExitStatus.usage)
}
