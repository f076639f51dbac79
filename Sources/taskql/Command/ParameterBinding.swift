import ArgumentParser
import TaskQL
import TaskQLShell

/// `--param name=value`: the value is typed the way a query literal would
/// be — integer, decimal, `YYYY-MM-DD` date, `true`/`false` — else string.
/// Quoting the value (`name='"12"'`) forces a string.
struct ParameterBinding: ExpressibleByArgument, Sendable {
    var name: String
    var value: Value

    init?(argument: String) {
        guard let equals = argument.firstIndex(of: "=") else { return nil }
        var name = String(argument[..<equals])
        if name.hasPrefix("$") { name.removeFirst() }
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
        self.name = name
        self.value = Self.typedValue(String(argument[argument.index(after: equals)...]))
    }

    static func typedValue(_ text: String) -> Value {
        if let i = Int(text) { return .int(i) }
        if text.contains("."), let d = Double(text), d.isFinite { return .decimal(d) }
        if let date = CivilDate(iso: text) { return .date(date) }
        if text == "true" || text == "false" { return .bool(text == "true") }
        if text.count >= 2, let first = text.first, first == text.last, first == "\"" || first == "'" {
            return .string(String(text.dropFirst().dropLast()))
        }
        return .string(text)
    }

    static var defaultValueDescription: String { "name=value" }

    /// All bindings as the dictionary the session takes; a repeated name
    /// keeps the last value.
    static func dictionary(_ bindings: [ParameterBinding]) -> [String: Value] {
        var result: [String: Value] = [:]
        for b in bindings { result[b.name] = b.value }
        return result
    }
}
