import TaskQL

/// A file that could not be read or written, as the user named it.
package struct InputFileError: Error, CustomStringConvertible {
    package var path: String
    package var reason: String
    package var description: String { "\(path): \(reason)" }

    /// The library's import error, keeping its line or byte offset.
    package init(_ error: ImportError) {
        if let line = error.line, let column = error.column {
            path = "\(error.file):\(line):\(column)"
        } else if let line = error.line {
            path = "\(error.file):\(line)"
        } else if let offset = error.byteOffset {
            path = "\(error.file): byte \(offset)"
        } else {
            path = error.file
        }
        reason = error.message
    }

    package init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}
