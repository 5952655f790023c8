import Foundation

extension StateStore {
    /// Records an adopted focus area, or updates it when the same scope, area and first period
    /// were adopted before (its measures, note and time are replaced).
    ///
    /// - Returns: the adoption as stored: identifiers in Unicode NFC, the time in milliseconds.
    /// - Throws: ``StateError``, for example `.constraint` when an identifier is empty.
    @discardableResult
    public func adopt(_ area: AdoptedArea) throws -> AdoptedArea {
        let key: [SQLValue] = [
            .text(Encoding.key(area.scope)), .text(Encoding.key(area.areaID)), .text(Encoding.key(area.fromPeriod)),
        ]
        let values: [SQLValue] = [
            .text(Encoding.json(area.measures.map(Encoding.key))),
            .text(area.note),
            .text(Encoding.timestamp(area.adoptedAt)),
        ]
        return try write { database in
            try database.run(
                """
                INSERT INTO adopted_areas (scope, area_id, from_period, measures, note, adopted_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (scope, area_id, from_period) DO UPDATE SET
                    measures = excluded.measures, note = excluded.note, adopted_at = excluded.adopted_at
                """,
                key + values
            )
            let stored = try database.queryFirst(
                "SELECT \(Self.adoptionColumns) FROM adopted_areas WHERE scope = ? AND area_id = ? AND from_period = ?",
                key,
                Self.adoptedArea
            )
            guard let stored else {
                throw StateError(.error, "the adoption just written cannot be read back")
            }
            return stored
        }
    }

    /// The adopted areas of `scope` (of every scope when `nil`), sorted by scope, area and period.
    public func adoptedAreas(scope: String? = nil) throws -> [AdoptedArea] {
        try withDatabase { database in
            if let scope {
                try database.query(
                    "SELECT \(Self.adoptionColumns) FROM adopted_areas WHERE scope = ? ORDER BY area_id, from_period",
                    [.text(Encoding.key(scope))],
                    Self.adoptedArea
                )
            } else {
                try database.query(
                    "SELECT \(Self.adoptionColumns) FROM adopted_areas ORDER BY scope, area_id, from_period",
                    [],
                    Self.adoptedArea
                )
            }
        }
    }

    /// Removes one adoption.
    /// - Returns: `true` when it existed.
    @discardableResult
    public func removeAdoption(areaID: String, scope: String, from fromPeriod: String) throws -> Bool {
        try write { database in
            try database.run(
                "DELETE FROM adopted_areas WHERE scope = ? AND area_id = ? AND from_period = ?",
                [.text(Encoding.key(scope)), .text(Encoding.key(areaID)), .text(Encoding.key(fromPeriod))]
            ) > 0
        }
    }

    private static let adoptionColumns = "area_id, scope, from_period, measures, note, adopted_at"

    private static func adoptedArea(_ row: Statement) throws -> AdoptedArea {
        AdoptedArea(
            areaID: row.text(0),
            scope: row.text(1),
            fromPeriod: row.text(2),
            measures: try Encoding.strings(row.text(3), column: "adopted_areas.measures"),
            note: row.optionalText(4),
            adoptedAt: try Encoding.date(row.text(5), column: "adopted_areas.adopted_at")
        )
    }
}
