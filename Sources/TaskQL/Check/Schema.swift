/// The columns rows have at one point of a pipeline. The checker tracks it
/// stage by stage: after `select` or `count by` the names change, and a name
/// that no longer exists is an error before any row is read.
struct Schema {
    /// Where a column's value comes from.
    enum Origin: Equatable {
        case base(TaskField)
        case slot(Int)
    }

    struct Column {
        var name: String
        var type: ValueType
        var holdsUnits: Bool
        var origin: Origin
    }

    /// Columns computed by stages, in output order (slot i = `Row.values[i]`).
    var slots: [Column] = []
    /// Whether rows still carry their task, so task fields are readable.
    var hasBase: Bool
    /// Whether the output is whole tasks (default display columns + slots).
    var wholeTasks: Bool

    /// The schema of `tasks`.
    static let base = Schema(slots: [], hasBase: true, wholeTasks: true)

    /// The column called `name` (slots shadow task fields; Chinese aliases
    /// of task fields resolve to the English name).
    func lookup(_ name: String) -> Column? {
        if let slot = slots.first(where: { $0.name == name }) { return slot }
        let field = TaskField.named(name)
        if let field, let slot = slots.first(where: { $0.name == field.rawValue }) { return slot }
        if hasBase, let field {
            return Column(name: field.rawValue, type: field.type, holdsUnits: field.holdsUnits, origin: .base(field))
        }
        return nil
    }

    /// Every name that resolves here (for did-you-mean hints).
    var names: [String] {
        slots.map(\.name) + (hasBase ? TaskField.allNames : [])
    }

    /// Adds a computed column, replacing one of the same name.
    mutating func setSlot(name: String, type: ValueType, holdsUnits: Bool) -> Int {
        if let i = slots.firstIndex(where: { $0.name == name }) {
            slots[i].type = type
            slots[i].holdsUnits = holdsUnits
            return i
        }
        slots.append(Column(name: name, type: type, holdsUnits: holdsUnits, origin: .slot(slots.count)))
        return slots.count - 1
    }

    /// Output columns: for whole tasks the default task fields, then slots.
    var outputColumns: [Column] {
        if wholeTasks {
            let shadowed = Set(slots.map(\.name))
            let fields = TaskField.defaultDisplay.filter { !shadowed.contains($0.rawValue) }.map {
                Column(name: $0.rawValue, type: $0.type, holdsUnits: $0.holdsUnits, origin: .base($0))
            }
            return fields + slots
        }
        return slots
    }
}
