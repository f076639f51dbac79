import Foundation
import Testing

@testable import TaskQL

/// The bundled seed documents, by the number their file name starts with.
enum SeedDocuments {
    static func path(_ number: String) throws -> String {
        let paths = try BundledDatasets.documentPaths()
        return try #require(paths.first { ($0 as NSString).lastPathComponent.hasPrefix(number + "_") })
    }

    static func imported(_ number: String) throws -> ImportedDocument {
        try DocumentImporter().importFile(at: path(number))
    }
}

/// A fixture under `Fixtures/docs`.
enum FixtureDocuments {
    static func path(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/docs/" + name, withExtension: nil))
        return url.path
    }
}

extension Array where Element == TaskRecord {
    func count(_ kind: TaskKind) -> Int { count(where: { $0.kind == kind }) }
    func first(_ kind: TaskKind, number: String) -> TaskRecord? { first { $0.kind == kind && $0.number == number } }
}
