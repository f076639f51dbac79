import Foundation
import Testing

@testable import TaskQL

/// The query fuzz targets mutate with a dictionary of TQL's words
/// (Fuzz/Dictionaries/tql.dict); a word the language gains must be added
/// there too, or the fuzzers would rarely spell it.
struct FuzzDictionaryTests {
    /// The entries of a libFuzzer dictionary: one quoted string a line,
    /// `\"`, `\\` and `\xNN` escaped; `#` lines are comments.
    static func entries(_ text: String) -> Set<String> {
        var entries = Set<String>()
        for line in text.split(separator: "\n") where line.hasPrefix("\"") && line.hasSuffix("\"") {
            var bytes: [UInt8] = []
            var rest = Array(line.utf8.dropFirst().dropLast())[...]
            while let b = rest.popFirst() {
                guard b == UInt8(ascii: "\\"), let next = rest.popFirst() else {
                    bytes.append(b)
                    continue
                }
                if next == UInt8(ascii: "x"), rest.count >= 2,
                    let value = UInt8(String(decoding: rest.prefix(2), as: UTF8.self), radix: 16)
                {
                    bytes.append(value)
                    rest = rest.dropFirst(2)
                } else {
                    bytes.append(next)
                }
            }
            entries.insert(String(decoding: bytes, as: UTF8.self))
        }
        return entries
    }

    @Test func everyWordOfTheLanguageIsInTheDictionary() throws {
        let dictionary = Self.entries(try EBNFGrammar.read("Fuzz/Dictionaries/tql.dict"))
        let words =
            Keyword.allCases.map(\.rawValue) + Symbol.allCases.map(\.rawValue) + TaskField.allNames
            + FunctionCatalog.allNames
        let missing = words.filter { !dictionary.contains($0) }
        #expect(missing.isEmpty, "add to Fuzz/Dictionaries/tql.dict: \(missing)")
    }

    @Test func escapesAreRead() {
        #expect(Self.entries("# c\n\"a\\\"b\"\n\"\\xE6\\xB5\\xB7\"\n\"\\\\\"\n") == ["a\"b", "海", "\\"])
    }
}
