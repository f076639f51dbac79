import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Converts the formats TaskQL does not parse itself with the program people
/// already use for them: LibreOffice for Word 97–2003 `.doc` and WPS `.wps`
/// (to `.docx`), poppler's `pdftotext -layout` for PDF (to text that keeps
/// the table's columns).
///
/// The program runs with no standard input, in a scratch directory that is
/// removed afterwards, with its own LibreOffice profile (a user's running
/// LibreOffice is not disturbed), and is killed after ``timeLimit`` seconds.
/// When the program is not installed, the error names the Debian package.
struct ExternalConverter: Sendable {
    /// Directories searched for the programs (default: `$PATH`).
    var searchPath: [String]
    /// Seconds a conversion may take.
    var timeLimit: Double = 120

    init(searchPath: [String]? = nil) {
        self.searchPath =
            searchPath
            ?? (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
            .split(separator: ":").map(String.init)
    }

    /// The `.docx` bytes LibreOffice makes of a `.doc` or `.wps` file.
    func docx(fromLegacy bytes: [UInt8], file: String) throws(ImportError) -> [UInt8] {
        guard let soffice = find(["soffice", "libreoffice"]) else {
            throw ImportError(
                code: .unreadableDocument, file: file,
                message: "a Word 97–2003 or WPS document, and LibreOffice is not installed to convert it: "
                    + "install it (Debian: apt-get install libreoffice-writer) or save the file as .docx")
        }
        return try inScratch(bytes, file) { (directory, input) throws(ImportError) -> [UInt8] in
            let profile = URL(fileURLWithPath: directory).appendingPathComponent("profile").absoluteString
            try run(
                soffice,
                [
                    "-env:UserInstallation=\(profile)", "--headless", "--norestore", "--convert-to", "docx",
                    "--outdir", directory, input,
                ], file: file)
            let output = (input as NSString).deletingPathExtension + ".docx"
            guard let data = FileManager.default.contents(atPath: output) else {
                throw ImportError(
                    code: .unreadableDocument, file: file, message: "LibreOffice could not convert the file to .docx")
            }
            return [UInt8](data)
        }
    }

    /// The text `pdftotext -layout` makes of a PDF file.
    func text(fromPDF bytes: [UInt8], file: String) throws(ImportError) -> [UInt8] {
        guard let pdftotext = find(["pdftotext"]) else {
            throw ImportError(
                code: .unreadableDocument, file: file,
                message: "a PDF file, and pdftotext is not installed to read it: install poppler "
                    + "(Debian: apt-get install poppler-utils), or import the text")
        }
        return try inScratch(bytes, file) { (directory, input) throws(ImportError) -> [UInt8] in
            let output = (directory as NSString).appendingPathComponent("out.txt")
            try run(pdftotext, ["-layout", "-enc", "UTF-8", input, output], file: file)
            guard let data = FileManager.default.contents(atPath: output) else {
                throw ImportError(code: .unreadableDocument, file: file, message: "pdftotext could not read the PDF")
            }
            return [UInt8](data)
        }
    }

    // MARK: Running

    private func find(_ names: [String]) -> String? {
        for name in names {
            for directory in searchPath where !directory.isEmpty {
                let path = (directory as NSString).appendingPathComponent(name)
                if access(path, X_OK) == 0 { return path }
            }
        }
        return nil
    }

    /// Writes `bytes` into a new scratch directory as the input file, runs
    /// `body`, and removes the directory whatever happens.
    private func inScratch(
        _ bytes: [UInt8], _ file: String, _ body: (String, String) throws(ImportError) -> [UInt8]
    ) throws(ImportError) -> [UInt8] {
        var template = Array((NSTemporaryDirectory() + "taskql-convert-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw ImportError(
                code: .unreadableDocument, file: file, message: "cannot make a scratch directory to convert the file")
        }
        let directory = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let name = (file as NSString).lastPathComponent
        let input = (directory as NSString).appendingPathComponent(name.isEmpty ? "input" : name)
        guard FileManager.default.createFile(atPath: input, contents: Data(bytes)) else {
            throw ImportError(code: .unreadableDocument, file: file, message: "cannot write the file to convert it")
        }
        return try body(directory, input)
    }

    /// Runs a program to its end (no input, output discarded) within the time limit.
    func run(_ program: String, _ arguments: [String], file: String) throws(ImportError) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, program, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw ImportError(
                code: .unreadableDocument, file: file,
                message: "cannot run \(program): \(String(cString: strerror(spawned)))")
        }
        let deadline = Date().addingTimeInterval(timeLimit)
        var status: Int32 = 0
        while true {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { break }
            if done < 0, errno != EINTR { break }
            if Date() > deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw ImportError(
                    code: .unreadableDocument, file: file,
                    message: "\((program as NSString).lastPathComponent) took over \(Int(timeLimit)) s; stopped")
            }
            usleep(20_000)
        }
        let exited = (status & 0x7F) == 0
        let code = (status >> 8) & 0xFF
        guard exited, code == 0 else {
            throw ImportError(
                code: .unreadableDocument, file: file,
                message: "\((program as NSString).lastPathComponent) failed (status \(code)) converting the file")
        }
    }
}
