// Renders diagnostics the way rustc and jq show them: a header, the
// location, the source line, and carets under the span. Columns count
// display cells (a CJK character is two), so the carets line up under
// Chinese text in a terminal.

/// Turns diagnostics into text for a terminal or a log.
public enum DiagnosticRenderer {
    /// Tab stops are every this many cells when a source line is shown.
    static let tabWidth = 4

    /// Renders `diagnostics` against `source`, one block each, separated by
    /// a blank line. ANSI colour only when `color` is true.
    ///
    /// ```text
    /// error[E0301]: unknown field 'lead_unit'
    ///  --> query.tql:1:15
    ///   |
    /// 1 | tasks | where lead_unit has "发改委"
    ///   |               ^^^^^^^^^
    ///   = help: did you mean lead_units?
    /// ```
    public static func render(
        _ diagnostics: [Diagnostic], source: SourceText, color: Bool = false
    ) -> String {
        let style = RenderStyle(color: color)
        return diagnostics.map { render($0, source: source, style: style) }.joined(separator: "\n")
    }

    static func render(_ d: Diagnostic, source: SourceText, style: RenderStyle) -> String {
        let spannedNotes = d.notes.filter { $0.span != nil }
        let gutter = String(repeating: " ", count: gutterWidth(d, source: source))
        var out = style.header(d.severity.rawValue, code: d.code.rawValue, message: shortened(d.message))
        // The file the problem is in, then the query text that read it.
        if let location = d.location { out += "\(gutter)\(style.gutter("-->")) \(location)\n" }
        out += snippet(d.span, severity: d.severity, source: source, gutter: gutter, style: style)
        for note in d.notes where note.span == nil {
            out += "\(gutter) \(style.gutter("="))" + " \(style.bold("note")): \(note.message)\n"
        }
        if let help = d.help {
            out += "\(gutter) \(style.gutter("="))" + " \(style.bold("help")): \(help)\n"
        }
        for note in spannedNotes {
            out += style.header("note", code: nil, message: note.message)
            out += snippet(note.span, severity: .note, source: source, gutter: gutter, style: style)
        }
        return out
    }

    /// A message is shown whole unless it quotes something huge (a
    /// 100,000-character name): then its first 300 cells and `…`.
    static func shortened(_ message: String) -> String {
        SourceExcerpt.firstCells(of: message, 300)
    }

    /// Spaces wide enough for the largest line number shown.
    static func gutterWidth(_ d: Diagnostic, source: SourceText) -> Int {
        let spans = [d.span] + d.notes.map(\.span)
        let lines = spans.compactMap { $0.map { line(of: $0.start, in: source) } }
        return String(lines.max() ?? 1).count
    }

    static func line(of offset: Int, in source: SourceText) -> Int {
        source.location(of: offset).line
    }

    /// ` --> file:line:col`, the source line and the underline.
    static func snippet(
        _ span: SourceSpan?, severity: Diagnostic.Severity, source: SourceText, gutter: String,
        style: RenderStyle
    ) -> String {
        guard let span else { return "\(gutter)\(style.gutter("-->")) \(source.name)\n" }
        let excerpt = SourceExcerpt(span: span, source: source, tabWidth: tabWidth)
        let number = String(excerpt.line)
        let pad = String(repeating: " ", count: gutter.count - number.count)
        let carets =
            String(repeating: " ", count: excerpt.underlineStart)
            + style.underline(String(repeating: "^", count: excerpt.underlineWidth), severity)
        return "\(gutter)\(style.gutter("-->")) \(source.name):\(excerpt.line):\(excerpt.column)\n"
            + "\(gutter) \(style.gutter("|"))\n"
            + "\(pad)\(style.gutter(number)) \(style.gutter("|")) \(excerpt.text)\n"
            + "\(gutter) \(style.gutter("|")) \(carets)\n"
    }
}

/// The line a span starts on, tab-expanded, with the underline's position
/// and width in display cells.
struct SourceExcerpt {
    var line: Int
    /// 1-based display column of the span's start.
    var column: Int
    var text: String
    var underlineStart: Int
    var underlineWidth: Int

