import Foundation
import Testing

@testable import Fokus

struct RuleTestTests {
    static let rules: RuleSet = {
        var r = Build.rules(
            [Area(id: "stold", name: "Stöld", categories: ["Stöld"]), Area(id: "ran", name: "Rån", categories: ["Rån"])],
            measures: [Measure(id: "m", name: "M", addresses: ["stold"], effect: 0.5)])
        r.selection.top = 1
        return r
    }()

    func load(_ yaml: String) throws(FokusError) -> [RuleTest] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fokus-rt-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("t.yaml").path
        _ = FileManager.default.createFile(atPath: file, contents: Data(yaml.utf8))
        return try RuleTestLoader.load(file: file, rules: Self.rules)
    }

    @Test func inlineRecordsRunAndEveryExpectationKindIsChecked() throws {
        let tests = try load(
            """
            tests:
              - name: stöld överst
                records:
                  crime:
                    - { period: 2022, scope: Kungsör, category: Stöld, count: 10 }
                    - { period: 2023, scope: Kungsör, category: Stöld, count: 30 }
                    - { period: 2023, scope: Kungsör, category: Rån, count: 0 }
                expect:
                  top: [stold]
                  rank: { ran: 2 }
                  selected: [stold]
                  not_selected: [ran]
                  score: { stold: { value: 0.5, tolerance: 0.5 } }
                  measures_include: [m]
                  warnings_include: []
              - name: fel förväntan
                records:
                  crime: [{ period: 2023, scope: Kungsör, category: Rån, count: 3 }, { period: 2022, scope: Kungsör, category: Rån, count: 1 }]
                expect:
                  top: [stold]
                  score: { ran: 0.1 }
            """)
        let runner = RuleTestRunner(rules: Self.rules)
        #expect(runner.run(tests[0]).passed, "\(runner.run(tests[0]).failures)")
        let failed = runner.run(tests[1])
        try #require(failed.failures.count == 2)
        #expect(failed.failures[0].description.hasSuffix("t.yaml:20:7: error: expected top [stold], got [ran]"), "\(failed.failures)")
        #expect(failed.failures[1].message.hasPrefix("expected the score of ran to be 0.1 ± 1e-06, got "))
    }

    @Test func badRecordsAndUnknownIdsAreReportedWithLocations() {
        #expect {
            _ = try load(
                """
                tests:
                  - name: trasig
                    records:
                      crime: [{ period: 2023-13, scope: K, category: Stöld, count: 1 }, { scope: K, category: Rån, count: 2 }]
                      survey: [{ period: 2023, scope: K, item: Oro, share: 1.5 }]
                    expect:
                      top: [stolt]
                """)
        } throws: { error in
            let messages = (error as? FokusError)?.diagnostics.map(\.description) ?? []
            return messages.count == 4
                && messages[0].hasSuffix("t.yaml:4:25: error: \"2023-13\" is not a period; write 2023, 2023-Q4 or 2023-11")
                && messages[1].hasSuffix("t.yaml:4:73: error: the row needs `period`")
                && messages[2].hasSuffix("t.yaml:5:60: error: `share` must be between 0 and 1")
                && messages[3].hasSuffix("t.yaml:7:13: error: no area has the id \"stolt\"; did you mean \"stold\"?")
        }
    }
}
