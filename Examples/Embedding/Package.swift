// swift-tools-version:6.0
// A program outside the TaskQL package that embeds the library through a
// path dependency: the way a supervision dashboard or a bot would.
import PackageDescription

let package = Package(
    name: "overdue-report",
    dependencies: [.package(name: "TaskQL", path: "../..")],
    targets: [
        .executableTarget(
            name: "overdue-report",
            dependencies: [.product(name: "TaskQL", package: "TaskQL")]
        )
    ],
    swiftLanguageModes: [.v6]
)
