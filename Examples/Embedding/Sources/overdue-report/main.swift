// overdue-report [UNIT] [YYYY-MM-DD]: two questions a supervision office asks
// every morning, answered through the TaskQL library with parameters.
import TaskQL
#if canImport(Glibc)
import Glibc
#endif

let arguments = CommandLine.arguments
let unit = arguments.count > 1 ? arguments[1] : "住建局"
let asOf = arguments.count > 2 ? CivilDate(iso: arguments[2]) : CivilDate(year: 2020, month: 7, day: 1)
guard let asOf else {
    print("usage: overdue-report [UNIT] [YYYY-MM-DD]")
    exit(64)
}

do {
    // README "Embedding" snippet starts here.
    let engine = try Engine.bundled()
    let overdue = try engine.prepare("tasks | where lead_units has $unit and due < $asof | select city, number, due")
    let result = try overdue.run(["unit": .string(unit), "asof": .date(asOf)])
    for row in result.namedRows {
        print(row["city"]!.displayText, row["number"]!.displayText, row["due"]!.displayText)
    }
    // README "Embedding" snippet ends here.

    // Question 2: how many tasks does each city give this unit to lead?
    let perCity = try engine.prepare("tasks | where lead_units has $unit | count by city")
    print(ResultFormatter(format: .csv, options: .init()).render(try perCity.run(["unit": .string(unit)])), terminator: "")
} catch let error as DiagnosticError {
    print(DiagnosticRenderer.render(error.diagnostics, source: error.source))
    exit(65)
}
