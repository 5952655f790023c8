public import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The SQLite state shared by the `fokus` CLI and the daemon: adopted areas, evaluations, the
/// ledger of ingested files and the mail queue. The tables are documented in `Schema.swift`.
///
/// ## Concurrency
///
/// A store owns **one** connection and serialises every call on it with a lock, so it is
/// `Sendable` and may be shared by tasks and threads. Calls are synchronous and short (one
/// statement or one small transaction); a call may block up to the busy timeout (5 s) while
/// another *process* writes. Several stores, in one process or in several, may use the same
/// file: SQLite's WAL mode and file locks coordinate them, and every write transaction starts
/// with `BEGIN IMMEDIATE`, so a writer waits for the lock rather than failing.
///
/// SQLite's waiting is not fair: a writer that commits back to back keeps the lock while the
/// others sleep and retry, so they wait until its burst ends. A burst longer than the busy
/// timeout makes the others fail with ``StateError/Code/busy``. Writes to the state are small
/// and rare (one per adoption, evaluation, file or mail), far from that.
///
/// Keep the file on a local disk: WAL mode needs shared memory, which network shares lack.
public final class StateStore: @unchecked Sendable {
    // @unchecked: `database` is only touched while `lock` is held; the rest is immutable.
    private let lock = NSLock()
    private let database: Database
    let clock: @Sendable () -> Date

    /// The database file.
    public let path: String

    /// The versions of the migrations this `init` applied (empty when the file was up to date).
    let appliedMigrations: [Int]

    /// The schema version of a fully migrated database (`PRAGMA user_version`).
    public static var schemaVersion: Int { Schema.migrator.latestVersion }

    /// Opens (creating if missing) the state database at `path` and migrates it to the latest schema.
    ///
    /// - Parameters:
    ///   - path: the database file, such as `var/fokus.sqlite`. Missing parent folders are created.
    ///   - now: the clock for the times the store stamps (evaluations, ledger, mail); tests inject
    ///     a fixed one.
    /// - Throws: ``StateError`` when the file cannot be opened or created, is not a database, or
    ///   was written by a newer Fokus.
    public init(path: String, now: @escaping @Sendable () -> Date = { Date() }) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var isFolder: ObjCBool = false
        if path != ":memory:", FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw StateError(
                .cantOpen,
                "\(path) is a folder; give the state database's file, such as "
                    + URL(fileURLWithPath: path).appendingPathComponent("fokus.sqlite").relativePath)
        }
        if path != ":memory:" && !FileManager.default.fileExists(atPath: folder.path) {
            do {
                // Only its owner may list the folder: the state holds the group's decisions and mail.
                try FileManager.default.createDirectory(
                    at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw StateError(
                    .cantOpen,
                    "cannot create the folder \(folder.path) for the state database: \(error.localizedDescription)"
                )
            }
        }
        if path != ":memory:" { Self.createPrivately(path) }
        let database = try Database(path: path)
        self.appliedMigrations = try Schema.migrator.migrate(database)
        self.database = database
        self.clock = now
        self.path = path
    }

    /// Creates a missing database file readable and writable by its owner only (0600); SQLite gives its `-wal`
    /// and `-shm` files the same permissions. An existing file keeps the permissions it has.
    private static func createPrivately(_ path: String) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor >= 0 { close(descriptor) }
    }

    /// Runs `body` with exclusive use of the connection.
    func withDatabase<T>(_ body: (Database) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(database)
    }

    /// Runs `body` in a `BEGIN IMMEDIATE` transaction with exclusive use of the connection.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try withDatabase { database in
            try database.writeTransaction { try body(database) }
        }
    }
}
