import Foundation
import Testing

struct EvaluateCommandTests {
    @Test func evaluatesTheBundledSampleAsSwedishTextByDefault() throws {
        let r = try CLIRunner.run(["evaluate"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Kungsör"))
        #expect(r.stdout.contains("trafik"))
        for text in ["Område", "Poäng", "7 av 9 möjliga åtgärder ryms i budgeten; planens värde 0,911.", "Resurs", "Tillgängligt", "Kvar"] {
            #expect(r.stdout.contains(text), "\(text)")
        }
        let first = r.stdout.split(separator: "\n").first { $0.hasPrefix("   1 ") }.map(String.init) ?? ""
        for cell in ["Bedrägerier (bedrageri)", "0,726", "+3,77", "132/86,67", "44\u{00A0}%", "ja"] {
            #expect(first.contains(cell), "\(cell) in \(first)")
        }
        #expect(
            r.stdout.contains(
                "Förslag: fokusera på bedrägerier, trafiksäkerhet och trafikrelaterad brottslighet och narkotika\nbland unga."),
            "\(r.stdout)")
        // The staff survey and the citizen dialogue are factors of their own (SPEC 4.3).
        #expect(
            r.stdout.contains("narkotika_unga: främst Medarbetarnas bild (71\u{00A0}%) och Medborgardialog (58\u{00A0}%)"), "\(r.stdout)")
        #expect(r.stdout.contains("56\u{00A0}%"))  // a no-break space before the percent sign
        #expect(r.stdout.contains("400\u{00A0}000"))  // amounts grouped in thousands
        #expect(!r.stdout.contains("Measure plan"))
        #expect(try CLIRunner.run(["evaluate", "--lang", "sv"]).stdout == r.stdout)
    }

    @Test func langEnPrintsTheEnglishReport() throws {
        let r = try CLIRunner.run(["evaluate", "--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        for text in [
            "Area", "Score", "7 of 9 candidate measures fit the budget; the plan's value 0.911.", "0.726", "56%", "400000",
            "Rank stability:\nThe selection", "Proposal: focus on",
        ] {
            #expect(r.stdout.contains(text), "\(text)")
        }
        #expect(!r.stdout.contains("Åtgärdsplan"))
        #expect(!r.stdout.contains("0,726"))
    }

    @Test func jsonAndCSVAreTheSameInEveryLanguage() throws {
        for format in ["json", "csv"] {
            let sv = try CLIRunner.run(["evaluate", "--format", format, "--samples", "100"])
            let en = try CLIRunner.run(["evaluate", "--format", format, "--samples", "100", "--lang", "en"])
            #expect(sv.status == 0 && sv.stdout == en.stdout, "\(format)")
        }
    }

    @Test func jsonReportHoldsTheContract() throws {
        let r = try CLIRunner.run(["evaluate", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["schema_version"] as? Int == 1)
        #expect(json["scope"] as? String == "Kungsör")
        #expect(json["period"] as? String == "2023")
        let ranking = try #require(json["ranking"] as? [[String: Any]])
        #expect(ranking.count == 10)
        #expect(ranking.map { $0["rank"] as? Int } == (1...10).map { $0 })
        let scores = ranking.compactMap { $0["score"] as? Double }
        #expect(scores == scores.sorted(by: >))
        #expect(ranking.filter { $0["selected"] as? Bool == true }.count >= 3)
        let factors = try #require(ranking[0]["factors"] as? [String: Any])
        let trend = try #require(factors["trend"] as? [String: Any])
        for key in ["latest", "baseline", "ratio", "z", "n"] { #expect(trend[key] is Double || trend[key] is Int, "\(key)") }
        #expect(factors["concern"] != nil && factors["resources"] != nil)
        // SPEC 4.2 and 4.3 additions.
        #expect(ranking.allSatisfy { $0["evidence"] as? Bool == true })
        let signals = try #require(factors["signals"] as? [String: [String: Any]])
        #expect(signals.keys.sorted() == ["dialog", "medarbetare"])
        #expect(signals["medarbetare"]?["raw"] as? Double == 0.52 && signals["medarbetare"]?["period"] as? String == "2023")
        #expect(json["compared_months"] is NSNull)
        #expect((json["baseline_dropped"] as? [Any])?.isEmpty == true)
        #expect((json["stability"] as? [String: Any])?["vary"] as? [String] == ["weights", "counts", "shares"])
        let plan = try #require(json["plan"] as? [String: Any])
        let measures = try #require(plan["measures"] as? [String])
        #expect(measures == measures.sorted())
        #expect(plan["remaining"] is [String: Any])
        let inputs = try #require(json["inputs"] as? [[String: Any]])
        #expect(inputs.count == 6)
        #expect(inputs.allSatisfy { ($0["sha256"] as? String)?.count == 64 })
        #expect(json["warnings"] is [[String: Any]])
    }

    @Test func csvAndMarkdownFormats() throws {
        let csv = try CLIRunner.run(["evaluate", "--format", "csv"])
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("rank,id,name,score,selected"))
        #expect(csv.stdout.split(separator: "\r\n").count == 11)
        let md = try CLIRunner.run(["evaluate", "--format", "md"])
        #expect(md.status == 0)
        #expect(
            md.stdout.contains(
                "| # | Område | id | Poäng | Trend (z) | Senast/jämförelse | Oro | Medarbetarnas bild | Medborgardialog | Resurser | Vald |"
            ), "\(md.stdout)")
        #expect(
            md.stdout.contains(
                "| 1 | Bedrägerier | `bedrageri` | 0,726 | +3,77 | 132/86,67 | 44\u{00A0}% | 52\u{00A0}% | 34\u{00A0}% | 1,00 | ja |"),
            "\(md.stdout)")
        for heading in ["## Rangordningens stabilitet", "## Åtgärdsplan", "## Regler som slog till", "## Varningar"] {
            #expect(md.stdout.contains("\n\(heading)\n"), "\(heading)")
        }
        #expect(md.stdout.contains("| Resurs | Tillgängligt | Använt | Kvar |"))
        let english = try CLIRunner.run(["evaluate", "--format", "md", "--lang", "en"])
        #expect(english.stdout.contains("| # | Area | id | Score |"))
        #expect(english.stdout.contains("## Measure plan"))
    }

