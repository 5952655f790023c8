public import Foundation

/// The parts of an evaluation that "what changed" compares: read back from a `report.json`
/// (schema version 1) or taken from a fresh ``Evaluation``.
public struct EvaluationSnapshot: Sendable, Hashable {
    /// One area's figures.
    public struct AreaFigures: Sendable, Hashable {
        public var id: String
        public var name: String
        public var rank: Int
        public var score: Double
        public var selected: Bool
        /// Each factor's contribution to the weighted score (absent factors left out).
        public var contributions: [Factor: Double]
    }

    public var scope: String
    public var period: String
    /// Areas in rank order.
    public var areas: [AreaFigures]
    /// The chosen measure ids, sorted.
    public var measures: [String]
    /// SHA-256 per input path.
    public var inputs: [String: String]

    /// The snapshot of a fresh evaluation.
    public init(_ evaluation: Evaluation) {
        scope = evaluation.scope
        period = evaluation.period.description
        areas = evaluation.ranking.map {
            AreaFigures(id: $0.id, name: $0.name, rank: $0.rank, score: $0.score, selected: $0.selected, contributions: $0.contributions)
        }
        measures = evaluation.plan.measureIDs
        inputs = Dictionary(evaluation.inputs.map { ($0.path, $0.sha256) }, uniquingKeysWith: { _, last in last })
    }

    /// Reads a `report.json` written by `fokus evaluate --format json` (or by the daemon).
    /// - Throws: ``FokusError`` naming `path` when the text is not such a report.
    public init(reportJSON data: Data, path: String) throws(FokusError) {
        func fail(_ why: String) -> FokusError {
            FokusError("\(why); expected a report.json from `fokus evaluate --format json`", at: SourceLocation(file: path))
        }
        guard let object = try? JSONSerialization.jsonObject(with: data), let json = object as? [String: Any] else {
            throw fail("the file is not JSON")
        }
        guard json["schema_version"] as? Int == 1 else { throw fail("the file has no `schema_version: 1`") }
        guard let ranking = json["ranking"] as? [[String: Any]] else { throw fail("the file has no `ranking`") }
        scope = json["scope"] as? String ?? ""
        period = json["period"] as? String ?? ""
        var areas: [AreaFigures] = []
        for (i, entry) in ranking.enumerated() {
            guard let id = entry["id"] as? String, let score = (entry["score"] as? NSNumber)?.doubleValue else {
                throw fail("ranking entry \(i + 1) has no `id` or `score`")
            }
            var contributions: [Factor: Double] = [:]
            for (key, value) in entry["contributions"] as? [String: Any] ?? [:] {
                if let factor = Factor(rawValue: key), let number = (value as? NSNumber)?.doubleValue {
                    contributions[factor] = number
                }
            }
            areas.append(
                AreaFigures(
                    id: id, name: entry["name"] as? String ?? id, rank: entry["rank"] as? Int ?? i + 1, score: score,
                    selected: entry["selected"] as? Bool ?? false, contributions: contributions))
        }
        self.areas = areas
        measures = ((json["plan"] as? [String: Any])?["measures"] as? [String] ?? []).sorted()
        var inputs: [String: String] = [:]
        for input in json["inputs"] as? [[String: Any]] ?? [] {
            if let path = input["path"] as? String, let sha = input["sha256"] as? String { inputs[path] = sha }
        }
        self.inputs = inputs
    }
}
