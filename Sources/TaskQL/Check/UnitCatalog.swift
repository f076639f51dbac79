/// The unit names a query may mention: every unit in the loaded data (as
/// printed and canonical) and every name in the alias table. Used to reject
/// a misspelt unit before any row is read and to suggest the right one.
struct UnitCatalog: Sendable {
    private let known: Set<String>
    /// Suggestion candidates: units in the data by frequency, then aliases.
    let candidates: [String]
    let aliases: UnitAliases

    init(table: TaskTable, aliases: UnitAliases) {
        let inData = table.unitIDsByFrequency.map { table.pool[$0] }
        let canonicalInData = table.unitIDsByFrequency.map { table.pool[table.canonical($0)] }
        let aliasNames = aliases.table.keys.sorted() + Set(aliases.table.values).sorted()
        var seen = Set<String>()
        candidates = (inData + canonicalInData + aliasNames).filter { seen.insert($0).inserted }
        known = seen
        self.aliases = aliases
    }

    /// The units of data held elsewhere (a database's `taskql_units`).
    init(unitNames: [String], aliases: UnitAliases) {
        let canonical = unitNames.map(aliases.canonical)
        let aliasNames = aliases.table.keys.sorted() + Set(aliases.table.values).sorted()
        var seen = Set<String>()
        candidates = (unitNames + canonical + aliasNames).filter { seen.insert($0).inserted }
        known = seen
        self.aliases = aliases
    }

    /// Whether `name` is a unit in the data or the alias table.
    func knows(_ name: String) -> Bool {
        known.contains(name) || known.contains(aliases.canonical(name))
    }

    /// A `help:` line for an unknown unit.
    func help(for name: String) -> String? {
        NameSuggestion.help(for: name, in: candidates)
    }
}
