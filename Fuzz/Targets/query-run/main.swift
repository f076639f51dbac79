// Fuzz target `query-run`: bytes as a TQL script, run statement by
// statement in a session on a small engine (``FuzzEngine``), every result
// rendered in every output format (json and jsonl must parse as JSON). The engine's row and time budgets keep
// each run bounded; `load` is refused (no file access).
import Foundation
import FuzzSupport

@testable import TaskQL

@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let source = SourceText(name: "fuzz.tql", text: FuzzInput(data, size).text)
    let session = Session(engine: FuzzEngine.shared)
    do {
        try session.execute(source, parameters: FuzzEngine.parameters) { outcome in
            guard case .rows(let result) = outcome else { return }
            for row in result.rows {
                FuzzInvariant.require(
                    row.count == result.columns.count,
                    "a row of \(row.count) cells under \(result.columns.count) columns")
            }
            // The first rows show every renderer's cases; all of a large
            // result would only slow the fuzzer down.
            let shown = QueryResult(
                columns: result.columns, rows: Array(result.rows.prefix(100)), isChart: result.isChart)
            for format in OutputFormat.allCases {
                let text = ResultFormatter(format: format, options: .init(terminalWidth: 80, color: true)).render(shown)
                // The machine formats are read by other programs: they must parse.
                if format == .json, !shown.isChart {
                    let parsed = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any]
                    FuzzInvariant.require(parsed?.count == shown.rows.count, "json output does not parse:\n\(text)")
                }
                if format == .xlsx {
                    // Any rows make a workbook: hostile text never breaks one.
                    let bytes = try? ResultFormatter(format: .xlsx).encode(shown)
                    FuzzInvariant.require(bytes?.starts(with: [0x50, 0x4B]) == true, "no workbook for these rows")
                }
                if format == .jsonl, !shown.isChart {
                    for line in text.split(separator: "\n") {
                        let parsed = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                        FuzzInvariant.require(parsed != nil, "a jsonl line does not parse: \(line)")
                    }
                }
            }
        }
    } catch {
        FuzzDiagnostics.check(error.diagnostics, source: source)
    }
    return 0
}

exit(FuzzDriver.run(testOneInput))
