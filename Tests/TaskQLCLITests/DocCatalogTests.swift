import Foundation
import Testing

/// Issue 10: the public surface is the facade the DocC catalog curates.
/// Every top-level public type is listed in the catalog's topics, and the
/// catalog names no type that is not public (`make docs` also fails on a
/// link to a symbol that is not public).
@Suite struct DocCatalogTests {
    static let root = ExampleScriptsTests.packageRoot

    /// Top-level `public` type declarations in Sources/TaskQL.
    static func publicTypes() throws -> Set<String> {
        let sources = root.appendingPathComponent("Sources/TaskQL")
        let files = try #require(FileManager.default.enumerator(atPath: sources.path))
        var names: Set<String> = []
        let declaration = #/^public (?:final |indirect )?(?:struct|enum|class|protocol|actor) ([A-Za-z]+)/#
        for case let file as String in files where file.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                if let match = line.firstMatch(of: declaration) { names.insert(String(match.output.1)) }
            }
        }
        return names
    }

    @Test func theCatalogCuratesEveryPublicTypeAndNoOther() throws {
        let catalog = try String(
            contentsOf: Self.root.appendingPathComponent("Sources/TaskQL/TaskQL.docc/TaskQL.md"), encoding: .utf8)
        let topics = try #require(catalog.range(of: "## Topics")).upperBound
        let listed = Set(catalog[topics...].matches(of: #/- ``([A-Za-z]+)``/#).map { String($0.output.1) })
        let types = try Self.publicTypes()
        #expect(
            types.subtracting(listed).isEmpty, "public but not in the catalog: \(types.subtracting(listed).sorted())")
        #expect(
            listed.subtracting(types).isEmpty, "in the catalog but not public: \(listed.subtracting(types).sorted())")
        // About a dozen main types and the values they take and give: a
        // new public type is a decision, made here.
        #expect(types.count <= 40, "\(types.count) public types")
    }
}
