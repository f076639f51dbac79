// Render a result as the command line does, or encode it (Getting Started).
import Foundation
import TaskQL

// snippet.hide
func formatResults() throws {
    let result = try Engine.bundled().prepare("tasks | count by city").run()
    // snippet.show
    let text = ResultFormatter(format: .table, options: .init(terminalWidth: 100, color: false)).render(result)
    let json = try JSONEncoder().encode(result)  // QueryResult and Value are Codable
    // snippet.hide
    print(text, json.count)
}
try formatResults()
