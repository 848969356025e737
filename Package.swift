// swift-tools-version: 6.3
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "UDMNormalizer",
    products: [
        .library(name: "UDMNormalizer", targets: ["UDMNormalizer"]),
        .executable(name: "udm-normalize", targets: ["udm-normalize"]),
    ],
    targets: [
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "UDMNormalizer",
            dependencies: ["CZlib"],
            exclude: ["Schema/Reference"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "udm-normalize",
            dependencies: ["UDMNormalizer"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "UDMNormalizerTests",
            dependencies: ["UDMNormalizer"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
