/// The version `taskql --version` prints and the man page names (kept
/// equal by a test): bumped with each release of the package.
package enum TaskQLVersion {
    package static let current = "0.9.0"
}
