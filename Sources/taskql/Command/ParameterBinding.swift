import ArgumentParser
import TaskQL
import TaskQLShell

/// `--param name=value`, typed by ``ParameterValue`` as `.param set` is.
struct ParameterBinding: ExpressibleByArgument, Sendable {
    var name: String
    var value: Value

    init?(argument: String) {
        guard let equals = argument.firstIndex(of: "=") else { return nil }
        var name = String(argument[..<equals])
        if name.hasPrefix("$") { name.removeFirst() }
        guard ParameterValue.isValidName(name) else { return nil }
        self.name = name
        self.value = ParameterValue.parse(String(argument[argument.index(after: equals)...]))
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
