// Fuzz target `query-run`: bytes as a TQL script, run statement by
// statement in a session on a small engine (``FuzzEngine``), every result
// rendered in every output format. The engine's row and time budgets keep
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
                _ = ResultFormatter(format: format, options: .init(terminalWidth: 80, color: true)).render(shown)
            }
        }
    } catch {
        FuzzDiagnostics.check(error.diagnostics, source: source)
    }
    return 0
}

exit(FuzzDriver.run(testOneInput))
