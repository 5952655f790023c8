import Foundation
import Testing

/// What the daemon tells people is in Swedish by default and in English with `lang: en` (the
/// configuration) or `--lang en` (the command line): the notes in `rejected/`, the mail about
/// broken rules, and the configuration's own problems.
@Suite(.timeLimit(.minutes(4)))
struct DaemonLanguageTests {
    /// The harness's configuration with its `lang:` line replaced by `lang` (or removed).
    static func setLanguage(_ daemon: DaemonHarness, _ lang: String?) throws {
        let url = daemon.root.appendingPathComponent("fokus.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: "lang: sv\n", with: lang.map { "lang: \($0)\n" } ?? "")
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    static let badRow = "år;kommun;brottskategori;antal\n2024;Provby;Stöld;tolv\n"

    /// The quarantine note of a file with a bad row, the daemon run once with `lang` (`nil`: none given),
    /// and the note's lines that name the file's row.
    static func quarantineNote(lang: String?) throws -> (note: String, problems: [Substring]) {
        let daemon = try DaemonHarness()
        try daemon.writeConfig()
        try setLanguage(daemon, lang)
        if lang == nil {
            #expect(!(try String(contentsOf: daemon.root.appendingPathComponent("fokus.yaml"), encoding: .utf8)).contains("lang:"))
        }
        try daemon.writeData("trasig.csv", badRow)
        let result = try daemon.run(["daemon", "--config", "fokus.yaml", "--once"])
        #expect(result.status == 0, "\(result.output)")
        let note = try String(contentsOf: daemon.data.appendingPathComponent("rejected/trasig.csv.error.txt"), encoding: .utf8)
        return (note, note.split(separator: "\n").filter { $0.hasPrefix("trasig.csv:") })
    }

    @Test func theQuarantineNoteIsSwedishByDefault() throws {
        let (note, problems) = try Self.quarantineNote(lang: nil)
        #expect(note.hasPrefix("Filen trasig.csv kunde inte läsas"), "\(note)")
        #expect(problems.contains { $0.hasPrefix("trasig.csv:2: antal: ") && $0.contains("”tolv”") }, "\(note)")
        #expect(!note.contains("must be") && !note.contains("not a number"), "\(note)")
    }

    @Test func theQuarantineNoteIsEnglishWithLangEn() throws {
        let (note, problems) = try Self.quarantineNote(lang: "en")
        #expect(note.hasPrefix("The file trasig.csv could not be read"), "\(note)")
        #expect(problems.contains { $0.hasPrefix("trasig.csv:2: antal: ") && $0.contains("\"tolv\"") }, "\(note)")
        #expect(!note.contains("”"), "\(note)")
    }

    /// The text part of a message in the outbox, decoded from base64.
    static func textPart(of eml: String) throws -> String {
        let encoded = try #require(eml.components(separatedBy: "Content-Transfer-Encoding: base64\r\n\r\n").dropFirst().first)
        let body = encoded.components(separatedBy: "\r\n--")[0]
        return String(decoding: try #require(Data(base64Encoded: body, options: .ignoreUnknownCharacters)), as: UTF8.self)
    }

    @Test(arguments: [("sv", true), ("en", false)])
    func theMailAboutBrokenRulesIsInTheJobsLanguage(lang: String, swedish: Bool) throws {
        let daemon = try DaemonHarness()
        try daemon.writeConfig()
        try Self.setLanguage(daemon, swedish ? nil : lang)
        try (DaemonHarness.rulesYAML + "\nweigths: {}\n")
            .write(to: daemon.rules.appendingPathComponent("regler.yaml"), atomically: true, encoding: .utf8)
        let result = try daemon.run(["daemon", "--config", "fokus.yaml", "--once"])
        #expect(result.status == 1, "\(result.output)")
        #expect(result.output.contains("rules have errors"), "the log stays English:\n\(result.output)")
        let files = try FileManager.default.contentsOfDirectory(atPath: daemon.outbox.path).filter { $0.hasSuffix(".eml") }
        #expect(files.count == 1, "\(files)")
        let eml = try String(contentsOf: daemon.outbox.appendingPathComponent(try #require(files.first)), encoding: .utf8)
        let text = try Self.textPart(of: eml)
        let problem = text.split(separator: "\n").first { $0.contains("regler.yaml:") }.map(String.init) ?? ""
        if swedish {
            #expect(text.hasPrefix("Regelfilerna kunde inte läsas"), "\(text)")
            #expect(problem.contains(": fel: okänd nyckel \"weigths\""), "\(text)")
            #expect(text.contains("Det finns inga fungerande regler ännu"), "\(text)")
        } else {
            #expect(text.hasPrefix("The rule files could not be read"), "\(text)")
            #expect(problem.contains(": error: unknown key \"weigths\""), "\(text)")
            #expect(text.contains("There are no good rules yet"), "\(text)")
        }
    }

    static let badConfig = """
        rules: rules
        data: data
        output: out
        watch: { quiet_ms: -5 }
        notify: { on: chnage, mail: { transport: outbox, from: lagesbild@example.se, to: [samordnare@example.se] } }

        """

    @Test func checkConfigTellsTheConfigurationsProblemsInSwedishByDefault() throws {
        let daemon = try DaemonHarness()
        try Self.badConfig.write(to: daemon.root.appendingPathComponent("fokus.yaml"), atomically: true, encoding: .utf8)
        let result = try daemon.run(["daemon", "--config", "fokus.yaml", "--check-config"])
        #expect(result.status == 1)
        #expect(result.output.contains("fokus.yaml:4:20: fel: `watch.quiet_ms` ska vara 0 eller mer"), "\(result.output)")
        #expect(result.output.contains("fokus.yaml:5:15: fel: `notify.on` kan inte vara ”chnage”; menade du ”change”?"), "\(result.output)")
        #expect(result.output.contains("2 fel"), "\(result.output)")
        #expect(!result.output.contains("error"), "\(result.output)")
    }

    @Test func checkConfigTellsTheConfigurationsProblemsInEnglishWithLangEn() throws {
        let daemon = try DaemonHarness()
        try Self.badConfig.write(to: daemon.root.appendingPathComponent("fokus.yaml"), atomically: true, encoding: .utf8)
        let result = try daemon.run(["daemon", "--config", "fokus.yaml", "--check-config", "--lang", "en"])
        #expect(result.status == 1)
        #expect(result.output.contains("fokus.yaml:4:20: error: `watch.quiet_ms` must be 0 or more"), "\(result.output)")
        #expect(
            result.output.contains("fokus.yaml:5:15: error: `notify.on` cannot be \"chnage\"; did you mean \"change\"?"), "\(result.output)"
        )
        #expect(!result.output.contains(" fel"), "\(result.output)")

        // Without `--lang`, the configuration's own `lang:` decides; `--lang` wins over it.
        try ("lang: en\n" + Self.badConfig).write(to: daemon.root.appendingPathComponent("fokus.yaml"), atomically: true, encoding: .utf8)
        let declared = try daemon.run(["daemon", "--config", "fokus.yaml", "--check-config"])
        #expect(declared.status == 1)
        #expect(declared.output.contains("fokus.yaml:5:20: error: `watch.quiet_ms` must be 0 or more"), "\(declared.output)")
        let overridden = try daemon.run(["daemon", "--config", "fokus.yaml", "--check-config", "--lang", "sv"])
        #expect(overridden.output.contains("fokus.yaml:5:20: fel: `watch.quiet_ms` ska vara 0 eller mer"), "\(overridden.output)")
    }

    @Test func aJobsMissingFoldersAndTheSummaryFollowTheLanguage() throws {
        let daemon = try DaemonHarness()
        let config = """
            jobs:
              - name: provby
                rules: rules

            """
        try config.write(to: daemon.root.appendingPathComponent("fokus.yaml"), atomically: true, encoding: .utf8)
        let swedish = try daemon.run(["daemon", "--config", "fokus.yaml", "--check-config"])
        #expect(swedish.output.contains("fokus.yaml:2:5: fel: jobb 1 behöver `data:`, `output:`"), "\(swedish.output)")
        let english = try daemon.run(["daemon", "--config", "fokus.yaml", "--check-config", "--lang", "en"])
        #expect(english.output.contains("fokus.yaml:2:5: error: job 1 needs `data:`, `output:`"), "\(english.output)")

        try daemon.writeConfig()
        let good = try daemon.run(["daemon", "--config", "fokus.yaml", "--check-config"])
        #expect(good.status == 0, "\(good.output)")
        #expect(
            good.output.contains("jobb default: regler ") && good.output.contains("meddela change med outbox till samordnare@example.se"))
        let goodEnglish = try daemon.run(["daemon", "--config", "fokus.yaml", "--check-config", "--lang", "en"])
        #expect(
            goodEnglish.output.contains("job default: rules ")
                && goodEnglish.output.contains("notify change by outbox to samordnare@example.se"))
    }
}
