import Foundation
import Testing

@testable import Fokus

/// The bundled rules over the police's real published events: each area's trend equals a plain
/// count of the scope's events of the mapped types (SPEC 3.2 county rule included). A county counts
/// its municipalities' events and the events filed under the county itself.
struct PoliceEventsEvaluationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let events = root.appendingPathComponent("../shared/data/polisen-events-2022-2024.json").standardizedFileURL
    static let available = FileManager.default.fileExists(atPath: events.path)

    /// Scope of one event by SPEC 3.2, written independently of the engine.
    static func scope(of event: [String: Any]) -> String? {
        guard let location = (event["location"] as? [String: Any])?["name"] as? String else { return nil }
        guard location.hasSuffix(" län") else { return location }
        let last =
            ((event["name"] as? String) ?? "").split(separator: ",", omittingEmptySubsequences: false).last
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return last.isEmpty ? location : last
    }

    /// Jämtlands län's municipalities (SCB's codes 2303–2380), written out independently of the engine's table.
    static let countyMembers: [String: Set<String>] = [
        "Jämtlands län": ["Ragunda", "Bräcke", "Krokom", "Strömsund", "Åre", "Berg", "Härjedalen", "Östersund"]
    ]

    @Test(
        .enabled(if: available, "needs ../shared/data/polisen-events-2022-2024.json beside the repository"),
        arguments: ["Kungsör", "Malmö", "Jämtlands län", "Stockholm", "Uppsala"], [nil, "2024-08"])
    func trendsAreAPlainCountOfTheMappedEvents(municipality: String, cutAfter: String?) throws {
        let rules = try RuleSetLoader.load(from: Self.root.appendingPathComponent("rules"))
        let folder = try TempDataFolder()
        var raw = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.events)) as! [[String: Any]]
        if let cutAfter {
            // A copy cut at the end of a month: the latest year becomes a part-year (SPEC 4.2).
            raw = raw.filter { (($0["datetime"] as? String) ?? "").prefix(7) <= cutAfter }
            let bytes = try JSONSerialization.data(withJSONObject: raw)
            try bytes.write(to: folder.url.appendingPathComponent("events.json"))
        } else {
            try FileManager.default.copyItem(at: Self.events, to: folder.url.appendingPathComponent("events.json"))
        }
        let data = try DatasetLoader.load(from: folder.url)
        #expect(data.rejected.isEmpty)
        let evaluation = try Engine(rules: rules).evaluate(data, scope: municipality, sensitivity: SensitivitySettings.off)

        // The plain count: events per (year, month, type) for this scope, which years have any event, and the
        // first and last month of any event in the file (every scope), each id counted once.
        var counts: [Int: [Int: [String: Int]]] = [:]
        var seen = Set<String>()
        var firstMonth = Int.max
        var lastMonth = Int.min
        for event in raw {
            guard let id = event["id"].map({ "\($0)" }), seen.insert(id).inserted,
                let datetime = event["datetime"] as? String, let year = Int(datetime.prefix(4)),
                let month = Int(datetime.dropFirst(5).prefix(2)), let type = event["type"] as? String
            else { continue }
            firstMonth = min(firstMonth, year * 12 + month - 1)
            lastMonth = max(lastMonth, year * 12 + month - 1)
            let scope = Self.scope(of: event)
            if scope == municipality || Self.countyMembers[municipality]?.contains(scope ?? "") == true {
                counts[year, default: [:]][month, default: [:]][type, default: 0] += 1
            }
        }
        let latestYear = try #require(counts.keys.max())
        #expect(evaluation.period == .year(latestYear))
        // T is partial when the data ends inside it: compare its first L months with the same months before.
        let months = lastMonth / 12 == latestYear && lastMonth % 12 < 11 ? lastMonth % 12 + 1 : 12
        #expect(evaluation.comparison.comparedMonths == (months < 12 ? months : nil))
        // A baseline year the data starts inside is left out.
        let window = (latestYear - 3...latestYear - 1).filter { counts[$0] != nil }
        let baselineYears = window.filter { $0 * 12 >= firstMonth }
        #expect(evaluation.comparison.baselineDropped.map(\.period) == window.filter { $0 * 12 < firstMonth }.map { .year($0) })
        #expect(!baselineYears.isEmpty)
        for area in evaluation.ranking {
            let types = Set(area.area.categories.map { $0.lowercased() })
            func count(_ year: Int) -> Int {
                (counts[year] ?? [:]).filter { $0.key <= months }.values
                    .flatMap { $0.filter { types.contains($0.key.lowercased()) }.values }.reduce(0, +)
            }
            let trend = try #require(area.trend, "\(area.id)")
            #expect(trend.latest == Double(count(latestYear)), "\(municipality) \(area.id)")
            let baseline = Double(baselineYears.map(count).reduce(0, +)) / Double(baselineYears.count)
            #expect(trend.baseline == baseline, "\(municipality) \(area.id)")
            #expect(trend.baselinePeriods == baselineYears.map { Period.year($0) })
            #expect(area.evidence == (trend.latest + trend.baseline > 0 || area.concern != nil))
            if !area.evidence { #expect(!area.selected, "\(municipality) \(area.id) has no evidence but is selected") }
        }
    }
}

extension SensitivitySettings {
    /// No weight sampling.
    static var off: SensitivitySettings {
        var s = SensitivitySettings()
        s.samples = 0
        return s
    }
}
