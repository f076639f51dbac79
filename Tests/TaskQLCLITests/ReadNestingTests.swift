import Foundation
import Testing

/// `.read` inside `.read` is limited to 16 levels (issue 9): a script that
/// reads itself was a stack overflow; now it is one error naming the file,
/// the line and the depth, and the script that started it goes on.
@Suite struct ReadNestingTests {
    @Test func aScriptThatReadsItselfIsOneError() throws {
        let directory = try CLIProcess.scratchDirectory()
        // Twice: without ending every level at once it would report 2¹⁶ times.
        try ".read a.tql\n.read a.tql\n".write(
            to: directory.appendingPathComponent("a.tql"), atomically: true, encoding: .utf8)
        let outcome = try CLIProcess.run(["-c", ".read a.tql\n.mode csv\ntasks | count"], in: directory, timeout: 30)
        #expect(!outcome.crashed)
        #expect(outcome.status == 65)
        #expect(outcome.stderr == "error: .read nested more than 16 deep (does a.tql read itself?)\n --> a.tql:1\n")
        #expect(outcome.stdout == "count\n610\n", "the script that started it goes on")
    }

    @Test func twoScriptsThatReadEachOtherNameBoth() throws {
        let directory = try CLIProcess.scratchDirectory()
        try ".read c.tql\n".write(to: directory.appendingPathComponent("b.tql"), atomically: true, encoding: .utf8)
        try "\n.read b.tql\n".write(to: directory.appendingPathComponent("c.tql"), atomically: true, encoding: .utf8)
        let outcome = try CLIProcess.run(["run", "b.tql"], in: directory, timeout: 30)
        #expect(outcome.status == 65)
        #expect(outcome.stderr == "error: .read nested more than 16 deep (does b.tql read c.tql?)\n --> b.tql:1\n")
    }

    /// Sixteen files each reading the next run; a seventeenth is refused.
    @Test(arguments: [16, 17])
    func sixteenLevelsAreAllowed(levels: Int) throws {
        let directory = try CLIProcess.scratchDirectory()
        for level in 1...levels {
            let body = level == levels ? ".mode csv\ntasks | count\n" : ".read f\(level + 1).tql\n"
            try body.write(to: directory.appendingPathComponent("f\(level).tql"), atomically: true, encoding: .utf8)
        }
        let outcome = try CLIProcess.run(["-c", ".read f1.tql"], in: directory)
        if levels == 16 {
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(outcome.stdout == "count\n610\n")
        } else {
            #expect(outcome.status == 65)
            #expect(
                outcome.stderr == "error: .read nested more than 16 deep (does f16.tql read f17.tql?)\n --> f16.tql:1\n"
            )
        }
    }
}
