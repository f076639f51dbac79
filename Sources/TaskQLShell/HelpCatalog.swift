import TaskQL

/// Every `.help` topic, one entry per stage, function, operator, field,
/// dot-command, statement and diagnostic code (a test checks each list
/// against the language and runs every example on the bundled data).
package struct HelpCatalog: Sendable {
    package let entries: [HelpEntry]

    /// The catalog for an engine: its functions and fields (extra columns included).
    package init(engine: Engine) {
        entries =
            Self.statements + Self.stages + Self.functions(engine.functionNames) + Self.operators
            + Self.fields(engine.schema) + Self.commands + Self.errors
    }

    /// The list topics: `stages`, `functions` …
    package static let topics = HelpEntry.Kind.allCases.map(\.topic)

    /// The entry named `name` (or one of its aliases; codes in any case).
    package func entry(_ name: String) -> HelpEntry? {
        if let hit = entries.first(where: { $0.name == name || $0.aliases.contains(name) }) { return hit }
        if let dotted = entries.first(where: { $0.kind == .command && $0.name == "." + name }) { return dotted }
        return entries.first { $0.kind == .error && $0.name == name.uppercased() }
    }

    /// `.help stages`: one aligned line per entry of that kind.
    package func list(_ topic: String) -> String? {
        guard let kind = HelpEntry.Kind.allCases.first(where: { $0.topic == topic }) else { return nil }
        let chosen = entries.filter { $0.kind == kind }
        let width = chosen.map { DisplayWidth.of($0.name) }.max() ?? 0
        return chosen.map { e in
            e.name + String(repeating: " ", count: width - DisplayWidth.of(e.name) + 2) + e.meaning + "\n"
        }.joined()
    }

    /// Entries a mistyped topic may have meant: names starting with it or
    /// containing it, else within two edits; at most five.
    package func suggestions(for topic: String) -> [String] {
        let names = entries.map(\.name)
        let near = names.filter { $0.hasPrefix(topic) || (topic.count >= 3 && $0.contains(topic)) }
        if !near.isEmpty { return Array(near.prefix(5)) }
        return Array(names.filter { Self.distance($0, topic) <= 2 }.prefix(5))
    }

    /// Levenshtein distance over characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let (x, y) = (Array(a), Array(b))
        guard !x.isEmpty else { return y.count }
        guard !y.isEmpty else { return x.count }
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var current = [i] + [Int](repeating: 0, count: y.count)
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[y.count]
    }
}