    @Test func wrongUsageExitsTwo() throws {
        #expect(try CLIRunner.run(["evaluate", "--period", "2023-13"]).status == 2)
        #expect(try CLIRunner.run(["evaluate", "--format", "pdf"]).status == 2)
        #expect(try CLIRunner.run(["evaluate", "--no-such-option"]).status == 2)
        let language = try CLIRunner.run(["evaluate", "--lang", "de"])
        #expect(language.status == 2)
        #expect(language.stderr.contains("--lang"), "\(language.stderr)")
        #expect(try CLIRunner.run(["explain", "trafik", "--lang", "de"]).status == 2)
        #expect(try CLIRunner.run(["frobnicate"]).status == 2)
    }

    @Test func helpExplainsAndExitsZero() throws {
        let r = try CLIRunner.run(["evaluate", "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("--keep-going"))
        #expect(r.stdout.contains("--lang <sv|en>"))
        #expect(r.stdout.contains("Swedish (sv) by default"))
    }

    @Test func aRejectedDataFileFailsUnlessKeepGoing() throws {
        let folder = try CLIRunner.copyOfSample()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "år;kommun;brottskategori;antal\n2023;Kungsör;Stöld;12\n2023;Kungsör;Rån;tolv\n"
            .write(to: folder.appendingPathComponent("extra.csv"), atomically: true, encoding: .utf8)
        let failed = try CLIRunner.run(["evaluate", "--data", folder.path])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("extra.csv:3: antal:"), "\(failed.stderr)")
        let kept = try CLIRunner.run(["evaluate", "--data", folder.path, "--keep-going"])
        #expect(kept.status == 0, "\(kept.stderr)")
        #expect(kept.stdout.contains("extra.csv"))
    }

    @Test func unknownScopeIsAnError() throws {
        let r = try CLIRunner.run(["evaluate", "--scope", "Ingenstans"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("Ingenstans"))
    }
}

struct ExplainCommandTests {
    @Test func explainsAnAreaInSwedish() throws {
        let r = try CLIRunner.run(["explain", "trafik"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Trafiksäkerhet och trafikrelaterad brottslighet (trafik) — plats 2 av 10, poäng 0,6059, vald\n"))
        for text in [
            "Faktor", "Bidrag", "brottsutveckling", "medborgarnas oro", "resurser", "viktad poäng", "Regler som slog till",
            "Medborgarnas oro (enkät 2023): Bilar som körs på ett störande sätt 56\u{00A0}%", "Underlag: brottsdata för",
            "Medarbetarnas bild (Medarbetarenkät 2023): Trafiksäkerhet och hastigheter 48\u{00A0}%",
            "Medborgardialog (Medborgardialog 2023): Trafik och fortkörning 47\u{00A0}%",
        ] {
            #expect(r.stdout.contains(text), "\(text)")
        }
    }

    @Test func explainsAnAreaInEnglish() throws {
        let r = try CLIRunner.run(["explain", "trafik", "--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Trafiksäkerhet och trafikrelaterad brottslighet (trafik) — rank 2 of 10, score 0.6059, selected\n"))
        for text in ["crime trend", "citizen concern", "resources", "weighted score", "Data used", "56%"] {
            #expect(r.stdout.contains(text), "\(text)")
        }
        let stold = try CLIRunner.run(["explain", "stold", "--lang", "en"])
        #expect(stold.stdout.contains("Rank stability: P(rank 1) <1%, P(selected) 12%, mean rank 5.0"), "\(stold.stdout)")
    }

    @Test func unknownAreaListsTheAreas() throws {
        let r = try CLIRunner.run(["explain", "nosuch"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("trafik"))
    }
}

struct CheckCommandTests {
    @Test func bundledRulesAreValid() throws {
        let r = try CLIRunner.run(["check", "rules"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("OK"))
    }

    @Test func brokenRulesListEveryProblemWithLocation() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("regler.yaml")
        try """
        fokus: 1
        wieghts: {crime_trend: 1}
        areas:
          - id: trafik
            name: Trafik
            categories: [Trafikbrott]
        measures:
          - id: kontroll
            name: Kontroller
            addresses: [trafk]
            effect: 0.3
        """.write(to: file, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["check", file.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("regler.yaml:2:1:"), "\(r.stderr)")
        #expect(r.stderr.contains("weights"))
        #expect(r.stderr.contains("regler.yaml:10:"), "\(r.stderr)")
        #expect(!r.stderr.contains("Fatal error"))
    }
}
