internal import CSQLite

/// A prepared statement (`sqlite3_stmt`), finalised when released.
///
/// Owned by the ``Database`` that prepared it and used only on that connection's thread of
/// control; like the connection it is not `Sendable`.
final class Statement {
    let handle: OpaquePointer
    /// The SQL text, with placeholders.
    let sql: String

    init(database: OpaquePointer, sql: String) throws {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(database, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            sqlite3_finalize(statement)
            throw StateError(extendedCode: code, message: String(cString: sqlite3_errmsg(database)), sql: sql)
        }
        self.handle = statement
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    private var databaseHandle: OpaquePointer { sqlite3_db_handle(handle) }

    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else { throw error(code) }
    }

    private func error(_ code: Int32) -> StateError {
        StateError(
            extendedCode: sqlite3_extended_errcode(databaseHandle),
            message: String(cString: sqlite3_errmsg(databaseHandle)),
            sql: sql
        )
    }

    /// Resets the statement and binds `values` to its placeholders, 1-based, in order.
    func bind(_ values: [SQLValue]) throws {
        sqlite3_reset(handle)
        try check(sqlite3_clear_bindings(handle))
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard values.count == expected else {
            throw StateError(.misuse, "expected \(expected) arguments, got \(values.count)", sql: sql)
        }
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            switch value {
            case .null:
                try check(sqlite3_bind_null(handle, index))
            case .integer(let integer):
                try check(sqlite3_bind_int64(handle, index, integer))
            case .real(let real):
                try check(sqlite3_bind_double(handle, index, real))
            case .text(let text):
                let byteCount = Int32(text.utf8.count)
                try check(text.withCString { fokus_sqlite3_bind_text(handle, index, $0, byteCount) })
            case .blob(let bytes):
                // An empty blob still binds a blob (not NULL): a non-null pointer with 0 bytes.
                try check(
                    bytes.withUnsafeBytes {
                        fokus_sqlite3_bind_blob(handle, index, $0.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32($0.count))
                    })
            }
        }
    }

    /// Runs the statement one step: `true` when a row is available, `false` when done.
    func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code: throw error(code)
        }
    }

    /// Whether column `index` (0-based) of the current row is `NULL`.
    func isNull(_ index: Int) -> Bool {
        sqlite3_column_type(handle, Int32(index)) == SQLITE_NULL
    }

    /// Column `index` (0-based) of the current row as an integer.
    func int64(_ index: Int) -> Int64 {
        sqlite3_column_int64(handle, Int32(index))
    }

    /// Column `index` (0-based) of the current row as text (`""` for `NULL`).
    func text(_ index: Int) -> String {
        optionalText(index) ?? ""
    }

    /// Column `index` (0-based) of the current row as text, `nil` for `NULL`.
    func optionalText(_ index: Int) -> String? {
        let column = Int32(index)
        guard let bytes = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// Column `index` (0-based) of the current row as bytes (empty for `NULL`).
    func blob(_ index: Int) -> [UInt8] {
        let column = Int32(index)
        guard let bytes = sqlite3_column_blob(handle, column) else { return [] }
        let count = Int(sqlite3_column_bytes(handle, column))
        return Array(UnsafeRawBufferPointer(start: bytes, count: count))
    }
}

@available(*, unavailable)
extension Statement: Sendable {}
