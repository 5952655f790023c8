import Foundation
import Testing

@testable import FokusState

/// Several writers on one state file: a second process, a second store, many tasks.
@Suite(.timeLimit(.minutes(2)))
struct ConcurrencyTests {
    /// Inserts `n` adoptions, one `BEGIN IMMEDIATE` transaction each, with Python's own SQLite
    /// binding and a busy timeout, after printing `ready` and reading a line from stdin. Pauses
    /// `pause` microseconds after each commit.
    static let pythonWriter = """
        import datetime, sqlite3, sys, time
        path, n, pause = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
        db = sqlite3.connect(path, timeout=10, isolation_level=None)
        print("ready", flush=True)
        sys.stdin.readline()
        for i in range(n):
            now = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds")
            db.execute("BEGIN IMMEDIATE")
            db.execute(
                "INSERT INTO adopted_areas (scope, area_id, from_period, measures, note, adopted_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                ("Python-Köping", "område-%d" % i, "2024", '["åtgärd"]', "från en annan process", now.replace("+00:00", "Z")),
            )
            db.execute("COMMIT")
            if pause:
                time.sleep(pause / 1e6)
        print("done", n, flush=True)
        """

    /// Both writers run at once. With `pause` 0 each commits back to back: SQLite's busy handler
    /// is not fair, so one writer mostly waits for the other's burst to end, but no write may
    /// fail. With a pause after each commit (as real writers do work between writes) the two
    /// must interleave.
    @Test(arguments: [0, 1000])
    func aSecondProcessWritingAtTheSameTimeLosesNothing(pause: Int) throws {
        let count = 200
        let folder = try TemporaryDirectory()
        let path = folder.path("fokus.sqlite")
        let store = try StateStore(path: path)

        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", Self.pythonWriter, path, String(count), String(pause)]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        python.standardInput = input
        python.standardOutput = output
        python.standardError = errors
        try python.run()

        // Start both writers together: wait for Python to have connected, then release it.
        var greeting = Data()
        while !greeting.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            greeting.append(chunk)
        }
        try #require(
            String(decoding: greeting, as: UTF8.self) == "ready\n",
            "python3 did not start: \(String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))"
        )
        input.fileHandleForWriting.write(Data("go\n".utf8))

        var swiftErrors: [String] = []
        for index in 0..<count {
            do {
                try store.adopt(
                    AdoptedArea(areaID: "område-\(index)", scope: "Swift-Kungsör", fromPeriod: "2024", measures: ["åtgärd"]))
            } catch {
                swiftErrors.append("\(error)")
            }
            if pause > 0 {
                usleep(UInt32(pause))
            }
        }
        let rest = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        python.waitUntilExit()

        #expect(swiftErrors.isEmpty, "\(swiftErrors.count) Swift writes failed, first: \(swiftErrors.first ?? "")")
        #expect(python.terminationStatus == 0, "python3 failed: \(String(decoding: stderr, as: UTF8.self))")
        #expect(String(decoding: rest, as: UTF8.self) == "done \(count)\n")

        let all = try store.adoptedAreas()
        #expect(all.count == 2 * count)
        #expect(try store.adoptedAreas(scope: "Python-Köping").count == count)
        #expect(try store.adoptedAreas(scope: "Swift-Kungsör").count == count)
        #expect(Set(all.map(\.areaID)).count == count)

        // How much the two writers overlapped: rows of one written between rows of the other.
        let database = try Database(path: path)
        let scopes = try database.query("SELECT scope FROM adopted_areas ORDER BY id") { $0.text(0) }
        let switches = zip(scopes, scopes.dropFirst()).filter { $0 != $1 }.count
        if pause > 0 {
            #expect(switches >= 10, "the two writers did not interleave (\(switches) changes of writer)")
        }
    }

    @Test func twoStoresInOneProcessWriteConcurrently() async throws {
        let count = 150
        let folder = try TemporaryDirectory()
        let path = folder.path("fokus.sqlite")
        let first = try StateStore(path: path)
        let second = try StateStore(path: path)

        try await withThrowingTaskGroup(of: Void.self) { group in
            for (name, store) in [("första", first), ("andra", second)] {
                group.addTask {
                    for index in 0..<count {
                        try store.adopt(AdoptedArea(areaID: "\(name)-\(index)", scope: "Kungsör", fromPeriod: "2024"))
                        // Both stores also fight over one row.
                        try store.adopt(
                            AdoptedArea(areaID: "delad", scope: "Kungsör", fromPeriod: "2024", note: "\(name) \(index)"))
                        try store.recordIngestedFile(
                            path: "data/\(name).csv", sha256: String(repeating: "0", count: 63) + String(index % 10),
                            size: Int64(index), kind: "crime")
                    }
                }
            }
            try await group.waitForAll()
        }

        let areas = try first.adoptedAreas(scope: "Kungsör")
        #expect(areas.count == 2 * count + 1)
        #expect(areas.filter { $0.areaID == "delad" }.count == 1)
        #expect(try second.ingestedFiles().count == 20)
    }

    @Test func oneStoreIsSafeToShareBetweenTasks() async throws {
        let folder = try TemporaryDirectory()
        let store = try StateStore(path: folder.path("fokus.sqlite"))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<4 {
                group.addTask {
                    for index in 0..<50 {
                        let id = try store.recordEvaluation(
                            scope: "Kungsör", period: "2024", rulesDigest: "\(task)", reportJSON: "{}", selectedIDs: [])
                        #expect(try store.evaluation(id: id)?.rulesDigest == "\(task)")
                        _ = index
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try store.evaluations(scope: "Kungsör", limit: 1000).count == 200)
    }

    @Test func storesOpeningANewFileTogetherMigrateItOnce() async throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("fokus.sqlite")
        let applied = try await withThrowingTaskGroup(of: [Int].self) { group in
            for _ in 0..<4 {
                group.addTask { try StateStore(path: path).appliedMigrations }
            }
            return try await group.reduce(into: [Int]()) { $0 += $1 }
        }
        // Each migration is applied exactly once, by whichever store got to it first.
        #expect(applied.sorted() == Array(1...StateStore.schemaVersion))
        let database = try Database(path: path)
        #expect(try database.userVersion() == StateStore.schemaVersion)
    }
}
