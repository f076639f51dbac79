import Foundation
import Testing

/// Issue 13.4 and 13.6: what sqlite3, DuckDB and psql users expect of the
/// command itself — `--version`, `taskql help SUBCOMMAND`, completion
/// scripts, a man page that `make install` installs and that keeps up
/// with the options, and a start-up file.
@Suite struct ShellConventionTests {
    static let manPage = CLIProcess.packageRoot.appendingPathComponent("Docs/man/taskql.1")

    @Test func versionIsPrintedAndTheManPageNamesIt() throws {
        let run = try CLIProcess.run(["--version"])
        #expect(run.status == 0)
        let version = try #require(run.stdout.split(separator: " ").last).trimmingCharacters(in: .newlines)
        #expect(run.stdout == "taskql \(version)\n")
        let page = try String(contentsOf: Self.manPage, encoding: .utf8)
        #expect(page.contains("\"taskql \(version)\""), "the man page's .TH line names taskql \(version)")
    }

    @Test(arguments: ["run", "import", "fmt", "push"])
    func helpSubcommandIsTheSubcommandsHelp(subcommand: String) throws {
        let help = try CLIProcess.run(["help", subcommand])
        let direct = try CLIProcess.run([subcommand, "--help"])
        #expect(help.status == 0 && help.stdout == direct.stdout && help.stdout.contains("USAGE:"))
    }

    @Test func helpOnAnUnknownSubcommandIsAUsageError() throws {
        let run = try CLIProcess.run(["help", "nosuch"])
        #expect(run.status == 64)
        #expect(
            run.stderr.contains("no help on 'nosuch': the subcommands are run, import, fmt and push"), "\(run.stderr)")
        let root = try CLIProcess.run(["help"])
        #expect(root.status == 0 && root.stdout.contains("SUBCOMMANDS:"))
    }

    @Test(arguments: [("bash", "-F _taskql taskql"), ("zsh", "#compdef taskql"), ("fish", "complete -c 'taskql'")])
    func completionScripts(shell: String, marker: String) throws {
        let run = try CLIProcess.run(["--generate-completion-script", shell])
        #expect(run.status == 0 && run.stdout.contains(marker), "\(run.stdout.prefix(300))")
        #expect(run.stdout.contains("asof"))
    }

    /// Every option the commands' help lists, and every dot-command, is in
    /// the man page; groff reads it without a warning.
    @Test func manPageKeepsUpWithTheOptionsAndDotCommands() throws {
        let page = try String(contentsOf: Self.manPage, encoding: .utf8).replacing("\\-", with: "-")
        for command in [[], ["run"], ["import"], ["fmt"], ["push"]] {
            let help = try CLIProcess.run(command + ["--help"]).stdout
            let options = help.matches(of: /(?:^|[\s,\[])(--[a-z][a-z-]+)/.anchorsMatchLineEndings()).map {
                String($0.output.1)
            }
            #expect(!options.isEmpty)
            for option in Set(options) { #expect(page.contains(option), "taskql.1 lacks \(option)") }
        }
        let dotHelp = try CLIProcess.run(["-c", ".help"]).stdout
        for line in dotHelp.split(separator: "\n") where line.hasPrefix(".") {
            let name = String(line.prefix { $0 != " " })
            let mentioned = [" \(name) ", "\"\(name) ", " \(name)\n"].contains { page.contains($0) }
            #expect(mentioned, "taskql.1 lacks \(name)")
        }
        let groff = ["/usr/bin/groff", "/bin/groff"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let lint = ChildProcess(
            executable: try #require(groff, "groff is installed by make deps"),
            arguments: ["-k", "-man", "-Tutf8", "-ww", "-z", Self.manPage.path],
            environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"], timeout: 30)
        let outcome = try lint.runToEnd()
        #expect(outcome.status == 0 && outcome.stderr.isEmpty, "\(String(decoding: outcome.stderr, as: UTF8.self))")
    }

    @Test func makeInstallPutsTheBinaryManPageAndCompletionsUnderThePrefix() throws {
        let prefix = try CLIProcess.scratchDirectory()
        let make = ChildProcess(
            executable: "/usr/bin/make",
            arguments: [
                "-s", "-C", CLIProcess.packageRoot.path, "install-files", "PREFIX=\(prefix.path)",
                "BIN=\(CLIProcess.binary)",
            ], environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"], timeout: 60)
        let outcome = try make.runToEnd()
        #expect(outcome.status == 0, "\(String(decoding: outcome.stderr, as: UTF8.self))")
        for path in [
            "bin/taskql", "share/man/man1/taskql.1", "share/bash-completion/completions/taskql",
            "share/zsh/site-functions/_taskql", "share/fish/vendor_completions.d/taskql.fish",
        ] {
            let size = try FileManager.default.attributesOfItem(atPath: prefix.appendingPathComponent(path).path)[.size]
            #expect((size as? Int ?? 0) > 0, "\(path) installed")
        }
    }

    @Test func aStartUpFileRunsFirstAndABadLineSaysWhere() throws {
        let directory = try CLIProcess.scratchDirectory()
        try ".mode csv\n.nosuch\nlet mine = tasks | where city == \"宜兴\"\n".write(
            to: directory.appendingPathComponent("setup.tql"), atomically: true, encoding: .utf8)
        let run = try CLIProcess.run(["-init", "setup.tql", "-c", "mine | count"], in: directory)
        #expect(run.stdout == "count\n70\n", "\(run.stdout)")
        #expect(run.stderr == "error: unknown command .nosuch (try .help)\n --> setup.tql:2\n", "\(run.stderr)")
        let missing = try CLIProcess.run(["--init", "nosuch.tql", "-c", "tasks | count"], in: directory)
        #expect(missing.status == 66 && missing.stderr.contains("nosuch.tql: no such start-up file"))
    }

    /// `~/.taskqlrc` shapes the REPL only: a script's output must not
    /// depend on who runs it. (The tmux test shows the REPL reading it.)
    @Test func scriptsDoNotReadTheHomeStartUpFile() throws {
        let home = try CLIProcess.scratchDirectory()
        try ".mode json\n".write(to: home.appendingPathComponent(".taskqlrc"), atomically: true, encoding: .utf8)
        let run = try CLIProcess.run(
            ["-c", ".mode csv\ntasks | count"], in: home, environment: ["HOME": home.path])
        #expect(run.stdout == "count\n610\n")
        let explicit = try CLIProcess.run(
            ["-init", home.appendingPathComponent(".taskqlrc").path, "-c", "tasks | count"], in: home)
        #expect(explicit.stdout.hasPrefix("["), "\(explicit.stdout)")
        let none = try CLIProcess.run(
            ["--no-init", "-init", home.appendingPathComponent(".taskqlrc").path, "-c", "tasks | count"], in: home)
        #expect(none.stdout.hasPrefix("count"), "\(none.stdout)")
    }
}
