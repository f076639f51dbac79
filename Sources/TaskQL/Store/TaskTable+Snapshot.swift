import SystemPackage

// The column store to and from a snapshot file (``SnapshotFile``): the
// sections are the table's arrays in a fixed order (the column lists of
// ``TaskTable``), so reopening a dataset is a read per column. Everything
// read back is checked before it is used, since a query indexes with it:
// offsets in bounds and in order, ids inside the pool, one dataset per row.
extension TaskTable {
    /// Appends the table's sections (it need not be finished: what
    /// ``finish(aliases:)`` works out depends on the aliases of the engine
    /// that reads it).
    func write(to writer: inout SnapshotWriter) throws {
        let names = datasetRows.keys.sorted()
        try writer.section([Int64(count), Int64(pool.count), Int64(names.count)])
        try Self.write(names, to: &writer)
        var ranges: [Int64] = []
        for (index, name) in names.enumerated() {
            for range in datasetRows[name]! {
                ranges += [Int64(index), Int64(range.lowerBound), Int64(range.upperBound)]
            }
        }
        try writer.section(ranges)
        try Self.write(pool.strings, to: &writer)
        for path in Self.textColumns {
            let column = self[keyPath: path]
            try writer.section(column.bytes)
            try writer.section(column.offsets)
            try writer.section(column.nulls.map { $0 ? 1 as UInt8 : 0 })
        }
        for path in Self.listColumns {
            try writer.section(self[keyPath: path].ids)
            try writer.section(self[keyPath: path].offsets)
        }
        for (path, _) in Self.pooledColumns { try writer.section(self[keyPath: path]) }
        try writer.section(self[keyPath: Self.dayColumn])
        try writer.section(self[keyPath: Self.integerColumn])
    }

    /// The table in `reader`'s sections (as ``write(to:)`` wrote them), or
    /// why they do not make one.
    init(reading reader: inout SnapshotReader) throws(SnapshotError) {
        let sizes = try reader.array(of: Int64.self)
        guard sizes.count == 3, sizes.allSatisfy({ (0...Int64(Int32.max)).contains($0) }) else {
            throw SnapshotError("the table's sizes are not valid")
        }
        let (rows, poolCount, nameCount) = (Int(sizes[0]), Int(sizes[1]), Int(sizes[2]))
        let names = try Self.strings(&reader, count: nameCount, what: "dataset names")
        let ranges = try reader.array(of: Int64.self)
        let strings = try Self.strings(&reader, count: poolCount, what: "string pool")
        guard let pool = StringPool(strings: strings) else { throw SnapshotError("the string pool repeats a string") }
        guard ranges.count % 3 == 0 else { throw SnapshotError("the dataset rows are not valid") }
        var datasetRows: [String: [Range<Int>]] = [:]
        for name in names { datasetRows[name] = [] }
        for i in stride(from: 0, to: ranges.count, by: 3) {
            let (index, lower, upper) = (ranges[i], ranges[i + 1], ranges[i + 2])
            guard (0..<Int64(names.count)).contains(index), 0 <= lower, lower <= upper, upper <= Int64(rows) else {
                throw SnapshotError("the dataset rows are not valid")
            }
            datasetRows[names[Int(index)]]!.append(Int(lower)..<Int(upper))
        }
        self.init(pool: pool, count: rows, datasetRows: datasetRows)
        for path in Self.textColumns {
            let bytes = try reader.array(of: UInt8.self)
            let offsets = try reader.array(of: Int.self)
            let nulls = try reader.array(of: UInt8.self)
            guard offsets.count == rows + 1, nulls.allSatisfy({ $0 <= 1 }),
                let column = TextColumn(bytes: bytes, offsets: offsets, nulls: nulls.map { $0 == 1 })
            else { throw SnapshotError("a text column is not valid") }
            self[keyPath: path] = column
        }
        for path in Self.listColumns {
            let ids = try reader.array(of: Int32.self)
            let offsets = try reader.array(of: Int32.self)
            guard offsets.count == rows + 1, let column = ListColumn(ids: ids, offsets: offsets, idLimit: pool.count)
            else { throw SnapshotError("a list column is not valid") }
            self[keyPath: path] = column
        }
        // Extra fields are name-value pairs.
        let pairs = extraFields.offsets
        guard (0..<rows).allSatisfy({ (pairs[$0 + 1] - pairs[$0]) % 2 == 0 }) else {
            throw SnapshotError("the extra fields are not name-value pairs")
        }
        for (path, optional) in Self.pooledColumns {
            let ids = try reader.array(of: Int32.self)
            let lowest = optional ? Self.nullID : 0
            guard ids.count == rows, ids.allSatisfy({ $0 >= lowest && Int($0) < pool.count }) else {
                throw SnapshotError("a string column is not valid")
            }
            self[keyPath: path] = ids
        }
        let days = try reader.array(of: Int32.self)
        let dates = CivilDate.earliest.daysSinceEpoch...CivilDate.latest.daysSinceEpoch
        guard days.count == rows, days.allSatisfy({ $0 == Self.nullDay || dates.contains($0) }) else {
            throw SnapshotError("the due column is not valid")
        }
        self[keyPath: Self.dayColumn] = days
        let years = try reader.array(of: Int.self)
        guard years.count == rows else { throw SnapshotError("the year column is not valid") }
        self[keyPath: Self.integerColumn] = years
        try checkDatasets()
    }

    /// Every row in exactly one dataset's rows, and its dataset column
    /// naming that dataset.
    private func checkDatasets() throws(SnapshotError) {
        var claimed = [Bool](repeating: false, count: count)
        for (name, ranges) in datasetRows {
            guard let id = pool.id(of: name) else { throw SnapshotError("dataset \(name) is not in the string pool") }
            for range in ranges {
                for row in range {
                    guard !claimed[row], datasets[row] == id else {
                        throw SnapshotError("row \(row) is not in exactly one dataset")
                    }
                    claimed[row] = true
                }
            }
        }
        guard !claimed.contains(false) else { throw SnapshotError("a row is in no dataset") }
    }

    /// Strings as a bytes section and an offsets section (read back by
    /// ``strings(_:count:what:)``).
    private static func write(_ strings: [String], to writer: inout SnapshotWriter) throws {
        var bytes: [UInt8] = []
        var offsets = [0]
        for string in strings {
            bytes += string.utf8
            offsets.append(bytes.count)
        }
        try writer.section(bytes)
        try writer.section(offsets)
    }

    /// `count` strings from a bytes section and an offsets section.
    private static func strings(_ reader: inout SnapshotReader, count: Int, what: String) throws(SnapshotError)
        -> [String]
    {
        let bytes = try reader.array(of: UInt8.self)
        let offsets = try reader.array(of: Int.self)
        guard offsets.count == count + 1, offsets.first == 0, offsets.last == bytes.count,
            zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 })
        else { throw SnapshotError("the \(what) is not valid") }
        var strings: [String] = []
        strings.reserveCapacity(count)
        let valid: Bool = bytes.withUnsafeBufferPointer { all in
            for i in 0..<count {
                let slice = UnsafeBufferPointer(rebasing: all[offsets[i]..<offsets[i + 1]])
                guard UTF8Check.isValid(slice) else { return false }
                strings.append(String(decoding: slice, as: UTF8.self))
            }
            return true
        }
        guard valid else { throw SnapshotError("the \(what) is not valid UTF-8") }
        return strings
    }
}
