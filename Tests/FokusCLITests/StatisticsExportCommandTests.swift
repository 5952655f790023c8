import Foundation
import Testing

/// `fokus evaluate` over a real-shaped `Databasfil.txt` (ISO-8859-1, `;`, trailing `;`, crime
/// codes, `&nbsp;`, a preliminary year and the source note after the table).
struct StatisticsExportCommandTests {
    @Test func evaluatesAnExportAndSaysWhichFiguresArePreliminary() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let export = """
            Region;Brott;År;Period;Antal;/100 000 inv\r
            0207 Kungsör;0950 - Befogenhetsbedrägeri;2022;Helår;8;93;\r
            0207 Kungsör;0950 - Befogenhetsbedrägeri;2023;Helår;9;105;\r
            0207 Kungsör;0950 - Befogenhetsbedrägeri;2024;Helår;14;163;\r
            0207 Kungsör;0950 - Befogenhetsbedrägeri;2025 prel.;Helår;31;361;\r
            0207 Kungsör;Skadegörelse&nbsp;genom&nbsp;brand;2022;Helår;2;23;\r
            0207 Kungsör;Skadegörelse&nbsp;genom&nbsp;brand;2023;Helår;3;35;\r
            0207 Kungsör;Skadegörelse&nbsp;genom&nbsp;brand;2024;Helår;2;23;\r
            0207 Kungsör;Skadegörelse&nbsp;genom&nbsp;brand;2025 prel.;Helår;2;23;\r
            0207 Kungsör;Stöld och snatteri;2025 prel.;Helår;1 204;14 020;\r
            0207 Kungsör;Rån;2025 prel.;Helår;..;..;\r
            \r
            Källa: Brottsförebyggande rådet\r

            """
        try Data(export.unicodeScalars.map { UInt8($0.value) }).write(to: data.appendingPathComponent("Databasfil.txt"))
        let rules = folder.appendingPathComponent("regler.yaml")
        try """
        fokus: 1
        name: Medborgarlöfte Kungsör
        scope: Kungsör
        weights: { crime_trend: 1 }
        select: { top: 1 }
        areas:
          - id: bedrageri
            name: Bedrägerier mot äldre
            categories: [Befogenhetsbedrägeri]
          - id: brand
            name: Anlagda bränder
            categories: [Skadegörelse genom brand]
        """.write(to: rules, atomically: true, encoding: .utf8)

        let r = try CLIRunner.run(["evaluate", "--rules", rules.path, "--data", data.path, "--format", "json", "--samples", "0"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["period"] as? String == "2025")
        let ranking = try #require(json["ranking"] as? [[String: Any]])
        #expect(ranking.first?["id"] as? String == "bedrageri")
        let trend = try #require((ranking.first?["factors"] as? [String: Any])?["trend"] as? [String: Any])
        #expect(trend["latest"] as? Double == 31)
        #expect(trend["baseline"] as? Double == 31.0 / 3)
        let warnings = try #require(json["warnings"] as? [[String: Any]])
        let preliminary = try #require(warnings.first { ($0["message"] as? String)?.contains("preliminary") == true })
        #expect(
            preliminary["message"] as? String == "the figures for 2025 are preliminary (marked prel.); they are used and may still change")
        #expect((preliminary["file"] as? String)?.hasSuffix("data/Databasfil.txt") == true)
        #expect(preliminary["line"] as? Int == 5)
        let footnote = try #require(warnings.first { ($0["message"] as? String)?.contains("footnote") == true })
        #expect(footnote["message"] as? String == "footnote after the table passed over: \"Källa: Brottsförebyggande rådet\"")
        #expect(footnote["line"] as? Int == 13)

        // Markdown: one line per warning (the text report wraps at 100 columns).
        let text = try CLIRunner.run(["evaluate", "--rules", rules.path, "--data", data.path, "--samples", "0", "--format", "md"])
        #expect(text.stdout.contains("siffrorna för 2025 är preliminära (märkta prel.)"), "\(text.stdout)")
        let english = try CLIRunner.run([
            "evaluate", "--rules", rules.path, "--data", data.path, "--samples", "0", "--lang", "en", "--format", "md",
        ])
        #expect(english.stdout.contains("warning: the figures for 2025 are preliminary"), "\(english.stdout)")
    }
}
