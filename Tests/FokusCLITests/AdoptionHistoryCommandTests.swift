import Foundation
import Testing

/// `fokus adopt` corrects and removes adoptions, `fokus adopted --history` shows every change.
struct AdoptionHistoryCommandTests {
    @Test func correctRemoveAndListTheHistoryInSwedishAndEnglish() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = folder.appendingPathComponent("fokus.sqlite").path
        func fokus(_ arguments: String...) throws -> CLIRunner.Result {
            try CLIRunner.run(arguments + ["--state", state])
        }

        let adopted = try fokus("adopt", "trafik", "--from", "2024", "--measures", "hastighet", "--note", "Medborgarlöfte 2024")
        #expect(adopted.status == 0, "\(adopted.stderr)")
        #expect(
            adopted.stdout.hasPrefix(
                "Antagen: Trafiksäkerhet och trafikrelaterad brottslighet (trafik) för Kungsör från 2024 med hastighet"))

        let same = try fokus("adopt", "trafik", "--from", "2024", "--measures", "hastighet")
        #expect(same.stdout.hasPrefix("Oförändrad: "), "\(same.stdout)")

        // Correcting the measures keeps the note, which was not given.
        let corrected = try fokus("adopt", "trafik", "--from", "2024", "--measures", "hastighet,rattfylleri")
        #expect(corrected.status == 0)
        #expect(
            corrected.stdout.contains(
                "Rättad: Trafiksäkerhet och trafikrelaterad brottslighet (trafik) för Kungsör från 2024: åtgärder: hastighet → hastighet, rattfylleri"
            ), "\(corrected.stdout)")
        #expect(try fokus("adopted").stdout == "Kungsör  2024  trafik  åtgärder: hastighet, rattfylleri  — Medborgarlöfte 2024\n")

        let english = try fokus("adopt", "trafik", "--from", "2024", "--note", "", "--lang", "en")
        #expect(
            english.stdout.contains(
                "Corrected Trafiksäkerhet och trafikrelaterad brottslighet (trafik) for Kungsör from 2024: note: \"Medborgarlöfte 2024\" → no note"
            ), "\(english.stdout)")

        #expect(try fokus("adopt", "bedrageri", "--from", "2025").status == 0)

        // Removing what is not adopted fails and says what is.
        let wrong = try fokus("adopt", "trafik", "--from", "2023", "--remove")
        #expect(wrong.status == 1)
        #expect(
            wrong.stderr.contains(
                "trafik är inte antagen för Kungsör från 2023, så det finns inget att ta bort; trafik är antagen från 2024"),
            "\(wrong.stderr)")
        #expect(try fokus("adopt", "trafik", "--from", "2024", "--remove", "--measures", "hastighet").status == 2)

        let removed = try fokus("adopt", "trafik", "--from", "2024", "--remove")
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(removed.stdout.hasPrefix("Borttagen: trafik för Kungsör från 2024"))
        #expect(try fokus("adopted").stdout == "Kungsör  2025  bedrageri\n")

        // The follow-up no longer shows the removed adoption.
        let evaluation = try fokus("evaluate", "--samples", "0")
        #expect(evaluation.status == 0, "\(evaluation.stderr)")
        #expect(!evaluation.stdout.contains("(trafik), antagen från"))
        #expect(evaluation.stdout.contains("(bedrageri), antagen från 2025"))

        let history = try fokus("adopted", "--history").stdout.split(separator: "\n")
        #expect(history.count == 5, "\(history)")
        let time = #/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}  /#
        #expect(history.allSatisfy { $0.prefixMatch(of: time) != nil }, "\(history)")
        #expect(
            history.map { $0.dropFirst(21) } == [
                "antagen    Kungsör  2024  trafik  åtgärder: hastighet  — Medborgarlöfte 2024",
                "rättad     Kungsör  2024  trafik  åtgärder: hastighet, rattfylleri  — Medborgarlöfte 2024",
                "rättad     Kungsör  2024  trafik  åtgärder: hastighet, rattfylleri",
                "antagen    Kungsör  2025  bedrageri",
                "borttagen  Kungsör  2024  trafik  åtgärder: hastighet, rattfylleri",
            ])
        let englishHistory = try fokus("adopted", "--history", "--lang", "en").stdout.split(separator: "\n")
        #expect(
            englishHistory.map { $0.dropFirst(21).prefix(10) } == ["adopted   ", "corrected ", "corrected ", "adopted   ", "removed   "])
    }

    @Test func adoptAndAdoptedFollowTheRulesLang() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rules = folder.appendingPathComponent("rules")
        try FileManager.default.copyItem(at: CLIRunner.packageRoot.appendingPathComponent("rules"), to: rules)
        let settings = rules.appendingPathComponent("00-installningar.yaml")
        try (String(contentsOf: settings, encoding: .utf8) + "lang: en\n").write(to: settings, atomically: true, encoding: .utf8)
        let state = folder.appendingPathComponent("fokus.sqlite").path
        func fokus(_ arguments: String...) throws -> CLIRunner.Result {
            try CLIRunner.run(arguments + ["--rules", rules.path, "--state", state])
        }

        let adopted = try fokus("adopt", "trafik", "--from", "2024")
        #expect(adopted.status == 0, "\(adopted.stderr)")
        #expect(
            adopted.stdout.hasPrefix("Adopted Trafiksäkerhet och trafikrelaterad brottslighet (trafik) for Kungsör from 2024"),
            "\(adopted.stdout)")
        // --lang wins over the rules' lang:.
        #expect(try fokus("adopt", "trafik", "--from", "2024", "--lang", "sv").stdout.hasPrefix("Oförändrad: "))
        let wrong = try fokus("adopt", "trafik", "--from", "2023", "--remove")
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("error: trafik is not adopted for Kungsör from 2023"), "\(wrong.stderr)")
        let badPeriod = try fokus("adopt", "trafik", "--from", "20x3")
        #expect(badPeriod.status == 2)
        #expect(badPeriod.stderr.contains("is not a period: write 2024"), "\(badPeriod.stderr)")

        let history = try fokus("adopted", "--history").stdout
        #expect(history.contains("  adopted    Kungsör  2024  trafik"), "\(history)")
        #expect(try fokus("adopted", "--history", "--lang", "sv").stdout.contains("  antagen    Kungsör  2024  trafik"))
        // Without rules that say otherwise, Swedish.
        let swedish = try CLIRunner.run(["adopted", "--history", "--rules", folder.appendingPathComponent("none").path, "--state", state])
        #expect(swedish.stdout.contains("  antagen    Kungsör  2024  trafik"), "\(swedish.stdout)")
    }

    @Test func warnsWhenTheFirstPeriodIsAfterTheData() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = folder.appendingPathComponent("fokus.sqlite").path
        // The sample's crime data ends with 2023.
        let later = try CLIRunner.run(["adopt", "trafik", "--from", "2025", "--data", "Samples/kungsor", "--state", state])
        #expect(later.status == 0, "\(later.stderr)")
        #expect(
            later.stderr
                == "varning: --from 2025 ligger efter den senaste perioden med brottsdata för Kungsör i Samples/kungsor (2023); uppföljningen visar \"inga data ännu\" tills det finns data för 2025\n"
        )
        #expect(later.stdout.hasPrefix("Antagen: "))

        let english = try CLIRunner.run([
            "adopt", "trafik", "--from", "2024-03", "--data", "Samples/kungsor", "--state", state, "--lang", "en",
        ])
        #expect(
            english.stderr.hasPrefix(
                "warning: --from 2024-03 is after the latest period with crime data for Kungsör in Samples/kungsor (2023)"),
            "\(english.stderr)")

        for inside in ["2023", "2023-Q4", "2022"] {
            let r = try CLIRunner.run(["adopt", "trafik", "--from", inside, "--data", "Samples/kungsor", "--state", state])
            #expect(r.status == 0 && r.stderr.isEmpty, "\(inside): \(r.stderr)")
        }
        let elsewhere = try CLIRunner.run([
            "adopt", "trafik", "--from", "2023", "--scope", "Arboga", "--data", "Samples/kungsor", "--state", state,
        ])
        #expect(elsewhere.stderr.hasPrefix("varning: Samples/kungsor har inga brottsdata för Arboga"), "\(elsewhere.stderr)")
    }
}
