import Foundation
import Testing

@testable import FokusState

struct AdoptionHistoryTests {
    @Test func everyAdoptionCorrectionAndRemovalIsKeptWithItsTime() throws {
        let folder = try TemporaryDirectory()
        let clock = TestClock()
        let store = try StateStore(path: folder.path("fokus.sqlite"), now: clock.function)
        let start = clock.now

        let first = try store.recordAdoption(
            AdoptedArea(areaID: "trafik", scope: "Kungsör", fromPeriod: "2024", measures: ["hastighet"], note: "Medborgarlöfte 2024"))
        #expect(first.action == .adopted)
        #expect(first.previous == nil)

        clock.advance(by: 60)
        // The same again changes nothing and is not a new event.
        let same = try store.recordAdoption(
            AdoptedArea(areaID: "trafik", scope: "Kungsör", fromPeriod: "2024", measures: ["hastighet"], note: "Medborgarlöfte 2024"))
        #expect(same.action == nil)

        clock.advance(by: 60)
        let corrected = try store.recordAdoption(
            AdoptedArea(
                areaID: "trafik", scope: "Kungsör", fromPeriod: "2024", measures: ["hastighet", "rattfylleri"],
                note: "Medborgarlöfte 2024, rättat"))
        #expect(corrected.action == .corrected)
        #expect(corrected.previous?.measures == ["hastighet"])
        #expect(corrected.current.measures == ["hastighet", "rattfylleri"])

        clock.advance(by: 60)
        try store.adopt(AdoptedArea(areaID: "bedrägeri", scope: "Köping", fromPeriod: "2025"))
        clock.advance(by: 60)
        #expect(try store.removeAdoption(areaID: "trafik", scope: "Kungsör", from: "2024"))
        #expect(try !store.removeAdoption(areaID: "trafik", scope: "Kungsör", from: "2024"))

        #expect(try store.adoptedAreas().map(\.areaID) == ["bedrägeri"])
        let history = try store.adoptionHistory()
        #expect(history.map(\.action) == [.adopted, .corrected, .adopted, .removed])
        #expect(history.map(\.areaID) == ["trafik", "trafik", "bedrägeri", "trafik"])
        #expect(history.map(\.recordedAt) == [0, 120, 180, 240].map { start.addingTimeInterval($0) })
        // A removal keeps what the adoption had.
        #expect(history[3].measures == ["hastighet", "rattfylleri"])
        #expect(history[3].note == "Medborgarlöfte 2024, rättat")
        #expect(try store.adoptionHistory(scope: "Kungso\u{0308}r").map(\.action) == [.adopted, .corrected, .removed])
    }

    @Test func aVersion1DatabaseGetsTheHistoryOfItsAdoptions() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("fokus.sqlite")
        do {
            // A state file as the first schema left it, with two adoptions.
            let database = try Database(path: path)
            try Migrator(Array(Schema.migrations.prefix(1))).migrate(database)
            try database.execute(
                """
                INSERT INTO adopted_areas (scope, area_id, from_period, measures, note, adopted_at) VALUES
                    ('Kungsör', 'trafik', '2022', '["hastighet"]', 'Medborgarlöfte 2022', '2022-03-01T09:00:00.000Z'),
                    ('Kungsör', 'bedrageri', '2024', '[]', NULL, '2024-02-15T13:30:00.000Z');
                """)
            #expect(try database.userVersion() == 1)
        }
        let store = try StateStore(path: path)
        #expect(store.appliedMigrations == [2, 3])
        let history = try store.adoptionHistory()
        #expect(history.map(\.areaID) == ["trafik", "bedrageri"])
        #expect(history.allSatisfy { $0.action == .adopted })
        #expect(history[0].measures == ["hastighet"] && history[0].note == "Medborgarlöfte 2022")
        #expect(history[1].recordedAt == Date(timeIntervalSince1970: 1_708_003_800))
        #expect(try store.adoptedAreas().count == 2)
    }
}
