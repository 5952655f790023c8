import Fokus
import Foundation

/// libFuzzer entry point for the parsers that read what people and other systems write.
///
/// One binary, four targets, chosen by `FOKUS_FUZZ_TARGET`:
/// - `rules`: the YAML rule loader (`RuleSetLoader.load(yaml:file:)`), libyaml included;
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
            _ = rules.advice(for: nil)
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

    /// The facts of an area with every factor present, for evaluating the conditions that parse.
    static let facts = AreaFacts(
        trendZ: 2.5, trendRatio: 1.4, trendLatest: 40, trendBaseline: 28, concernRaw: 0.35, resourcesRaw: 0.8,
        nTrend: 0.84, nConcern: 0.35, nResources: 0.8, score: 0.62, areaID: "trafik", owners: ["polis", "kommun"])
}
