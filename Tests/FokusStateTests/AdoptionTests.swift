import Foundation
import Testing

@testable import FokusState

struct AdoptionTests {
    let folder: TemporaryDirectory
    let store: StateStore

    init() throws {
        folder = try TemporaryDirectory()
        store = try StateStore(path: folder.path("fokus.sqlite"))
    }

    @Test func adoptListUpdateAndRemove() throws {
        let decided = Date(timeIntervalSince1970: 1_709_284_200)
        let stored = try store.adopt(
            AdoptedArea(
                areaID: "trafik", scope: "Kungsör", fromPeriod: "2024",
                measures: ["hastighetskontroller", "belysning"], note: "Beslut i lägesbildsmötet", adoptedAt: decided))
        #expect(stored.measures == ["hastighetskontroller", "belysning"])
        #expect(stored.adoptedAt == decided)
        try store.adopt(AdoptedArea(areaID: "bedrageri", scope: "Kungsör", fromPeriod: "2024-Q2"))
        try store.adopt(AdoptedArea(areaID: "narkotika", scope: "Arboga", fromPeriod: "2023"))

        #expect(try store.adoptedAreas(scope: "Kungsör").map(\.areaID) == ["bedrageri", "trafik"])
        #expect(try store.adoptedAreas().map(\.scope) == ["Arboga", "Kungsör", "Kungsör"])

        // Adopting the same (scope, area, from) again updates the row.
        let later = decided.addingTimeInterval(86_400)
        let updated = try store.adopt(
            AdoptedArea(areaID: "trafik", scope: "Kungsör", fromPeriod: "2024", measures: ["belysning"], adoptedAt: later))
        #expect(updated.measures == ["belysning"])
        #expect(updated.note == nil)
        #expect(updated.adoptedAt == later)
        #expect(try store.adoptedAreas(scope: "Kungsör").count == 2)

        // Another first period is another adoption.
        try store.adopt(AdoptedArea(areaID: "trafik", scope: "Kungsör", fromPeriod: "2025"))
        #expect(try store.adoptedAreas(scope: "Kungsör").count == 3)

        #expect(try store.removeAdoption(areaID: "trafik", scope: "Kungsör", from: "2024"))
        #expect(try !store.removeAdoption(areaID: "trafik", scope: "Kungsör", from: "2024"))
        #expect(try store.adoptedAreas(scope: "Kungsör").map(\.fromPeriod) == ["2024-Q2", "2025"])
    }

    @Test func swedishTextRoundTrips() throws {
        let area = AdoptedArea(
            areaID: "trygghet-på-torget", scope: "Kungsör", fromPeriod: "2024",
            measures: ["trygghetsvandring", "ökad-närvaro"],
            note: "Åtgärder för äldre: \"mötesplats\" vid ån, ÅÄÖ åäö é ü — 100 %; emoji 🚓",
            adoptedAt: Date(timeIntervalSince1970: 1_709_284_200.125))  // milliseconds survive
        try store.adopt(area)
        let back = try #require(try store.adoptedAreas(scope: "Kungsör").first)
        #expect(back == area)

        let report = #"{"scope":"Kungsör","ranking":[{"id":"trafik","name":"Trafiksäkerhet och trafikbrott"}]}"#
        let id = try store.recordEvaluation(
            scope: "Kungsör", period: "2024", rulesDigest: "sha256:åäö", reportJSON: report, selectedIDs: ["trafiksäkerhet"])
        let evaluation = try #require(try store.evaluation(id: id))
        #expect(evaluation.reportJSON == report)
        #expect(evaluation.selectedIDs == ["trafiksäkerhet"])
        #expect(evaluation.rulesDigest == "sha256:åäö")
    }

    @Test func precomposedAndDecomposedSpellingsAreOneKey() throws {
        let decomposed = "Kungso\u{0308}r"  // o + combining diaeresis, as macOS file names spell it
        #expect(decomposed.utf8.count != "Kungsör".utf8.count)
        try store.adopt(AdoptedArea(areaID: "bedrägeri", scope: decomposed, fromPeriod: "2024", note: "första"))
        try store.adopt(AdoptedArea(areaID: "bedra\u{0308}geri", scope: "Kungsör", fromPeriod: "2024", note: "andra"))

        let areas = try store.adoptedAreas(scope: decomposed)
        #expect(areas.count == 1)
        #expect(areas.first?.note == "andra")
        #expect(areas.first?.scope.utf8.elementsEqual("Kungsör".utf8) == true)
        #expect(try store.removeAdoption(areaID: "bedrägeri", scope: "Kungso\u{0308}r", from: "2024"))
    }

    @Test func emptyIdentifiersAreRejected() throws {
        #expect {
            try store.adopt(AdoptedArea(areaID: "", scope: "Kungsör", fromPeriod: "2024"))
        } throws: { error in
            StateError.Code.constraint ~= error
        }
    }
}
