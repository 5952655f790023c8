import Foundation
import Testing

@testable import Fokus

struct FollowUpTests {
    static let rules = Build.rules([Area(id: "trafik", name: "Trafik", categories: ["Trafikbrott"], surveyItems: ["Bilar"])])

    @Test func countsSinceAdoptionAgainstTheBaselineBeforeIt() throws {
        let data = Build.dataset(
            counts: [
                ("2019", "Trafikbrott", 100), ("2020", "Trafikbrott", 110), ("2021", "Trafikbrott", 90),
                ("2022", "Trafikbrott", 60), ("2023", "Trafikbrott", 64),
            ],
            survey: [("2021", "Bilar", 0.55), ("2023", "Bilar", 0.41)])
        let e = try Engine(rules: Self.rules).evaluate(
            data, adoptions: [Adoption(areaID: "trafik", from: .year(2022), measures: ["hastighet"])])
        let f = try #require(e.followUps.first)
        #expect(f.since.map(\.count) == [60, 64])
        #expect(f.baselinePeriods == [.year(2019), .year(2020), .year(2021)])
        #expect(f.baseline == 100)
        #expect(f.meanSince == 62)
        let expected = 2 * ((62 + 0.375).squareRoot() - (100 + 0.375).squareRoot()) / (1.0 / 2 + 1.0 / 3).squareRoot()
        #expect(abs(f.z! - expected) < 1e-12)
        #expect(f.verdict == .improving)
        #expect(abs(f.concernChangePoints! - (-14)) < 1e-9)
        #expect(f.adoption.measures == ["hastighet"])
    }

    @Test func laterAdoptionHasNoDataYetAndOtherScopesAreLeftOut() throws {
        let data = Build.dataset(counts: [("2022", "Trafikbrott", 6), ("2023", "Trafikbrott", 7)])
        let e = try Engine(rules: Self.rules).evaluate(
            data,
            adoptions: [
                Adoption(areaID: "trafik", scope: "KUNGSÖR", from: .year(2024)),
                Adoption(areaID: "trafik", scope: "Arboga", from: .year(2022)),
            ])
        #expect(e.followUps.count == 1)
        #expect(e.followUps[0].verdict == .noDataYet)
        #expect(e.rendered(as: .text).contains("inga data ännu"))
        #expect(e.rendered(as: .text, language: .en).contains("no data yet"))
    }

    @Test func smallNumbersGiveNoClearChange() throws {
        let data = Build.dataset(counts: [
            ("2020", "Trafikbrott", 12), ("2021", "Trafikbrott", 12), ("2022", "Trafikbrott", 12), ("2023", "Trafikbrott", 18),
        ])
        let e = try Engine(rules: Self.rules).evaluate(data, adoptions: [Adoption(areaID: "trafik", from: .year(2023))])
        #expect(e.followUps[0].verdict == .noClearChange)
        let json = e.jsonReport().serialized()
        #expect(json.contains("\"verdict\":\"no_clear_change\""))
    }
}

struct ChangeSummaryTests {
    @Test func namesMovesSelectionChangesAndFiles() throws {
        var before = Build.dataset(counts: [("2022", "A", 10), ("2023", "A", 10), ("2022", "B", 10), ("2023", "B", 12)])
        before.addInput(InputFile(path: "data/a.csv", sha256: "1", kind: .crimeCounts))
        var after = before
        after.addCrimeCount(scope: "Kungsör", period: .year(2023), category: "A", count: 30)
        after.addInput(InputFile(path: "data/ny.csv", sha256: "2", kind: .crimeCounts))
        var rules = Build.rules([Area(id: "a", name: "A", categories: ["A"]), Area(id: "b", name: "B", categories: ["B"])])
        rules.selection.top = 1
        let old = try Engine(rules: rules).evaluate(before)
        let new = try Engine(rules: rules).evaluate(after)
        let c = ChangeSummary(from: EvaluationSnapshot(old), to: EvaluationSnapshot(new))
        #expect(c.enteredSelection == ["a"])
        #expect(c.leftSelection == ["b"])
        #expect(c.filesAdded == ["data/ny.csv"])
        let a = try #require(c.areas.first { $0.id == "a" })
        #expect(a.rankMove == 1)
        #expect(a.mostMovedFactor?.factor == .crimeTrend)
        // The summary first, then what changed, before the ranking.
        let sv = new.rendered(as: .text, changes: c)
        #expect(sv.hasPrefix("Fokus — Kungsör · 2023\n\nFörslag: "))
        #expect(sv.range(of: "\nVad som ändrats")!.lowerBound < sv.range(of: "\nRangordning:")!.lowerBound)
        let en = new.rendered(as: .text, changes: c, language: .en)
        #expect(en.range(of: "\nWhat changed")!.lowerBound < en.range(of: "\nRanking:")!.lowerBound)
    }

    @Test func readsBackItsOwnJSONReport() throws {
        let data = Build.dataset(counts: [("2022", "A", 10), ("2023", "A", 12)])
        let e = try Engine(rules: Build.rules([Area(id: "a", name: "Å", categories: ["A"])])).evaluate(data)
        let snapshot = try EvaluationSnapshot(reportJSON: Data(e.rendered(as: .json).utf8), path: "report.json")
        #expect(snapshot == EvaluationSnapshot(e))
        #expect(ChangeSummary(from: snapshot, to: EvaluationSnapshot(e)).isEmpty)
        #expect(throws: FokusError.self) { try EvaluationSnapshot(reportJSON: Data("[1]".utf8), path: "x.json") }
    }
}
