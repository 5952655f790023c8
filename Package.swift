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
        .library(name: "FokusReports", targets: ["FokusReports"]),
        .executable(name: "fokus", targets: ["fokus"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/JohnSundell/Plot", exact: "0.14.0"),
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
        // The system libcurl (libcurl4-openssl-dev): the daemon's SMTP client.
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        // The system libxlsxwriter, as Debian ships it (libxlsxwriter-dev): Excel workbooks only.
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        // OpenSSL's libcrypto, as Debian ships it (libssl-dev): a fast SHA-256 for the command-line tool.
        .systemLibrary(
            name: "CLibCrypto",
            path: "Sources/CLibCrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // The engine: what embedders import. Needs only libyaml and Foundation. Every public type states whether it
        // is `Sendable` (a warning otherwise), as apple/swift-log does.
        .target(
            name: "Fokus",
            dependencies: ["CYAML"],
            swiftSettings: [.unsafeFlags(["-Xfrontend", "-require-explicit-sendable"])]
        ),
        // The SQLite state shared by the CLI and the daemon. Independent of the engine.
        .target(name: "FokusState", dependencies: ["CSQLite"]),
        // One evaluation run as the CLI, the rule tests and the daemon need it.
        .target(name: "FokusPipeline", dependencies: ["Fokus", "FokusState"]),
        // The daemon: configuration, watching, quarantine, atomic outputs, mail, metrics.
        .target(
            name: "FokusDaemon",
            dependencies: [
                "Fokus",
                "FokusState",
                "FokusPipeline",
                "FokusReports",
                "CCurl",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        // The published formats of a report: the HTML page (built with Plot) and the Excel workbook
        // (libxlsxwriter). Both serialise the engine's report document; the engine does not depend on them.
        .target(
            name: "FokusReports",
            dependencies: ["Fokus", "CXlsxWriter", .product(name: "Plot", package: "Plot")]
        ),
        // libcrypto's SHA-256 behind the engine's `SHA256Hashing`, for programs that link OpenSSL.
        .target(name: "FokusLibCrypto", dependencies: ["Fokus", "CLibCrypto"]),
        // The command-line tool: argument parsing and output, no engine logic.
        .executableTarget(
            name: "fokus",
            dependencies: [
                "Fokus",
                "FokusState",
                "FokusPipeline",
                "FokusDaemon",
                "FokusReports",
                "FokusLibCrypto",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The embedding example shown in the README.
        .executableTarget(name: "EmbedExample", dependencies: ["Fokus"], path: "Examples/embed"),
        .testTarget(
            name: "FokusTests",
            dependencies: ["Fokus"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "FokusCLITests", dependencies: ["Fokus"], exclude: ["Snapshots", "Scripts"]),
        .testTarget(name: "FokusReportsTests", dependencies: ["Fokus", "FokusReports"]),
        .testTarget(name: "FokusStateTests", dependencies: ["FokusState"]),
        // Integration: the real `fokus daemon` on temporary folders, a real SMTP server on loopback.
        .testTarget(
            name: "FokusDaemonTests",
            dependencies: ["Fokus", "FokusState", "FokusPipeline", "FokusDaemon"],
            exclude: ["smtp_sink.py"]
        ),
    ]
)

// The libFuzzer target, declared only for `make fuzz` (FOKUS_FUZZ=1): it has no `main`, libFuzzer brings one, so
// it links only when built with `--sanitize=fuzzer`.
if Context.environment["FOKUS_FUZZ"] != nil {
    package.targets.append(.executableTarget(name: "FokusFuzz", dependencies: ["Fokus"], path: "Fuzz/FokusFuzz"))
}

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + sharedSettings
}
