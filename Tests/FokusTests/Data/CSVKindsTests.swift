import Foundation
import Testing

@testable import Fokus

struct CSVKindsTests {
    @Test func readsCrimeCountsInSwedishWithSemicolonsAndDecimalCommas() throws {
        let folder = try TempDataFolder()
        try folder.write(
            "brott.csv",
            "År;Kommun;Brottskategori;Antal\n2023;Kungsör;Bedrägeri;12\n2023;Kungsör;Bedrägeri;\"3,0\"\n2024;KUNGSÖR;Skadegörelse;0\n"
        )
        let data = try folder.load()
        #expect(data.rejected.isEmpty)
        #expect(data.count("Kungsör", .year(2023), "bedrägeri") == 15)
        #expect(data.count("kungsör", .year(2024), "Skadegörelse") == 0)
        #expect(data.crime[NameKey("Kungsör")]?.presentPeriods == [.year(2023), .year(2024)])
        #expect(data.displayName(NameKey("kungsör")) == "Kungsör")
        #expect(data.inputs.map(\.path) == ["data/brott.csv"])
        #expect(data.inputs.first?.kind == .crimeCounts)
        #expect(
            data.inputs.first?.sha256
                == SHA256.hex(of: Array(try Data(contentsOf: folder.url.appendingPathComponent("brott.csv")))))
    }

    @Test func readsTabsAndCommasAndEnglishNames() throws {
        let folder = try TempDataFolder()
        try folder.write("a.tsv", "period\tscope\tcategory\tcount\n2023-Q4\tKöping\tRån\t2\n")
        try folder.write("b.csv", "Year , Municipality,Category,Count\n2023-11,Köping,Rån,12.0\n")
        let data = try folder.load()
        #expect(data.rejected.isEmpty)
        #expect(data.count("Köping", .quarter(2023, 4), "rån") == 2)
        #expect(data.count("Köping", .month(2023, 11), "rån") == 12)
    }

    @Test func readsAWindows1252File() throws {
        let folder = try TempDataFolder()
        // "år;kommun;brottskategori;antal\n2023;Kungsör;Skadegörelse;4\n2023;Älvängen;Rån;1\n" in Windows-1252.
        var bytes = Array("\u{E5}r;kommun;brottskategori;antal\n2023;Kungs".unicodeScalars.map { UInt8($0.value) })
        bytes +=
            [0xF6] + Array("r;Skadeg".utf8) + [0xF6] + Array("relse;4\n2023;".utf8) + [0xC4] + Array("lv".utf8) + [0xE4]
        bytes += Array("ngen;R".utf8) + [0xE5] + Array("n;1\n".utf8)
        try folder.write("latin.csv", bytes: bytes)
        let data = try folder.load()
        #expect(data.rejected.isEmpty)
        #expect(data.count("Kungsör", .year(2023), "Skadegörelse") == 4)
        #expect(data.count("Älvängen", .year(2023), "Rån") == 1)
        #expect(data.displayName(NameKey("älvängen")) == "Älvängen")
    }

    /// A large Windows-1252 export saved on Windows (CRLF): the parse as UTF-8 stops once the hashing thread
    /// has met the first non-UTF-8 byte, and the file is read again as Windows-1252 with a fresh hash of all
    /// of it; a bad row far into the file is still reported at its line.
    @Test(arguments: [false, true])
    func aLargeWindows1252EventsFileIsReadWholeWithItsHashAndLines(badRowAtTheEnd: Bool) throws {
        let folder = try TempDataFolder()
        func latin1(_ text: String) -> [UInt8] { text.unicodeScalars.map { UInt8($0.value) } }
        var bytes = latin1("datum;kommun;brottskategori;plats\r\n")
        let rows = 200_000  // about 9 MiB: several chunks, and large enough for the split count
        for i in 0..<rows {
            bytes += latin1("2024-0\(1 + i % 9)-1\(i % 10);\(i % 3 == 0 ? "Kungsör" : "Köping");Skadegörelse;Torget\r\n")
        }
        if badRowAtTheEnd { bytes += latin1("2024-13-01;Kungsör;Rån;Torget\r\n") }
        try folder.write("händelser.csv", bytes: bytes)
        let data = try folder.load()
        if badRowAtTheEnd {
            let problem = try #require(data.rejected.first?.diagnostics.first)
            #expect(problem.location?.line == rows + 2, "\(problem)")
            #expect(data.crime.isEmpty)
        } else {
            #expect(data.rejected.isEmpty)
            #expect(data.inputs.first?.sha256 == SHA256.hex(of: bytes))
            let kungsör = (1...9).reduce(0) { $0 + (data.count("Kungsör", .month(2024, $1), "skadegörelse") ?? 0) }
            #expect(kungsör == (rows + 2) / 3)
            #expect(data.displayName(NameKey("köping")) == "Köping")
        }
    }

    @Test func rejectsAFileWithABadRowWholeAndListsEveryReason() throws {
        let folder = try TempDataFolder()
        try folder.write("ok.csv", "period;scope;category;count\n2023;Kungsör;Rån;1\n")
        try folder.write(
            "bad.csv",
            """
            period;kommun;category;antal
            2023;Kungsör;Rån;5
            2023-13;Kungsör;Rån;1
            2023;;Rån;1
            2023;Kungsör;"Rån
            med radbrytning";12.5
            2023;Kungsör;Rån;-3
            2023;Kungsör;Rån
            2023;Kungsör;Rån;tolv
            2023;Kungsör;Rån;12,0
            ;;;
            2023;Kungsör;Rån;1;;
            2023;Kungsör;Rån;1;x

            """)
        let data = try folder.load()
        #expect(data.count("Kungsör", .year(2023), "Rån") == 1)
        #expect(data.inputs.map(\.path) == ["data/ok.csv"])
        #expect(data.rejected.map(\.path) == ["data/bad.csv"])
        #expect(
            data.rejectionLines == [
                "data/bad.csv:3: period: \"2023-13\" is not a period; write 2023, 2023-Q4 or 2023-11",
                "data/bad.csv:4: kommun: empty; every row needs a scope (municipality or police area)",
                "data/bad.csv:5: antal: \"12.5\" is not a whole number; counts are whole numbers ≥ 0",
                "data/bad.csv:7: antal: \"-3\" is negative; counts are whole numbers ≥ 0",
                "data/bad.csv:8: error: 3 values where the header has 4 columns; check for a missing or extra \";\"",
                "data/bad.csv:9: antal: \"tolv\" is not a number; counts are whole numbers ≥ 0",
                "data/bad.csv:13: error: 5 values where the header has 4 columns; check for a missing or extra \";\"",
            ])
    }

    @Test func acceptsADecimalCommaOnlyWhenTheDelimiterIsNotAComma() throws {
        let folder = try TempDataFolder()
        try folder.write("komma.csv", "period,scope,category,count\n2023,Kungsör,Rån,\"12,0\"\n")
        let data = try folder.load()
        #expect(
            data.rejectionLines == ["data/komma.csv:2: count: \"12,0\" is not a number; counts are whole numbers ≥ 0"])
    }

    @Test func capsTheListOfBadRows() throws {
        let folder = try TempDataFolder()
        // 60 different bad periods: 60 errors, 50 listed and one line for the other 10.
        let rows = (1...60).map { "x\($0);Kungsör;Rån;1\n" }.joined()
        try folder.write("many.csv", "period;scope;category;count\n" + rows)
        let data = try folder.load()
        let lines = data.rejectionLines
        #expect(lines.count == 51)
        #expect(lines.last == "data/many.csv: error: … and 10 more errors")
        let rejected = try #require(data.rejected.first)
        #expect(rejected.errorCount == 60)
        #expect(Diagnostic.summary(of: rejected.diagnostics) == "60 errors (50 listed, 10 more not listed)")
    }

    @Test func theSameProblemOnManyRowsIsOneErrorWithACountAndTheFirstLines() throws {
        let folder = try TempDataFolder()
        // An unknown period on 26 rows, an empty scope on 2, one negative count.
        var text = "år;kommun;brottskategori;antal\n2023;Kungsör;Stöld;12\n"
        for _ in 0..<26 { text += "vecka 3;Kungsör;Stöld;1\n" }
        text += "2023;;Rån;1\n2023;Kungsör;Rån;-2\n2023;;Rån;4\n"
        try folder.write("brott.csv", text)
        let data = try folder.load()
        #expect(
            data.rejectionLines == [
                "data/brott.csv:3: år: \"vecka 3\" is not a period; write 2023, 2023-Q4 or 2023-11 (26 rows like this, on lines 3, 4, 5, 6, 7, …)",
                "data/brott.csv:29: kommun: empty; every row needs a scope (municipality or police area) (2 rows like this, on lines 29, 31)",
                "data/brott.csv:30: antal: \"-2\" is negative; counts are whole numbers ≥ 0",
            ])
        #expect(data.rejected.first?.errorCount == 3)
        #expect(Diagnostic.summary(of: data.rejected[0].diagnostics) == "3 errors")
    }

    @Test func anEmptyCountOrShareIsNoValueAndOneWarningPerFile() throws {
        let folder = try TempDataFolder()
        try folder.write(
            "brott.csv", "år;kommun;brottskategori;antal\n2023;Kungsör;Stöld;12\n2024;Kungsör;Stöld;\n2024;Kungsör;Rån; \n")
        try folder.write(
            "enkat.csv",
            "år;kommun;fråga;andel\n2023;Kungsör;Oro för inbrott;35 %\n2023;Kungsör;Oro för bedrägerier;\n")
        let data = try folder.load()
        #expect(data.rejected.isEmpty)
        #expect(data.count("Kungsör", .year(2023), "Stöld") == 12)
        // A row without a value does not make its period present.
        #expect(data.crime[NameKey("Kungsör")]?.presentPeriods == [.year(2023)])
        #expect(data.survey[NameKey("Kungsör")]?[.year(2023)]?.count == 1)
        #expect(
            data.warnings.map(\.description) == [
                "data/brott.csv:3: warning: 2 rows have an empty antal and were skipped as no value (the first on line 3); write 0 where the value is zero",
                "data/enkat.csv:3: warning: 1 row has an empty andel and was skipped as no value (the first on line 3); write 0 where the value is zero",
            ])

        // An empty scope, category or period is still a bad row, value or not.
        try folder.write("brott.csv", "år;kommun;brottskategori;antal\n2024;Kungsör;;\n;Kungsör;Rån;\n2024;;Rån;3\n")
        #expect(
            try folder.load().rejectionLines == [
                "data/brott.csv:2: brottskategori: empty; every row needs a crime category",
                "data/brott.csv:3: år: empty; write 2023, 2023-Q4 or 2023-11",
                "data/brott.csv:4: kommun: empty; every row needs a scope (municipality or police area)",
            ])
    }

    @Test(arguments: [
        ("år;kommun;antal;antal;brottskategori", "\"antal\" (column 3) and \"antal\" (column 4)", "the count"),
        ("period;scope;category;antal;count", "\"antal\" (column 4) and \"count\" (column 5)", "the count"),
        ("År;Kommun;Brottstyp;Brottskategori;Antal", "\"Brottstyp\" (column 3) and \"Brottskategori\" (column 4)", "the crime category"),
    ])
    func aHeaderWithTwoColumnsForOneRoleIsABadHeader(header: String, columns: String, role: String) throws {
        let folder = try TempDataFolder()
        let row = header.split(separator: ";").count == 5 ? "2023;Kungsör;1;2;Stöld" : "2023;Kungsör;Stöld;1"
        try folder.write("brott.csv", header + "\n" + row + "\n")
        let data = try folder.load()
        #expect(data.inputs.isEmpty)
        #expect(
            data.rejectionLines == [
                "data/brott.csv:1: error: the header has 2 columns for \(role): \(columns); keep one of them (rename or remove the others), since Fokus cannot tell which is meant"
            ])
    }

    @Test func readsCrimeEventsPerMonth() throws {
        let folder = try TempDataFolder()
        try folder.write(
            "handelser.csv",
            "Datum;Kommun;Typ\n2023-11-02;Kungsör;Rån\n2023-11-30 23:59;Kungsör;rån\n2023-12-01T00:10:00+01:00;Kungsör;Rån\n 2023-12-05 ;Köping;Brand\n"
        )
        let data = try folder.load()
        #expect(data.rejected.isEmpty)
        #expect(data.inputs.first?.kind == .crimeEventsCSV)
        #expect(data.count("Kungsör", .month(2023, 11), "Rån") == 2)
        #expect(data.count("Kungsör", .month(2023, 12), "Rån") == 1)
        #expect(data.count("Köping", .month(2023, 12), "brand") == 1)

        try folder.write("handelser.csv", "date,scope,category\n2023-02-29,Kungsör,Rån\n2023/02/01,Kungsör,Rån\n")
        #expect(
            try folder.load().rejectionLines == [
                "data/handelser.csv:2: date: \"2023-02-29\" is not a date; write YYYY-MM-DD, optionally followed by a time",
                "data/handelser.csv:3: date: \"2023/02/01\" is not a date; write YYYY-MM-DD, optionally followed by a time",
            ])
    }

    @Test func readsSurveySharesWithFileWidePercentages() throws {
        let folder = try TempDataFolder()
        try folder.write(
            "a.csv",
            "år;kommun;fråga;andel;svarande\n2023;Kungsör;Oro för bedrägerier;0,35;120\n2023;Kungsör;Otrygg i centrum;40%;\n"
        )
        try folder.write(
            "b.csv", "period,scope,item,share\n2023,Köping,Oro,0.5\n2023,Köping,Otrygg,62\n2023,Köping,Trafik,1\n")
        let data = try folder.load()
        #expect(data.rejected.isEmpty)
        #expect(data.survey[NameKey("Kungsör")]?[.year(2023)]?[NameKey("oro för bedrägerier")] == 0.35)
        #expect(data.survey[NameKey("Kungsör")]?[.year(2023)]?[NameKey("otrygg i centrum")] == 0.4)
        // One share above 1 makes the whole file 0–100: 0.5 means half a percent.
        #expect(data.survey[NameKey("Köping")]?[.year(2023)]?[NameKey("oro")] == 0.005)
        #expect(data.survey[NameKey("Köping")]?[.year(2023)]?[NameKey("otrygg")] == 0.62)
        #expect(data.survey[NameKey("Köping")]?[.year(2023)]?[NameKey("trafik")] == 0.01)

        try folder.write(
            "b.csv",
            "period,scope,item,share,respondents\n2023,Köping,Oro,50,\n2023,Köping,Otrygg,150,12\n2023,Köping,Trafik,120%,x\n"
        )
        #expect(
            try folder.load().rejectionLines == [
                "data/b.csv:3: share: \"150\" is outside 0–100 (this file's shares are percentages)",
                "data/b.csv:4: respondents: \"x\" is not a number; respondents are whole numbers ≥ 0",
                "data/b.csv:4: share: \"120%\" is outside 0–1",
            ])
    }

    @Test func readsResourcesAndPopulation() throws {
        let folder = try TempDataFolder()
        try folder.write(
            "resurser.csv",
            "period;kommun;resurs;tillgängligt\n2024;Kungsör;polis_timmar;400\n2024;Kungsör;polis_timmar;12,5\n")
        try folder.write("befolkning.csv", "år,kommun,invånare\n2023,Kungsör,8 700\n")
        let data = try folder.load()
        #expect(data.rejected.isEmpty)
        #expect(data.resources[NameKey("Kungsör")]?[.year(2024)]?[NameKey("polis_timmar")] == 412.5)
        #expect(data.population[NameKey("Kungsör")]?[.year(2023)] == 8700)
        #expect(Set(data.inputs.map(\.kind)) == [.resourcesCSV, .population])

        try folder.write("befolkning.csv", "år,kommun,invånare\n2023,Kungsör,-1\n")
        try folder.write("resurser.csv", "period;scope;resource;available\n2024;Kungsör;;-4\n")
        #expect(
            try folder.load().rejectionLines == [
                "data/befolkning.csv:2: invånare: \"-1\" is negative; populations are whole numbers ≥ 0",
                "data/resurser.csv:2: resource: empty; every row needs a resource name",
                "data/resurser.csv:2: available: \"-4\" is negative; write a number ≥ 0",
            ])
    }

    @Test func skipsAFileWhoseHeaderMatchesNothingWithAWarning() throws {
        let folder = try TempDataFolder()
        try folder.write("okänd.csv", "namn;värde\nx;1\n")
        let data = try folder.load()
        #expect(data.inputs.isEmpty)
        #expect(data.rejected.isEmpty)
        #expect(data.warnings.count == 1)
        let warning = data.warnings[0].description
        #expect(
            warning.hasPrefix(
                "data/okänd.csv: warning: skipped: its header (\"namn\", \"värde\") matches no kind of data file; Fokus expects crime counts (period, scope, category, count)"
            ))
    }

    @Test func findsTheHeaderBelowATitleLine() throws {
        let folder = try TempDataFolder()
        try folder.write(
            "titel.csv",
            "Anmälda brott i Kungsör\n\nperiod,scope,category,count\n2023,Kungsör,Rån,3\n2023,Kungsör,Rån,x\n")
        let data = try folder.load()
        #expect(data.rejectionLines == ["data/titel.csv:5: count: \"x\" is not a number; counts are whole numbers ≥ 0"])
    }

    @Test func walksFoldersInCodePointOrderSkippingHiddenAndRejected() throws {
        let folder = try TempDataFolder()
        let counts = "period;scope;category;count\n2023;Kungsör;Rån;1\n"
        try folder.write("b.csv", counts)
        try folder.write("a/z.csv", counts)
        try folder.write("Ö.csv", counts)
        try folder.write("B.csv", counts)
        try folder.write(".hidden.csv", counts)
        try folder.write(".git/x.csv", counts)
        try folder.write("rejected/old.csv", counts)
        try folder.write("notes.md", "hej")
        try folder.write("brott.xlsx", "PK")
        let data = try folder.load()
        #expect(data.inputs.map(\.path) == ["data/B.csv", "data/a/z.csv", "data/b.csv", "data/Ö.csv"])
        #expect(data.count("Kungsör", .year(2023), "Rån") == 4)
        #expect(
            data.warnings.map(\.description) == [
                "data/brott.xlsx: warning: skipped: Fokus reads .csv, .tsv, .txt, .json, .yaml and .yml data files"
            ])
    }

    @Test func readsASingleFileAndTextInMemory() throws {
        let folder = try TempDataFolder()
        try folder.write("brott.csv", "period;scope;category;count\n2023;Kungsör;Rån;1\n")
        let single = try DatasetLoader.load(
            from: folder.url.appendingPathComponent("brott.csv"), displayPath: "mina data")
        #expect(single.inputs.map(\.path) == ["mina data"])
        #expect(single.count("Kungsör", .year(2023), "Rån") == 1)
        let memory = DatasetLoader.load(text: "period;scope;category;count\n2023;Kungsör;Rån;2\n", name: "x.csv")
        #expect(memory.count("Kungsör", .year(2023), "Rån") == 2)
        #expect(throws: FokusError.self) { try DatasetLoader.load(from: folder.url.appendingPathComponent("saknas")) }
    }
}
