import Foundation
import Testing

@testable import Fokus

/// Every fuzz seed and every input a fuzzer once crashed on (`Fuzz/regressions/`) runs through the code the fuzz
/// target runs (`Fuzz/FokusFuzz`), in every `make test`: none may crash or hang.
@Suite(.timeLimit(.minutes(2)))
struct FuzzReplayTests {
    struct Input: CustomTestStringConvertible, Sendable {
        var target: String
        var path: String
        var testDescription: String { path }
    }

    static let fuzzRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    static let inputs: [Input] = ["seeds", "regressions"].flatMap { kind in
        ["rules", "when", "csv", "events"].flatMap { target -> [Input] in
            let folder = fuzzRoot.appendingPathComponent("\(kind)/\(target)")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.sorted().map { Input(target: target, path: "\(kind)/\(target)/\($0)") }
        }
    }

    @Test func thereAreSeedsForEveryTarget() {
        for target in ["rules", "when", "csv", "events"] {
            #expect(Self.inputs.contains { $0.target == target && $0.path.hasPrefix("seeds/") })
        }
    }

    @Test(arguments: inputs)
    func runsAsTheFuzzTargetDoes(_ input: Input) throws {
        let bytes = Array(try Data(contentsOf: Self.fuzzRoot.appendingPathComponent(input.path)))
        let text = String(decoding: bytes, as: UTF8.self)
        switch input.target {
        case "rules":
            if let rules = try? RuleSetLoader.load(yaml: text, file: "fuzz.yaml"), rules.measures.count <= 40 {
                let data = DatasetLoader.load(
                    text: "år;kommun;brottskategori;antal\n2021;Kungsör;Stöld;12\n2022;Kungsör;Stöld;15\n"
                        + "2023;Kungsör;Stöld;31\n2023;Kungsör;Trafikbrott;38\n", name: "brott.csv")
                var sensitivity = rules.sensitivity
                sensitivity.samples = min(sensitivity.samples, 10)
                if let evaluation = try? Engine(rules: rules).evaluate(data, scope: "Kungsör", sensitivity: sensitivity) {
                    for format in ReportFormat.allCases { _ = evaluation.rendered(as: format) }
                }
            }
        case "when":
            let facts = AreaFacts(
                trendZ: 2.5, trendRatio: 1.4, trendLatest: 40, trendBaseline: 28, concernRaw: 0.35, resourcesRaw: 0.8,
                nTrend: 0.84, nConcern: 0.35, nResources: 0.8, score: 0.62, areaID: "trafik", owners: ["polis", "kommun"])
            if let expression = try? Expression.parse(text) { _ = expression.isSatisfied(by: facts) }
        case "csv":
            let dataset = DatasetLoader.load(contents: bytes, name: "fuzz.csv")
            #expect(dataset.inputs.count + dataset.rejected.count <= 1)
        default:
            let dataset = DatasetLoader.load(contents: bytes, name: "fuzz.json")
            #expect(dataset.inputs.count + dataset.rejected.count <= 1)
        }
    }
}
