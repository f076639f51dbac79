import Foundation
import TaskQL
import TaskQLShell
import Testing

/// Issue 13.2 and 13.3: the dot-commands sqlite3 and DuckDB users reach
/// for — `.headers`, `.nullvalue`, `.maxrows`, `.maxwidth`, `.last`,
/// `.once`, `.param` — run through the shell as a script would.
@Suite struct DisplayCommandTests {
    @Test func headersOffLeavesTheColumnNamesOut() throws {
        let run = try ReplTests.run([
            ".headers off", "tasks | take 2 | select id", ".headers on", "tasks | take 1 | select id",
        ])
        #expect(run.output == "haimen-2020-key-1\nhaimen-2020-key-2\nid\nhaimen-2020-key-1\n", "\(run.output)")
        #expect(run.failures == 0, "\(run.errors)")
    }

    @Test func nullvalueSpellsNullsInCSVAndTables() throws {
        let run = try ReplTests.run([
            ".nullvalue NULL", "tasks | take 1 | extend d = date(\"x\") | select d", ".mode line",
            "tasks | take 1 | extend d = date(\"x\") | select d", ".nullvalue", ".mode csv",
            "tasks | take 1 | extend d = date(\"x\") | select d",
        ])
        #expect(run.output == "d\nNULL\nd = NULL\nd\n\n", "\(run.output)")
    }

    @Test func maxrowsShowsTheFirstAndLastRowsAndLastShowsThemAll() throws {
        let run = try ReplTests.run([".mode table", ".maxrows 4", "tasks | take 9 | select id", ".last"])
        let (shown, all) = try #require(run.output.split(separator: "(9 rows, 4 shown)\n").map(String.init).pairs)
        #expect(shown.contains("haimen-2020-key-2\n…\nhaimen-2020-key-8\n"), "\(shown)")
        #expect(!shown.contains("haimen-2020-key-3"))
        #expect(all.contains("haimen-2020-key-5") && all.hasSuffix("(9 rows)\n"), "\(all)")
    }

    @Test func maxwidthBoundsEveryTableLine() throws {
        let run = try ReplTests.run([".mode table", ".maxwidth 30", "tasks | take 3 | select id, text"])
        let lines = run.output.split(separator: "\n")
        #expect(lines.count == 6 && lines.allSatisfy { DisplayWidth.of(String($0)) <= 30 }, "\(run.output)")
        let refused = try ReplTests.run([".maxwidth 5", ".maxwidth wide"])
        #expect(refused.failures == 2)
        #expect(refused.errors.contains("at least 10 columns"), "\(refused.errors)")
    }

    @Test func onceSendsOnlyTheNextStatementToTheFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("once-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("first.csv").path
        let run = try ReplTests.run([
            ".once \(file)", "tasks | take 1 | select id", "tasks | where city == \"宜兴\" | count",
        ])
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "id\nhaimen-2020-key-1\n")
        #expect(run.output == "count\n70\n", "\(run.output)")
        let unwritable = try ReplTests.run([".once \(directory.path)/no/such/dir/x.csv"])
        #expect(unwritable.failures == 1 && unwritable.errors.contains("No such file or directory"))
    }

    /// Excel and WPS read a CSV without a byte-order mark in the legacy
    /// code page; with `.bom on` each destination starts with one, once.
    @Test func bomStartsEachCSVDestinationOnce() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bom-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (once, output) = (
            directory.appendingPathComponent("once.csv").path, directory.appendingPathComponent("out.csv").path
        )
        _ = try ReplTests.run([
            ".bom on", ".once \(once)", "tasks | take 1 | select city", ".output \(output)",
            "tasks | take 1 | select city",
            "tasks | take 1 | select city", ".mode json", "tasks | take 1 | select city",
        ])
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let onceBytes = try Array(Data(contentsOf: URL(fileURLWithPath: once)))
        #expect(onceBytes == bom + Array("city\n海门\n".utf8))
        let outputBytes = try Array(Data(contentsOf: URL(fileURLWithPath: output)))
        #expect(
            outputBytes.starts(with: bom + Array("city\n海门\ncity\n海门\n[".utf8)), "one mark, before the first result")
        #expect(outputBytes.dropFirst(3).firstRange(of: bom) == nil)
        let off = try ReplTests.run(["tasks | take 1 | select city"])
        #expect(off.output == "city\n海门\n")
    }

    @Test func paramSetTypesTheValueAndQueriesUseIt() throws {
        let run = try ReplTests.run([
            ".param set leader 吴伟", ".param set $before 2020-07-01", ".param set n 12", ".param set code \"12\"",
            ".param list", "tasks | where leaders has $leader and due < $before | count", ".param unset n",
            ".param unset n", ".param set 1x 3", ".param clear", ".param list",
        ])
        #expect(
            run.output.hasPrefix(
                "parameter,value,type\n$before,2020-07-01,date\n$code,\"\"\"12\"\"\",string\n$leader,\"\"\"吴伟\"\"\",string\n$n,12,integer\n"
            ), "\(run.output)")
        #expect(run.output.hasSuffix("parameter,value,type\n"), "cleared: \(run.output)")
        #expect(run.failures == 2, "\(run.errors)")
        #expect(run.errors.contains("no parameter $n is set"), "\(run.errors)")
        #expect(run.errors.contains("'1x' is not a parameter name"), "\(run.errors)")
    }

    @Test func aParameterSetInTheShellReplacesTheCommandLinesValue() throws {
        // ReplTests.run binds $leader to 周国强 as --param would.
        let run = try ReplTests.run([
            "tasks | where leaders has $leader | count", ".param set leader 吴伟",
            "tasks | where leaders has $leader | count",
        ])
        let counts = run.output.split(separator: "\n").filter { $0 != "count" }
        #expect(counts.count == 2 && counts[0] != counts[1], "\(run.output)")
    }

    @Test func aFailingDotCommandInAScriptSaysWhere() throws {
        let run = try ReplTests.run(["tasks | count", "", ".mode nosuch"], sourceName: "s.tql")
        #expect(run.errors.hasSuffix(" --> s.tql:3\n"), "\(run.errors)")
        let typed = try ReplTests.run([".mode nosuch"], interactive: true)
        #expect(!typed.errors.contains("-->"), "at the prompt the line is the one just typed")
    }
}

extension Array {
    /// The two elements of a two-element array.
    fileprivate var pairs: (Element, Element)? { count == 2 ? (self[0], self[1]) : nil }
}
