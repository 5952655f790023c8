import Foundation

extension StateStore {
    /// Records that the file at `path` with content `sha256` was read, stamped with the store's clock.
    ///
    /// - Parameters:
    ///   - path: the file's path.
    ///   - sha256: the SHA-256 of its content, as 64 hex digits (stored lowercase).
    ///   - size: its size in bytes.
    ///   - kind: what it held, such as `crime`.
    /// - Returns: `true` when this content is new at this path (a new or changed file); `false`
    ///   when it was seen before, in which case only its last-seen time (and size, kind) change.
    @discardableResult
    public func recordIngestedFile(path: String, sha256: String, size: Int64, kind: String) throws -> Bool {
        try recordIngestedFiles([(path, sha256, size, kind)])[0]
    }

    /// Records several files as ``recordIngestedFile(path:sha256:size:kind:)`` does, in one transaction.
    /// - Returns: for each file, whether its content is new at its path.
    @discardableResult
    public func recordIngestedFiles(_ files: [(path: String, sha256: String, size: Int64, kind: String)]) throws -> [Bool] {
        guard !files.isEmpty else { return [] }
        let now = Encoding.timestamp(clock())
        return try write { database in
            try files.map { file in
                let key: [SQLValue] = [.text(file.path), .text(file.sha256.lowercased())]
                let updated = try database.run(
                    "UPDATE ingested_files SET size = ?, kind = ?, last_seen_at = ? WHERE path = ? AND sha256 = ?",
                    [.integer(file.size), .text(file.kind), .text(now)] + key
                )
                guard updated == 0 else { return false }
                try database.run(
                    """
                    INSERT INTO ingested_files (path, sha256, size, kind, first_seen_at, last_seen_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                    key + [.integer(file.size), .text(file.kind), .text(now), .text(now)]
                )
                return true
            }
        }
    }

    /// The ledger: every (path, content) pair seen, of one `path` when given, sorted by path and
    /// then by when first seen.
    public func ingestedFiles(path: String? = nil) throws -> [IngestedFile] {
        let columns = "path, sha256, size, kind, first_seen_at, last_seen_at"
        return try withDatabase { database in
            if let path {
                try database.query(
                    "SELECT \(columns) FROM ingested_files WHERE path = ? ORDER BY first_seen_at, id",
                    [.text(path)],
                    Self.ingestedFile
                )
            } else {
                try database.query(
                    "SELECT \(columns) FROM ingested_files ORDER BY path, first_seen_at, id",
                    [],
                    Self.ingestedFile
                )
            }
        }
    }

    private static func ingestedFile(_ row: Statement) throws -> IngestedFile {
        IngestedFile(
            path: row.text(0),
            sha256: row.text(1),
            size: row.int64(2),
            kind: row.text(3),
            firstSeenAt: try Encoding.date(row.text(4), column: "ingested_files.first_seen_at"),
            lastSeenAt: try Encoding.date(row.text(5), column: "ingested_files.last_seen_at")
        )
    }
}
