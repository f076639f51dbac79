/// Renders diagnostics for people, in the style of rustc and jq:
///
/// ```
/// error[E0301]: unknown field 'lead_unit'
///  --> query.tql:1:15
///   |
/// 1 | tasks | where lead_unit has "发改委"
///   |               ^^^^^^^^^
///   = help: did you mean lead_units?
/// ```
///
/// Columns count display cells (a CJK character is two, a tab is expanded to
/// the next multiple of 4), so the caret lines up under Chinese text.
public enum DiagnosticRenderer {
    /// All diagnostics, each followed by a blank line.
    public static func render(_ diagnostics: [Diagnostic], source: SourceText, color: Bool = false) -> String {
        diagnostics.map { render($0, source: source, color: color) + "\n" }.joined()
    }

    static func render(_ d: Diagnostic, source: SourceText, color: Bool) -> String {
        let paint = Paint(enabled: color)
        var lines: [String] = []
        let severityColor = d.severity == .error ? "31" : (d.severity == .warning ? "33" : "36")
        lines.append(paint(severityColor, "\(d.severity.rawValue)[\(d.code)]") + paint("1", ": \(d.message)"))
        if let span = d.span {
            lines += excerpt(span, source: source, paint: paint, caretColor: severityColor, label: nil)
        } else {
            lines.append(" --> \(source.name)")
        }
        for note in d.notes {
            if let span = note.span {
                lines.append(paint("36", "note") + ": \(note.message)")
                lines += excerpt(span, source: source, paint: paint, caretColor: "36", label: nil)
            } else {
                lines.append("  = note: \(note.message)")
            }
        }
        if let help = d.help { lines.append("  = " + paint("32", "help") + ": \(help)") }
        return lines.joined(separator: "\n")
    }

    private static func excerpt(_ span: SourceSpan, source: SourceText, paint: Paint, caretColor: String, label: String?) -> [String] {
        let (line, column) = source.location(of: span.start)
        let text = source.lineText(line)
        let gutter = String(line).count
        let pad = String(repeating: " ", count: gutter)
        let (shown, startCell, width) = underline(text, from: span, lineStart: lineStartOffset(source, line))
        return [
            "\(pad)--> \(source.name):\(line):\(column)",
            "\(pad) |",
            "\(line) | \(shown)",
            "\(pad) | " + String(repeating: " ", count: startCell) + paint(caretColor, String(repeating: "^", count: max(1, width))),
        ]
    }

    private static func lineStartOffset(_ source: SourceText, _ line: Int) -> Int {
        source.lineStarts[line - 1]
    }

    /// The line with tabs expanded, the display cell where the span starts
    /// and how many cells it covers on this line (at least one, so a point
    /// or the end of the line still gets a caret).
    static func underline(_ text: String, from span: SourceSpan, lineStart: Int) -> (String, Int, Int) {
        var shown = ""
        var cell = 0
        var startCell: Int?
        var endCell: Int?
        var offset = lineStart
        for scalar in text.unicodeScalars {
            if startCell == nil, offset >= span.start { startCell = cell }
            if endCell == nil, offset >= span.end { endCell = cell }
            if scalar == "\t" {
                let spaces = 4 - cell % 4
                shown += String(repeating: " ", count: spaces)
                cell += spaces
            } else {
                shown.unicodeScalars.append(scalar)
                cell += DisplayWidth.of(scalar)
            }
            offset += UTF8.width(scalar)
        }
        let start = startCell ?? cell
        let end = endCell ?? cell
        return (shown, start, max(1, end - start))
    }

    struct Paint {
        let enabled: Bool
        func callAsFunction(_ code: String, _ text: String) -> String {
            enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
        }
    }
}
