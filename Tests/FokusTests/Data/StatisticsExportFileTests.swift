import Foundation
import Testing

@testable import Fokus

/// The statistics database's `Databasfil.txt` as it is really exported: ISO-8859-1, `;`, every
/// row ending with one more `;` than the header, footnotes after the table (SPEC 3.2).
struct StatisticsExportFileTests {
    /// Latin-1 bytes (every character here is below U+0100).
    private func latin1(_ text: String) -> [UInt8] { text.unicodeScalars.map { UInt8($0.value) } }

    /// A monthly and yearly export for Kungsör with crime codes, `&nbsp;`, `..`, thousands
    /// separators, a preliminary year and the source note after a blank line.
    static let databasfil = """
        Region;Brott;År;Period;Antal;/100 000 inv
        0207 Kungsör;Samtliga brott;2025;Helår;1 012;11 784;
        0207 Kungsör;Bedrägeri;..;..;..;..;
        0207 Kungsör;0950 - Befogenhetsbedrägeri;2023;Helår;9;105;
        0207 Kungsör;0950 - Befogenhetsbedrägeri;2024;Helår;14;163;
        0207 Kungsör;Befogenhetsbedrägeri;2025;Helår;21;244;
        0207 Kungsör;Skadegörelse&nbsp;genom&nbsp;brand;2025;Helår;3;35;
        0207 Kungsör;Stöld;2026 prel.;Jan;..;..;
        0207 Kungsör;Stöld;2026 prel.;Feb;31;361;
        0207 Kungsör;Stöld;2026 prel.;Mar;28;326;
        0207 Kungsör;Rån;År;2025;4;47;
        0207 Kungsör;Rån;År;2026 prel.;2;23;
        Västmanlands län;Stöld;2025;Helår;12 345;4 401;

        Källa: Brottsförebyggande rådet
        Uppgifterna för 2026 är preliminära.

        """

