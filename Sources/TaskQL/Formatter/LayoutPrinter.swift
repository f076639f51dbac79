// Lays a `LayoutDocument` out in a given width: Wadler's algorithm as
// prettier runs it, with an explicit stack instead of recursion. Widths are
// display cells (`DisplayWidth`), so a line of Chinese text is measured as a
// terminal shows it.

/// Prints a ``LayoutDocument``, breaking the groups that do not fit.
struct LayoutPrinter {
    /// Whether a group is printed on one line or broken at its ``LayoutDocument/line``s.
    enum Mode {
        case flat
        case broken
    }

    /// A part still to print: its indentation and mode.
    struct Command {
        var indent: Int
        var mode: Mode
        var document: LayoutDocument
    }

    /// Display cells a line may take.
    let width: Int

    /// The text of `document`, without a final line break.
    func print(_ document: LayoutDocument) -> String {
        var output = ""
        var column = 0
        var stack = [Command(indent: 0, mode: .broken, document: document)]
        while let command = stack.popLast() {
            switch command.document {
            case .text(let text):
                output += text
                column += DisplayWidth.of(text)
            case .trailingComment(let text):
                output += text
            case .line where command.mode == .flat:
                output += " "
                column += 1
            case .line, .hardLine:
                newLine(indent: command.indent, output: &output, column: &column)
            case .concat(let parts):
                stack += parts.reversed().map { Command(indent: command.indent, mode: command.mode, document: $0) }
            case .indent(let by, let content):
                stack.append(Command(indent: command.indent + by, mode: command.mode, document: content))
            case .group(let content, let hasHardLine):
                let flat =
                    command.mode == .flat
                    || (!hasHardLine
                        && fits(
                            [Command(indent: command.indent, mode: .flat, document: content)], rest: stack,
                            room: width - column))
                stack.append(Command(indent: command.indent, mode: flat ? .flat : .broken, document: content))
            case .fill(let parts):
                stack += fillStep(parts, command: command, rest: stack, room: width - column)
            }
        }
        return output
    }

    /// Ends the line (dropping spaces left at its end) and indents the next.
    private func newLine(indent: Int, output: inout String, column: inout Int) {
        while output.last == " " { output.removeLast() }
        output += "\n" + String(repeating: " ", count: indent)
        column = indent
    }

    /// The commands for the first content of a fill and the separator after
    /// it, in stack order (last printed first): the separator breaks unless
    /// the next content fits on the line too.
    private func fillStep(_ parts: [LayoutDocument], command: Command, rest: [Command], room: Int) -> [Command] {
        func make(_ mode: Mode, _ document: LayoutDocument) -> Command {
            Command(indent: command.indent, mode: mode, document: document)
        }
        guard let content = parts.first else { return [] }
        if command.mode == .flat { return [make(.flat, .concat(parts))] }
        let contentFits = fits([make(.flat, content)], rest: parts.count == 1 ? rest : [], room: room)
        let contentCommand = make(contentFits ? .flat : .broken, content)
        guard parts.count >= 3 else {
            return parts.count == 2 ? [make(.broken, parts[1]), contentCommand] : [contentCommand]
        }
        // The last content must also leave room for what follows the fill
        // (a closing bracket, ` desc`); earlier ones are followed by a
        // separator that can break.
        let nextRest = parts.count == 3 ? rest : []
        let pairFits = fits([make(.flat, .concat([content, parts[1], parts[2]]))], rest: nextRest, room: room)
        // Breaking only helps when the next content then fits on its line:
        // a string too long for any line stays after its operator.
        let nextFitsAlone = fits([make(.flat, parts[2])], rest: nextRest, room: width - command.indent)
        let breaks = !pairFits && nextFitsAlone
        return [
            make(.broken, .fill(Array(parts.dropFirst(2)))), make(breaks ? .broken : .flat, parts[1]), contentCommand,
        ]
    }

    /// Whether `next`, then `rest` up to its first possible line break,
    /// fits in `room` cells.
    private func fits(_ next: [Command], rest: [Command], room: Int) -> Bool {
        var room = room
        var stack = next
        var restIndex = rest.count
        while room >= 0 {
            guard let command = stack.popLast() else {
                guard restIndex > 0 else { return true }
                restIndex -= 1
                stack.append(rest[restIndex])
                continue
            }
            switch command.document {
            case .text(let text): room -= DisplayWidth.of(text)
            case .trailingComment, .hardLine: return true
            case .line:
                if command.mode == .broken { return true }
                room -= 1
            case .concat(let parts), .fill(let parts):
                stack += parts.reversed().map { Command(indent: command.indent, mode: command.mode, document: $0) }
            case .indent(_, let content):
                stack.append(Command(indent: command.indent, mode: command.mode, document: content))
            case .group(let content, let hasHardLine):
                let mode: Mode = hasHardLine ? .broken : command.mode
                stack.append(Command(indent: command.indent, mode: mode, document: content))
            }
        }
        return false
    }
}
