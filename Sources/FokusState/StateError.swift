internal import CSQLite

/// The error every ``StateStore`` operation throws.
///
/// It carries the SQLite result code, SQLite's message and the SQL text that failed. The SQL is
/// always the statement with its `?` placeholders: the values bound to them (area ids, notes,
/// mail bodies, file paths) never appear in ``description``, so the error is safe to log.
///
/// Match a code in a `catch` clause with the `~=` overload:
///
/// ```swift
/// do { try store.enqueueMail(...) } catch StateError.Code.constraint { ... }
/// ```
public struct StateError: Error, Sendable, CustomStringConvertible {
    /// A primary SQLite result code (<https://sqlite.org/rescode.html>).
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The SQLite result code.
        public let rawValue: Int32

        /// Wraps a SQLite result code.
        public init(rawValue: Int32) {
            self.rawValue = rawValue
        }

        /// `SQLITE_ERROR`: a generic error, also used for problems Fokus finds itself
        /// (for example a database written by a newer Fokus).
        public static let error = Code(rawValue: SQLITE_ERROR)
        /// `SQLITE_BUSY`: another connection held the lock for longer than the busy timeout.
        public static let busy = Code(rawValue: SQLITE_BUSY)
        /// `SQLITE_LOCKED`: a conflict inside one connection.
        public static let locked = Code(rawValue: SQLITE_LOCKED)
        /// `SQLITE_READONLY`: the file or folder is not writable.
        public static let readOnly = Code(rawValue: SQLITE_READONLY)
        /// `SQLITE_IOERR`: the operating system reported an I/O error.
        public static let ioError = Code(rawValue: SQLITE_IOERR)
        /// `SQLITE_CORRUPT`: the file is damaged.
        public static let corrupt = Code(rawValue: SQLITE_CORRUPT)
        /// `SQLITE_CANTOPEN`: the file (or its folder) cannot be opened or created.
        public static let cantOpen = Code(rawValue: SQLITE_CANTOPEN)
        /// `SQLITE_CONSTRAINT`: a `UNIQUE`, `CHECK`, `NOT NULL` or foreign-key constraint failed.
        public static let constraint = Code(rawValue: SQLITE_CONSTRAINT)
        /// `SQLITE_MISMATCH`: a stored value has the wrong type or format.
        public static let mismatch = Code(rawValue: SQLITE_MISMATCH)
        /// `SQLITE_MISUSE`: the API was used wrongly.
        public static let misuse = Code(rawValue: SQLITE_MISUSE)
        /// `SQLITE_NOTADB`: the file is not an SQLite database.
        public static let notADatabase = Code(rawValue: SQLITE_NOTADB)

        /// SQLite's English name for the code, such as `constraint failed`.
        public var description: String {
            String(cString: sqlite3_errstr(rawValue))
        }
    }

    /// The primary result code.
    public let code: Code
    /// The extended result code (<https://sqlite.org/rescode.html#extrc>), such as
    /// `SQLITE_CONSTRAINT_UNIQUE` (2067). Equal to `code.rawValue` when there is none.
    public let extendedCode: Int32
    /// SQLite's (or Fokus's) message, in English.
    public let message: String
    /// The SQL that failed, with placeholders; `nil` when no statement was involved.
    public let sql: String?

    init(extendedCode: Int32, message: String, sql: String? = nil) {
        self.code = Code(rawValue: extendedCode & 0xFF)
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
    }

    init(_ code: Code, _ message: String, sql: String? = nil) {
        self.init(extendedCode: code.rawValue, message: message, sql: sql)
    }

    /// `state database error 19 (constraint failed): <message> [SQL: <sql>]`.
    public var description: String {
        var text = "state database error \(extendedCode) (\(code)): \(message)"
        if let sql {
            text += " [SQL: \(sql)]"
        }
        return text
    }
}

extension StateError.Code {
    /// Lets `catch StateError.Code.busy` match a ``StateError`` with that primary code.
    public static func ~= (code: StateError.Code, error: any Error) -> Bool {
        (error as? StateError)?.code == code
    }
}
