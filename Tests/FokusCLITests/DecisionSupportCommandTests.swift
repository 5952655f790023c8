import Foundation
import Testing

struct RuleTestCommandTests {
    @Test func bundledRuleTestsPass() throws {
        let r = try CLIRunner.run(["test", "rules"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("3 godkända, 0 underkända"))
        let english = try CLIRunner.run(["test", "rules", "--lang", "en"])
        #expect(english.stdout.contains("3 passed, 0 failed"))
    }

    @Test func aChangedWeightShowsWhichExpectationsBroke() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rules = folder.appendingPathComponent("rules")
        try FileManager.default.copyItem(at: CLIRunner.packageRoot.appendingPathComponent("rules"), to: rules)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Samples"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: CLIRunner.packageRoot.appendingPathComponent("Samples/kungsor"), to: folder.appendingPathComponent("Samples/kungsor"))
        // Concern weighs almost everything: traffic (the highest concern) goes to the top.
        let settings = rules.appendingPathComponent("00-installningar.yaml")
        let text = try String(contentsOf: settings, encoding: .utf8)
            .replacingOccurrences(of: "crime_trend: 0.30", with: "crime_trend: 0.05")
            .replacingOccurrences(of: "citizen_concern: 0.25", with: "citizen_concern: 0.90")
            .replacingOccurrences(of: "resources: 0.15", with: "resources: 0.05")
            .replacingOccurrences(of: "medarbetare: 0.20", with: "medarbetare: 0")
            .replacingOccurrences(of: "dialog: 0.10", with: "dialog: 0")
        try text.write(to: settings, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["test", "rules"], in: folder)
        #expect(r.status == 1)
        #expect(r.stdout.contains("✘ trafiksäkerhet, bedrägerier och narkotika bland unga föreslås för 2023"), "\(r.stdout)")
        #expect(
            r.stdout.contains(
                "rules/tests/kungsor.yaml:10:7: fel: väntade topp [bedrageri, trafik, narkotika_unga], fick [trafik"),
            "\(r.stdout)")
        #expect(r.stdout.contains("plats väntad    id"), "\(r.stdout)")
        #expect(r.stdout.contains("underkända"))
        let english = try CLIRunner.run(["test", "rules", "--lang", "en"], in: folder)
        #expect(english.stdout.contains("rank  expected  id"))
        #expect(
            english.stdout.contains("rules/tests/kungsor.yaml:10:7: error: expected top [bedrageri, trafik, narkotika_unga], got [trafik"))
        #expect(english.stdout.contains("failed"))
    }

    @Test func errorsInTestFilesHaveLocations() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try CLIRunner.run(["init", folder.path])
        try """
        tests:
          - name: fel
            data: ../../data
            expect:
              top: [bedrageri, trafk]
              ranks: { trafik: 1 }
        """.write(to: folder.appendingPathComponent("rules/tests/fel.yaml"), atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["test", folder.appendingPathComponent("rules").path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("fel.yaml:5:24: fel: inget område har id:t ”trafk”; menade du ”trafik”?"), "\(r.stderr)")
        #expect(r.stderr.contains("fel.yaml:6:7: fel: okänd nyckel \"ranks\""), "\(r.stderr)")
        let english = try CLIRunner.run(["test", folder.appendingPathComponent("rules").path, "--lang", "en"])
        #expect(english.stderr.contains("fel.yaml:6:7: error: unknown key \"ranks\""), "\(english.stderr)")
    }
}

