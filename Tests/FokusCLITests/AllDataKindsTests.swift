import Foundation
import Testing

/// One data folder holding every kind of file SPEC 3.2 names, in the encodings and dialects
/// Swedish exports come in; the evaluation sums them.
struct AllDataKindsTests {
    static func latin1(_ text: String) -> Data { text.data(using: .isoLatin1)! }

    @Test func everyKindTogetherIsSummedIntoOneEvaluation() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func write(_ name: String, _ data: Data) throws {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        let bom = Data([0xEF, 0xBB, 0xBF])
        try write(
            "rules.yaml",
            Data(
                """
                fokus: 1
                scope: Kungsör
                areas:
                  - id: stold
                    name: Stöld
                    categories: [Stöld]
                    survey_items: [Stölder]
                  - id: bedrageri
                    name: Bedrägeri
                    categories: [BEDRÄGERI]
                measures:
                  - id: m
                    name: Kameror
                    addresses: [stold]
                    cost: { polis_timmar: 300 }
                    effect: 0.2
                """.utf8))
        try write("data/brott.csv", bom + Data("år;kommun;brottskategori;antal\n2022;Kungsör;Stöld;10\n2023;Kungsör;Stöld;12\n".utf8))
        try write(
            "data/bra/export.csv",
            Self.latin1(
                """
                Region;Brott;År;Period;Antal;/100 000 inv
                0207 Kungsör;Stöld;2023;Helår;5;57
                0207 Kungsör;Stöld;2021;Helår;..;..
                0207 Kungsör;Bedrägeri;2023;januari;1 002;11 517

                """))
        try write(
            "data/handelser.tsv",
            Data("datum\tkommun\ttyp\n2023-05-01 12:00\tKungsör\tStöld\n2023-05-02\tKungsör\tStöld\n2023-12-31\tkungsör \tstöld\n".utf8))
        try write(
            "data/polisen.json",
            Data(
                """
                [{"id": 1, "datetime": "2023-06-01 8:00:00 +02:00", "name": "1 juni 08.00, Stöld, Kungsör",
                  "type": "Stöld", "location": {"name": "Västmanlands län"}},
                 {"id": 1, "datetime": "2023-06-01 8:00:00 +02:00", "name": "1 juni 08.00, Stöld, Kungsör",
                  "type": "Stöld", "location": {"name": "Västmanlands län"}}]
                """.utf8))
        try write("data/trygghet.csv", Self.latin1("år;kommun;fråga;andel\n2023;Kungsör;Stölder;42 %\n"))
        try write("data/resurser.csv", Data("period,scope,resource,available\n2023,Kungsör,polis_timmar,100\n".utf8))
        try write("data/resurser.yaml", Data("{period: 2023, scope: Kungsör, available: {polis_timmar: 50}}\n".utf8))
        try write("data/befolkning.csv", Data("period;scope;population\n2023;Kungsör;8700\n".utf8))

        let r = try CLIRunner.run([
            "evaluate", "--rules", folder.appendingPathComponent("rules.yaml").path,
            "--data", folder.appendingPathComponent("data").path, "--format", "json", "--samples", "0",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect((json["inputs"] as? [Any])?.count == 8)
        let ranking = try #require(json["ranking"] as? [[String: Any]])
        func factors(_ id: String) throws -> [String: Any] {
            try #require(ranking.first { $0["id"] as? String == id }?["factors"] as? [String: Any])
        }
        let stold = try factors("stold")
        let trend = try #require(stold["trend"] as? [String: Any])
        #expect(trend["latest"] as? Double == 21)  // 12 + 5 + 3 events + 1 (the repeated id counts once)
        #expect(trend["baseline"] as? Double == 10)  // 2022 only: the ".." row of 2021 does not make it present
        #expect((stold["concern"] as? [String: Any])?["raw"] as? Double == 0.42)
        #expect((stold["resources"] as? [String: Any])?["raw"] as? Double == 0.5)  // (100 + 50) / 300
        let fraud = try #require(try factors("bedrageri")["trend"] as? [String: Any])
        #expect(fraud["latest"] as? Double == 1002)
        #expect(fraud["baseline"] as? Double == 0)
        let warnings = try #require(json["warnings"] as? [[String: Any]])
        #expect(
            warnings.contains {
                ($0["message"] as? String)?.contains("repeat") == true && ($0["file"] as? String)?.hasSuffix("polisen.json") == true
            })
    }
}
