import Fokus
import FokusPipeline
import Foundation
import Testing

@testable import FokusDaemon
@testable import FokusState

/// The daemon's cache of each data file's aggregates in the state database: which files are read,
/// and that what comes out of the cache equals a full load.
@Suite(.serialized)
struct IncrementalCacheTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let rules = packageRoot.appendingPathComponent("rules")
    static let kungsor = packageRoot.appendingPathComponent("Samples/kungsor")

    /// A temporary folder with a copy of the Kungsör sample as `data/` and a state database.
    final class Workspace {
        let root: URL
        var data: URL { root.appendingPathComponent("data") }
        var statePath: String { root.appendingPathComponent("var/fokus.sqlite").path }

        init(sample: Bool = true) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("fokus-cache-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
            if sample {
                for name in try FileManager.default.contentsOfDirectory(atPath: IncrementalCacheTests.kungsor.path) {
                    try FileManager.default.copyItem(
                        at: IncrementalCacheTests.kungsor.appendingPathComponent(name), to: data.appendingPathComponent(name))
                }
            }
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        func write(_ name: String, _ text: String, in folder: URL? = nil) throws {
            let url = (folder ?? data).appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        func pipeline(_ folder: URL? = nil) -> EvaluationPipeline {
            EvaluationPipeline(
                rules: IncrementalCacheTests.rules, data: folder ?? data, dataDisplayPath: ".", rejectedFiles: .quarantine)
        }
    }

    /// The report of `dataset` as JSON, without the time it was made.
    static func report(_ dataset: Dataset, _ pipeline: EvaluationPipeline) throws -> String {
        var pipeline = pipeline
        pipeline.samples = 200
        let evaluation = try pipeline.evaluate(try pipeline.loadRules(), dataset)
        return evaluation.rendered(as: .json, language: .sv)
            .split(separator: "\n").filter { !$0.contains("\"generated") }.joined(separator: "\n")
    }

    /// A full load of the folder, as `fokus evaluate` reads it.
    static func fullReport(_ pipeline: EvaluationPipeline) throws -> String {
        let (dataset, _) = try pipeline.loadDataForQuarantine()
        return try report(dataset, pipeline)
    }

    static func crimeFile(year: Int, count: Int) -> String {
        "år;kommun;brottskategori;antal\n\(year);Kungsör;Stöld;\(count)\n\(year);Kungsör;Bedrägeri;\(count / 2)\n"
    }

    @Test func oneNewFileAmongManyIsTheOnlyFileReadAndARestartReadsNothing() throws {
        let workspace = try Workspace()
        for i in 0..<8 { try workspace.write("extra/brott-\(i).csv", Self.crimeFile(year: 2016 + i % 8, count: 3 + i)) }
        let files = DataFolder.files(in: workspace.data).count
        let store = try StateStore(path: workspace.statePath)
        let loader = IncrementalLoader(store: store)
        var (dataset, rejected) = try loader.loadAndStore(workspace.pipeline(), folder: workspace.data, excluding: [])
        #expect(rejected.isEmpty)
        #expect(loader.lastReads == files)
        #expect(try Self.report(dataset, workspace.pipeline()) == Self.fullReport(workspace.pipeline()))

        (dataset, _) = try loader.loadAndStore(workspace.pipeline(), folder: workspace.data, excluding: [])
        #expect(loader.lastReads == 0)

        try workspace.write("extra/brott-new.csv", Self.crimeFile(year: 2024, count: 11))
        (dataset, _) = try loader.loadAndStore(workspace.pipeline(), folder: workspace.data, excluding: [])
        #expect(loader.lastReads == 1)
        #expect(try Self.report(dataset, workspace.pipeline()) == Self.fullReport(workspace.pipeline()))

        // A restart: a new process with the same state database reads nothing and gives the same report.
        let restarted = IncrementalLoader(store: try StateStore(path: workspace.statePath))
        (dataset, _) = try restarted.loadAndStore(workspace.pipeline(), folder: workspace.data, excluding: [])
        #expect(restarted.lastReads == 0)
        #expect(restarted.lastFromDatabase == files + 1)
        #expect(try Self.report(dataset, workspace.pipeline()) == Self.fullReport(workspace.pipeline()))
        let sizes = try store.fileAggregateSizes()
        #expect(sizes.count == 1 && sizes[0].formatVersion == Dataset.archiveFormatVersion && sizes[0].rows == files + 1)
    }

    @Test func everyKindOfFileRoundTripsThroughTheDatabaseExactly() throws {
        let workspace = try Workspace()
        try workspace.write("handelser.tsv", "datum\tkommun\ttyp\n2023-05-01 12:00\tKungsör\tStöld\n2023-12-31\tkungsör \tstöld\n")
        try workspace.write(
            "bra/export.csv",
            "Region;Brott;År;Period;Antal;/100 000 inv\n0207 Kungsör;Stöld;2024;januari-juni;5;57\n"
                + "0207 Kungsör;Stöld;2021;Helår;..;..\n0207 Kungsör;Bedrägeri;2023;januari;1 002;11 517\n")
        try workspace.write("signaler.csv", "år;kommun;fråga;andel;källa;svarande\n2023;Kungsör;Otrygghet;41 %;polisen;120\n")
        try workspace.write("resurser.csv", "period,scope,resource,available\n2023,Kungsör,polis_timmar,100.1\n")
        try workspace.write("tomma.csv", "år;kommun;brottskategori;antal\n2023;Kungsör;Rån;\n2023;Kungsör;Rån;2\n")
        try workspace.write("okand.csv", "a;b;c\n1;2;3\n")
        try workspace.write(
            "polisen-1.json",
            """
            [{"id": 1, "datetime": "2023-06-01 8:00:00 +02:00", "name": "x", "type": "Stöld", "location": {"name": "Kungsör"}},
             {"id": 2, "datetime": "2023-06-02 8:00:00 +02:00", "name": "y", "type": "Rån", "location": {"name": "Kungsör"}}]
            """)
        try workspace.write(
            "polisen-2.json",
            """
            [{"id": 2, "datetime": "2023-06-02 8:00:00 +02:00", "name": "y", "type": "Rån", "location": {"name": "Kungsör"}},
             {"id": 3, "datetime": "2023-07-02 8:00:00 +02:00", "name": "z", "type": "Stöld", "location": {"name": "kungsör"}}]
            """)
        let full = try Self.fullReport(workspace.pipeline())
        let first = IncrementalLoader(store: try StateStore(path: workspace.statePath))
        let (read, _) = try first.loadAndStore(workspace.pipeline(), folder: workspace.data, excluding: [])
        #expect(try Self.report(read, workspace.pipeline()) == full)

        let restarted = IncrementalLoader(store: try StateStore(path: workspace.statePath))
        let (cached, _) = try restarted.loadAndStore(workspace.pipeline(), folder: workspace.data, excluding: [])
        #expect(try Self.report(cached, workspace.pipeline()) == full)
        // Only the file whose header matches no kind is read again (it gives a warning, no input).
        #expect(restarted.lastReads == 1)
        #expect(cached.warnings.map(\.description) == read.warnings.map(\.description))
        #expect(cached.warnings.count >= 3)
    }

    static func events(_ list: [(id: Int, month: Int, type: String)]) -> String {
        "["
            + list.map { event in
                "{\"id\": \(event.id), \"datetime\": \"2023-\(event.month < 10 ? "0" : "")\(event.month)-02 8:00:00 +02:00\", "
                    + "\"name\": \"x\", \"type\": \"\(event.type)\", \"location\": {\"name\": \"Kungsör\"}}"
            }.joined(separator: ",\n") + "]"
    }

    @Test func eventsJSONFilesAreNotReadAgainAndAnIdStillCountsOnceAcrossFiles() throws {
        let workspace = try Workspace()
        try workspace.write("polisen-b.json", Self.events([(1, 5, "Stöld"), (2, 6, "Rån"), (3, 6, "Stöld")]))
        try workspace.write("polisen-c.json", Self.events([(3, 6, "Stöld"), (4, 7, "Rån"), (4, 7, "Rån")]))
        let loader = IncrementalLoader(store: try StateStore(path: workspace.statePath))
        var (dataset, _) = try loader.loadAndStore(workspace.pipeline(), folder: workspace.data, excluding: [])
        #expect(try Self.report(dataset, workspace.pipeline()) == Self.fullReport(workspace.pipeline()))
        // A new file that sorts first and repeats ids of both: the later files now count fewer events.
        try workspace.write("polisen-a.json", Self.events([(2, 6, "Rån"), (4, 7, "Rån"), (5, 8, "Stöld")]))
        (dataset, _) = try loader.loadAndStore(workspace.pipeline(), folder: workspace.data, excluding: [])
        #expect(loader.lastReads == 1)
        let full = try Self.fullReport(workspace.pipeline())
        #expect(try Self.report(dataset, workspace.pipeline()) == full)
        let repeated = dataset.warnings.filter { if case .repeatedEventIDs = $0.text { true } else { false } }
        #expect(repeated.map(\.location?.file) == ["polisen-b.json", "polisen-c.json"])

        let restarted = IncrementalLoader(store: try StateStore(path: workspace.statePath))
        let (cached, _) = try restarted.loadAndStore(workspace.pipeline(), folder: workspace.data, excluding: [])
        #expect(restarted.lastReads == 0)
        #expect(try Self.report(cached, workspace.pipeline()) == full)
        #expect(cached.warnings.map(\.description) == dataset.warnings.map(\.description))
    }

    @Test func aFileChangedUnderTheSameNameIsReadAgain() throws {
        let workspace = try Workspace()
        try workspace.write("brott-2024.csv", Self.crimeFile(year: 2024, count: 10))
        let loader = IncrementalLoader(store: try StateStore(path: workspace.statePath))
        _ = try loader.loadAndStore(workspace.pipeline(), folder: workspace.data, excluding: [])
        // Same size, other content.
        try workspace.write("brott-2024.csv", Self.crimeFile(year: 2024, count: 12))
        var (dataset, _) = try loader.loadAndStore(workspace.pipeline(), folder: workspace.data, excluding: [])
        #expect(loader.lastReads == 1)
        #expect(try Self.report(dataset, workspace.pipeline()) == Self.fullReport(workspace.pipeline()))
        // Changed again while the daemon was stopped.
        try workspace.write("brott-2024.csv", Self.crimeFile(year: 2024, count: 14))
        let restarted = IncrementalLoader(store: try StateStore(path: workspace.statePath))
        (dataset, _) = try restarted.loadAndStore(workspace.pipeline(), folder: workspace.data, excluding: [])
        #expect(restarted.lastReads == 1)
        #expect(try Self.report(dataset, workspace.pipeline()) == Self.fullReport(workspace.pipeline()))
    }

    @Test func aRejectedFileIsNotCachedAsGood() throws {
        let workspace = try Workspace()
        try workspace.write("trasig.csv", "år;kommun;brottskategori;antal\n2023;Kungsör;Stöld;många\n")
        let store = try StateStore(path: workspace.statePath)
        let loader = IncrementalLoader(store: store)
        let (_, rejected) = try loader.loadAndStore(workspace.pipeline(), folder: workspace.data, excluding: [])
        #expect(rejected.map(\.path) == ["trasig.csv"])
        let absolute = workspace.data.standardizedFileURL.path + "/trasig.csv"
        #expect(try store.fileSignatures(under: workspace.data.standardizedFileURL.path)[absolute] == nil)
        // Read (and rejected) again every time, in this process and after a restart.
        _ = try loader.loadAndStore(workspace.pipeline(), folder: workspace.data, excluding: [])
        #expect(loader.lastReads == 1)
        let restarted = IncrementalLoader(store: try StateStore(path: workspace.statePath))
        let (_, again) = try restarted.loadAndStore(workspace.pipeline(), folder: workspace.data, excluding: [])
        #expect(restarted.lastReads == 1)
        #expect(again.map(\.path) == ["trasig.csv"])
    }

    @Test func rowsOfAnotherFormatVersionAreIgnored() throws {
        let workspace = try Workspace()
        let store = try StateStore(path: workspace.statePath)
        let loader = IncrementalLoader(store: store)
        _ = try loader.loadAndStore(workspace.pipeline(), folder: workspace.data, excluding: [])
        let files = loader.lastReads
        // As if an older Fokus had written them.
        try store.withDatabase { try $0.execute("UPDATE file_aggregates SET format_version = format_version - 1") }
        let restarted = IncrementalLoader(store: try StateStore(path: workspace.statePath))
        let (dataset, _) = try restarted.loadAndStore(workspace.pipeline(), folder: workspace.data, excluding: [])
        #expect(restarted.lastReads == files)
        #expect(try Self.report(dataset, workspace.pipeline()) == Self.fullReport(workspace.pipeline()))
        // An archive whose own header names another version is refused too.
        var bytes = try #require(
            try store.fileAggregates(
                sha256: dataset.inputs[0].sha256, name: dataset.inputs[0].path, formatVersion: Dataset.archiveFormatVersion))
        #expect(Dataset(archive: bytes) != nil)
        bytes = Self.replacingVersion(in: bytes)
        #expect(Dataset(archive: bytes) == nil)
    }

    /// The archive with its format version (the first number after the string table) raised by one.
    static func replacingVersion(in archive: [UInt8]) -> [UInt8] {
        var offset = 0
        func varint() -> Int {
            var value = 0
            var shift = 0
            while true {
                let byte = archive[offset]
                offset += 1
                value |= Int(byte & 0x7F) << shift
                if byte < 0x80 { return (value >> 1) ^ -(value & 1) }
                shift += 7
            }
        }
        let strings = varint()
        for _ in 0..<strings { offset += varint() }
        let versionAt = offset
        let version = varint()
        var bytes = archive
        bytes[versionAt] = UInt8((version + 1) << 1)
        return bytes
    }

    @Test func twoJobsSharingOneStateDatabaseKeepTheirOwnFiles() throws {
        let workspace = try Workspace()
        let other = workspace.root.appendingPathComponent("other-data")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: workspace.data.path) {
            try FileManager.default.copyItem(at: workspace.data.appendingPathComponent(name), to: other.appendingPathComponent(name))
        }
        // The same name in both folders, with other figures.
        try workspace.write("brott-2024.csv", Self.crimeFile(year: 2024, count: 10))
        try workspace.write("brott-2024.csv", Self.crimeFile(year: 2024, count: 90), in: other)
        let first = IncrementalLoader(store: try StateStore(path: workspace.statePath))
        let second = IncrementalLoader(store: try StateStore(path: workspace.statePath))
        _ = try first.loadAndStore(workspace.pipeline(), folder: workspace.data, excluding: [])
        _ = try second.loadAndStore(workspace.pipeline(other), folder: other, excluding: [])
        let firstFull = try Self.fullReport(workspace.pipeline())
        let secondFull = try Self.fullReport(workspace.pipeline(other))
        #expect(firstFull != secondFull)
        for _ in 0..<2 {
            let a = IncrementalLoader(store: try StateStore(path: workspace.statePath))
            let b = IncrementalLoader(store: try StateStore(path: workspace.statePath))
            let (firstData, _) = try a.loadAndStore(workspace.pipeline(), folder: workspace.data, excluding: [])
            let (secondData, _) = try b.loadAndStore(workspace.pipeline(other), folder: other, excluding: [])
            #expect(a.lastReads == 0 && b.lastReads == 0)
            #expect(try Self.report(firstData, workspace.pipeline()) == firstFull)
            #expect(try Self.report(secondData, workspace.pipeline(other)) == secondFull)
        }
    }
}

