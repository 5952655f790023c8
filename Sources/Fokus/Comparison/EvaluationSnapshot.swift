public import Foundation

/// The parts of an evaluation that "what changed" compares: read back from a `report.json`
/// (schema version 1) or taken from a fresh ``Evaluation``.
public struct EvaluationSnapshot: Sendable, Hashable {
    /// One area's figures.
    public struct AreaFigures: Sendable, Hashable {
        /// The area's id.
        public internal(set) var id: String
        /// Its name.
        public internal(set) var name: String
        /// Its rank, 1…N.
        public internal(set) var rank: Int
        /// Its final score.
        public internal(set) var score: Double
        /// Whether it was selected.
        public internal(set) var selected: Bool
        /// Each factor's contribution to the weighted score (absent factors left out).
        public internal(set) var contributions: [Factor: Double]
    }

    /// The evaluated scope.
    public internal(set) var scope: String
    /// The evaluated period, as written in the report (`2023`).
    public internal(set) var period: String
    /// Areas in rank order.
    public internal(set) var areas: [AreaFigures]
    /// The chosen measure ids, sorted.
    public internal(set) var measures: [String]
    /// SHA-256 per input path.
    public internal(set) var inputs: [String: String]

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
    ///
    /// Numbers are decoded with `JSONDecoder`, which reads back every double exactly as written.
    /// - Throws: ``FokusError`` naming `path` when the text is not such a report.
    public init(reportJSON data: Data, path: String) throws(FokusError) {
        let report: Report
        do {
            report = try JSONDecoder().decode(Report.self, from: data)
        } catch {
            throw FokusError([
                .error(DiagnosticText.evaluation(.notAReport(reason: Self.describe(error))), at: SourceLocation(file: path))
            ])
        }
        guard report.schema_version == 1 else {
            throw FokusError([
                .error(DiagnosticText.evaluation(.reportSchema(version: report.schema_version)), at: SourceLocation(file: path))
            ])
        }
        scope = report.scope
        period = report.period
        areas = report.ranking.map { entry in
            var contributions: [Factor: Double] = [:]
            for (key, value) in entry.contributions ?? [:] {
                contributions[Factor(key: key) ?? .signal(key)] = value
            }
            return AreaFigures(
                id: entry.id, name: entry.name ?? entry.id, rank: entry.rank, score: entry.score,
                selected: entry.selected, contributions: contributions)
        }
        measures = (report.plan?.measures ?? []).sorted()
        inputs = Dictionary((report.inputs ?? []).map { ($0.path, $0.sha256) }, uniquingKeysWith: { _, last in last })
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing `\((context.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: "."))`"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "unexpected value at `\(context.codingPath.map(\.stringValue).joined(separator: "."))`"
        default:
            return "not valid JSON"
        }
    }

    /// The keys of report.json that a snapshot reads.
    private struct Report: Decodable {
        struct Entry: Decodable {
            var id: String
            var name: String?
            var rank: Int
            var score: Double
            var selected: Bool
            var contributions: [String: Double]?
        }
        struct Plan: Decodable { var measures: [String] }
        struct Input: Decodable {
            var path: String
            var sha256: String
        }
        var schema_version: Int
        var scope: String
        var period: String
        var ranking: [Entry]
        var plan: Plan?
        var inputs: [Input]?
    }
}
