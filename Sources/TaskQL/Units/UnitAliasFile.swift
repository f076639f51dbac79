/// The plain-text alias file users extend the built-in table with:
///
/// ```
/// # comments start with #
/// 发改委 = 发展改革委, 发展和改革委员会
/// 开发区 = 经济技术开发区, 经开区
/// ```
///
/// One unit per line: the canonical name, `=`, then its aliases separated
/// by `,` `，` or `、`. Names are written without the city prefix. A later
/// line wins over an earlier one and over the built-in table.
enum UnitAliasFile {
    /// Adds the lines of `text` to `aliases`; `file` names the input in errors.
    static func parse(_ text: String, file: String, into aliases: UnitAliases) throws(ImportError) -> UnitAliases {
        var result = aliases
        for (index, raw) in DocumentLines(file: file, text: text).lines.enumerated() {
            var line = Substring(raw)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let trimmed = LineText.trimmed(line)
            if trimmed.isEmpty { continue }
            guard let equals = trimmed.firstIndex(where: { $0 == "=" || $0 == "＝" }) else {
                throw ImportError(
                    code: .invalidAliasFile, file: file, line: index + 1,
                    message: "expected `canonical = alias, alias, …`")
            }
            let canonical = LineText.trimmed(trimmed[..<equals])
            guard !canonical.isEmpty else {
                throw ImportError(
                    code: .invalidAliasFile, file: file, line: index + 1,
                    message: "missing the canonical name before `=`")
            }
            let aliasText = trimmed[trimmed.index(after: equals)...]
            result.add(alias: canonical, canonical: canonical)
            for alias in aliasText.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" }) {
                let name = LineText.trimmed(alias)
                if !name.isEmpty { result.add(alias: name, canonical: canonical) }
            }
        }
        return result
    }
}

extension UnitAliases {
    /// This table extended with the alias file at `path` (UTF-8, UTF-16 or
    /// GB18030); the file's lines win over existing entries.
    public func merging(contentsOf path: String) throws(ImportError) -> UnitAliases {
        let bytes = try FileBytes.read(path)
        let decoded = try TextDecoder.decode(bytes, file: path, encoding: nil)
        return try UnitAliasFile.parse(decoded.text, file: path, into: self)
    }

    /// This table extended with alias-file text (see ``merging(contentsOf:)``).
    public func merging(text: String, file: String = "<aliases>") throws(ImportError) -> UnitAliases {
        try UnitAliasFile.parse(text, file: file, into: self)
    }
}
