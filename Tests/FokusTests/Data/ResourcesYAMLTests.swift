import Testing

@testable import Fokus

/// Resources in YAML go through ``YAMLParser``; these tests run once it parses (they are skipped,
/// visibly, while it is a stub).
struct ResourcesYAMLTests {
    static var parserWorks: Bool { (try? YAMLParser.parse("a: 1", file: "probe.yaml")) != nil }

    @Test(.enabled(if: ResourcesYAMLTests.parserWorks, "needs the YAML parser"))
    func readsAListOfEntriesInEitherLanguage() throws {
        let folder = try TempDataFolder()
        try folder.write(
            "resurser.yaml",
            """
            - period: 2024
              scope: Kungsör
              available: {polis_timmar: 400, kommun_timmar: 600}
            - år: "2024"
              kommun: Kungsör
              tillgängligt:
                polis_timmar: 100.5

            """)
        try folder.write("en.yml", "period: 2024-Q1\nscope: Köping\navailable: {polis_timmar: 40}\n")
        let data = try folder.load()
        #expect(data.rejected.isEmpty, "\(data.rejectionLines)")
        #expect(data.inputs.map(\.kind) == [.resourcesYAML, .resourcesYAML])
        #expect(data.resources[NameKey("Kungsör")]?[.year(2024)]?[NameKey("polis_timmar")] == 500.5)
        #expect(data.resources[NameKey("Kungsör")]?[.year(2024)]?[NameKey("kommun_timmar")] == 600)
        #expect(data.resources[NameKey("Köping")]?[.quarter(2024, 1)]?[NameKey("polis_timmar")] == 40)
    }

    @Test(.enabled(if: ResourcesYAMLTests.parserWorks, "needs the YAML parser"))
    func reportsEveryProblemAtItsLineAndColumn() throws {
        let folder = try TempDataFolder()
        try folder.write("bad.yaml", "period: 2024-13\nscope: Kungsör\navailable: {polis: -1, x: abc}\nextra: 1\n")
        try folder.write("broken.yaml", "period: [2024\n")
        try folder.write("nothing.yaml", "- period: 2024\n")
        let data = try folder.load()
        #expect(data.rejected.map(\.path) == ["data/bad.yaml", "data/broken.yaml", "data/nothing.yaml"])
        let bad = data.rejected[0].diagnostics.map(\.description)
        #expect(
            bad == [
                "data/bad.yaml:1:9: error: \"2024-13\" is not a period; write 2023, 2023-Q4 or 2023-11",
                "data/bad.yaml:3:20: error: \"-1\" is not an amount; write a number ≥ 0 for polis",
                "data/bad.yaml:3:27: error: \"abc\" is not an amount; write a number ≥ 0 for x",
                "data/bad.yaml:4:1: error: unknown key \"extra\"; an entry has period, scope and available",
            ])
        #expect(data.rejected[1].diagnostics.first?.description.hasPrefix("data/broken.yaml:") == true)
        #expect(
            data.rejected[2].diagnostics.map(\.description) == [
                "data/nothing.yaml:1:3: error: this entry has no scope; an entry has period, scope and available",
                "data/nothing.yaml:1:3: error: this entry has no available; an entry has period, scope and available",
            ])
    }
}
