import Foundation
import Testing

@testable import TaskQL

/// Ctrl-C during a long `load` (issue 13.8): the dataset file reader stops
/// within a few thousand lines, the statement fails with E0404, and the
/// session keeps the datasets it had.
@Suite struct LoadCancellationTests {
    /// A headerless dataset file of `count` tasks.
    static func writeDatasetFile(_ count: Int) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("many.jsonl").path
        let lines = (1...count).map { n in
            #"{"id":"many-\#(n)","dataset":"many","city":"海门","year":2020,"kind":"key","number":"\#(n)","text":"任务\#(n)","leaders":[],"lead_units":["发改委"],"co_units":[],"deadline":"年底前","due":"2020-12-31","source":"many.txt:\#(n)"}"#
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aCancelledLoadFailsWithE0404AndKeepsTheSession() throws {
        let path = try Self.writeDatasetFile(20_000)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        var options = EngineOptions()
        options.allowFileAccess = true
        let session = Session(engine: Engine(datasets: [], options: options))
        let cancelled = CancellationHandle()
        cancelled.cancel()
        #expect {
            try session.execute(SourceText(name: "<t>", text: "load \"\(path)\" as many"), cancellation: cancelled)
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.first?.code == .cancelled
        }
        #expect(session.engine.datasetNames.isEmpty, "nothing of the file was kept")
        // The same load, not cancelled, reads every task.
        try session.execute(
            SourceText(name: "<t>", text: "load \"\(path)\" as many"), cancellation: CancellationHandle())
        #expect(session.engine.summaries.first?.taskCount == 20_000)
    }
}
