// swift-tools-version: 6.0
import PackageDescription

/// Settings shared by every target: Swift 6 language mode plus explicit `Sendable` decisions.
let sharedSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Fokus",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Fokus", targets: ["Fokus"]),
        .executable(name: "fokus", targets: ["fokus"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The system libyaml, as Debian ships it (libyaml-dev).
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // The system SQLite, as Debian ships it (libsqlite3-dev).
        .systemLibrary(
            name: "CSQLite",
            path: "Sources/CSQLite",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // OpenSSL's libcrypto, as Debian ships it (libssl-dev): a fast SHA-256 for the command-line tool.
        .systemLibrary(
            name: "CLibCrypto",
            path: "Sources/CLibCrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // The engine: what embedders import. Needs only libyaml and Foundation.
        .target(name: "Fokus", dependencies: ["CYAML"]),
        // The SQLite state shared by the CLI and the daemon. Independent of the engine.
        .target(name: "FokusState", dependencies: ["CSQLite"]),
        // libcrypto's SHA-256 behind the engine's `SHA256Hashing`, for programs that link OpenSSL.
        .target(name: "FokusLibCrypto", dependencies: ["Fokus", "CLibCrypto"]),
        // The command-line tool: argument parsing and output, no engine logic.
        .executableTarget(
            name: "fokus",
            dependencies: [
                "Fokus",
                "FokusState",
                "FokusLibCrypto",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The embedding example shown in the README.
        .executableTarget(name: "EmbedExample", dependencies: ["Fokus"], path: "Examples/embed"),
        .testTarget(
            name: "FokusTests",
            dependencies: ["Fokus"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "FokusCLITests", dependencies: ["Fokus"]),
        .testTarget(name: "FokusStateTests", dependencies: ["FokusState"]),
    ]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + sharedSettings
}
