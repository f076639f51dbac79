import CLibFuzzer

/// Hands control to libFuzzer (linked by `-sanitize=fuzzer`).
///
/// SwiftPM links an executable target with its own `main` (it renames the
/// module's entry point and aliases `main` to it), so libFuzzer's `main`
/// never runs. Each target's `main.swift` therefore calls libFuzzer's
/// library entry, `LLVMFuzzerRunDriver`, with its `LLVMFuzzerTestOneInput`.
public enum FuzzDriver {
    /// The function libFuzzer calls with each input.
    public typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    /// Runs libFuzzer with the process's arguments; returns its exit status.
    public static func run(_ testOneInput: TestOneInput) -> CInt {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        return LLVMFuzzerRunDriver(&argc, &argv, testOneInput)
    }
}
