import Foundation
import Testing

@testable import FokusState

struct EvaluationTests {
    @Test func latestEvaluationIsPerScopeAndPeriod() throws {
        let folder = try TemporaryDirectory()
        let clock = TestClock()
        let store = try StateStore(path: folder.path("fokus.sqlite"), now: clock.function)
        #expect(try store.latestEvaluation(scope: "Kungsör") == nil)

        let first = try store.recordEvaluation(
            scope: "Kungsör", period: "2023", rulesDigest: "a", reportJSON: #"{"n":1}"#, selectedIDs: ["trafik"])
        clock.advance(by: 60)
        let other = try store.recordEvaluation(
            scope: "Arboga", period: "2023", rulesDigest: "a", reportJSON: #"{"n":2}"#, selectedIDs: [])
        clock.advance(by: 60)
        let second = try store.recordEvaluation(
            scope: "Kungsör", period: "2024", rulesDigest: "b", reportJSON: #"{"n":3}"#, selectedIDs: ["trafik", "bedrageri"])
        #expect(first < other && other < second)

        let latest = try #require(try store.latestEvaluation(scope: "Kungsör"))
        #expect(latest.id == second)
        #expect(latest.period == "2024")
        #expect(latest.rulesDigest == "b")
        #expect(latest.reportJSON == #"{"n":3}"#)
        #expect(latest.selectedIDs == ["trafik", "bedrageri"])
        #expect(latest.evaluatedAt == clock.now)

        #expect(try store.latestEvaluation(scope: "Kungsör", period: "2023")?.id == first)
        #expect(try store.latestEvaluation(scope: "Arboga")?.id == other)
        #expect(try store.latestEvaluation(scope: "Köping") == nil)
        #expect(try store.evaluations(scope: "Kungsör").map(\.id) == [second, first])
    }

    @Test func latestFollowsRecordingOrderEvenWhenTheClockGoesBack() throws {
        let folder = try TemporaryDirectory()
        let clock = TestClock()
        let store = try StateStore(path: folder.path("fokus.sqlite"), now: clock.function)
        try store.recordEvaluation(scope: "Kungsör", period: "2024", rulesDigest: "a", reportJSON: "{}", selectedIDs: [])
        clock.advance(by: -3600)
        let newer = try store.recordEvaluation(
            scope: "Kungsör", period: "2024", rulesDigest: "b", reportJSON: "{}", selectedIDs: [])
        #expect(try store.latestEvaluation(scope: "Kungsör")?.id == newer)
    }

    @Test func aReportThatIsNotJSONIsRejectedWithoutLeakingIt() throws {
        let folder = try TemporaryDirectory()
        let store = try StateStore(path: folder.path("fokus.sqlite"))
        do {
            try store.recordEvaluation(
                scope: "Kungsör", period: "2024", rulesDigest: "a", reportJSON: "{hemligt-personnummer", selectedIDs: [])
            Issue.record("expected a constraint error")
        } catch let error as StateError where error.code == .constraint {
            #expect(error.extendedCode == 275)  // SQLITE_CONSTRAINT_CHECK
            #expect(error.sql?.contains("INSERT INTO evaluations") == true)
            #expect(error.description.contains("INSERT INTO evaluations"))
            #expect(!error.description.contains("hemligt"))
            #expect(!error.description.contains("Kungsör"))
        }
    }

    @Test func aCatchClauseCanMatchAResultCode() throws {
        let folder = try TemporaryDirectory()
        let store = try StateStore(path: folder.path("fokus.sqlite"))
        var caught = false
        do {
            try store.recordEvaluation(scope: "", period: "2024", rulesDigest: "a", reportJSON: "{}", selectedIDs: [])
        } catch StateError.Code.constraint {
            caught = true
        }
        #expect(caught)
    }
}
