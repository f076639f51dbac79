/// Reads one dataset-file record line into ``TaskRecordLine/Fields``: its
/// values as bytes of the line, so that a column store takes them without a
/// `String` per value (``TaskTable/append(_:dataset:)``), and a
/// ``TaskRecord`` is made only when one is asked for (``Fields/record()``).
enum TaskRecordLine {
    /// Parses the line `scanner` is on into `fields` (emptied first). On
    /// success every required key was there.
    static func parse(_ scanner: inout JSONScanner, into fields: inout Fields) throws(JSONScanner.Failure) {
        fields.reset(line: scanner.bytes)
        try scanner.expect(0x7B, "{")
        if !scanner.take(0x7D) {
            repeat {
                let key = try scanner.stringBytes(decoded: &fields.decoded)
                try scanner.expect(0x3A, ":")
                do {
                    try fields.read(fields.withBytes(key, Key.init), &scanner)
                } catch {
                    // Name the field: `"year": expected an integer, found a string`.
                    throw JSONScanner.Failure(
                        column: error.column, message: "\"\(fields.string(key))\": \(error.message)")
                }
            } while scanner.take(0x2C)
            try scanner.expect(0x7D, "} or ,")
        }
        scanner.skipSpace()
        guard scanner.atEnd else { throw scanner.fail("text after the record") }
        for key in Key.required where fields.seen & key.bit == 0 {
            throw JSONScanner.Failure(column: scanner.i, message: "missing key \"\(key.name)\"")
        }
    }

    /// The keys a record line has, by their spelling in the file.
    enum Key: Int {
        case id, dataset, city, year, kind, section, subsection, number, title, text, leaders, leadUnits, coUnits
        case deadline, due, source, extra
        /// `units` (derived) and keys of newer writers: skipped.
        case other

        static let required: [Key] = [.id, .dataset, .city, .year, .kind, .number, .text, .source]
        private static let spellings: [(Key, [UInt8])] =
            ([
                (.id, "id"), (.dataset, "dataset"), (.city, "city"), (.year, "year"), (.kind, "kind"),
                (.section, "section"), (.subsection, "subsection"), (.number, "number"), (.title, "title"),
                (.text, "text"), (.leaders, "leaders"), (.leadUnits, "lead_units"), (.coUnits, "co_units"),
                (.deadline, "deadline"), (.due, "due"), (.source, "source"), (.extra, "extra"),
            ] as [(Key, String)]).map { ($0.0, Array($0.1.utf8)) }

        var bit: UInt32 { 1 << UInt32(rawValue) }

        /// The key spelled by `bytes` (compared only with keys of their
        /// length and first byte: this runs for every value of a file).
        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self = .other
            guard let first = bytes.first else { return }
            for (key, spelling) in Self.spellings
            where spelling.count == bytes.count && spelling[0] == first && spelling.elementsEqual(bytes) {
                self = key
                return
            }
        }

