import Foundation
import Testing
@testable import Fokus

/// The bundled rules over the police's real published events: each area's trend equals a plain
/// count of the scope's events of the mapped types (SPEC 3.2 county rule included).
struct PoliceEventsEvaluationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let events = root.appendingPathComponent("../shared/data/polisen-events-2022-2024.json").standardizedFileURL
    static let available = FileManager.default.fileExists(atPath: events.path)

    /// Scope of one event by SPEC 3.2, written independently of the engine.
    static func scope(of event: [String: Any]) -> String? {
        guard let location = (event["location"] as? [String: Any])?["name"] as? String else { return nil }
        guard location.hasSuffix(" län") else { return location }
        let last = ((event["name"] as? String) ?? "").split(separator: ",", omittingEmptySubsequences: false).last
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return last.isEmpty ? location : last
    }

    @Test(
        .enabled(if: available, "needs ../shared/data/polisen-events-2022-2024.json beside the repository"),
        arguments: ["Kungsör", "Malmö", "Jämtlands län", "Stockholm", "Uppsala"])
    func trendsAreAPlainCountOfTheMappedEvents(municipality: String) throws {
        let rules = try RuleSetLoader.load(from: Self.root.appendingPathComponent("rules"))
        let folder = try TempDataFolder()
        try FileManager.default.copyItem(at: Self.events, to: folder.url.appendingPathComponent("events.json"))
        let data = try DatasetLoader.load(from: folder.url)
        #expect(data.rejected.isEmpty)
        let evaluation = try Engine(rules: rules).evaluate(data, scope: municipality, sensitivity: SensitivitySettings.off)

        // The plain count: events per (year, type) for this scope, and which years have any event.
        let raw = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.events)) as! [[String: Any]]
        var counts: [Int: [String: Int]] = [:]
        var seen = Set<String>()
        for event in raw where Self.scope(of: event) == municipality {
            guard let id = event["id"].map({ "\($0)" }), seen.insert(id).inserted,
                let datetime = event["datetime"] as? String, let year = Int(datetime.prefix(4)),
                let type = event["type"] as? String
            else { continue }
            counts[year, default: [:]][type, default: 0] += 1
        }
        let latestYear = try #require(counts.keys.max())
        #expect(evaluation.period == .year(latestYear))
        for area in evaluation.ranking {
            let types = Set(area.area.categories.map { $0.lowercased() })
            func count(_ year: Int) -> Int {
                (counts[year] ?? [:]).filter { types.contains($0.key.lowercased()) }.values.reduce(0, +)
            }
            let baselineYears = (latestYear - 3...latestYear - 1).filter { counts[$0] != nil }
            let trend = try #require(area.trend, "\(area.id)")
            #expect(trend.latest == Double(count(latestYear)), "\(municipality) \(area.id)")
            let baseline = Double(baselineYears.map(count).reduce(0, +)) / Double(baselineYears.count)
            #expect(trend.baseline == baseline, "\(municipality) \(area.id)")
            #expect(trend.baselinePeriods == baselineYears.map { Period.year($0) })
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
