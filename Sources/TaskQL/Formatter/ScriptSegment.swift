// A `.tql` script is TQL with dot-command lines between its statements
// (`.mode csv`), which the `taskql` shell runs itself and never hands to the
// parser. The formatter keeps those lines as they are and formats the TQL
// between them.

/// A run of TQL lines, or one dot-command line, of a script.
struct ScriptSegment: Sendable, Equatable {
    /// What the lines are.
    enum Kind: Sendable, Equatable {
        /// TQL statements, comments and blank lines.
        case statements
        /// `.mode csv`: a shell command, kept verbatim.
        case dotCommand
    }

    var kind: Kind
    /// The lines, each with its line break (the last may have none).
    var text: Substring
    /// Byte offset of the first line in the whole script.
    var offset: Int

    /// The script cut into segments, in order. A line whose first
    /// non-blank character is `.` is a dot-command when the statement
    /// before it is complete, which is where the shell (`Repl`) takes it
    /// for one too; inside an unfinished statement it is TQL (and an error).
    static func split(_ script: String) -> [ScriptSegment] {
        var segments: [ScriptSegment] = []
        var statementsStart = script.startIndex
        var statementsOffset = 0
        var offset = 0
        var lineStart = script.startIndex
        while lineStart < script.endIndex {
            // Bytes, not characters: "\r\n" is one Character.
            let lineEnd =
                script.utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")).map { script.utf8.index(after: $0) }
                ?? script.endIndex
            let line = script[lineStart..<lineEnd]
            let lineBytes = line.utf8.count
            let pending = script[statementsStart..<lineStart]
            if isDotCommandShaped(line), Parser.completeness(of: String(pending)) == .complete {
                if !pending.isEmpty {
                    segments.append(ScriptSegment(kind: .statements, text: pending, offset: statementsOffset))
                }
                segments.append(ScriptSegment(kind: .dotCommand, text: line, offset: offset))
                statementsStart = lineEnd
                statementsOffset = offset + lineBytes
            }
            offset += lineBytes
            lineStart = lineEnd
        }
        if statementsStart < script.endIndex {
            segments.append(
                ScriptSegment(kind: .statements, text: script[statementsStart...], offset: statementsOffset))
        }
        return segments
    }

    /// Whether the line starts with `.` after spaces and tabs.
    static func isDotCommandShaped(_ line: Substring) -> Bool {
        line.drop { $0 == " " || $0 == "\t" }.first == "."
    }
}
