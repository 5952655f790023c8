import Testing

@testable import Fokus

struct StatisticsExportTests {
    /// Latin-1 text as bytes (every character here is below U+0100).
    private func latin1(_ text: String) -> [UInt8] { text.unicodeScalars.map { UInt8($0.value) } }

    @Test func readsTheNationalExportInLatin1() throws {
        let folder = try TempDataFolder()
        let text = """
            Anmälda brott, kommuner
            Region;Brott;År;Period;Antal;/100 000 inv
            0207 Kungsör;Skadegörelse;2023;Helår;1\u{A0}234;14 180
            0207 Kungsör;Skadegörelse;2022;;120;1 379
            0207 Kungsör;Bedrägeri;2023;januari;7;80
            0207 Kungsör;Bedrägeri;2023;Kvartal 2;9;..
            0207 Kungsör;Bedrägeri;2023;kv 3;4;..
            0207 Kungsör;Bedrägeri;2023;Q4;5;..
            0207 Kungsör;Bedrägeri;2024;januari-mars;6;..
            0207 Kungsör;Bedrägeri;2025;Jan-jun;11;..
            0207 Kungsör;Bedrägeri;2025;Jan-dec;20;..
            0207 Kungsör;Bedrägeri;2024;okt-dec;2;..
            0207 Kungsör;Rån;2021;Hela året;..;..
            Köping;Rån;2023;År;3;12,5

            """
        try folder.write("bra.csv", bytes: latin1(text))
        let data = try folder.load()
        #expect(data.rejected.isEmpty)
        #expect(data.inputs.first?.kind == .crimeStatisticsExport)
        #expect(data.count("Kungsör", .year(2023), "Skadegörelse") == 1234)
        #expect(data.count("Kungsör", .year(2022), "skadegörelse") == 120)
        #expect(data.count("Kungsör", .month(2023, 1), "Bedrägeri") == 7)
        #expect(data.count("Kungsör", .quarter(2023, 2), "Bedrägeri") == 9)
        #expect(data.count("Kungsör", .quarter(2023, 3), "Bedrägeri") == 4)
        #expect(data.count("Kungsör", .quarter(2023, 4), "Bedrägeri") == 5)
        // Cumulative spans from January are year-to-date counts (SPEC 4.2 compares them month for month);
        // `Jan-dec` is the whole year.
        let kungsor = try #require(data.crime[NameKey("Kungsör")])
        #expect(kungsor.yearToDate[.init(year: 2024, throughMonth: 3)]?[NameKey("Bedrägeri")] == 6)
        #expect(kungsor.yearToDate[.init(year: 2025, throughMonth: 6)]?[NameKey("Bedrägeri")] == 11)
        #expect(data.count("Kungsör", .year(2025), "Bedrägeri") == 20)
        #expect(data.count("Kungsör", .quarter(2024, 4), "Bedrägeri") == 2)
        #expect(data.count("Köping", .year(2023), "Rån") == 3)
        // `..` is not applicable: no count, and 2021 is not present.
        #expect(data.crime[NameKey("Kungsör")]?.presentPeriods.contains(.year(2021)) == false)
        #expect(data.displayName(NameKey("kungsör")) == "Kungsör")
    }

    @Test func reportsUnknownPeriodWordsAndBadCounts() throws {
        let folder = try TempDataFolder()
        let text =
            "Region;Brott;År;Period;Antal;/100 000 inv\nKungsör;Rån;2023;Vecka 3;1;..\nKungsör;Rån;23;;1;..\nKungsör;Rån;2023;;-;..\n"
        try folder.write("bra.csv", bytes: latin1(text))
        #expect(
            try folder.load().rejectionLines == [
                "data/bra.csv:2: Period: \"Vecka 3\" is not a period; leave it empty or write Helår, a month (januari) or a quarter (Kvartal 1)",
                "data/bra.csv:3: Period: \"23\" is not a year; write a year such as 2023",
                "data/bra.csv:4: Antal: \"-\" is not a number; counts are whole numbers ≥ 0",
            ])
    }

    @Test func understandsPeriodWords() {
        func period(_ word: String) -> Period? { try? StatisticsExport.period(year: "2023", period: word).get() }
        #expect(period("") == .year(2023))
        #expect(period("HELÅR") == .year(2023))
        #expect(period("December") == .month(2023, 12))
        #expect(period("maj") == .month(2023, 5))
        #expect(period("Kvartal 4") == .quarter(2023, 4))
        #expect(period("juli–september") == .quarter(2023, 3))
        #expect(period("jan-feb") == nil)
        #expect(period("2023-Q2") == .quarter(2023, 2))
        #expect(StatisticsExport.region("0207 Kungsör") == "Kungsör")
        #expect(StatisticsExport.region("1280 Malmö stad") == "Malmö stad")
        #expect(StatisticsExport.region("0207") == "0207")
    }
}