    init(span: SourceSpan, source: SourceText, tabWidth: Int) {
        let length = source.text.utf8.count
        let start = max(0, min(span.start, length))
        line = source.location(of: start).line
        let raw = source.lineText(line)
        let lineStart = SourceExcerpt.offset(ofLine: line, in: source, at: start)
        let startInLine = min(start - lineStart, raw.utf8.count)
        let endInLine = min(max(span.end, start) - lineStart, raw.utf8.count)
        let prefix = SourceExcerpt.expandTabs(SourceExcerpt.bytes(raw, 0, startInLine), tabWidth: tabWidth)
        let covered = SourceExcerpt.expandTabs(SourceExcerpt.bytes(raw, startInLine, endInLine), tabWidth: tabWidth)
        let rest = SourceExcerpt.expandTabs(SourceExcerpt.bytes(raw, endInLine, raw.utf8.count), tabWidth: tabWidth)
        column = DisplayWidth.of(prefix) + 1
        // A long line is shown as a window around the span, so a 10 MB
        // one-line query gives a message of a few lines, not 10 MB.
        let shownPrefix = SourceExcerpt.lastCells(of: prefix, Self.contextCells)
        let shownCovered = SourceExcerpt.firstCells(of: covered, Self.windowCells - DisplayWidth.of(shownPrefix))
        let room = Self.windowCells - DisplayWidth.of(shownPrefix) - DisplayWidth.of(shownCovered)
        let shownRest = SourceExcerpt.firstCells(of: rest, max(0, room))
        underlineStart = DisplayWidth.of(shownPrefix)
        underlineWidth = max(1, DisplayWidth.of(shownCovered))
        text = shownPrefix + shownCovered + shownRest
    }

    /// Display cells of a long line shown before the span's start, and in all.
    static let contextCells = 60
    static let windowCells = 160

    /// The last `cells` display cells of `text`, with `…` in front when cut.
    static func lastCells(of text: String, _ cells: Int) -> String {
        guard DisplayWidth.of(text) > cells else { return text }
        var kept = String.UnicodeScalarView()
        var width = 1
        for scalar in text.unicodeScalars.reversed() {
            width += DisplayWidth.of(scalar)
            if width > cells { break }
            kept.append(scalar)
        }
        return "…" + String(String.UnicodeScalarView(kept.reversed()))
    }

    /// The first `cells` display cells of `text`, with `…` after when cut.
    static func firstCells(of text: String, _ cells: Int) -> String {
        guard DisplayWidth.of(text) > cells else { return text }
        var kept = String.UnicodeScalarView()
        var width = 1
        for scalar in text.unicodeScalars {
            width += DisplayWidth.of(scalar)
            if width > cells { break }
            kept.append(scalar)
        }
        return String(kept) + "…"
    }

    /// Byte offset where `line` starts (the span's start minus its column bytes).
    static func offset(ofLine line: Int, in source: SourceText, at offset: Int) -> Int {
        var start = offset
        let bytes = Array(source.text.utf8)
        while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
        return start
    }

    static func bytes(_ text: String, _ from: Int, _ to: Int) -> String {
        let utf8 = Array(text.utf8)
        return String(
            decoding: utf8[min(from, utf8.count)..<max(min(to, utf8.count), min(from, utf8.count))], as: UTF8.self)
    }

    /// Replaces tabs with spaces up to the next tab stop, counting cells.
    static func expandTabs(_ text: String, tabWidth: Int) -> String {
        guard text.contains("\t") else { return text }
        var out = ""
        var cells = 0
        for scalar in text.unicodeScalars {
            if scalar == "\t" {
                let spaces = tabWidth - cells % tabWidth
                out += String(repeating: " ", count: spaces)
                cells += spaces
            } else {
                out.unicodeScalars.append(scalar)
                cells += DisplayWidth.of(scalar)
            }
        }
        return out
    }
}

/// ANSI styling, or none.
struct RenderStyle {
    var color: Bool

    func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { paint(text, "1") }
    func gutter(_ text: String) -> String { paint(text, "1;34") }

    func severityCode(_ severity: String) -> String {
        switch severity {
        case "error": "1;31"
        case "warning": "1;33"
        default: "1;36"
        }
    }

    /// `error[E0201]: message`
    func header(_ severity: String, code: String?, message: String) -> String {
        let label = severity + (code.map { "[\($0)]" } ?? "")
        return paint(label, severityCode(severity)) + bold(": " + message) + "\n"
    }

    func underline(_ carets: String, _ severity: Diagnostic.Severity) -> String {
        paint(carets, severityCode(severity.rawValue))
    }
}
