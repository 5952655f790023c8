import Testing

@testable import Fokus

/// The bundled table of Sweden's municipalities and counties (SCB's official codes).
struct MunicipalityTableTests {
    let table = MunicipalityTable.sweden

    @Test func theTableHas290MunicipalitiesIn21Counties() {
        #expect(table.counties.count == 21)
        #expect(table.municipalities.count == 290)
        #expect(Set(table.municipalities.map(\.code)).count == 290)
        #expect(Set(table.municipalities.map { NameKey($0.name) }).count == 290)
        #expect(
            Set(table.counties.map(\.code)) == [
                "01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13", "14", "17", "18", "19", "20", "21", "22",
                "23", "24", "25",
            ])
    }

    @Test func everyCodeBeginsWithItsCountysCode() {
        for county in table.counties {
            #expect(county.name.hasSuffix(" län"))
            for m in county.municipalities {
                #expect(m.code.count == 4 && m.code.allSatisfy(\.isASCIIDigit), "\(m.code)")
                #expect(m.code.hasPrefix(county.code), "\(m.code) \(m.name) in \(county.name)")
                #expect(m.countyCode == county.code)
            }
        }
    }

    @Test(arguments: [
        ("1960", "Kungsör", "Västmanlands län"), ("0180", "Stockholm", "Stockholms län"),
        ("1280", "Malmö", "Skåne län"), ("2523", "Gällivare", "Norrbottens län"),
        ("0114", "Upplands Väsby", "Stockholms län"), ("0980", "Gotland", "Gotlands län"),
        ("2584", "Kiruna", "Norrbottens län"), ("1480", "Göteborg", "Västra Götalands län"),
    ])
    func spotChecks(code: String, name: String, county: String) throws {
        let m = try #require(table.municipality(code: code))
        #expect(m.name == name)
        #expect(table.counties.first { $0.code == m.countyCode }?.name == county)
        #expect(table.place(name) == .municipality(m))
        #expect(table.place(" \(code) ") == .municipality(m))
    }

    @Test func countyMembershipAndLookups() throws {
        let västmanland = try #require(table.county("Västmanlands län"))
        #expect(västmanland.code == "19")
        #expect(
            västmanland.municipalities.map(\.name) == [
                "Skinnskatteberg", "Surahammar", "Kungsör", "Hallstahammar", "Norberg", "Västerås", "Sala", "Fagersta",
                "Köping", "Arboga",
            ])
        #expect(table.county("VÄSTMANLANDS LÄN") == västmanland)
        #expect(table.county("19") == västmanland)
        #expect(table.counties.map { $0.municipalities.count }.reduce(0, +) == 290)
        #expect(table.county("Stockholms län")?.municipalities.count == 26)
        #expect(table.county("Västra Götalands län")?.municipalities.count == 49)
        #expect(table.county("Skåne län")?.municipalities.count == 33)
        // Not places of the table: a code no municipality has, a police region, the whole country.
        #expect(table.place("0207") == nil)
        #expect(table.place("Region Bergslagen") == nil)
        #expect(table.place("Hela landet") == nil)
    }
}
