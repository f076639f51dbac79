import Foundation

/// The fixed parts of a workbook: content types, relationships, the
/// workbook with its sheet list, and the styles (0 plain, 1 bold header,
/// 2 date `yyyy-mm-dd`).
enum XLSXParts {
    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// One fixed time for every entry: the same rows give the same bytes.
    static let timestamp = Date(timeIntervalSince1970: 1_577_836_800)

    static func contentTypes(sheetCount: Int) -> String {
        header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
            + (1...sheetCount).map {
                #"<Override PartName="/xl/worksheets/sheet\#($0).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
            }.joined() + "</Types>"
    }

    static let packageRelationships =
        header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    static func workbook(sheetNames: [String]) -> String {
        header + #"<workbook xmlns="\#(main)" xmlns:r="\#(relationships)"><sheets>"#
            + sheetNames.enumerated().map { i, name in
                #"<sheet name="\#(XMLText.escaped(name))" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#
            }.joined() + "</sheets></workbook>"
    }

    static func workbookRelationships(sheetCount: Int) -> String {
        header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + (1...sheetCount).map {
                #"<Relationship Id="rId\#($0)" Type="\#(relationships)/worksheet" Target="worksheets/sheet\#($0).xml"/>"#
            }.joined()
            + #"<Relationship Id="rId\#(sheetCount + 1)" Type="\#(relationships)/styles" Target="styles.xml"/>"#
            + "</Relationships>"
    }

    static let styles =
        header + #"<styleSheet xmlns="\#(main)">"#
        + #"<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/></numFmts>"#
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
        + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>"#
        + "</styleSheet>"
}

/// Text for XML 1.0 in an Office document: markup characters escaped,
/// characters XML cannot carry (most controls, U+FFFE, U+FFFF) left out,
/// and a literal `_x0041_` escaped as Office reads such sequences as
/// characters (ECMA-376 `ST_Xstring`).
enum XMLText {
    static func escaped(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            switch s {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "_" where isOfficeEscape(scalars, at: i): out.append(contentsOf: "_x005F_".unicodeScalars)
            default:
                if isAllowed(s) { out.append(s) }
            }
            i += 1
        }
        return String(out)
    }

    /// XML 1.0's `Char`: tab, line feed, carriage return, U+0020–U+D7FF,
    /// U+E000–U+FFFD and above U+FFFF.
    static func isAllowed(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// `_xHHHH_` starting at `i`.
    private static func isOfficeEscape(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_" else { return false }
        return scalars[(i + 2)...(i + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }
}