struct InitCommandTests {
    @Test func starterRuleSetChecksTestsAndEvaluates() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dir = folder.appendingPathComponent("Köping").path
        let created = try CLIRunner.run(["init", dir, "--scope", "Köping"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(try CLIRunner.run(["check", dir + "/rules", "--data", dir + "/data"]).status == 0)
        let tests = try CLIRunner.run(["test", dir + "/rules"])
        #expect(tests.status == 0, "\(tests.stdout)")
        #expect(tests.stdout.contains("1 godkända, 0 underkända"))
        let evaluation = try CLIRunner.run(["evaluate", "--rules", dir + "/rules", "--data", dir + "/data"])
        #expect(evaluation.status == 0)
        #expect(evaluation.stdout.contains("Köping"))
        #expect(try CLIRunner.run(["init", dir]).status == 1)  // never overwrites
    }
}

struct AdoptionCommandTests {
    @Test func adoptedAreasAreFollowedUpAndSurviveRestarts() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = folder.appendingPathComponent("var/fokus.sqlite").path
        let adopt = try CLIRunner.run([
            "adopt", "trafik", "--from", "2022", "--measures", "hastighet,rattfylleri", "--note", "Medborgarlöfte 2022", "--state", state,
        ])
        #expect(adopt.status == 0, "\(adopt.stderr)")
        #expect(try CLIRunner.run(["adopt", "bedrageri", "--from", "2024", "--state", state]).status == 0)
        #expect(try CLIRunner.run(["adopt", "trafk", "--from", "2022", "--state", state]).status == 2)
        #expect(try CLIRunner.run(["adopt", "trafik", "--from", "2022", "--measures", "nej", "--state", state]).status == 2)
        let listed = try CLIRunner.run(["adopted", "--state", state])
        #expect(listed.stdout.contains("2022  trafik  åtgärder: hastighet, rattfylleri  — Medborgarlöfte 2022"), "\(listed.stdout)")
        #expect(listed.stdout.contains("2024  bedrageri"))
        let e = try CLIRunner.run(["evaluate", "--state", state, "--format", "json"])
        #expect(e.status == 0, "\(e.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(e.stdout.utf8)) as? [String: Any])
        let followUps = try #require(json["follow_up"] as? [[String: Any]])
        #expect(followUps.map { $0["id"] as? String } == ["trafik", "bedrageri"])
        #expect(followUps[0]["verdict"] as? String == "no_clear_change")
        #expect((followUps[0]["since"] as? [[String: Any]])?.count == 2)
        #expect(followUps[1]["verdict"] as? String == "no_data_yet")
        let text = try CLIRunner.run(["evaluate", "--state", state])
        #expect(text.stdout.contains("Uppföljning av antagna fokusområden:"))
        #expect(text.stdout.contains("Bedrägerier (bedrageri), antagen från 2024: inga data ännu"), "\(text.stdout)")
        let english = try CLIRunner.run(["evaluate", "--state", state, "--lang", "en"])
        #expect(english.stdout.contains("Follow-up of adopted focus areas:"))
    }
}

struct FollowUpAfterNewDataTests {
    @Test func aLaterPeriodsDataTurnsNoDataYetIntoAVerdict() throws {
        let data = try CLIRunner.copyOfSample()
        defer { try? FileManager.default.removeItem(at: data) }
        let state = data.deletingLastPathComponent().appendingPathComponent("state-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: state) }
        #expect(try CLIRunner.run(["adopt", "bedrageri", "--from", "2024", "--measures", "seniorinfo", "--state", state]).status == 0)
        let before = try CLIRunner.run(["evaluate", "--data", data.path, "--state", state, "--samples", "0"])
        #expect(before.stdout.contains("Bedrägerier (bedrageri), antagen från 2024: inga data ännu"), "\(before.stdout)")
        // 2024's statistics arrive: fraud falls back from 132 to 40 reported crimes.
        try "år;kommun;brottskategori;antal\n2024;Kungsör;Bedrägeri;40\n2024;Kungsör;Stöld;150\n"
            .write(to: data.appendingPathComponent("brott-2024.csv"), atomically: true, encoding: .utf8)
        let after = try CLIRunner.run(["evaluate", "--data", data.path, "--state", state, "--samples", "0"])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout.contains("Fokus — Medborgarlöfte Kungsör · Kungsör · 2024"))
        #expect(
            after.stdout.contains("Bedrägerier (bedrageri), antagen från 2024: förbättring: 40,0 per period sedan dess"), "\(after.stdout)")
        let english = try CLIRunner.run(["evaluate", "--data", data.path, "--state", state, "--samples", "0", "--lang", "en"])
        #expect(english.stdout.contains("Bedrägerier (bedrageri), adopted from 2024: improving: 40.0 a period since"), "\(english.stdout)")
    }
}

