import Fokus
import Foundation

/// libFuzzer entry point for the parsers that read what people and other systems write.
///
/// One binary, four targets, chosen by `FOKUS_FUZZ_TARGET`:
/// - `rules`: the YAML rule loader (`RuleSetLoader.load(yaml:file:)`), libyaml included; a rule set that loads is
///   evaluated over a small dataset and rendered in every format;
/// - `when`: the `when:` expression parser and type checker (`Expression.parse`), and evaluation of what parses;
/// - `csv`: the data loader on a `.csv` file (dialect and encoding detection, the CSV reader, every kind);
/// - `events`: the data loader on a `.json` file (the events array stream and each event's decoding).
///
/// Built and run by `make fuzz` (`swift build --sanitize=fuzzer`, with `FOKUS_FUZZ=1` so that the package
/// declares this target). The input is the file's bytes; a crash, a trap or a hang is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    switch FuzzTarget.current {
    case .rules:
        let text = String(decoding: bytes, as: UTF8.self)
        if let rules = try? RuleSetLoader.load(yaml: text, file: "fuzz.yaml") {
            FuzzTarget.evaluate(rules)
        }
    case .when:
        let text = String(decoding: bytes, as: UTF8.self)
        if let expression = try? Expression.parse(text) {
            _ = expression.isSatisfied(by: FuzzTarget.facts)
        }
    case .csv:
        let dataset = DatasetLoader.load(contents: bytes, name: "fuzz.csv")
        _ = dataset.rejected.map { $0.diagnostics.map(\.description) }
    case .events:
        let dataset = DatasetLoader.load(contents: bytes, name: "fuzz.json")
        _ = dataset.rejected.map { $0.diagnostics.map(\.description) }
    }
    return 0
}

enum FuzzTarget: String {
    case rules, when, csv, events

    static let current: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["FOKUS_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("set FOKUS_FUZZ_TARGET to rules, when, csv or events\n".utf8))
            exit(2)
        }
        return target
    }()

    /// Rule sets that load are evaluated over a small fixed dataset (a few weight samples, a small plan budget)
    /// and rendered in every format, so that the fuzzer reaches scoring, rules, ranking, the plan and the reports.
    static func evaluate(_ rules: RuleSet) {
        _ = rules.advice(for: dataset)
        // Larger catalogues make the plan's search (bounded at about a second in a release build) the whole run.
        guard rules.measures.count <= 40 else { return }
        var sensitivity = rules.sensitivity
        sensitivity.samples = min(sensitivity.samples, 10)
        for scope in [nil, "Kungsör"] {
            guard let evaluation = try? Engine(rules: rules).evaluate(dataset, scope: scope, sensitivity: sensitivity)
            else { continue }
            for format in ReportFormat.allCases { _ = evaluation.rendered(as: format) }
        }
    }

    /// Two years of crime counts, a survey and resources for Kungsör.
    static let dataset: Dataset = {
        var data = DatasetLoader.load(
            text: "år;kommun;brottskategori;antal\n2021;Kungsör;Stöld;12\n2022;Kungsör;Stöld;15\n2023;Kungsör;Stöld;31\n"
                + "2022;Kungsör;Trafikbrott;40\n2023;Kungsör;Trafikbrott;38\n2023;Kungsör;Bedrägeri;9\n",
            name: "brott.csv")
        data.merge(
            DatasetLoader.load(
                text: "år;kommun;fråga;andel\n2023;Kungsör;Oro för bedrägerier;0,45\n2023;Kungsör;Stöld;30 %\n",
                name: "enkat.csv"))
        data.merge(
            DatasetLoader.load(
                text: "period;scope;resource;available\n2023;Kungsör;polis_timmar;220\n2023;Kungsör;kommun_timmar;90\n",
                name: "resurser.csv"))
        return data
    }()

    /// The facts of an area with every factor present, for evaluating the conditions that parse.
    static let facts = AreaFacts(
        trendZ: 2.5, trendRatio: 1.4, trendLatest: 40, trendBaseline: 28, concernRaw: 0.35, resourcesRaw: 0.8,
        nTrend: 0.84, nConcern: 0.35, nResources: 0.8, score: 0.62, areaID: "trafik", owners: ["polis", "kommun"])
}
