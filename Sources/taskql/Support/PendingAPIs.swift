import Foundation
import TaskQL

// TODO(merge): stand-ins for library APIs that other branches are still
// writing (front: Parser.completeness, DiagnosticRenderer, Lexer.keywords;
// back: CancellationHandle, Session.execute(_:parameters:cancellation:),
// engine name lists; docs: DatasetLoader, BundledDatasets, DocumentImporter,
// UnitAliases file loading). Each shim has the target API's shape so that
// removing it after `git merge main` is a local change.

/// The language's answers the REPL needs.
enum LanguageSupport {
    /// Whether `text` needs more lines (open bracket, trailing `|`).
    /// TODO(front): `Parser.completeness(of:)`.
    static func isIncomplete(_ text: String) -> Bool {
        let scan = BracketScan(text)
        return scan.depth > 0 || scan.lastSignificant == "|" || scan.lastSignificant == ","
    }

    /// Diagnostics with `file:line:col`. TODO(front): `DiagnosticRenderer.render`.
    static func render(_ error: DiagnosticError, color: Bool) -> String {
        error.description + "\n"
    }

    /// TODO(front): `Lexer.keywords`.
    static let keywords = [
        "and", "or", "not", "in", "contains", "startswith", "endswith", "matches", "has", "by", "as", "asc",
        "desc", "true", "false", "null", "is", "let", "load",
    ]
    /// TODO(front/back): the stage list from the parser.
    static let stages = [
        "where", "select", "extend", "sort", "take", "skip", "top", "count", "summarize", "distinct", "explode",
        "search", "chart",
    ]
}

/// Quote- and comment-aware bracket depth of a statement.
struct BracketScan {
    var depth = 0
    var lastSignificant: Character?
    init(_ text: String) {
        var quote: Character?
        var comment = false
        var escaped = false
        for c in text {
            if comment {
                if c == "\n" { comment = false }
                continue
            }
            if let q = quote {
                if escaped {
                    escaped = false
                } else if c == "\\" {
                    escaped = true
                } else if c == q || c == "\n" {
                    quote = nil
                }
                continue
            }
            switch c {
            case "\"", "'":
                quote = c
                lastSignificant = c
            case "#": comment = true
            case "(", "[":
                depth += 1
                lastSignificant = c
            case ")", "]":
                depth -= 1
                lastSignificant = c
            case " ", "\t", "\n", "\r": break
            default: lastSignificant = c
            }
        }
    }
}

/// Cancels a running query. TODO(back): `CancellationHandle`.
final class QueryCancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    func cancel() { lock.withLock { cancelled = true } }
    var isCancelled: Bool { lock.withLock { cancelled } }
}

extension Session {
    /// TODO(back): `execute(_:parameters:cancellation:)`.
    func run(_ source: SourceText, parameters: [String: Value], cancellation: QueryCancellation) throws
        -> [StatementOutcome]
    {
        try execute(source, parameters: parameters)
    }
}

/// Names the engine knows. TODO(back): `engine.fieldNames` etc.
extension Engine {
    var completionFieldNames: [String] {
        [
            "id", "dataset", "city", "year", "kind", "section", "subsection", "number", "title", "text", "leaders",
            "lead_units", "co_units", "units", "deadline", "due", "source", "城市", "年份", "标题", "任务内容", "牵头领导",
            "牵头单位", "协同单位", "完成时限",
        ]
    }
    var completionFunctionNames: [String] {
        [
            "len", "lower", "upper", "unit", "month", "year", "coalesce", "days", "count", "dcount", "sum", "avg",
            "min", "max", "list",
        ]
    }
    var completionUnitNames: [String] {
        var names = Set<String>()
        for d in datasets {
            for r in d.records {
                names.formUnion(r.leadUnits)
                names.formUnion(r.coUnits)
            }
        }
        return names.sorted()
    }
    var completionLeaderNames: [String] {
        var names = Set<String>()
        for d in datasets { for r in d.records { names.formUnion(r.leaders) } }
        return names.sorted()
    }
}

/// Reading datasets and documents. TODO(docs): `DatasetLoader`,
/// `BundledDatasets`, `DocumentImporter`, `UnitAliases(contentsOf:)`.
enum DataFiles {
    static func bundled(aliases: UnitAliases) -> [Dataset] { [] }

    /// A dataset file (JSON Lines of task records) or a document.
    static func load(path: String, encoding: String?, aliases: UnitAliases, name: String?) throws(InputFileError)
        -> (dataset: Dataset, reports: [String])
    {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputFileError(path: path, reason: "no such file or not readable")
        }
        let datasetName = name ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        var records: [TaskRecord] = []
        let decoder = JSONDecoder()
        for (index, line) in data.split(separator: 0x0A).enumerated() where !line.isEmpty {
            guard let record = try? decoder.decode(TaskRecord.self, from: Data(line)) else {
                throw InputFileError(
                    path: "\(path):\(index + 1)", reason: "not a task record (documents need the importer)")
            }
            records.append(record)
        }
        return (Dataset(name: datasetName, documents: [], records: records), [])
    }

    static func loadAliases(path: String, into aliases: UnitAliases) throws(InputFileError) -> UnitAliases {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw InputFileError(path: path, reason: "cannot read alias file")
        }
        var result = aliases
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2 { result.add(alias: parts[0], canonical: parts[1]) }
        }
        return result
    }

    static func write(_ datasets: [Dataset], to path: String) throws(InputFileError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = Data()
        for d in datasets {
            for r in d.records {
                out += (try? encoder.encode(r)) ?? Data()
                out.append(0x0A)
            }
        }
        guard FileManager.default.createFile(atPath: path, contents: out) else {
            throw InputFileError(path: path, reason: "cannot write")
        }
    }
}
