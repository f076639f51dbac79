import Foundation
import TaskQL

/// The dot-commands that change how results are shown and where they go
/// next, as sqlite3 and DuckDB have them.
extension Repl {
    /// `.headers on|off`
    func setHeaders(_ arguments: [String]) -> Bool {
        guard let on = Self.onOff(arguments) else { return fail("usage: .headers on|off") }
        runner.display.showsHeader = on
        return true
    }

    /// `.bom on|off`: CSV for Excel users (see ``StatementRunner/writesByteOrderMark``).
    func setByteOrderMark(_ arguments: [String]) -> Bool {
        guard let on = Self.onOff(arguments) else { return fail("usage: .bom on|off") }
        runner.writesByteOrderMark = on
        return true
    }

    /// `.nullvalue TEXT` (quoted for spaces); no argument: back to each format's own spelling.
    func setNullValue(_ arguments: [String]) -> Bool {
        guard arguments.count <= 1 else { return fail("usage: .nullvalue [TEXT] (quote TEXT with spaces)") }
        runner.display.nullText = arguments.first
        return true
    }

    /// `.maxrows N`, `.maxrows off`; no argument shows the setting.
    func setMaxRows(_ arguments: [String]) -> Bool {
        guard let argument = arguments.first else {
            runner.output.writeLine(runner.display.maxRows.map(String.init) ?? "off")
            return true
        }
        if arguments.count == 1, ["off", "0", "-1"].contains(argument) {
            runner.display.maxRows = nil
            return true
        }
        guard arguments.count == 1, let n = Int(argument), n > 0 else {
            return fail("usage: .maxrows N|off (N a positive number of rows; '\(argument)' is not)")
        }
        runner.display.maxRows = n
        return true
    }

    /// `.maxwidth N`; `.maxwidth 0` goes back to the terminal's width.
    func setMaxWidth(_ arguments: [String]) -> Bool {
        guard let argument = arguments.first else {
            switch runner.display.width {
            case .terminal: runner.output.writeLine("0 (the terminal's width)")
            case .columns(let n): runner.output.writeLine(String(n))
            }
            return true
        }
        guard arguments.count == 1, let n = Int(argument), n >= 0 else {
            return fail("usage: .maxwidth N (display columns; 0: the terminal's width)")
        }
        // Narrower than a column and its frame cannot show anything.
        guard n == 0 || n >= 10 else { return fail(".maxwidth \(n): at least 10 columns (0: the terminal's width)") }
        runner.display.width = n == 0 ? .terminal : .columns(n)
        return true
    }

    /// `.pager on|off|auto`; no argument shows the setting and the command.
    func setPager(_ arguments: [String]) -> Bool {
        guard let argument = arguments.first else {
            let command = Pager.command(environment: ProcessInfo.processInfo.environment) ?? "none ($PAGER is empty)"
            runner.output.writeLine("\(runner.display.pager.rawValue) (\(command))")
            return true
        }
        guard arguments.count == 1, let use = DisplaySettings.PagerUse(rawValue: argument) else {
            return fail("usage: .pager on|off|auto")
        }
        runner.display.pager = use
        return true
    }

    /// `.last`: the last result again, every row, as wide as it is (the pager
    /// chops long lines instead of `…`).
    func showLast(_ arguments: [String]) -> Bool {
        guard arguments.isEmpty else { return fail("usage: .last") }
        guard let result = runner.lastResult else { return fail("no result yet: .last shows the last query's rows") }
        runner.present(result, unlimited: true)
        runner.finishOnceOutput()
        return true
    }

    /// `.once FILE`: the next statement's results go to FILE, then back.
    func setOnce(_ arguments: [String]) -> Bool {
        guard arguments.count == 1 else { return fail("usage: .once FILE") }
        do {
            runner.sendNextResults(to: try OutputSink(creatingFileAt: arguments[0]))
            return true
        } catch {
            return fail(error.description)
        }
    }

    /// `on` → true, `off` → false, else nil.
    static func onOff(_ arguments: [String]) -> Bool? {
        guard arguments.count == 1 else { return nil }
        return ["on": true, "off": false][arguments[0]]
    }
}
