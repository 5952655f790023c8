import Foundation

@testable import Fokus

/// A small national-shaped data set, generated from a seed: events of several municipalities in two
/// counties and a few events filed under a county itself, a survey and resources, with a rule set.
enum NationalTestData {
    static let municipalities = [
        "Kungsör", "Köping", "Arboga", "Västerås", "Sala", "Eskilstuna", "Nyköping", "Flen", "Trosa", "Gnesta",
    ]
    static let counties = ["Västmanlands län", "Södermanlands län"]
    static let categories = ["Stöld", "Bedrägeri", "Skadegörelse", "Misshandel", "Narkotikabrott", "Trafikbrott"]

    static let rules = """
        fokus: 1
        name: Länets lägesbild
        select: { top: 2 }
        areas:
          - { id: stold, name: Stölder, categories: [Stöld], survey_items: [Stölder] }
          - { id: bedrageri, name: Bedrägerier, categories: [Bedrägeri], survey_items: [Bedrägerier] }
          - { id: vald, name: Våld, categories: [Misshandel, Skadegörelse], survey_items: [Våld] }
          - { id: narkotika, name: Narkotika, categories: [Narkotikabrott] }
          - { id: trafik, name: Trafik, categories: [Trafikbrott], survey_items: [Trafik] }
        measures:
          - { id: a, name: A, addresses: [stold, vald], cost: { polis_timmar: 40 }, effect: 0.3 }
          - { id: b, name: B, addresses: [bedrageri], cost: { kommun_timmar: 90, polis_timmar: 10 }, effect: 0.4 }
          - { id: c, name: C, addresses: [trafik], cost: { polis_timmar: 200 }, effect: 0.2 }
        """

    /// The files, by name.
    static func files(seed: UInt64) -> [String: String] {
        var rng = SeededGenerator(seed: seed)
        var events = "datum;kommun;brottskategori;plats\n"
        for year in 2021...2024 {
            for scope in municipalities + counties {
                let volume = counties.contains(scope) ? 3 : Int.random(in: 20...120, using: &rng)
                for _ in 0..<volume {
                    let month = Int.random(in: 1...12, using: &rng)
                    let day = Int.random(in: 1...28, using: &rng)
                    let category = categories[Int.random(in: 0..<categories.count, using: &rng)]
                    events += "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day);\(scope);\(category);Centrum\n"
                }
            }
        }
        var survey = "år;kommun;fråga;andel;svarande\n"
        for scope in municipalities + counties {
            for item in ["Stölder", "Bedrägerier", "Våld", "Trafik"] {
                survey += "2023;\(scope);\(item);\(Double(Int.random(in: 5...70, using: &rng)) / 100);400\n"
            }
        }
        var resources = "period;scope;resource;available\n"
        for scope in municipalities {
            resources += "2024;\(scope);polis_timmar;\(Int.random(in: 20...300, using: &rng))\n"
            resources += "2024;\(scope);kommun_timmar;\(Int.random(in: 20...300, using: &rng))\n"
        }
        return ["handelser.csv": events, "enkat.csv": survey, "resurser.csv": resources]
    }

    /// The data set, loaded from files in a temporary folder.
    static func dataset(seed: UInt64) throws -> Dataset {
        let folder = try TempDataFolder()
        for (name, text) in files(seed: seed) { try folder.write(name, text) }
        return try folder.load()
    }
}
