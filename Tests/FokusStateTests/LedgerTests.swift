import Foundation
import Testing

@testable import FokusState

struct LedgerTests {
    @Test func newAndChangedFilesAreReportedAndSeenAgainIsNot() throws {
        let folder = try TemporaryDirectory()
        let clock = TestClock()
        let store = try StateStore(path: folder.path("fokus.sqlite"), now: clock.function)
        let version1 = String(repeating: "a", count: 64)
        let version2 = String(repeating: "B", count: 64)
        let start = clock.now

        #expect(try store.recordIngestedFile(path: "data/brott-2024.csv", sha256: version1, size: 120, kind: "crime"))
        clock.advance(by: 10)
        #expect(try !store.recordIngestedFile(path: "data/brott-2024.csv", sha256: version1, size: 120, kind: "crime"))
        clock.advance(by: 10)
        #expect(try store.recordIngestedFile(path: "data/brott-2024.csv", sha256: version2, size: 130, kind: "crime"))
        #expect(try store.recordIngestedFile(path: "data/enkät-trygghet.csv", sha256: version1, size: 9, kind: "survey"))

        let files = try store.ingestedFiles()
        #expect(files.map(\.path) == ["data/brott-2024.csv", "data/brott-2024.csv", "data/enkät-trygghet.csv"])
        #expect(files[0].firstSeenAt == start)
        #expect(files[0].lastSeenAt == start.addingTimeInterval(10))
        #expect(files[1].sha256 == version2.lowercased())
        #expect(files[1].size == 130)
        #expect(try store.ingestedFiles(path: "data/enkät-trygghet.csv").map(\.kind) == ["survey"])
    }

    @Test func aDigestThatIsNotSHA256IsRejected() throws {
        let folder = try TemporaryDirectory()
        let store = try StateStore(path: folder.path("fokus.sqlite"))
        #expect(throws: StateError.self) {
            try store.recordIngestedFile(path: "x.csv", sha256: "abc", size: 1, kind: "crime")
        }
    }
}
