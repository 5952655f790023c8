extension StateStore {
    /// The signature and SHA-256 last recorded for every data file under `folder` (an absolute
    /// path, without a trailing `/`), by absolute path.
    public func fileSignatures(under folder: String) throws -> [String: (signature: FileSignature, sha256: String)] {
        // Every path that starts with "folder/": "/" is followed by "0" in code point order.
        let rows = try withDatabase { database in
            try database.query(
                """
                SELECT path, size, inode, modified_ns, changed_ns, sha256 FROM file_signatures
                WHERE path >= ? AND path < ?
                """,
                [.text(folder + "/"), .text(folder + "0")]
            ) { row in
                (
                    row.text(0),
                    FileSignature(
                        size: row.int64(1), inode: UInt64(bitPattern: row.int64(2)),
                        modifiedNanoseconds: row.int64(3), changedNanoseconds: row.int64(4)),
                    row.text(5)
                )
            }
        }
        var signatures: [String: (signature: FileSignature, sha256: String)] = [:]
        for (path, signature, sha256) in rows { signatures[path] = (signature, sha256) }
        return signatures
    }

    /// The aggregates stored for a file's content read under `name` by readers of `formatVersion`,
    /// or `nil` when there are none (never read, or read by another version).
    public func fileAggregates(sha256: String, name: String, formatVersion: Int) throws -> [UInt8]? {
        try withDatabase { database in
            try database.queryFirst(
                "SELECT aggregates FROM file_aggregates WHERE sha256 = ? AND name = ? AND format_version = ?",
                [.text(sha256.lowercased()), .text(name), .integer(Int64(formatVersion))]
            ) { $0.blob(0) }
        }
    }

    /// What ``storeFiles(_:)`` records of one data file.
    public struct StoredFile: Sendable {
        /// The file's absolute path.
        public var path: String
        public var signature: FileSignature
        public var sha256: String
        /// The name it was read under (as its diagnostics and inputs show it).
        public var name: String
        public var formatVersion: Int
        /// The archive of what it contributes, or `nil` to record the signature only.
        public var aggregates: [UInt8]?

        public init(
            path: String, signature: FileSignature, sha256: String, name: String, formatVersion: Int, aggregates: [UInt8]?
        ) {
            self.path = path
            self.signature = signature
            self.sha256 = sha256.lowercased()
            self.name = name
            self.formatVersion = formatVersion
            self.aggregates = aggregates
        }
    }

    /// Stores files' aggregates (when given) and records that each file at its path with its
    /// signature holds its content, all in one transaction.
    public func storeFiles(_ files: [StoredFile]) throws {
        guard !files.isEmpty else { return }
        let now = Encoding.timestamp(clock())
        try write { database in
            for file in files {
                if let aggregates = file.aggregates {
                    try database.run(
                        """
                        INSERT OR REPLACE INTO file_aggregates (sha256, name, format_version, aggregates, stored_at)
                        VALUES (?, ?, ?, ?, ?)
                        """,
                        [.text(file.sha256), .text(file.name), .integer(Int64(file.formatVersion)), .blob(aggregates), .text(now)])
                }
                try database.run(
                    """
                    INSERT OR REPLACE INTO file_signatures (path, size, inode, modified_ns, changed_ns, sha256)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                    [
                        .text(file.path), .integer(file.signature.size), .integer(Int64(bitPattern: file.signature.inode)),
                        .integer(file.signature.modifiedNanoseconds), .integer(file.signature.changedNanoseconds),
                        .text(file.sha256),
                    ])
            }
        }
    }

    /// Forgets the signature of the file at `path` (it was removed, rejected or replaced).
    public func forgetFileSignature(path: String) throws {
        try write { database in
            _ = try database.run("DELETE FROM file_signatures WHERE path = ?", [.text(path)])
        }
    }

    /// How many aggregate rows there are and their total size in bytes, per format version.
    public func fileAggregateSizes() throws -> [(formatVersion: Int, rows: Int, bytes: Int)] {
        try withDatabase { database in
            try database.query(
                """
                SELECT format_version, count(*), coalesce(sum(length(aggregates)), 0) FROM file_aggregates
                GROUP BY format_version ORDER BY format_version
                """
            ) { (Int($0.int64(0)), Int($0.int64(1)), Int($0.int64(2))) }
        }
    }
}
