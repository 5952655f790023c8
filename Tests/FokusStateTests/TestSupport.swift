import Foundation

@testable import FokusState

/// A fresh folder under the system's temporary folder, removed when released.
final class TemporaryDirectory: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("fokus-state-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// A path inside the folder.
    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }
}

/// A clock the test moves by hand.
final class TestClock: @unchecked Sendable {
    // @unchecked: `current` is only touched while `lock` is held.
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date = Date(timeIntervalSince1970: 1_709_284_200)) {  // 2024-03-01T09:10:00Z
        current = start
    }

    var now: Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    func advance(by seconds: TimeInterval) {
        lock.lock()
        defer { lock.unlock() }
        current += seconds
    }

    /// The clock as ``StateStore`` takes it.
    var function: @Sendable () -> Date {
        { self.now }
    }
}

/// The first value of a query on a raw connection, for inspecting the file behind a store.
func scalar(_ database: Database, _ sql: String) throws -> Int64 {
    try database.queryFirst(sql) { $0.int64(0) } ?? 0
}
