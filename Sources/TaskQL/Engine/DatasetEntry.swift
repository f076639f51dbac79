#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One loaded dataset as the engine knows it besides its rows: its name,
/// the documents its tasks came from, and the files it was loaded from (so
/// that loading one of them again is known to be a reload).
struct DatasetEntry: Sendable {
    var name: String
    var documents: [DocumentInfo]
    /// Files loaded into this dataset, in order; empty for datasets added
    /// from memory (``Engine/init(datasets:aliases:options:)``, the bundled seeds).
    var files: [LoadedFile] = []
}

/// A file as the user named it and as the file system resolves it.
struct LoadedFile: Sendable, Equatable {
    /// The path as given (for messages).
    var path: String
    /// The absolute path with symbolic links resolved (to recognise the
    /// same file named two ways); the given path when it cannot be resolved.
    var canonicalPath: String

    init(path: String) {
        self.path = path
        canonicalPath = Self.resolve(path) ?? path
    }

    private static func resolve(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
