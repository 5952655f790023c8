import Foundation
import Testing

@testable import Fokus

/// Reads the real police events file beside the repository (`../shared/data/`) and checks the
/// loader's counts against a plain count made here.
struct PoliceEventsFileTests {
    static let file: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/data/polisen-events-2022-2024.json").standardizedFileURL

    static var isPresent: Bool { FileManager.default.fileExists(atPath: file.path) }

    @Test func noticeWhenTheRealFileIsAbsent() {
        if !Self.isPresent {
            print("NOTICE: \(Self.file.path) is absent; the real police events test is skipped")
        }
    }

    @Test(.enabled(if: PoliceEventsFileTests.isPresent, "needs ../shared/data/polisen-events-2022-2024.json"))
    func ingestsTheRealFileAndAgreesWithAPlainCount() throws {
        let data = try DatasetLoader.load(from: Self.file, displayPath: "polisen.json")
        #expect(data.rejected.isEmpty, "\(data.rejectionLines.prefix(5))")
        #expect(data.inputs.count == 1)

        // The independent count: JSONSerialization over the whole file, SPEC 3.2's scope rule.
        let all = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.file)) as! [[String: Any]]
        var plain: [String: Int] = [:]
        var ids = Set<String>()
        for event in all {
            let id = "\(event["id"]!)"
            guard ids.insert(id).inserted else { continue }
            let location = ((event["location"] as! [String: Any])["name"] as! String).trimmingCharacters(
                in: .whitespaces)
            var scope = location
            if location.hasSuffix(" län") {
                let last = (event["name"] as! String).components(separatedBy: ",").last!.trimmingCharacters(
                    in: .whitespaces)
                scope = last.isEmpty ? location : last
            }
            let year = String((event["datetime"] as! String).prefix(4))
            plain["\(scope)|\(event["type"] as! String)|\(year)", default: 0] += 1
        }
        var loaded = 0
        for scope in data.crime.values {
            for categories in scope.counts.values { loaded += categories.values.reduce(0, +) }
        }
        let expectedTotal = plain.values.reduce(0, +)
        #expect(loaded == expectedTotal)

        let cases = [
            ("Kungsör", "Trafikolycka", 2023), ("Köping", "Stöld", 2024), ("Malmö", "Misshandel", 2023),
            ("Malmö", "Rån", 2024), ("Jämtlands län", "Sammanfattning natt", 2024),
            ("Stockholm", "Sammanfattning natt", 2023),
        ]
        for (scope, type, year) in cases {
            let months = (1...12).map { data.count(scope, .month(year, $0), type) ?? 0 }
            let expected = plain["\(scope)|\(type)|\(year)"] ?? 0
            #expect(months.reduce(0, +) == expected, "\(scope) \(type) \(year)")
        }
        #expect((plain["Malmö|Misshandel|2023"] ?? 0) > 0)
        #expect((plain["Jämtlands län|Sammanfattning natt|2024"] ?? 0) > 0)
    }
}