    @Test func readsARealExportWithItsTrailingSemicolonsAndFootnotes() throws {
        let folder = try TempDataFolder()
        try folder.write("Databasfil.txt", bytes: latin1(Self.databasfil))
        let data = try folder.load()
        #expect(data.rejectionLines == [])
        #expect(data.inputs.map(\.kind) == [.crimeStatisticsExport])
        #expect(data.count("Kungsör", .year(2025), "Samtliga brott") == 1012)
        #expect(data.count("Västmanlands län", .year(2025), "Stöld") == 12345)
        // The code is dropped: all three years are one category, with or without the code.
        #expect(data.count("Kungsör", .year(2023), "Befogenhetsbedrägeri") == 9)
        #expect(data.count("Kungsör", .year(2024), "Befogenhetsbedrägeri") == 14)
        #expect(data.count("Kungsör", .year(2025), "befogenhetsbedrägeri") == 21)
        #expect(data.count("Kungsör", .year(2025), "Skadegörelse genom brand") == 3)
        // Preliminary figures are used; `..` neither counts nor makes January present.
        #expect(data.count("Kungsör", .month(2026, 2), "Stöld") == 31)
        #expect(data.count("Kungsör", .month(2026, 3), "Stöld") == 28)
        #expect(data.crime[NameKey("Kungsör")]?.presentPeriods.contains(.month(2026, 1)) == false)
        // Yearly tables: `År` holds the word and the year stands in `Period`.
        #expect(data.count("Kungsör", .year(2025), "Rån") == 4)
        #expect(data.count("Kungsör", .year(2026), "Rån") == 2)
        #expect(data.displayName(NameKey("befogenhetsbedrägeri")) == "Befogenhetsbedrägeri")
        #expect(
            data.warnings.map(\.description) == [
                "data/Databasfil.txt:9: warning: the figures for 2026 are preliminary (marked prel.); they are used and may still change",
                "data/Databasfil.txt:15: warning: footnote after the table passed over: \"Källa: Brottsförebyggande rådet\" and 1 more",
            ])
    }

    @Test func anAreaListingTheLabelCountsRowsWithTheCodeAndTheOtherWayRound() throws {
        let data = DatasetLoader.load(contents: latin1(Self.databasfil), name: "Databasfil.txt")
        let rules = try RuleSetLoader.load(
            yaml: """
                fokus: 1
                scope: Kungsör
                period: "2025"
                weights: { crime_trend: 1 }
                areas:
                  - id: bedrageri
                    name: Bedrägeri mot äldre
                    categories: [Befogenhetsbedrägeri]
                  - id: med_kod
                    name: Samma med koden
                    categories: ["0950 - Befogenhetsbedrägeri"]
                  - id: brand
                    name: Anlagda bränder
                    categories: [Skadegörelse genom brand]
                """, file: "r.yaml")
        var noSampling = SensitivitySettings()
        noSampling.samples = 0
        let evaluation = try Engine(rules: rules).evaluate(data, sensitivity: noSampling)
        for id in ["bedrageri", "med_kod"] {
            let trend = try #require(evaluation.area(id)?.trend)
            #expect(trend.latest == 21)
            #expect(trend.baseline == 11.5)  // (9 + 14) / 2
        }
        #expect(evaluation.area("brand")?.trend?.latest == 3)
        #expect(evaluation.warnings.contains { $0.message.contains("the figures for 2026 are preliminary") })
    }

    @Test func footnotesNeedTheBlankLineAndRowsAfterThemStillCount() throws {
        let folder = try TempDataFolder()
        // Without a blank line a short line is a bad row, as in any table.
        try folder.write(
            "Databasfil.txt",
            bytes: latin1("Region;Brott;År;Period;Antal;/100 000 inv\nKungsör;Rån;2025;Helår;4;47;\nKälla: Brå\n"))
        #expect(
            try folder.load().rejectionLines == [
                "data/Databasfil.txt:3: error: 1 value where the header has 6 columns; check for a missing or extra \";\""
            ])
        // A note saved by a spreadsheet (`Källa: Brå;;;;;`) is a footnote too; a full row after it is data.
        try folder.write(
            "Databasfil.txt",
            bytes: latin1(
                "Region;Brott;År;Period;Antal;/100 000 inv\r\nKungsör;Rån;2025;Helår;4;47;\r\n\r\nKälla: Brå;;;;;\r\nKungsör;Rån;2024;Helår;5;58;\r\n"
            ))
        let data = try folder.load()
        #expect(data.rejectionLines == [])
        #expect(data.count("Kungsör", .year(2024), "Rån") == 5)
        #expect(
            data.warnings.map(\.description) == [
                "data/Databasfil.txt:4: warning: footnote after the table passed over: \"Källa: Brå\""
            ])
    }

    @Test func anUnknownPeriodOnManyRowsIsOneErrorAndAnEmptyAntalIsNoValue() throws {
        let folder = try TempDataFolder()
        var text = "Region;Brott;År;Period;Antal;/100 000 inv\n"
        for (i, crime) in ["Stöld", "Rån", "Bedrägeri"].enumerated() {
            for week in 1...9 where !(i == 2 && week == 9) { text += "Kungsör;\(crime);2025;Vecka \(week % 2 + 1);1;..;\n" }
        }
        text += "Kungsör;Rån;2025;Helår;;..;\n"
        try folder.write("Databasfil.txt", bytes: latin1(text))
        let lines = try folder.load().rejectionLines
        #expect(
            lines == [
                "data/Databasfil.txt:2: Period: \"Vecka 2\" is not a period; leave it empty or write Helår, a month (januari) or a quarter (Kvartal 1) (14 rows like this, on lines 2, 4, 6, 8, 10, …)",
                "data/Databasfil.txt:3: Period: \"Vecka 1\" is not a period; leave it empty or write Helår, a month (januari) or a quarter (Kvartal 1) (12 rows like this, on lines 3, 5, 7, 9, 12, …)",
            ])

        try folder.write(
            "Databasfil.txt",
            bytes: latin1("Region;Brott;År;Period;Antal;/100 000 inv\nKungsör;Rån;2025;Helår;;..;\nKungsör;Rån;2024;Helår;3;..;\n"))
        let data = try folder.load()
        #expect(data.rejected.isEmpty)
        #expect(data.crime[NameKey("Kungsör")]?.presentPeriods == [.year(2024)])
        #expect(
            data.warnings.map(\.description) == [
                "data/Databasfil.txt:2: warning: 1 row has an empty Antal and was skipped as no value (the first on line 2); write 0 where the value is zero"
            ])
    }

    @Test func labelsLoseTheirCodeAndEntities() {
        #expect(CrimeLabel.normalised("0950 - Befogenhetsbedrägeri") == "Befogenhetsbedrägeri")
        #expect(CrimeLabel.normalised("0950 – Befogenhetsbedrägeri") == "Befogenhetsbedrägeri")
        #expect(CrimeLabel.normalised("Stöld&nbsp;&nbsp;ur&NBSP;bil") == "Stöld ur bil")
        #expect(CrimeLabel.normalised("&nbsp;&nbsp;0950 - Befogenhetsbedrägeri") == "Befogenhetsbedrägeri")
        #expect(CrimeLabel.normalised("Stöld & inbrott") == "Stöld & inbrott")
        #expect(CrimeLabel.normalised("2024") == "2024")
        #expect(CrimeLabel.normalised("1234 5678") == "1234 5678")
        #expect(StatisticsExport.withoutPreliminaryMark("2026 prel.") == "2026")
        #expect(StatisticsExport.withoutPreliminaryMark("2026 Prel") == "2026")
        #expect(StatisticsExport.withoutPreliminaryMark("2026") == nil)
        #expect(StatisticsExport.withoutPreliminaryMark("prel.") == nil)
    }
}
