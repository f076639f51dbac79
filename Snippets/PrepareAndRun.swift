// Prepare a query once, run it with typed parameters (Getting Started).
import TaskQL

// snippet.hide
func prepareAndRun() throws {
    // snippet.show
    let engine = try Engine.bundled()  // or Engine(datasets:), or EngineBuilder for files
    let overdue = try engine.prepare(
        """
        tasks | where lead_units has $unit and due < $asof | select city, number, due, text
        """)
    let result = try overdue.run(["unit": "发改委", "asof": .date(CivilDate(year: 2021, month: 1, day: 1)!)])
    for row in result.namedRows {
        print(row["city"]!.displayText, row["due"]!.displayText)
    }
    // snippet.hide
}
try prepareAndRun()
