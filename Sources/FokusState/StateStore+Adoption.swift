import Foundation

/// What adopting an area did to the state.
public struct AdoptionChange: Hashable, Sendable {
    /// `adopted` for a new adoption, `corrected` when the same scope, area and first period had
    /// other measures or another note, `nil` when it was adopted exactly so already.
    public var action: AdoptionEvent.Action?
    /// The adoption before the change, when there was one.
    public var previous: AdoptedArea?
    /// The adoption as stored now.
    public var current: AdoptedArea
}

extension StateStore {
    /// Records an adopted focus area, or corrects it when the same scope, area and first period
    /// were adopted before (its measures, note and time are replaced).
    ///
    /// - Returns: the adoption as stored: identifiers in Unicode NFC, the time in milliseconds.
    /// - Throws: ``StateError``, for example `.constraint` when an identifier is empty.
    @discardableResult
    public func adopt(_ area: AdoptedArea) throws -> AdoptedArea {
        try recordAdoption(area).current
    }

    /// Records an adopted focus area like ``adopt(_:)`` and says what changed. Every change is
    /// entered in the history (``adoptionHistory(scope:)``) at the store's clock; adopting an area
    /// exactly as it is adopted already changes nothing.
    public func recordAdoption(_ area: AdoptedArea) throws -> AdoptionChange {
        let key = Self.key(areaID: area.areaID, scope: area.scope, from: area.fromPeriod)
        let measures = area.measures.map(Encoding.key)
        let values: [SQLValue] = [
            .text(Encoding.json(measures)),
            .text(area.note),
            .text(Encoding.timestamp(area.adoptedAt)),
        ]
        let now = clock()
        return try write { database in
            let previous = try database.queryFirst(
                "SELECT \(Self.adoptionColumns) FROM adopted_areas WHERE scope = ? AND area_id = ? AND from_period = ?",
                key, Self.adoptedArea)
            if let previous, previous.measures == measures, previous.note == area.note {
                return AdoptionChange(action: nil, previous: previous, current: previous)
            }
            try database.run(
                """
                INSERT INTO adopted_areas (scope, area_id, from_period, measures, note, adopted_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (scope, area_id, from_period) DO UPDATE SET
                    measures = excluded.measures, note = excluded.note, adopted_at = excluded.adopted_at
                """,
                key + values
            )
            let action: AdoptionEvent.Action = previous == nil ? .adopted : .corrected
            try Self.recordEvent(action, key: key, measures: values[0], note: values[1], at: now, in: database)
            let stored = try database.queryFirst(
                "SELECT \(Self.adoptionColumns) FROM adopted_areas WHERE scope = ? AND area_id = ? AND from_period = ?",
                key,
                Self.adoptedArea
            )
            guard let stored else {
                throw StateError(.error, "the adoption just written cannot be read back")
            }
            return AdoptionChange(action: action, previous: previous, current: stored)
        }
    }

    /// The adoption of `areaID` for `scope` from `fromPeriod`, when there is one.
    public func adoption(areaID: String, scope: String, from fromPeriod: String) throws -> AdoptedArea? {
        try withDatabase { database in
            try database.queryFirst(
                "SELECT \(Self.adoptionColumns) FROM adopted_areas WHERE scope = ? AND area_id = ? AND from_period = ?",
                Self.key(areaID: areaID, scope: scope, from: fromPeriod), Self.adoptedArea)
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

    /// Removes one adoption; the removal is entered in the history, with the measures and note
    /// the adoption had.
    /// - Returns: `true` when it existed.
    @discardableResult
    public func removeAdoption(areaID: String, scope: String, from fromPeriod: String) throws -> Bool {
        let key = Self.key(areaID: areaID, scope: scope, from: fromPeriod)
        let now = clock()
        return try write { database in
            let existing = try database.queryFirst(
                "SELECT measures, note FROM adopted_areas WHERE scope = ? AND area_id = ? AND from_period = ?", key
            ) { row in (SQLValue.text(row.text(0)), SQLValue.text(row.optionalText(1))) }
            guard let existing else { return false }
            try database.run("DELETE FROM adopted_areas WHERE scope = ? AND area_id = ? AND from_period = ?", key)
            try Self.recordEvent(.removed, key: key, measures: existing.0, note: existing.1, at: now, in: database)
            return true
        }
    }

    /// Every change to the adoptions of `scope` (of every scope when `nil`), oldest first.
    public func adoptionHistory(scope: String? = nil) throws -> [AdoptionEvent] {
        let columns = "id, action, area_id, scope, from_period, measures, note, recorded_at"
        return try withDatabase { database in
            if let scope {
                try database.query(
                    "SELECT \(columns) FROM adoption_history WHERE scope = ? ORDER BY id", [.text(Encoding.key(scope))],
                    Self.adoptionEvent)
            } else {
                try database.query("SELECT \(columns) FROM adoption_history ORDER BY id", [], Self.adoptionEvent)
            }
        }
    }

    private static func key(areaID: String, scope: String, from fromPeriod: String) -> [SQLValue] {
        [.text(Encoding.key(scope)), .text(Encoding.key(areaID)), .text(Encoding.key(fromPeriod))]
    }

    private static func recordEvent(
        _ action: AdoptionEvent.Action, key: [SQLValue], measures: SQLValue, note: SQLValue, at time: Date,
        in database: Database
    ) throws {
        try database.run(
            """
            INSERT INTO adoption_history (action, scope, area_id, from_period, measures, note, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            [.text(action.rawValue)] + key + [measures, note, .text(Encoding.timestamp(time))])
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

    private static func adoptionEvent(_ row: Statement) throws -> AdoptionEvent {
        guard let action = AdoptionEvent.Action(rawValue: row.text(1)) else {
            throw StateError(.mismatch, "column adoption_history.action holds an unknown action")
        }
        return AdoptionEvent(
            id: row.int64(0), action: action, areaID: row.text(2), scope: row.text(3), fromPeriod: row.text(4),
            measures: try Encoding.strings(row.text(5), column: "adoption_history.measures"),
            note: row.optionalText(6),
            recordedAt: try Encoding.date(row.text(7), column: "adoption_history.recorded_at"))
    }
}