struct CompareCommandTests {
    @Test func compareNamesTheAddedFileAndTheMoves() throws {
        let data = try CLIRunner.copyOfSample()
        defer { try? FileManager.default.removeItem(at: data) }
        let before = try CLIRunner.run(["evaluate", "--data", data.path, "--format", "json", "--samples", "0"])
        let previous = data.deletingLastPathComponent().appendingPathComponent("previous-\(UUID().uuidString).json")
        try before.stdout.write(to: previous, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: previous) }
        // A late export: 40 more car break-ins and thefts in 2023.
        try "år;kommun;brottskategori;antal\n2023;Kungsör;Stöld;60\n"
            .write(to: data.appendingPathComponent("tillagg-2023.csv"), atomically: true, encoding: .utf8)
        let after = try CLIRunner.run(["evaluate", "--data", data.path, "--compare", previous.path, "--samples", "0", "--lang", "en"])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout.contains("What changed since the previous evaluation:"))
        #expect(after.stdout.contains("Files added: \(data.path)/tillagg-2023.csv"), "\(after.stdout)")
        #expect(after.stdout.contains("stold: rank 5 → "), "\(after.stdout)")
        #expect(after.stdout.contains("mostly crime trend"))
        let md = try CLIRunner.run(["evaluate", "--data", data.path, "--compare", previous.path, "--format", "md"])
        #expect(md.stdout.contains("## Vad som ändrats sedan förra bedömningen\n"))
        #expect(md.stdout.contains("- Nya filer: \(data.path)/tillagg-2023.csv"), "\(md.stdout)")
        #expect(md.stdout.contains("- stold: plats 5 → "), "\(md.stdout)")
        #expect(md.stdout.contains("främst brottsutveckling"))
        let bad = try CLIRunner.run(["evaluate", "--compare", data.appendingPathComponent("befolkning.csv").path])
        #expect(bad.status == 1)
        #expect(
            bad.stderr.contains("fel: det här är ingen report.json från `fokus evaluate --format json` (ogiltig JSON)"), "\(bad.stderr)")
    }
}

struct StabilityOutputTests {
    @Test func everyFormatShowsStabilityAndSeedsAreReproducible() throws {
        let text = try CLIRunner.run(["evaluate", "--seed", "5", "--samples", "500"])
        #expect(text.stdout.contains("Rangordningens stabilitet:\nUrvalet (3 områden) håller i"), "\(text.stdout)")
        let english = try CLIRunner.run(["evaluate", "--seed", "5", "--samples", "500", "--lang", "en"])
        #expect(english.stdout.contains("Rank stability:\nThe selection (3 areas) holds in"))
        #expect(try CLIRunner.run(["evaluate", "--format", "md", "--samples", "200"]).stdout.contains("## Rangordningens stabilitet"))
        #expect(try CLIRunner.run(["evaluate", "--format", "csv", "--samples", "200"]).stdout.contains("p_rank1,p_selected,mean_rank"))
        let one = try CLIRunner.run(["evaluate", "--format", "json", "--seed", "5", "--samples", "500"]).stdout
        let two = try CLIRunner.run(["evaluate", "--format", "json", "--seed", "5", "--samples", "500"]).stdout
        let three = try CLIRunner.run(["evaluate", "--format", "json", "--seed", "6", "--samples", "500"]).stdout
        #expect(one == two)
        #expect(one != three)
        #expect(one.contains("\"selection_holds\""))
    }
}

struct CheckWithDataTests {
    @Test func warnsAboutLikelyMistakesWithoutFailing() throws {
        let r = try CLIRunner.run(["check", "rules", "--data", "Samples/kungsor"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("rules/20-atgarder.yaml:84:5: varning: ingen har råd med åtgärden ”kamera”"), "\(r.stderr)")
    }
}
