import Foundation
import Testing

@testable import Fokus

/// Counties as the sum of their municipalities, municipality codes as scopes, and `evaluateAll`
/// against one evaluation per scope.
struct CountyAndAllScopesTests {
    let rules: RuleSet
    let data: Dataset

    init() throws {
        rules = try RuleSetLoader.load(yaml: NationalTestData.rules, file: "rules.yaml")
        data = try NationalTestData.dataset(seed: 10)
    }

    /// Events per (scope, year, category) counted straight from the generated file, independently of the engine.
    func plainCounts() -> [String: [Int: [String: Int]]] {
        var counts: [String: [Int: [String: Int]]] = [:]
        for line in NationalTestData.files(seed: 10)["handelser.csv"]!.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ";").map(String.init)
            counts[cells[1], default: [:]][Int(cells[0].prefix(4))!, default: [:]][cells[2], default: 0] += 1
        }
        return counts
    }

    @Test(arguments: ["Västmanlands län", "Södermanlands län"])
    func aCountyIsTheSumOfItsMunicipalitiesAndItsOwnEvents(county: String) throws {
        let evaluation = try Engine(rules: rules).evaluate(data, scope: county, sensitivity: .off)
        let members = Set(MunicipalityTable.sweden.county(county)!.municipalities.map(\.name))
        let counts = plainCounts()
        let included = counts.keys.filter { $0 == county || members.contains($0) }
        #expect(included.count == 6)  // five municipalities of the generated data and the county itself
        for area in evaluation.ranking where !area.area.categories.isEmpty {
            let trend = try #require(area.trend)
            func total(_ year: Int) -> Int {
                included.map { scope in area.area.categories.map { counts[scope]?[year]?[$0] ?? 0 }.reduce(0, +) }
                    .reduce(0, +)
            }
            #expect(trend.latest == Double(total(2024)), "\(county) \(area.id)")
            #expect(trend.baseline == Double(total(2021) + total(2022) + total(2023)) / 3, "\(county) \(area.id)")
        }
        let aggregate = try #require(evaluation.county)
        #expect(aggregate.county == county)
        #expect(aggregate.municipalities == members.count)
        #expect(aggregate.municipalitiesWithData.count == 5)
        #expect(aggregate.countyRows)
        #expect(evaluation.notices.first == .countyAggregate(aggregate))
        let text = evaluation.rendered(as: .text)
        #expect(text.contains("\(county) bedöms som summan av länets kommuner (5 av \(members.count) har brottsdata)"))
        #expect(evaluation.rendered(as: .text, language: .en).contains("is evaluated as the sum of its municipalities"))
        // The county's resources are its municipalities' resources summed.
        var polis = 0.0
        for line in NationalTestData.files(seed: 10)["resurser.csv"]!.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ";").map(String.init)
            if members.contains(cells[1]) && cells[2] == "polis_timmar" { polis += Double(cells[3])! }
        }
        #expect(evaluation.plan.resources.first { $0.resource == "polis_timmar" }?.available == polis)
    }

    @Test func theRulesScopeMayNameACounty() throws {
        let countyRules = try RuleSetLoader.load(
            yaml: NationalTestData.rules.replacingOccurrences(
                of: "name: Länets lägesbild", with: "name: Länets lägesbild\nscope: Västmanlands län"),
            file: "rules.yaml")
        let fromRules = try Engine(rules: countyRules).evaluate(data, sensitivity: .off)
        let fromOption = try Engine(rules: rules).evaluate(data, scope: "Västmanlands län", sensitivity: .off)
        #expect(fromRules.scope == "Västmanlands län")
        #expect(fromRules.county != nil)
        #expect(fromRules.ranking.map(\.score) == fromOption.ranking.map(\.score))
    }

    @Test func aMunicipalityCodeNamesTheMunicipality() throws {
        let engine = Engine(rules: rules)
        let byName = try engine.evaluate(data, scope: "Kungsör", sensitivity: .off)
        let byCode = try engine.evaluate(data, scope: "1960", sensitivity: .off)
        #expect(byCode.scope == "Kungsör")
        #expect(byCode.jsonReport().serialized() == byName.jsonReport().serialized())
        #expect(byCode.county == nil)
        let county = try engine.evaluate(data, scope: "19", sensitivity: .off)
        #expect(county.scope == "Västmanlands län")
    }

    @Test(arguments: [ScopeLevel.municipality, .county])
    func allScopesEqualsOneEvaluationPerScope(level: ScopeLevel) throws {
        var sensitivity = rules.sensitivity
        sensitivity.samples = 40
        let engine = Engine(rules: rules)
        let all = engine.evaluateAll(data, level: level, sensitivity: sensitivity)
        let expected = level == .municipality ? NationalTestData.municipalities.count : 2
        #expect(all.count == expected)
        for scope in all {
            let alone = try engine.evaluate(data, scope: scope.scope, sensitivity: sensitivity)
            let together = try scope.result.get()
            #expect(together.jsonReport().serialized() == alone.jsonReport().serialized(), "\(scope.scope)")
        }
        if level == .municipality {
            // In code order, counties left out.
            let codes = all.compactMap(\.code)
            #expect(codes.count == all.count && codes == codes.sorted())
            #expect(!all.contains { $0.scope.hasSuffix(" län") })
        }
    }

    @Test func theAllScopesCSVHasARowPerScopeAndArea() throws {
        let report = AllScopesReport(Engine(rules: rules).evaluateAll(data, sensitivity: .off))
        let lines = report.rendered(as: .csv).split(separator: "\r\n")
        #expect(lines.first?.hasPrefix("scope,code,area,rank,score,selected,evidence,trend_latest") == true)
        #expect(lines.count == 1 + NationalTestData.municipalities.count * rules.areas.count)
        let json = try JSONSerialization.jsonObject(with: Data(report.rendered(as: .json).utf8)) as! [[String: Any]]
        #expect(json.count == NationalTestData.municipalities.count)
        #expect(json.allSatisfy { $0["schema_version"] as? Int == 1 })
    }
}

