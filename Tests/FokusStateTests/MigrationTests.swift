import Foundation
import Testing

@testable import FokusState

struct MigrationTests {
    @Test func aNewDatabaseGetsTheWholeSchemaAndItsVersion() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("var/nested/fokus.sqlite")  // parent folders do not exist yet
        let store = try StateStore(path: path)
        #expect(store.appliedMigrations == [1, 2, 3])
        #expect(StateStore.schemaVersion == 3)

        let database = try Database(path: path)
        #expect(try database.userVersion() == 3)
        #expect(try database.journalMode() == "wal")
        let tables = try database.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        ) { $0.text(0) }
        #expect(
            tables == [
                "adopted_areas", "adoption_history", "evaluations", "file_aggregates", "file_signatures", "ingested_files",
                "mail_queue",
            ])
        #expect(try scalar(database, "PRAGMA foreign_keys") == 1)
        #expect(try scalar(database, "PRAGMA busy_timeout") == 5000)
    }

    @Test func reopeningKeepsDataAndDoesNotMigrateAgain() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("fokus.sqlite")
        do {
            let store = try StateStore(path: path)
            try store.adopt(AdoptedArea(areaID: "bedrageri", scope: "Kungsör", fromPeriod: "2024"))
            try store.recordEvaluation(
                scope: "Kungsör", period: "2024", rulesDigest: "r1", reportJSON: "{}", selectedIDs: ["bedrageri"])
        }
        let reopened = try StateStore(path: path)
        #expect(reopened.appliedMigrations.isEmpty)
        #expect(try reopened.adoptedAreas().map(\.areaID) == ["bedrageri"])
        #expect(try reopened.latestEvaluation(scope: "Kungsör")?.selectedIDs == ["bedrageri"])
    }

    @Test func aDatabaseFromANewerFokusIsRefused() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("fokus.sqlite")
        do {
            let database = try Database(path: path)
            try database.execute("PRAGMA user_version = 42")
        }
        #expect {
            try StateStore(path: path)
        } throws: { error in
            let error = try #require(error as? StateError)
            return error.code == .error && error.message.contains("schema version 42")
        }
    }

    @Test func aFileThatIsNotADatabaseIsRefused() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("fokus.sqlite")
        try Data(String(repeating: "not a database, ", count: 100).utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StateError.self) { try StateStore(path: path) }
    }

    @Test func eachMigrationRunsInItsOwnTransactionAndAFailureRollsBack() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("m.sqlite"))
        let migrator = Migrator([
            Migration(version: 1, name: "one", sql: "CREATE TABLE one (x INTEGER) STRICT"),
            Migration(version: 2, name: "two", sql: "CREATE TABLE two (x INTEGER) STRICT; INSERT INTO nowhere VALUES (1)"),
        ])
        #expect(throws: StateError.self) { try migrator.migrate(database) }
        #expect(try database.userVersion() == 1)
        let tables = try database.query("SELECT name FROM sqlite_master WHERE type = 'table'") { $0.text(0) }
        #expect(tables == ["one"])
    }
}
