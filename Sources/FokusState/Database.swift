internal import CSQLite
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// One SQLite connection (`sqlite3 *`), closed when released.
///
/// Explicitly **not** `Sendable`: a connection is used from one thread of control at a time.
/// ``StateStore`` owns one and serialises every use of it behind a lock.
///
/// Opening configures the connection the way every Fokus process does, so the CLI, the daemon
/// and other tools agree:
/// - `sqlite3_open_v2` with `SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX`;
/// - `PRAGMA busy_timeout = 5000`: wait up to 5 s for another writer instead of failing at once;
/// - `PRAGMA journal_mode = WAL`: readers never block the writer, and the writer never blocks
///   readers (<https://sqlite.org/wal.html>). WAL needs shared memory, so keep the state file on a
///   local disk, not on a network share;
/// - `PRAGMA foreign_keys = ON`, which SQLite leaves off by default.
final class Database {
    let handle: OpaquePointer
    /// The file path given to `init(path:)`.
    let path: String

    /// How long a statement waits for a lock held by another connection, in milliseconds.
    static let busyTimeoutMilliseconds = 5000

    init(path: String) throws {
        var connection: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX
        let code = sqlite3_open_v2(path, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let message =
                connection.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_close_v2(connection)
            throw StateError(extendedCode: code, message: "cannot open the state database: \(message)")
        }
        sqlite3_extended_result_codes(connection, 1)
        self.handle = connection
        self.path = path
        // The busy timeout first: switching to WAL itself may wait for another process.
        try execute("PRAGMA busy_timeout = \(Self.busyTimeoutMilliseconds)")
        try switchToWAL()
        try execute("PRAGMA foreign_keys = ON")
    }

    /// Sets `journal_mode = WAL`, retrying while another connection holds the lock it needs.
    ///
    /// When two processes open a new file at the same time, the switch needs an exclusive lock that the other
    /// may hold while it switches, and SQLite then reports `SQLITE_BUSY` at once, without calling the busy
    /// handler (waiting could deadlock). The other switch is over within milliseconds, so the switch is retried
    /// for up to the busy timeout, after which the mode is already WAL in most cases.
    private func switchToWAL() throws {
        let deadline = Date().addingTimeInterval(Double(Self.busyTimeoutMilliseconds) / 1000)
        var pause: useconds_t = 1000
        while true {
            do {
                let mode = try queryFirst("PRAGMA journal_mode = WAL") { $0.text(0) } ?? ""
                if mode.lowercased() == "wal" || path == ":memory:" { return }
                throw StateError(
                    extendedCode: SQLITE_ERROR, message: "the state database cannot use WAL mode (it is in \(mode) mode)")
            } catch let error as StateError where error.code == .busy || error.code == .locked {
                guard Date() < deadline else { throw error }
                usleep(pause)
                pause = min(pause * 2, 50_000)
            }
        }
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements without arguments (`sqlite3_exec`). Rows are discarded.
    func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        defer { sqlite3_free(message) }
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            throw StateError(extendedCode: sqlite3_extended_errcode(handle), message: text, sql: sql)
        }
    }

    /// Prepares one statement.
    func prepare(_ sql: String) throws -> Statement {
        try Statement(database: handle, sql: sql)
    }

    /// Runs one statement with `arguments` to completion.
    /// - Returns: the number of rows it inserted, updated or deleted (`sqlite3_changes`).
    @discardableResult
    func run(_ sql: String, _ arguments: [SQLValue] = []) throws -> Int {
        let statement = try prepare(sql)
        try statement.bind(arguments)
        while try statement.step() {}
        return Int(sqlite3_changes(handle))
    }

    /// Runs one query and turns each row into a value with `decode`.
    func query<Row>(_ sql: String, _ arguments: [SQLValue] = [], _ decode: (Statement) throws -> Row) throws -> [Row] {
        let statement = try prepare(sql)
        try statement.bind(arguments)
        var rows: [Row] = []
        while try statement.step() {
            rows.append(try decode(statement))
        }
        return rows
    }

    /// The first row of a query, or `nil`.
    func queryFirst<Row>(
        _ sql: String,
        _ arguments: [SQLValue] = [],
        _ decode: (Statement) throws -> Row
    ) throws -> Row? {
        let statement = try prepare(sql)
        try statement.bind(arguments)
        return try statement.step() ? decode(statement) : nil
    }

    /// The rowid of the last successful `INSERT` on this connection.
    var lastInsertRowID: Int64 {
        sqlite3_last_insert_rowid(handle)
    }

    /// `PRAGMA user_version`: the schema version the migrations have reached.
    func userVersion() throws -> Int {
        Int(try queryFirst("PRAGMA user_version") { $0.int64(0) } ?? 0)
    }

    /// The journal mode in force (`wal` for a file database).
    func journalMode() throws -> String {
        try queryFirst("PRAGMA journal_mode") { $0.text(0) } ?? ""
    }

    /// Runs `body` in a write transaction started with `BEGIN IMMEDIATE`.
    ///
    /// `IMMEDIATE` takes the write lock up front, waiting up to the busy timeout for it. A
    /// deferred transaction that reads and then writes could instead fail with `SQLITE_BUSY`
    /// without waiting, when another process committed in between. If `body` throws, the
    /// transaction is rolled back and the error rethrown.
    func writeTransaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            if sqlite3_get_autocommit(handle) == 0 {
                try? execute("ROLLBACK")
            }
            throw error
        }
    }
}

@available(*, unavailable)
extension Database: Sendable {}
