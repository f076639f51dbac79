// overdue-report [UNIT] [YYYY-MM-DD]: two questions a supervision office asks
// every morning, answered through the TaskQL library with parameters.
// README "Embedding" snippet starts here.
import Foundation
import TaskQL

let arguments = CommandLine.arguments
let unit = arguments.count > 1 ? arguments[1] : "住建局"
guard let asOf = CivilDate(iso: arguments.count > 2 ? arguments[2] : "2020-07-01") else {
    print("usage: overdue-report [UNIT] [YYYY-MM-DD]")
    exit(64)
}

do {
    // Question 1: which of this unit's tasks fell due before the date?
    let engine = try Engine.bundled()
    let overdue = try engine.prepare("tasks | where lead_units has $unit and due < $asof | select city, number, due")
    let result = try overdue.run(["unit": .string(unit), "asof": .date(asOf)])
    for row in result.namedRows {
        print(row["city"]!.displayText, row["number"]!.displayText, row["due"]!.displayText)
    }

    // Question 2: how many tasks does each city give this unit to lead?
    let perCity = try engine.prepare("tasks | where lead_units has $unit | count by city")
    print(ResultFormatter(format: .csv, options: .init()).render(try perCity.run(["unit": .string(unit)])), terminator: "")
} catch let error as DiagnosticError {
    print(DiagnosticRenderer.render(error.diagnostics, source: error.source))
    exit(65)
}
// README "Embedding" snippet ends here.
