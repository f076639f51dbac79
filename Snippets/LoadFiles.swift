// Load documents and dataset files into one engine (Getting Started).
import TaskQL

// snippet.hide
func loadFiles(_ paths: [String]) throws -> Engine {
    // snippet.show
    var builder = EngineBuilder()
    for path in paths {
        let load = try builder.load(path)
        for report in load.reports { print(report.rendered()) }  // documents report what they held
    }
    let engine = builder.build(options: .sandboxed)
    // snippet.hide
    return engine
}
_ = try? loadFiles(Array(CommandLine.arguments.dropFirst()))
