import Testing

@testable import TaskQL

/// One "did you mean" function for every kind of name.
@Suite struct NameSuggestionTests {
    @Test func suggestsNearTypos() {
        #expect(NameSuggestion.nearest(to: "lead_unit", in: ["lead_units", "co_units"]) == "lead_units")
        #expect(NameSuggestion.nearest(to: "wehre", in: ["where", "select"]) == "where")
        #expect(NameSuggestion.nearest(to: "xyz", in: ["where", "select"]) == nil)
    }

    /// Issue 9: the distance costs the product of the lengths, so two
    /// 100,000-character names took minutes; past 64 characters there is
    /// no suggestion, at once.
    @Test func hugeNamesGetNoSuggestionAtOnce() {
        let name = String(repeating: "x", count: 100_000)
        #expect(NameSuggestion.nearest(to: name, in: [name + "y", "where"]) == nil)
        let long = String(repeating: "a", count: 64)
        #expect(NameSuggestion.nearest(to: long + "b", in: [long]) == nil)
        #expect(NameSuggestion.nearest(to: String(long.dropLast()) + "b", in: [long]) == long)
    }
}