/// The one-read loader: hashing on another thread, the plain path for events, and the second read of a
/// file that turns out not to be UTF-8.
struct OneReadLoaderTests {
    @Test func aWindows1252EventsFileIsReadAgainAsWindows1252() throws {
        // "Kungsör" and "Skadegörelse" with ö as the single byte 0xF6: not UTF-8.
        var bytes = Array("datum;kommun;brottskategori\n".utf8)
        for day in 1...28 {
            bytes +=
                Array("2024-02-\(day < 10 ? "0" : "")\(day);Kungs".utf8) + [0xF6] + Array("r;Skadeg".utf8) + [0xF6]
                + Array("relse\n".utf8)
        }
        let folder = try TempDataFolder()
        try folder.write("handelser.csv", bytes: bytes)
        let data = try folder.load()
        #expect(data.rejected.isEmpty)
        #expect(data.count("Kungsör", .month(2024, 2), "Skadegörelse") == 28)
        #expect(data.inputs.map(\.sha256) == [SHA256.hex(of: bytes)])
    }

    @Test func plainAndOtherRowsCountAlikeAndBadRowsKeepTheirLines() throws {
        let text =
            "datum;kommun;brottskategori\n2024-01-05;Arboga;Stöld\n\"2024-01-06\";Arboga;Stöld\r\n"
            + "2024-01-07;\"Arboga\";\"Stöld\"\n\n2024-01-08;Arboga;Stöld\n2024-13-01;Arboga;Stöld\n"
            + "2024-01-09;;Stöld\n2024-01-10;Arboga;Stöld;extra\n2024-01-11;Arboga;Stöld"
        let folder = try TempDataFolder()
        try folder.write("a.csv", text)
        let bad = try folder.load()
        #expect(bad.rejected.count == 1)
        let reasons = bad.rejected[0].diagnostics.map(\.description).joined(separator: "\n")
        #expect(reasons.contains("a.csv:7: datum"))
        #expect(reasons.contains("a.csv:8: kommun"))
        #expect(reasons.contains("a.csv:9:"))
        // Without the bad rows: every way of writing the same row counts.
        let good = text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("2024-13") && !$0.hasPrefix("2024-01-09") && !$0.hasPrefix("2024-01-10") }
            .joined(separator: "\n")
        try folder.write("a.csv", good)
        let data = try folder.load()
        #expect(data.rejected.isEmpty)
        #expect(data.count("Arboga", .month(2024, 1), "Stöld") == 5)
        #expect(data.inputs.map(\.sha256) == [SHA256.hex(of: Array(good.utf8))])
    }

    @Test func anInjectedHasherIsUsed() throws {
        struct Constant: SHA256Hashing {
            mutating func update(_ bytes: UnsafeRawBufferPointer) {}
            mutating func finalize() -> [UInt8] { [UInt8](repeating: 0xAB, count: 32) }
        }
        let folder = try TempDataFolder()
        try folder.write("a.csv", "datum;kommun;brottskategori\n2024-01-05;Arboga;Stöld\n")
        let data = try DatasetLoader.load(from: folder.url, sha256: SHA256Function { Constant() })
        #expect(data.inputs.map(\.sha256) == [String(repeating: "ab", count: 32)])
    }
}
