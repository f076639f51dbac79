import Foundation
import TaskQLShell
import Testing

/// File names after `.load`, `.read`, `.output`, `.once` (issue 13.5).
@Suite struct FileNameCompletionTests {
    @Test func filesDirectoriesHiddenAndSpaces() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("names-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("计划/二级"), withIntermediateDirectories: true)
        for name in ["海门.docx", "haimen.jsonl", ".hidden.tql", "进度 表.html"] {
            FileManager.default.createFile(atPath: root.appendingPathComponent(name).path, contents: Data())
        }
        defer { try? FileManager.default.removeItem(at: root) }
        let base = root.path + "/"
        #expect(
            FileNameCompletion.candidates(base)
                == [
                    base + "haimen.jsonl", base + "海门.docx", base + "计划/", "\"" + base + "进度 表.html\"",
                ].sorted { $0.trimmingCharacters(in: ["\""]) < $1.trimmingCharacters(in: ["\""]) })
        #expect(FileNameCompletion.candidates(base + ".") == [base + ".hidden.tql"])
        #expect(FileNameCompletion.candidates(base + "计划/") == [base + "计划/二级/"])
        #expect(FileNameCompletion.candidates("~/", home: root.path).contains("~/haimen.jsonl"))
        #expect(FileNameCompletion.candidates(base + "nosuch/").isEmpty)
    }
}
