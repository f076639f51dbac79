/// Properties every input must have beyond "does not crash". A broken one
/// traps, so libFuzzer saves the input as a crash like any other.
public enum FuzzInvariant {
    /// Traps with `message` when `condition` is false (also in release
    /// builds, unlike `assert`).
    public static func require(
        _ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line
    ) {
        guard !condition else { return }
        fatalError("fuzz invariant broken: \(message())", file: file, line: line)
    }
}
