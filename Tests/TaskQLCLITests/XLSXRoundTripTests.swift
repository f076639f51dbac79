import Foundation
import Testing

/// Issue 13.7, tested with the program people open the file in: a workbook
/// from `--format xlsx` (one sheet per statement) and from `.once FILE.xlsx`,
/// converted back to CSV by LibreOffice Calc, holds the rows the query
/// gave — Chinese text, dates as dates, numbers, booleans, lists joined
/// with 、, nulls empty.
@Suite(.serialized) struct XLSXRoundTripTests {
    static var soffice: String? {
        ["/usr/bin/soffice", "/usr/bin/libreoffice"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Each sheet of `workbook` as LibreOffice writes it to CSV (UTF-8, as shown).
    static func sheetsAsCSV(_ workbook: URL) throws -> [String] {
        let soffice = try #require(Self.soffice, "LibreOffice Calc is installed by make deps (libreoffice-calc-nogui)")
        let out = try CLIProcess.scratchDirectory()
        let convert = ChildProcess(
            executable: soffice,
            arguments: [
                "-env:UserInstallation=file://\(out.path)/profile", "--headless", "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", out.path,
                workbook.path,
            ], environment: ["PATH": "/usr/bin:/bin", "HOME": out.path, "LANG": "C.UTF-8"], timeout: 120)
        let outcome = try convert.runToEnd()
        #expect(outcome.status == 0, "\(String(decoding: outcome.stderr, as: UTF8.self))")
        let stem = workbook.deletingPathExtension().lastPathComponent
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path)
            .filter { $0.hasPrefix(stem) && $0.hasSuffix(".csv") }.sorted()
        return try files.map { try String(contentsOfFile: out.appendingPathComponent($0).path, encoding: .utf8) }
    }

    /// A JSON cell of the query's rows.
    enum Cell: Decodable {
        case flag(Bool)
        case number(Double)
        case text(String)
        case list([String])
        case empty
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() {
                self = .empty
            } else if let b = try? c.decode(Bool.self) {
                self = .flag(b)
            } else if let n = try? c.decode(Double.self) {
                self = .number(n)
            } else if let t = try? c.decode(String.self) {
                self = .text(t)
            } else {
                self = .list(try c.decode([String].self))
            }
        }

        /// As Calc writes the cell to CSV (as shown; booleans TRUE/FALSE).
        var shown: String {
            switch self {
            case .flag(let b): return b ? "TRUE" : "FALSE"
            case .number(let n): return n == n.rounded() ? String(Int(n)) : String(n)
            case .text(let t):
                return t.contains(",") || t.contains("\"") || t.contains("\n")
                    ? "\"" + t.replacing("\"", with: "\"\"") + "\"" : t
            case .list(let items): return items.joined(separator: "、")
            case .empty: return ""
            }
        }
    }

    /// What a sheet should read as: the query's JSON rows spelled as Calc shows them.
    static func expectedCSV(_ query: String, columns: [String]) throws -> String {
        let json = try CLIProcess.run(["--asof", "2020-07-01", "--format", "json", "-c", query])
        let rows = try JSONDecoder().decode([[String: Cell]].self, from: Data(json.stdout.utf8))
        let lines =
            [columns.joined(separator: ",")]
            + rows.map { row in columns.map { row[$0]?.shown ?? "" }.joined(separator: ",") }
        return lines.map { $0 + "\n" }.joined()
    }

    static let columns = ["id", "due", "late", "share", "leaders", "title", "text"]
    static let query =
        #"tasks | where city == "海门" | take 6 | extend late = overdue(due), share = len(text) / 8 | select id, due, late, share, leaders, title, text"#

    @Test func aWorkbookFromTheCommandLineHasASheetPerStatement() throws {
        let directory = try CLIProcess.scratchDirectory()
        let workbook = directory.appendingPathComponent("海门.xlsx")
        let run = try CLIProcess.run(
            ["--asof", "2020-07-01", "--format", "xlsx", "-c", Self.query + "\ntasks | count by city"],
            stdoutTo: workbook.path)
        #expect(run.status == 0, "\(run.stderr)")
        let sheets = try Self.sheetsAsCSV(workbook)
        #expect(sheets.count == 2)
        guard sheets.count == 2 else { return }
        let expected = try Self.expectedCSV(Self.query, columns: Self.columns)
        #expect(sheets[0] == expected, "\(sheets[0])\nexpected:\n\(expected)")
        #expect(sheets[0].contains("2020-12-31") && sheets[0].contains(",FALSE,") && sheets[0].contains("周国强、姜勇"))
        #expect(sheets[1] == "city,count\n海门,223\n太仓,182\n湖州,106\n宜兴,70\n南通,29\n", "\(sheets[1])")
    }

    /// `.once FILE.xlsx` in a script (as in the REPL): the next result only, as a workbook.
    @Test func onceToAnXLSXFileWritesAWorkbook() throws {
        let directory = try CLIProcess.scratchDirectory()
        let run = try CLIProcess.run(
            ["-c", ".once 进度.xlsx\ntasks | where city == \"宜兴\" | take 3 | select id, lead_units\ntasks | count"],
            in: directory)
        #expect(run.status == 0 && run.stdout.contains("610"), "\(run.stdout) \(run.stderr)")
        let sheets = try Self.sheetsAsCSV(directory.appendingPathComponent("进度.xlsx"))
        #expect(
            sheets == [
                "id,lead_units\nyixing-2020-indicator-1,市发展改革委、市财政局、市税务局\nyixing-2020-indicator-2,市发展改革委、市工业和信息化局\nyixing-2020-indicator-3,市发展改革委、市工业和信息化局\n"
            ], "\(sheets)")
    }

    /// A pipe takes the workbook (a terminal is refused: the tmux test).
    @Test func aPipeTakesTheWorkbook() throws {
        let run = try CLIProcess.run(["--format", "xlsx", "-c", "tasks | count"])
        #expect(run.status == 0 && run.stdout.hasPrefix("PK"), "a pipe takes the workbook")
    }
}
