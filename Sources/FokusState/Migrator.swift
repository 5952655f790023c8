/// One step of the schema's history.
struct Migration: Sendable {
    /// The `user_version` the database has once this migration is applied: 1, 2, 3…
    let version: Int
    /// A short name for logs and tests.
    let name: String
    /// The change. Runs inside the migration's write transaction.
    let apply: @Sendable (Database) throws -> Void

    init(version: Int, name: String, apply: @escaping @Sendable (Database) throws -> Void) {
        self.version = version
        self.name = name
        self.apply = apply
    }

    /// A migration that is plain SQL.
    init(version: Int, name: String, sql: String) {
        self.init(version: version, name: name) { try $0.execute(sql) }
    }
}

/// Brings a database to the latest schema, one versioned migration at a time.
///
/// The version lives in `PRAGMA user_version` (<https://sqlite.org/pragma.html#pragma_user_version>),
/// 0 for a new file. Each pending migration runs in its own `BEGIN IMMEDIATE` transaction
/// together with the `user_version` bump, so a migration is applied completely or not at all.
/// The version is read again inside that transaction: when two processes open a new file at the
/// same time, the second one finds the work done and skips it.
///
/// Migrations are never edited once released; a schema change is a new migration.
struct Migrator: Sendable {
    let migrations: [Migration]

    init(_ migrations: [Migration]) {
        precondition(
            migrations.enumerated().allSatisfy { $0.offset + 1 == $0.element.version },
            "migrations must be numbered 1, 2, 3… in order"
        )
        self.migrations = migrations
    }

    /// The version a fully migrated database has.
    var latestVersion: Int { migrations.last?.version ?? 0 }

    /// Applies every pending migration.
    /// - Returns: the versions this call applied (empty when the database was up to date).
    /// - Throws: ``StateError`` when a migration fails, or when the database comes from a newer
    ///   Fokus (its version is above ``latestVersion``).
    @discardableResult
    func migrate(_ database: Database) throws -> [Int] {
        let start = try database.userVersion()
        try checkNotNewer(start, database)
        var applied: [Int] = []
        for migration in migrations where migration.version > start {
            let didApply = try database.writeTransaction {
                let current = try database.userVersion()
                try checkNotNewer(current, database)
                guard current == migration.version - 1 else { return false }
                try migration.apply(database)
                try database.execute("PRAGMA user_version = \(migration.version)")
                return true
            }
            if didApply {
                applied.append(migration.version)
            }
        }
        return applied
    }

    private func checkNotNewer(_ version: Int, _ database: Database) throws {
        guard version <= latestVersion else {
            throw StateError(
                .error,
                "the state database \(database.path) has schema version \(version), but this Fokus "
                    + "knows versions up to \(latestVersion); use a newer Fokus or another state file"
            )
        }
    }
}
