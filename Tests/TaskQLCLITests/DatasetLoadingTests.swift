import Foundation
import Testing

/// Loading files from the command line and the REPL (issue 9): a dataset
/// name must be one a query can use.
@Suite struct DatasetLoadingTests {
    @Test func dotLoadAsTasksIsRefused() throws {
        let directory = try CLIProcess.scratchDirectory()
        _ = try CLIProcess.writeMiniDataset(in: directory)
        let outcome = try CLIProcess.run(
            ["-c", ".load mini.jsonl as tasks\n.mode csv\n.datasets"], in: directory)
        #expect(outcome.status == 65)
        #expect(
            outcome.stderr.hasPrefix(
                "error[E0317]: 'tasks' cannot name a dataset: it means every loaded task, so the dataset could never be queried on its own\n"
            ), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("= help: choose another name, e.g. load \"mini.jsonl\" as mini"))
        #expect(!outcome.stdout.contains("\ntasks,"), "no dataset named tasks: \(outcome.stdout)")
    }
}
