import Foundation
import Testing

@testable import TaskQL

/// The load rule (issue 9: the same document loaded twice doubled it with
/// duplicate ids): a task id is loaded once; loading a file again replaces
/// what it loaded; a different file under a taken name joins on the command
/// line (``EngineBuilder``) and is refused in a session (`load`).
@Suite struct LoadRuleTests {
    /// A scratch directory holding `files` (name → datasets), removed by the caller.
    static func directory(_ files: [String: [Dataset]]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rule-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, datasets) in files {
            try DatasetFile.write(datasets, to: directory.appendingPathComponent(name).path)
        }
        return directory
    }

    static func ids(_ engine: Engine) -> [String] {
        engine.datasets.flatMap(\.records).map(\.id)
    }

    @Test func aFileLoadedAgainReplacesItsDataset() throws {
        let directory = try Self.directory(["yixing.jsonl": [EngineFixture.yixing]])
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("yixing.jsonl").path
        var builder = EngineBuilder(aliases: EngineFixture.aliases)
        try builder.load(path)
        try builder.load(directory.path + "/./yixing.jsonl")  // the same file, spelled another way
        #expect(builder.taskCount == 3)
        let engine = builder.build()
        #expect(Self.ids(engine) == ["yx-1", "yx-2", "yx-3"])
        #expect(try builder.load(path).replaced == ["yixing"])
    }

    /// A document and the dataset file imported from it hold the same tasks.
    @Test func theSameTasksFromAnotherFileAreRefused() throws {
        let document = try SeedDocuments.path("001")
        let imported = try DocumentImporter().importFile(at: document).dataset
        let directory = try Self.directory(["yixing.jsonl": [imported]])
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("yixing.jsonl").path
        var builder = EngineBuilder()
        try builder.load(document)
        let error = try #require(throws: ImportError.self) { try builder.load(file) }
        #expect(error.file == file)
        #expect(
            error.message
                == "task 'yixing-2020-indicator-1' is already loaded, in dataset yixing (from \(document)): is this the same document again? A task is loaded once"
        )
        #expect(builder.taskCount == imported.records.count, "nothing of the refused file stays")
    }

    @Test func anIDTwiceInOneFileIsRefused() throws {
        var twice = EngineFixture.yixing
        twice.records[2].id = "yx-1"
        let directory = try Self.directory(["twice.jsonl": [twice]])
        defer { try? FileManager.default.removeItem(at: directory) }
        var builder = EngineBuilder()
        let error = try #require(throws: ImportError.self) {
            try builder.load(directory.appendingPathComponent("twice.jsonl").path)
        }
        #expect(error.message == "task id 'yx-1' occurs twice in the file; a task is loaded once")
        #expect(builder.taskCount == 0)
    }

    /// Two years of one city are one dataset when named together…
    @Test func filesOfOneCityNamedTogetherJoin() throws {
        let directory = try Self.directory([
            "yixing.jsonl": [EngineFixture.yixing], "yixing-2021.jsonl": [EngineFixture.nextYear(EngineFixture.yixing)],
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        var builder = EngineBuilder()
        try builder.load(directory.appendingPathComponent("yixing.jsonl").path)
        try builder.load(directory.appendingPathComponent("yixing-2021.jsonl").path)
        #expect(builder.datasetNames == ["yixing"])
        #expect(builder.taskCount == 6)
        // …and the first cannot be reloaded alone: it is part of a joined dataset.
        let again = directory.appendingPathComponent("yixing.jsonl").path
        let error = try #require(throws: ImportError.self) { try builder.load(again) }
        #expect(
            error.message
                == "\(again) is already loaded in dataset yixing, joined with \(directory.path)/yixing-2021.jsonl; a task is loaded once"
        )
    }

    /// …and in a session a different file under a taken name is refused,
    /// with a free name to load it as.
    @Test func aTakenNameIsRefusedInASession() throws {
        let directory = try Self.directory([
            "yixing.jsonl": [EngineFixture.yixing], "yixing-2021.jsonl": [EngineFixture.nextYear(EngineFixture.yixing)],
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = directory.appendingPathComponent("yixing.jsonl").path
        let second = directory.appendingPathComponent("yixing-2021.jsonl").path
        let session = Session(engine: Engine(datasets: [EngineFixture.haimen], aliases: EngineFixture.aliases))
        try session.execute(SourceText(name: "<t>", text: "load \"\(first)\""))
        let error = try #require(throws: DiagnosticError.self) {
            try session.execute(SourceText(name: "<t>", text: "load \"\(second)\""))
        }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.code == .loadRefused)
        #expect(diagnostic.message == "cannot load '\(second)': dataset 'yixing' is already loaded (from \(first))")
        #expect(diagnostic.help == "load it under another name: load \"\(second)\" as yixing_2021")
        try session.execute(SourceText(name: "<t>", text: "load \"\(second)\" as yixing_2021"))
        #expect(session.engine.datasetNames == ["haimen", "yixing", "yixing_2021"])
        #expect(Set(Self.ids(session.engine)).count == 9)
    }

    /// Datasets given from memory (the bundled seeds) are known by their
    /// documents; loading their tasks again is refused just the same.
    @Test func tasksGivenFromMemoryAreNotLoadedAgain() throws {
        let directory = try Self.directory(["copy.jsonl": [EngineFixture.yixing]])
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("copy.jsonl").path
        let session = Session(engine: EngineFixture.engine)
        let error = try #require(throws: DiagnosticError.self) {
            try session.execute(SourceText(name: "<t>", text: "load \"\(copy)\" as copy"))
        }
        #expect(
            error.diagnostics.first?.message
                == "cannot load '\(copy)': task 'yx-1' is already loaded, in dataset yixing: is this the same document again? A task is loaded once"
        )
        #expect(session.engine.datasetNames == ["haimen", "yixing"])
    }

    /// A dataset file whose header names its dataset `tasks` loads only under another name.
    @Test func aHeaderNameNoQueryCouldUseIsRefused() throws {
        var named = EngineFixture.yixing
        named.name = "tasks"
        let directory = try Self.directory(["all.jsonl": [named]])
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("all.jsonl").path
        var builder = EngineBuilder()
        let error = try #require(throws: ImportError.self) { try builder.load(path) }
        #expect(
            error.message
                == "the file's dataset 'tasks' cannot be queried by that name: it means every loaded task, so the dataset could never be queried on its own"
        )
        let session = Session(engine: Engine(datasets: [EngineFixture.haimen], aliases: EngineFixture.aliases))
        let refused = try #require(throws: DiagnosticError.self) {
            try session.execute(SourceText(name: "<t>", text: "load \"\(path)\""))
        }
        #expect(refused.diagnostics.first?.help == "load it under another name: load \"\(path)\" as all")
        try session.execute(SourceText(name: "<t>", text: "load \"\(path)\" as all"))
        #expect(session.engine.datasetNames == ["haimen", "all"])
    }

    /// A `let` name is looked up before datasets: loading a dataset under
    /// one would make a dataset no query could reach.
    @Test func aLetNameIsNoDatasetName() throws {
        let directory = try Self.directory(["yixing.jsonl": [EngineFixture.yixing]])
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("yixing.jsonl").path
        let session = Session(engine: Engine(datasets: [EngineFixture.haimen], aliases: EngineFixture.aliases))
        try session.execute(SourceText(name: "<t>", text: "let yixing = tasks | where kind == \"key\""))
        let text = "load \"\(path)\""
        let error = try #require(throws: DiagnosticError.self) {
            try session.execute(SourceText(name: "<t>", text: text))
        }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.message == "'yixing' is a let name, which would hide a dataset of that name")
        #expect(diagnostic.help == "load it under another name: load \"\(path)\" as yixing_2")
        #expect(diagnostic.span == SourceSpan(start: 5, end: text.utf8.count))
        #expect(session.engine.datasetNames == ["haimen"])
    }

    /// A reload in a session says so (the REPL prints `replaced dataset …`).
    @Test func aReloadInASessionIsReported() throws {
        let directory = try Self.directory(["yixing.jsonl": [EngineFixture.yixing]])
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("yixing.jsonl").path
        let session = Session(engine: Engine(datasets: [EngineFixture.haimen], aliases: EngineFixture.aliases))
        let outcomes = try session.execute(SourceText(name: "<t>", text: "load \"\(path)\"; load \"\(path)\""))
        guard case .loaded = outcomes.first, case .replaced(let summary) = outcomes.last else {
            Issue.record("\(outcomes)")
            return
        }
        #expect(summary == [DatasetSummary(name: "yixing", taskCount: 3, cities: ["宜兴"])])
        #expect(Self.ids(session.engine) == ["hm-1", "hm-2", "hm-3", "yx-1", "yx-2", "yx-3"])
    }

    /// Issue 10: a directory loads every document and dataset file in it and
    /// its subdirectories, by path, as files named together (two years of
    /// one city join); hidden and other files are skipped; nothing of it
    /// stays when one file fails.
    @Test func aDirectoryLoadsItsFilesNamedTogether() throws {
        let directory = try Self.directory([
            "yixing.jsonl": [EngineFixture.yixing], ".hidden.jsonl": [EngineFixture.haimen],
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let sub = directory.appendingPathComponent("2021")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try DatasetFile.write(
            [EngineFixture.nextYear(EngineFixture.yixing)], to: sub.appendingPathComponent("yixing.jsonl").path)
        try Data("not a document".utf8).write(to: directory.appendingPathComponent("photo.png"))
        var builder = EngineBuilder(aliases: EngineFixture.aliases)
        let load = try builder.load(directory.path, whenNameIsTaken: .refuse)
        #expect(load.datasets == ["yixing"])
        #expect(builder.taskCount(ofDataset: "yixing") == 6)
        #expect(
            try DatasetLoader.files(at: directory.path).map { ($0 as NSString).lastPathComponent } == [
                "yixing.jsonl", "yixing.jsonl",
            ])

        // A broken file in it: an error naming it, and the builder as before.
        try Data("{\"format\": 1\n".utf8).write(to: directory.appendingPathComponent("zz-broken.jsonl"))
        var other = EngineBuilder(aliases: EngineFixture.aliases)
        let error = try #require(throws: ImportError.self) { try other.load(directory.path) }
        #expect(error.file.hasSuffix("zz-broken.jsonl"))
        #expect(other.datasetNames.isEmpty && other.taskCount == 0)

        let empty = directory.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let none = try #require(throws: ImportError.self) { try other.load(empty.path) }
        #expect(none.message.hasPrefix("the directory holds no document or dataset file"))
    }

    /// Issue 10: the caller chooses what a taken name does — join, replace, refuse.
    @Test func aTakenNameJoinsReplacesOrIsRefusedAsTheCallerChooses() throws {
        let directory = try Self.directory([
            "a.jsonl": [EngineFixture.yixing], "b.jsonl": [EngineFixture.nextYear(EngineFixture.yixing)],
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let (a, b) = (
            directory.appendingPathComponent("a.jsonl").path, directory.appendingPathComponent("b.jsonl").path
        )
        for (policy, expected) in [(TakenDatasetName.join, 6), (.replace, 3)] {
            var builder = EngineBuilder(aliases: EngineFixture.aliases)
            try builder.load(a)
            let load = try builder.load(b, whenNameIsTaken: policy)
            #expect(builder.taskCount(ofDataset: "yixing") == expected, "\(policy)")
            #expect(load.replaced == (policy == .replace ? ["yixing"] : []))
        }
        var builder = EngineBuilder(aliases: EngineFixture.aliases)
        try builder.load(a)
        let error = try #require(throws: ImportError.self) { try builder.load(b, whenNameIsTaken: .refuse) }
        #expect(error.message.hasPrefix("dataset 'yixing' is already loaded (from \(a))"))
        #expect(builder.taskCount(ofDataset: "yixing") == 3)
    }
}
