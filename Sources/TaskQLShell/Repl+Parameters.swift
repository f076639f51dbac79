import Foundation
import TaskQL

/// `.param`: binding `$name` inside the shell, as sqlite3's `.parameter`
/// does, so a saved query with `$leader` runs at the prompt.
extension Repl {
    /// `.param set NAME VALUE`, `.param unset NAME`, `.param list`, `.param clear`.
    /// VALUE is the rest of the line as typed (`"12"` stays a string).
    func param(_ arguments: [String], line: String) -> Bool {
        let usage = "usage: .param set NAME VALUE | .param unset NAME | .param list | .param clear"
        switch arguments.first {
        case "set"?:
            guard arguments.count >= 3 else { return fail(usage) }
            let name = Self.parameterName(arguments[1])
            guard ParameterValue.isValidName(name) else {
                return fail(".param set: '\(arguments[1])' is not a parameter name (letters, digits, _)")
            }
            runner.parameters[name] = ParameterValue.parse(Self.rest(of: line, afterWords: 3))
            refreshCompletion()
            return true
        case "unset"?:
            guard arguments.count == 2 else { return fail(usage) }
            let name = Self.parameterName(arguments[1])
            guard runner.parameters.removeValue(forKey: name) != nil else {
                return fail(".param unset: no parameter $\(name) is set (.param list shows them)")
            }
            refreshCompletion()
            return true
        case "clear"?:
            guard arguments.count == 1 else { return fail(usage) }
            runner.parameters = [:]
            refreshCompletion()
            return true
        case "list"?, nil:
            guard arguments.count <= 1 else { return fail(usage) }
            let rows: [[Value]] = runner.parameters.keys.sorted().map { name in
                let value = runner.parameters[name] ?? .null
                return [
                    .string("$" + name), .string(ParameterValue.spelled(value)), .string(value.valueType.description),
                ]
            }
            show(QueryResult(columns: ["parameter", "value", "type"], rows: rows))
            return true
        default:
            return fail(usage)
        }
    }

    /// `$leader` and `leader` name the same parameter.
    static func parameterName(_ word: String) -> String {
        word.hasPrefix("$") ? String(word.dropFirst()) : word
    }

    /// The text of `line` after its first `count` words, trimmed: a value
    /// keeps its quotes and inner spaces.
    static func rest(of line: String, afterWords count: Int) -> String {
        var rest = Substring(line)
        for _ in 0..<count {
            rest = rest.drop { $0 == " " || $0 == "\t" }.drop { $0 != " " && $0 != "\t" }
        }
        return String(rest.drop { $0 == " " || $0 == "\t" }).trimmingCharacters(in: .whitespaces)
    }
}
