import Foundation

extension StateStore {
    /// Records one evaluation run, stamped with the store's clock.
    ///
    /// - Parameters:
    ///   - scope: the municipality or police area evaluated.
    ///   - period: the period evaluated.
    ///   - rulesDigest: a digest of the rules used.
    ///   - reportJSON: the complete `report.json`; must be valid JSON.
    ///   - selectedIDs: the ids of the selected areas.
    /// - Returns: the new evaluation's id (see ``StoredEvaluation/id``).
    /// - Throws: ``StateError``, `.constraint` when `reportJSON` is not JSON.
    @discardableResult
    public func recordEvaluation(
        scope: String,
        period: String,
        rulesDigest: String,
        reportJSON: String,
        selectedIDs: [String]
    ) throws -> Int64 {
        let arguments: [SQLValue] = [
            .text(Encoding.key(scope)),
            .text(Encoding.key(period)),
            .text(Encoding.timestamp(clock())),
            .text(rulesDigest),
            .text(reportJSON),
            .text(Encoding.json(selectedIDs.map(Encoding.key))),
        ]
        return try write { database in
            try database.run(
                """
                INSERT INTO evaluations (scope, period, evaluated_at, rules_digest, report_json, selected_ids)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
                arguments
            )
            return database.lastInsertRowID
        }
    }

    /// The most recently recorded evaluation of `scope` (of that `period`, when given), or `nil`.
    ///
    /// "Most recent" is the order of recording, not ``StoredEvaluation/evaluatedAt``, so a clock
    /// set back cannot reorder history.
    public func latestEvaluation(scope: String, period: String? = nil) throws -> StoredEvaluation? {
        try evaluations(scope: scope, period: period, limit: 1).first
    }

    /// The evaluations of `scope` (of that `period`, when given), newest first.
    public func evaluations(scope: String, period: String? = nil, limit: Int = 100) throws -> [StoredEvaluation] {
        try withDatabase { database in
            if let period {
                try database.query(
                    """
                    SELECT \(Self.evaluationColumns) FROM evaluations
                    WHERE scope = ? AND period = ? ORDER BY id DESC LIMIT ?
                    """,
                    [.text(Encoding.key(scope)), .text(Encoding.key(period)), .integer(Int64(limit))],
                    Self.storedEvaluation
                )
            } else {
                try database.query(
                    "SELECT \(Self.evaluationColumns) FROM evaluations WHERE scope = ? ORDER BY id DESC LIMIT ?",
                    [.text(Encoding.key(scope)), .integer(Int64(limit))],
                    Self.storedEvaluation
                )
            }
        }
    }

    /// The evaluation with id `id`, or `nil`.
    public func evaluation(id: Int64) throws -> StoredEvaluation? {
        try withDatabase { database in
            try database.queryFirst(
                "SELECT \(Self.evaluationColumns) FROM evaluations WHERE id = ?",
                [.integer(id)],
                Self.storedEvaluation
            )
        }
    }

    private static let evaluationColumns = "id, scope, period, evaluated_at, rules_digest, report_json, selected_ids"

    private static func storedEvaluation(_ row: Statement) throws -> StoredEvaluation {
        StoredEvaluation(
            id: row.int64(0),
            scope: row.text(1),
            period: row.text(2),
            evaluatedAt: try Encoding.date(row.text(3), column: "evaluations.evaluated_at"),
            rulesDigest: row.text(4),
            reportJSON: row.text(5),
            selectedIDs: try Encoding.strings(row.text(6), column: "evaluations.selected_ids")
        )
    }
}
