import Foundation
import Testing

/// The sample's report pinned in text, Markdown and HTML, in Swedish and English, against the files
/// in `Snapshots/`. After an intended change, re-record them with
/// `FOKUS_RECORD_SNAPSHOTS=1 swift test --filter ReportSnapshotTests` and review the diff.
@Suite(.serialized)
struct ReportSnapshotTests {
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    /// A state database with two adopted areas, so that the follow-up section is pinned too.
    static let state: String = {
        let folder = try! CLIRunner.temporaryFolder()
        let path = folder.appendingPathComponent("state.sqlite").path
        for (area, from, measures) in [("trafik", "2022", "hastighet"), ("bedrageri", "2024", "seniorinfo")] {
            _ = try! CLIRunner.run([
                "adopt", area, "--from", from, "--measures", measures, "--note", "Medborgarlöfte \(from)", "--state", path,
            ])
        }
        return path
    }()

    static func assertSnapshot(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = snapshots.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["FOKUS_RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: snapshots, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: file)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("no snapshot \(name): record it with FOKUS_RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        let a = actual.components(separatedBy: "\n"), e = expected.components(separatedBy: "\n")
        let line = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        Issue.record(
            """
            \(name) differs from its snapshot at line \(line + 1):
              expected: \(line < e.count ? e[line] : "(end)")
              actual:   \(line < a.count ? a[line] : "(end)")
            Re-record with FOKUS_RECORD_SNAPSHOTS=1 if the change is intended.
            """, sourceLocation: sourceLocation)
    }

    @Test(arguments: [("text", "txt"), ("md", "md"), ("html", "html")], ["sv", "en"])
    func theSampleReportMatchesItsSnapshot(format: (name: String, ext: String), language: String) throws {
        let r = try CLIRunner.run(["evaluate", "--format", format.name, "--lang", language, "--state", Self.state])
        #expect(r.status == 0, "\(r.stderr)")
        try Self.assertSnapshot(r.stdout, named: "kungsor-\(language).\(format.ext)")
    }

    @Test(arguments: ["sv", "en"])
    func theTextReportFitsOneHundredColumnsAndCutsNoName(language: String) throws {
        let r = try CLIRunner.run(["evaluate", "--lang", language, "--state", Self.state])
        #expect(r.status == 0)
        let long = r.stdout.split(separator: "\n").filter { $0.count > 100 }
        #expect(long.isEmpty, "lines over 100 columns:\n\(long.joined(separator: "\n"))")
        #expect(!r.stdout.contains("…"), "a cut name")
        // The longest area and measure names are all there, word for word, wrapped over lines.
        let words = Set(r.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
        for name in [
            "Trafiksäkerhet och trafikrelaterad brottslighet (trafik)",
            "Fartdämpande åtgärder (farthinder, avsmalningar) vid skolor och bostadsgator (fartdampning)",
        ] {
            let missing = name.split(separator: " ").map(String.init).filter { !words.contains($0) }
            #expect(missing.isEmpty, "\(missing) of \(name)")
        }
    }

    @Test func everyHumanFormatShowsTheSectionsInTheSameOrder() throws {
        func positions(_ text: String, _ headings: [String]) -> [Int] {
            headings.map { text.range(of: $0).map { text.distance(from: text.startIndex, to: $0.lowerBound) } ?? -1 }
        }
        let headings = [
            "Förslag: fokusera på", "Rangordning", "Brottsutveckling per område", "Regler som slog till",
            "Rangordningens stabilitet", "Åtgärdsplan", "Uppföljning av antagna fokusområden", "Saknade underlag",
            "Varningar", "Underlag och perioder", "Så räknar Fokus",
        ]
        for format in ["text", "md", "html"] {
            let r = try CLIRunner.run(["evaluate", "--format", format, "--state", Self.state])
            let found = positions(r.stdout, headings)
            #expect(!found.contains(-1), "\(format): missing \(zip(headings, found).filter { $0.1 < 0 }.map(\.0))")
            #expect(found == found.sorted(), "\(format): sections out of order \(found)")
        }
    }
}

/// `lang:` in the rules (SPEC 3.1) switches every command's output to English; `--lang` wins over it.
struct RulesLanguageTests {
    static func englishRules() throws -> URL {
        let folder = try CLIRunner.temporaryFolder().appendingPathComponent("rules")
        try FileManager.default.copyItem(at: CLIRunner.packageRoot.appendingPathComponent("rules"), to: folder)
        let settings = folder.appendingPathComponent("00-installningar.yaml")
        let yaml = try String(contentsOf: settings, encoding: .utf8)
        try (yaml + "\nlang: en\n").write(to: settings, atomically: true, encoding: .utf8)
        return folder
    }

    @Test func langInTheRulesGivesEnglishReportsAndCommandOutput() throws {
        let rules = try Self.englishRules()
        let report = try CLIRunner.run(["evaluate", "--rules", rules.path])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("Proposal: focus on"))
        #expect(report.stdout.contains("0.726"))
        let swedish = try CLIRunner.run(["evaluate", "--rules", rules.path, "--lang", "sv"])
        #expect(swedish.stdout.contains("Förslag: fokusera på"))
        let check = try CLIRunner.run(["check", rules.path])
        #expect(check.stdout.contains("areas"), "\(check.stdout)")
        let explain = try CLIRunner.run(["explain", "nothing", "--rules", rules.path])
        #expect(explain.stderr.contains("no area `nothing`"), "\(explain.stderr)")
    }

    @Test func anUnknownLangIsAnErrorWithItsPlace() throws {
        let rules = try Self.englishRules()
        let settings = rules.appendingPathComponent("00-installningar.yaml")
        let yaml = try String(contentsOf: settings, encoding: .utf8).replacingOccurrences(of: "lang: en", with: "lang: de")
        try yaml.write(to: settings, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["check", rules.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("00-installningar.yaml:"), "\(r.stderr)")
        #expect(r.stderr.contains("lang"), "\(r.stderr)")
    }
}