extension IncrementalLoader {
    /// A load as the daemon makes it: the files read are stored once the report is out.
    func loadAndStore(
        _ pipeline: EvaluationPipeline, folder: URL, excluding: Set<String>
    ) throws -> (Dataset, [RejectedFile]) {
        let result = try load(pipeline, folder: folder, excluding: excluding)
        storePending()
        return result
    }
}

/// The cache through the daemon itself: a restart reads nothing, a new file is the only file read.
@Suite(.timeLimit(.minutes(4)))
struct DaemonCacheRestartTests {
    @Test func aRestartWithNothingChangedReadsNoFileAndThenANewFileIsTheOnlyFileRead() throws {
        let daemon = try DaemonHarness()
        for index in 0..<5 {
            try daemon.writeData(
                "klotter-\(2019 + index).csv", "år;kommun;brottskategori;antal\n\(2019 + index);Provby;Klotter;\(10 + index)\n")
        }
        try daemon.writeConfig()
        try daemon.start()
        try daemon.waitUntil("the first report is written") { try daemon.reportInputs().count == 6 }
        try daemon.waitUntil("the daemon is ready") { daemon.log.contains("ready:") }
        #expect(try daemon.stop() == 0)

        try daemon.start()
        try daemon.waitUntil("the restarted daemon is ready") { daemon.log.contains("ready:") }
        let first = daemon.log.split(separator: "\n").first { $0.contains("] evaluated") }
        #expect(first.flatMap(DaemonIncrementalTests.filesRead) == 0, "\(daemon.log)")

        try daemon.writeData("stold-2024.csv", "år;kommun;brottskategori;antal\n2024;Provby;Stöld;50\n")
        func newFileLine() -> Substring? {
            daemon.log.split(separator: "\n").first { $0.contains("] evaluated") && $0.contains("files=7 ") }
        }
        try daemon.waitUntil("the new file is evaluated") { newFileLine() != nil }
        #expect(newFileLine().flatMap(DaemonIncrementalTests.filesRead) == 1, "\(daemon.log)")
        #expect(try daemon.stop() == 0)
        // Each file's aggregates are in the state database once.
        #expect(try daemon.store().fileAggregateSizes().first?.rows == 7)
    }
}
