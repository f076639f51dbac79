// Fuzz target `regex`: the bytes before the first NUL are a pattern, the
// rest a text; the pattern is compiled by TQL's own engine (`matches`) and
// run over the text. The two ways the evaluator feeds it text (scalars of
// a String, UTF-8 bytes in place) must agree, and a match must contain the
// literal the evaluator's row prefilter looks for. `extract`'s capturing
// VM must find a match exactly when the matcher does, with every group
// inside the whole match.
import Foundation
import FuzzSupport

@testable import TaskQL

@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let pieces = FuzzInput(data, size).pieces(2)
    let pattern = String(decoding: pieces[0], as: UTF8.self)
    let program: RegexProgram
    do {
        program = try RegexProgram(pattern: pattern)
    } catch {
        FuzzInvariant.require(!error.reason.isEmpty, "a regex error without a reason")
        return 0
    }
    let text = String(decoding: pieces[1], as: UTF8.self)
    let matcher = RegexMatcher(program: program)
    let onScalars = try? matcher.matches(text.unicodeScalars)
    var utf8 = text
    let onBytes = utf8.withUTF8 { bytes in try? matcher.matches(utf8: bytes) }
    FuzzInvariant.require(
        onScalars == onBytes, "scalars say \(String(describing: onScalars)), bytes \(String(describing: onBytes))")
    // The evaluator skips a row whose bytes lack the literal, unmatched.
    if onScalars == true, let literal = program.requiredLiteral {
        FuzzInvariant.require(
            ByteSearch(literal).occurs(in: text), "a match without its required literal \(literal.debugDescription)")
    }
    let scalars = Array(text.unicodeScalars)
    let found: [Range<Int>?]?
    do {
        found = try RegexCaptures(program: program).firstMatch(in: scalars)
    } catch {
        return 0  // too much work on this text, as the matcher may say
    }
    guard let onScalars else { return 0 }
    FuzzInvariant.require((found != nil) == onScalars, "extract says \(found != nil), matches says \(onScalars)")
    guard let found else { return 0 }
    let whole = found[0] ?? -1..<(-1)
    FuzzInvariant.require(
        whole.lowerBound >= 0 && whole.upperBound <= scalars.count, "the whole match \(whole) is not inside the text")
    for case let group? in found.dropFirst() {
        FuzzInvariant.require(
            group.lowerBound >= whole.lowerBound && group.upperBound <= whole.upperBound,
            "group \(group) outside the match \(whole)")
    }
    return 0
}

exit(FuzzDriver.run(testOneInput))
