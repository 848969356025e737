// swift-tools-version: 6.3
// A package that depends on UDMNormalizer the way a user's package does (by path here; by URL and
// version in the README) and uses the documented library API. CI builds and runs it, so a change
// that breaks the public API fails CI.
import PackageDescription

let package = Package(
    name: "ConsumerExample",
    dependencies: [
        .package(name: "UDMNormalizer", path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "ConsumerExample",
            dependencies: [.product(name: "UDMNormalizer", package: "UDMNormalizer")]
        )
    ],
    swiftLanguageModes: [.v6]
)