        var name: String {
            Self.spellings.first { $0.0 == self }.map { String(decoding: $0.1, as: UTF8.self) } ?? "?"
        }
    }

    /// One record line's values. Strings are ``JSONScanner/StringBytes``:
    /// ranges of the line, or of ``decoded`` for the rare string with
    /// escapes; read them with ``withBytes(_:_:)``. Valid only while the
    /// buffer the line was read from is (the file's bytes, during a read).
    struct Fields {
        typealias Text = JSONScanner.StringBytes
        var id = Text.empty, dataset = Text.empty, city = Text.empty, number = Text.empty
        var text = Text.empty, source = Text.empty
        var kind = TaskKind.key
        var year = 0
        var section: Text?, subsection: Text?, title: Text?, deadline: Text?
        var due: CivilDate?
        var leaders: [Text] = [], leadUnits: [Text] = [], coUnits: [Text] = []
        var extra: [(name: Text, value: Text)] = []
        /// Bytes of strings that had escapes.
        fileprivate(set) var decoded: [UInt8] = []
        /// The keys read so far (``Key/bit``s).
        fileprivate(set) var seen: UInt32 = 0
        private var line = UnsafeBufferPointer<UInt8>(start: nil, count: 0)

        init() {}

        /// Empties the fields for a line of `line` (keeping their storage).
        fileprivate mutating func reset(line: UnsafeBufferPointer<UInt8>) {
            self.line = line
            (section, subsection, title, deadline, due) = (nil, nil, nil, nil, nil)
            leaders.removeAll(keepingCapacity: true)
            leadUnits.removeAll(keepingCapacity: true)
            coUnits.removeAll(keepingCapacity: true)
            extra.removeAll(keepingCapacity: true)
            decoded.removeAll(keepingCapacity: true)
            seen = 0
        }

        /// Calls `body` with a string's bytes.
        @inline(__always)
        func withBytes<R>(_ t: Text, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            if !t.isDecoded { return body(UnsafeBufferPointer(rebasing: line[t.range])) }
            return decoded.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[t.range])) }
        }

        func string(_ t: Text) -> String { withBytes(t) { String(decoding: $0, as: UTF8.self) } }

        /// The record these fields make.
        func record() -> TaskRecord {
            TaskRecord(
                id: string(id), dataset: string(dataset), city: string(city), year: year, kind: kind,
                section: section.map(string), subsection: subsection.map(string), number: string(number),
                title: title.map(string), text: string(text), leaders: leaders.map(string),
                leadUnits: leadUnits.map(string), coUnits: coUnits.map(string), deadline: deadline.map(string),
                due: due, source: string(source),
                extra: extra.map { ExtraField(name: string($0.name), value: string($0.value)) })
        }

        fileprivate mutating func read(_ key: Key, _ s: inout JSONScanner) throws(JSONScanner.Failure) {
            seen |= key.bit
            switch key {
            case .id: id = try s.stringBytes(decoded: &decoded)
            case .dataset: dataset = try s.stringBytes(decoded: &decoded)
            case .city: city = try s.stringBytes(decoded: &decoded)
            case .year: year = try s.int()
            case .kind:
                let name = string(try s.stringBytes(decoded: &decoded))
                guard let k = TaskKind(rawValue: name) else { throw s.fail("unknown kind \"\(name)\"") }
                kind = k
            case .section: section = try optional(&s)
            case .subsection: subsection = try optional(&s)
            case .number: number = try s.stringBytes(decoded: &decoded)
            case .title: title = try optional(&s)
            case .text: text = try s.stringBytes(decoded: &decoded)
            case .leaders: try Self.list(&s, into: &leaders, decoded: &decoded)
            case .leadUnits: try Self.list(&s, into: &leadUnits, decoded: &decoded)
            case .coUnits: try Self.list(&s, into: &coUnits, decoded: &decoded)
            case .deadline: deadline = try optional(&s)
            case .due:
                due = nil
                if let iso = try optional(&s).map(string) {
                    guard let date = CivilDate(iso: iso) else { throw s.fail("not a YYYY-MM-DD date: \(iso)") }
                    due = date
                }
            case .source: source = try s.stringBytes(decoded: &decoded)
            case .extra: try object(&s)
            case .other: try s.skipValue()
            }
        }

        private mutating func optional(_ s: inout JSONScanner) throws(JSONScanner.Failure) -> Text? {
            s.takeNull() ? nil : try s.stringBytes(decoded: &decoded)
        }

        /// A list of strings (null: empty), replacing what `items` held.
        private static func list(_ s: inout JSONScanner, into items: inout [Text], decoded: inout [UInt8])
            throws(JSONScanner.Failure)
        {
            items.removeAll(keepingCapacity: true)
            if s.takeNull() { return }
            try s.expect(0x5B, "a list")
            if s.take(0x5D) { return }
            repeat { items.append(try s.stringBytes(decoded: &decoded)) } while s.take(0x2C)
            try s.expect(0x5D, "] or ,")
        }

        /// An object of string values, in the order written (null: empty).
        private mutating func object(_ s: inout JSONScanner) throws(JSONScanner.Failure) {
            extra.removeAll(keepingCapacity: true)
            if s.takeNull() { return }
            try s.expect(0x7B, "an object")
            if s.take(0x7D) { return }
            repeat {
                let name = try s.stringBytes(decoded: &decoded)
                try s.expect(0x3A, ":")
                extra.append((name, try s.stringBytes(decoded: &decoded)))
            } while s.take(0x2C)
            try s.expect(0x7D, "} or ,")
        }
    }
}
