import Foundation
import Testing

@testable import Fokus

#if canImport(Glibc)
import Glibc
#endif

/// The data walk reads regular files inside the folder only: links that loop, dangle or lead out, pipes and devices
/// are skipped with a warning, and nothing is counted twice.
@Suite(.timeLimit(.minutes(5)))
struct DataFolderSafetyTests {
    static let crime = "år;kommun;brottskategori;antal\n2022;Kungsör;Stöld;3\n2023;Kungsör;Stöld;5\n"

    func link(_ folder: TempDataFolder, _ name: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(
            atPath: folder.url.appendingPathComponent(name).path, withDestinationPath: target)
    }

    func warnings(_ dataset: Dataset) -> [String] { dataset.warnings.map(\.description) }

    @Test func aLinkLoopBackIntoTheFolderIsNotFollowed() throws {
        let folder = try TempDataFolder()
        try folder.write("brott.csv", Self.crime)
        try link(folder, "again", to: ".")
        try link(folder, "up", to: "..")
        let dataset = try folder.load()
        #expect(dataset.count("Kungsör", .year(2023), "Stöld") == 5, "counted once, not once per loop")
        #expect(dataset.inputs.map(\.path) == ["data/brott.csv"])
        #expect(warnings(dataset).contains { $0.hasPrefix("data/again: warning: skipped: a link to a folder") })
        #expect(warnings(dataset).contains { $0.hasPrefix("data/up: warning: skipped: a link to a folder") })
    }

    @Test func aLinkToAFileBesideItIsReadOnce() throws {
        let folder = try TempDataFolder()
        try folder.write("brott.csv", Self.crime)
        try link(folder, "a-copy.csv", to: "brott.csv")
        let dataset = try folder.load()
        #expect(dataset.count("Kungsör", .year(2023), "Stöld") == 5)
        #expect(
            warnings(dataset).contains { $0.contains("data/a-copy.csv: warning: skipped: a link to data/brott.csv, which is read already") }
        )
    }

    @Test func aLinkOutOfTheFolderIsNotRead() throws {
        let outside = try TempDataFolder()
        try outside.write("hemlig.csv", Self.crime)
        let folder = try TempDataFolder()
        try link(folder, "passwd.csv", to: "/etc/passwd")
        try link(folder, "ut.csv", to: outside.url.appendingPathComponent("hemlig.csv").path)
        let dataset = try folder.load()
        #expect(dataset.inputs.isEmpty && dataset.rejected.isEmpty)
        #expect(warnings(dataset).contains { $0.contains("data/passwd.csv: warning: skipped: a link to a file outside the data folder") })
        #expect(warnings(dataset).contains { $0.contains("data/ut.csv: warning: skipped: a link to a file outside") })
        #expect(!warnings(dataset).joined().contains("root:"), "nothing of /etc/passwd is echoed")
    }

    @Test func danglingAndLoopingLinksAreNamed() throws {
        let folder = try TempDataFolder()
        try link(folder, "borta.csv", to: "finns-inte.csv")
        try link(folder, "a.csv", to: "b.csv")
        try link(folder, "b.csv", to: "a.csv")
        let dataset = try folder.load()
        for name in ["borta.csv", "a.csv", "b.csv"] {
            #expect(warnings(dataset).contains { $0.hasPrefix("data/\(name): warning: skipped: a link that leads nowhere") })
        }
    }

    @Test func aNamedPipeAndALinkToDevZeroDoNotHang() throws {
        let folder = try TempDataFolder()
        try folder.write("brott.csv", Self.crime)
        #expect(mkfifo(folder.url.appendingPathComponent("x.csv").path, 0o600) == 0)
        try link(folder, "noll.csv", to: "/dev/zero")
        let dataset = try folder.load()
        #expect(dataset.inputs.map(\.path) == ["data/brott.csv"])
        #expect(warnings(dataset).contains { $0.hasPrefix("data/x.csv: warning: skipped: a named pipe, not a file") })
        #expect(warnings(dataset).contains { $0.hasPrefix("data/noll.csv: warning: skipped: a link to something that is not a file") })
    }

    @Test func aPipeGivenAsTheDataIsAnErrorNotAHang() throws {
        let folder = try TempDataFolder()
        let pipe = folder.url.appendingPathComponent("p.csv")
        #expect(mkfifo(pipe.path, 0o600) == 0)
        #expect(throws: FokusError.self) { try DatasetLoader.load(from: pipe, displayPath: "p.csv") }
    }

    @Test func aHugeLineIsRejectedWithoutHoldingIt() throws {
        // 64 MiB on one line: rejected at 1 MiB with the line named, the field never echoed.
        let folder = try TempDataFolder()
        var bytes = Array("år;kommun;brottskategori;antal\n2023;Kungsör;Stöld;".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "9"), count: 64 << 20)
        try folder.write("stor.csv", bytes: bytes)
        let dataset = try folder.load()
        let lines = dataset.rejectionLines
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("data/stor.csv:2: error: this row is longer than 1 MiB") == true)
        #expect((lines.first?.count ?? 0) < 300)
    }

    @Test func aHugeJSONStringIsRejectedWithoutHoldingIt() throws {
        let folder = try TempDataFolder()
        var bytes = Array("[\n{\"id\": 1, \"type\": \"".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 32 << 20)
        bytes += Array("\"}\n]".utf8)
        try folder.write("handelser.json", bytes: bytes)
        let lines = try folder.load().rejectionLines
        #expect(lines.first?.hasPrefix("data/handelser.json:2: error: has an event of more than 1 MiB") == true)
    }
}

/// Rule folders: extensions in any case are read, anything but a regular file is refused without hanging.
@Suite(.timeLimit(.minutes(5)))
struct RuleFolderSafetyTests {
    @Test func anUpperCaseExtensionIsARuleFileToo() throws {
        let folder = try TempDataFolder()
        try folder.write("A.YAML", "areas:\n  - id: a\n")
        try folder.write("b.Yml", "areas:\n  - id: b\n")
        let rules = try RuleSetLoader.load(from: folder.url)
        #expect(rules.areas.map(\.id) == ["a", "b"])
    }

    @Test func aPipeNamedLikeARuleFileIsAnErrorNotAHang() throws {
        let folder = try TempDataFolder()
        try folder.write("a.yaml", "areas:\n  - id: a\n")
        #expect(mkfifo(folder.url.appendingPathComponent("b.yaml").path, 0o600) == 0)
        #expect {
            try RuleSetLoader.load(from: folder.url)
        } throws: { error in
            (error as? FokusError)?.diagnostics.first?.message
                == "cannot read the rule file: it is a named pipe, not a file; give a .yaml file"
        }
    }
}
