// Fuzz target `dataset-file`: bytes as a dataset (.jsonl) file, read as
// `load` reads one — in place when it is UTF-8, else decoded first — into
// records (``DatasetCollector``) and into an engine's columns
// (``EngineBuilder``). What reads must read the same both ways, and must
// survive being written and read back unchanged.
import Foundation
import FuzzSupport

@testable import TaskQL

@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput(data, size).bytes
    let body: [UInt8]
    if let utf8 = DatasetFile.utf8Body(bytes) {
        body = utf8
    } else if let decoded = try? TextDecoder.decode(bytes, file: "fuzz.jsonl", encoding: nil) {
        body = Array(decoded.text.utf8)
    } else {
        return 0
    }
    let datasets: [Dataset]
    do {
        datasets = try DatasetFileReader<DatasetCollector>.decode(bytes: body, file: "fuzz.jsonl")
    } catch {
        FuzzInvariant.require(!error.message.isEmpty, "an import error without a message")
        // The columns must refuse what the records refuse.
        var builder = EngineBuilder()
        FuzzInvariant.require(
            (try? DatasetFileReader.read(bytes: body, file: "fuzz.jsonl", into: &builder)) == nil,
            "the engine's columns accept a file the record reader refuses: \(error)")
        return 0
    }

    var builder = EngineBuilder()
    do {
        try DatasetFileReader.read(bytes: body, file: "fuzz.jsonl", into: &builder)
    } catch {
        FuzzInvariant.require(false, "the engine's columns refuse a file the record reader accepts: \(error)")
    }
    // Row by row, the columns hold the records (each in the dataset it was
    // read into), extra fields included.
    let table = builder.build().table
    let records = datasets.flatMap { dataset in
        dataset.records.map { record in
            var stored = record
            stored.dataset = dataset.name
            return stored
        }
    }
    FuzzInvariant.require(table.count == records.count, "\(table.count) rows for \(records.count) records")
    for (row, record) in records.enumerated() {
        FuzzInvariant.require(table.record(row) == record, "row \(row) is \(table.record(row)), read as \(record)")
    }

    let written = DatasetFile.encode(datasets)
    guard let reread = try? DatasetFile.decode(written, file: "fuzz.jsonl") else {
        FuzzInvariant.require(false, "a file read, written back, does not read:\n\(written)")
        return 0
    }
    FuzzInvariant.require(
        reread.map(\.records) == datasets.map(\.records), "records change when written and read back:\n\(written)")
    return 0
}

exit(FuzzDriver.run(testOneInput))
