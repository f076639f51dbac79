import Foundation
import Testing

/// `taskql fmt` end to end: printing, stdin, `--check`, `-i`, and the exit
/// statuses for scripts that do not parse and files that are missing.
@Suite struct FormatCommandTests {
    static let messy = "tasks|where city==\"海门\"   and kind=='key'|count # how many\n"
    static let tidy = "tasks | where city == \"海门\" and kind == \"key\" | count  # how many\n"

    /// A scratch directory holding `messy.tql` and `tidy.tql`.
    func directoryWithScripts() throws -> URL {
        let directory = try CLIProcess.scratchDirectory()
        try Self.messy.write(to: directory.appendingPathComponent("messy.tql"), atomically: true, encoding: .utf8)
        try Self.tidy.write(to: directory.appendingPathComponent("tidy.tql"), atomically: true, encoding: .utf8)
        return directory
    }

    func contents(_ directory: URL, _ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func helpNamesTheSubcommand() throws {
        let help = try CLIProcess.run(["--help"])
        #expect(help.stdout.contains("fmt"), "\(help.stdout)")
        let own = try CLIProcess.run(["fmt", "--help"])
        #expect(own.status == 0)
        for text in ["--check", "--in-place", "-i", "65", "66"] { #expect(own.stdout.contains(text), "lacks \(text)") }
    }

    @Test func printsTheFormattedScriptAndLeavesTheFileAlone() throws {
        let directory = try directoryWithScripts()
        let outcome = try CLIProcess.run(["fmt", "messy.tql", "tidy.tql"], in: directory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == Self.tidy + Self.tidy)
        #expect(outcome.stderr.isEmpty)
        #expect(try contents(directory, "messy.tql") == Self.messy)
    }

    @Test func readsStandardInput() throws {
        for arguments in [["fmt"], ["fmt", "-"]] {
            let outcome = try CLIProcess.run(arguments, stdin: Self.messy)
            #expect(outcome.status == 0, "\(arguments): \(outcome.stderr)")
            #expect(outcome.stdout == Self.tidy, "\(arguments)")
        }
        let check = try CLIProcess.run(["fmt", "--check"], stdin: Self.messy)
        #expect(check.status == 1 && check.stdout == "<stdin>\n", "\(check.stdout)")
    }

    @Test func checkListsTheScriptsThatAreNotFormatted() throws {
        let directory = try directoryWithScripts()
        let clean = try CLIProcess.run(["fmt", "--check", "tidy.tql"], in: directory)
        #expect(clean.status == 0 && clean.stdout.isEmpty && clean.stderr.isEmpty, "\(clean.stdout)\(clean.stderr)")
        let mixed = try CLIProcess.run(["fmt", "--check", "tidy.tql", "messy.tql"], in: directory)
        #expect(mixed.status == 1)
        #expect(mixed.stdout == "messy.tql\n")
        #expect(try contents(directory, "messy.tql") == Self.messy, "--check never writes")
    }

    @Test func inPlaceRewritesOnlyWhatChanges() throws {
        let directory = try directoryWithScripts()
        let messy = directory.appendingPathComponent("messy.tql").path
        let tidy = directory.appendingPathComponent("tidy.tql").path
        #expect(chmod(messy, 0o640) == 0)
        let tidyInode = try inode(tidy)
        let outcome = try CLIProcess.run(["fmt", "-i", "messy.tql", "tidy.tql"], in: directory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
        #expect(try contents(directory, "messy.tql") == Self.tidy)
        #expect(try permissions(messy) == 0o640, "the rewritten file keeps its permissions")
        #expect(try inode(tidy) == tidyInode, "a formatted file is not rewritten")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(leftovers == ["messy.tql", "tidy.tql"], "no temporary file is left")
    }

    /// `-i` through a symbolic link rewrites the file it points to and
    /// leaves the link a link.
    @Test func inPlaceWritesThroughASymbolicLink() throws {
        let directory = try directoryWithScripts()
        let link = directory.appendingPathComponent("link.tql").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "messy.tql")
        let outcome = try CLIProcess.run(["fmt", "--in-place", "link.tql"], in: directory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "messy.tql")
        #expect(try contents(directory, "messy.tql") == Self.tidy)
    }

    @Test func aScriptThatDoesNotParseExits65AndIsNotRewritten() throws {
        let directory = try directoryWithScripts()
        let broken = ".mode csv\ntasks | where city == \"海门 | count\n"
        try broken.write(to: directory.appendingPathComponent("bad.tql"), atomically: true, encoding: .utf8)
        for arguments in [["fmt", "bad.tql"], ["fmt", "-i", "bad.tql", "messy.tql"], ["fmt", "--check", "bad.tql"]] {
            let outcome = try CLIProcess.run(arguments, in: directory)
            #expect(outcome.status == 65, "\(arguments): \(outcome.stderr)")
            #expect(outcome.stderr.contains("--> bad.tql:2:23"), "\(outcome.stderr)")
            #expect(outcome.stderr.contains("unclosed string literal"))
            #expect(!outcome.stdout.contains("tasks"), "nothing of a broken script is printed")
            #expect(try contents(directory, "bad.tql") == broken)
        }
        #expect(try contents(directory, "messy.tql") == Self.tidy, "the other script is still formatted")
    }

    @Test func aMissingFileExits66() throws {
        let directory = try directoryWithScripts()
        let outcome = try CLIProcess.run(["fmt", "missing.tql", "messy.tql"], in: directory)
        #expect(outcome.status == 66)
        #expect(outcome.stderr.contains("missing.tql: no such file"), "\(outcome.stderr)")
        #expect(outcome.stdout == Self.tidy, "the scripts that exist are still formatted")
        let folder = try CLIProcess.run(["fmt", "."], in: directory)
        #expect(folder.status == 66 && folder.stderr.contains("is a directory"), "\(folder.stderr)")
        let device = try CLIProcess.run(["fmt", "/dev/zero"], in: directory)
        #expect(device.status == 66 && device.stderr.contains("is a device"), "\(device.stderr)")
    }

    @Test(arguments: [["fmt", "--check", "-i", "a.tql"], ["fmt", "-i"], ["fmt", "-i", "-"]])
    func contradictoryOptionsExit64(arguments: [String]) throws {
        let outcome = try CLIProcess.run(arguments, stdin: "")
        #expect(outcome.status == 64, "\(arguments): \(outcome.stderr)")
    }

    /// Every example script, formatted, still prints exactly its expected
    /// output: the layout, the kept dot-commands and comments change nothing
    /// a script does.
    @Test(arguments: ExampleScriptsTests.scripts)
    func formattedExamplesPrintTheSame(_ script: String) throws {
        let base = ExampleScriptsTests.examplesDirectory.appendingPathComponent(String(script.dropLast(4)))
        guard let expected = try? String(contentsOf: base.appendingPathExtension("out"), encoding: .utf8) else {
            return  // an example of an error: the caret points at its own lines
        }
        let formatted = try CLIProcess.run(["fmt", "Examples/\(script)"])
        #expect(formatted.status == 0, "\(formatted.stderr)")
        let header = try ExampleHeader(String(contentsOf: base.appendingPathExtension("tql"), encoding: .utf8))
        var arguments = ["run", "-", "--no-color"]
        for (name, value) in header.params { arguments += ["--param", "\(name)=\(value)"] }
        let run = try CLIProcess.run(
            arguments, stdin: Data(formatted.stdout.utf8), environment: ExampleScriptsTests.environment)
        #expect(run.status == 0, "\(script) formatted:\n\(formatted.stdout)\n\(run.stderr)")
        #expect(run.stdout == expected, "\(script) formatted prints something else:\n\(formatted.stdout)")
    }

    /// Dot-commands between statements, continued pipelines, comments and
    /// `;`: the formatter takes the same lines for dot-commands as the
    /// shell does, so the formatted script prints what the original did.
    @Test(arguments: [
        "tasks\n# all of them\n| count\n.mode csv\ntasks | count by kind;tasks|count",
        ".mode csv\n\n\n  .mode json\ntasks | where city == '海门'\n\n| count # how many\n.mode csv\nhaimen|count",
        "let k = tasks\n  | where kind == \"key\"\n.mode csv\n# a note\n.timer off\nk | count by city | sort by city desc",
    ])
    func formattedScriptsRunTheSame(script: String) throws {
        let formatted = try CLIProcess.run(["fmt"], stdin: script)
        #expect(formatted.status == 0, "\(formatted.stderr)")
        #expect(formatted.stdout != script, "the script is changed by formatting")
        let original = try CLIProcess.run(["run", "-", "--no-color"], stdin: script)
        let rerun = try CLIProcess.run(["run", "-", "--no-color"], stdin: formatted.stdout)
        #expect(original.status == 0, "\(original.stderr)")
        #expect(rerun.status == original.status && rerun.stdout == original.stdout, "formatted:\n\(formatted.stdout)")
    }

    func inode(_ path: String) throws -> UInt64 {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? UInt64)
    }

    func permissions(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }
}
