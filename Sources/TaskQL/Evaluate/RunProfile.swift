/// What `explain` measures while a pipeline runs: the rows and time of its
/// source (a let chain counts as the source) and of each stage. Written only
/// by the thread running the stages (a stage's parallel parts never touch
/// it), read after the run.
final class RunProfile: @unchecked Sendable {
    struct Step {
        /// Index of the first stage the step ran, and how many: a fused pair
        /// (`sort | take`, `explode | count by`) is one step of two.
        var firstStage: Int
        var stages: Int
        var rowsIn: Int
        var rowsOut: Int
        var seconds: Double
    }

    var sourceRows = 0
    var sourceSeconds = 0.0
    var steps: [Step] = []

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
