import Foundation
import Testing

@testable import Fokus

/// SPEC 4.3: signals declared in the rules, read from survey-shaped rows with a source.
struct SignalLoadingTests {
    static let declared = """
        signals:
          - id: medarbetare
            name: Medarbetarnas bild
            source: Medarbetarenkät
          - id: dialog
            name: Medborgardialog
            source: Medborgardialog

        """

    private func errors(_ yaml: String) -> [String] { RuleFixtures.errors(inText: yaml) }

    @Test func signalsAreWeightedAndListedPerArea() throws {
        let rules = try RuleSetLoader.load(
            yaml: Self.declared + """
                weights: { crime_trend: 0.30, citizen_concern: 0.25, resources: 0.15, medarbetare: 0.20, dialog: 0.10 }
                areas:
                  - id: narkotika_unga
                    survey_items: [Droger bland unga]
                    signals: { medarbetare: [Unga som använder narkotika], dialog: [Droger och langning] }
                    weights: { dialog: 0.3 }
                rules:
                  - id: personalen-ser
                    when: medarbetare.raw >= 0.5 and n.dialog > 0.2
                    then: { boost: 0.05 }
                """, file: "r.yaml")
        #expect(rules.signals.map(\.id) == ["medarbetare", "dialog"])
        #expect(rules.signals.map(\.source) == ["Medarbetarenkät", "Medborgardialog"])
        #expect(rules.weights.factors == [.crimeTrend, .citizenConcern, .resources, .signal("medarbetare"), .signal("dialog")])
        #expect(rules.weights[.signal("dialog")] == 0.10)
        #expect(rules.areas[0].signalItems == ["medarbetare": ["Unga som använder narkotika"], "dialog": ["Droger och langning"]])
        #expect(rules.areas[0].weightOverrides == [.signal("dialog"): 0.3])
        #expect(rules.warnings.isEmpty)
    }

    @Test func aSignalLeftOutOfWeightsWeighsZeroAndIsWarnedAbout() throws {
        let rules = try RuleSetLoader.load(
            yaml: Self.declared + "weights: { crime_trend: 1, dialog: 1 }\nareas: [{id: a}]\n", file: "r.yaml")
        #expect(rules.weights[.signal("medarbetare")] == 0)
        #expect(rules.weights.signals.map(\.id) == ["medarbetare", "dialog"])
        #expect(
            rules.warnings.map(\.description).contains {
                $0.hasPrefix("r.yaml:2:9: warning: the signal \"medarbetare\" weighs 0 everywhere")
            })
    }

    @Test func unknownSignalIdsAreLocatedWithASuggestion() {
        let found = errors(
            Self.declared + """
                weights: { crime_trend: 1, medarbetar: 1 }
                areas:
                  - id: a
                    signals: { dialogen: [x] }
                rules:
                  - id: r
                    when: medarbetar.raw > 0.5
                    then: { boost: 0.1 }
                """)
        #expect(found.count == 3, "\(found)")
        #expect(
            found[0].hasPrefix("r.yaml:8:28: error: unknown key \"medarbetar\" in `weights`; did you mean \"medarbetare\"?"), "\(found)")
        #expect(
            found[1].hasPrefix("r.yaml:11:16: error: unknown signal \"dialogen\" in `signals` of area \"a\"; did you mean \"dialog\"?"),
            "\(found)")
        #expect(
            found[2].hasPrefix("r.yaml:14:11: error: in `when`: unknown name `medarbetar.raw`; did you mean `medarbetare.raw`?"), "\(found)"
        )
    }

    @Test func signalMistakesAreSaidInSwedishToo() throws {
        do {
            _ = try RuleSetLoader.load(yaml: "areas:\n  - id: a\n    signals: { medarbetare: [x] }\n", file: "r.yaml")
            Issue.record("the rules loaded")
        } catch {
            let swedish = error.diagnostics.map { $0.rendered(in: .sv) }
            #expect(swedish.first?.contains("okänd signal ”medarbetare” i `signals` för området") == true, "\(swedish)")
            #expect(swedish.first?.contains("deklarera den först i en lista `signals:`") == true, "\(swedish)")
        }
    }

    @Test func signalsMustBeDeclaredBeforeAreasUseThem() {
        let found = errors("areas:\n  - id: a\n    signals: { medarbetare: [x] }\n")
        #expect(
            found == [
                "r.yaml:3:16: error: unknown signal \"medarbetare\" in `signals` of area \"a\"; declare it first in a top-level "
                    + "`signals:` list, with its `id`, `name` and `source`"
            ])
    }

    @Test func badDeclarationsSayHowToFixThem() {
        let found = errors(
            """
            signals:
              - { id: Medarbetare, source: x }
              - { id: trend, source: x }
              - { id: dialog }
              - { id: enkat, source: survey }
            areas: [{id: a}]
            """)
        #expect(found.count == 4, "\(found)")
        #expect(found[0].contains("may hold only lower-case letters a–z, digits and \"_\""))
        #expect(found[0].contains("try \"medarbetare\""))
        #expect(found[1].contains("\"trend\" is a built-in name"))
        #expect(found[2].contains("signal \"dialog\" has no `source`"))
        #expect(found[3].contains("`source: survey` is the source of rows without a source column"))
    }

    @Test func aSignalDeclaredInOneFileOfAFolderIsKnownInTheOthers() throws {
        let rules = try RuleSetLoader.load(
            sources: [
                ("rules/00.yaml", "weights: { crime_trend: 0.5, dialog: 0.5 }\n"),
                ("rules/10.yaml", "areas:\n  - id: a\n    signals: { dialog: [Trafik] }\n"),
                ("rules/20.yaml", "signals:\n  - { id: dialog, name: Dialog, source: Medborgardialog }\n"),
            ], root: "rules")
        #expect(rules.weights[.signal("dialog")] == 0.5)
        #expect(rules.areas[0].signalItems["dialog"] == ["Trafik"])
    }
}

struct SignalScoringTests {
    static func rules(aggregate: ConcernAggregate = .max) throws -> RuleSet {
        var rules = try RuleSetLoader.load(
            yaml: SignalLoadingTests.declared + """
                scope: Kungsör
                weights: { crime_trend: 0.30, citizen_concern: 0.25, resources: 0.15, medarbetare: 0.20, dialog: 0.10 }
                areas:
                  - id: narkotika
                    categories: [Narkotikabrott]
                    survey_items: [Droger]
                    signals: { medarbetare: [Unga som använder narkotika, Langning vid skolor], dialog: [Droger och langning] }
                  - id: inbrott
                    categories: [Inbrott]
                    survey_items: [Inbrott]
                    signals: { medarbetare: [Inbrott] }
                  - id: nytt
                    signals: { dialog: [Nedskräpning] }
                rules:
                  - id: personalen-ser
                    when: n.medarbetare >= 0.6
                    then: { note: Medarbetarna ser det }
                """, file: "r.yaml")
        rules.concernAggregate = aggregate
        return rules
    }

    static func data() throws -> Dataset {
        let folder = try TempDataFolder()
        try folder.write(
            "brott.csv",
            "år;kommun;brottskategori;antal\n2022;Kungsör;Narkotikabrott;40\n2023;Kungsör;Narkotikabrott;38\n"
                + "2022;Kungsör;Inbrott;30\n2023;Kungsör;Inbrott;50\n")
        // A survey without a source column works as before; the staff survey writes its source in
        // another case and with spaces; a dialogue row after T is ignored.
        try folder.write(
            "enkat.csv", "år;kommun;fråga;andel\n2023;Kungsör;Droger;0,25\n2023;Kungsör;Inbrott;0,30\n")
        try folder.write(
            "medarbetare.csv",
            "år;kommun;källa;fråga;andel;svarande\n"
                + "2023;Kungsör; MEDARBETARENKÄT ; unga som använder NARKOTIKA ;0,70;40\n"
                + "2023;Kungsör;Medarbetarenkät;Langning vid skolor;0,50;40\n"
                + "2023;Kungsör;Medarbetarenkät;Inbrott;0,20;40\n"
                + "2023;Kungsör;;Droger;0,10;\n")
        try folder.write(
            "dialog.csv",
            "period;scope;source;item;share;respondents\n2023;Kungsör;Medborgardialog;Droger och langning;55%;38\n"
                + "2023;Kungsör;Medborgardialog;Nedskräpning;10%;38\n2024;Kungsör;Medborgardialog;Droger och langning;90%;20\n")
        try folder.write("resurser.csv", "period;scope;resource;available\n2023;Kungsör;timmar;10\n")
        return try folder.load()
    }

    @Test func signalsAreFactorsReadFromTheirSource() throws {
        let e = try Engine(rules: try Self.rules()).evaluate(try Self.data(), period: .period(.year(2023)))
        let narkotika = try #require(e.area("narkotika"))
        // Concern reads only rows without a source: the staff's "Droger" row (0.10) does not lower it.
        #expect(narkotika.concern?.raw == 0.25)
        let staff = try #require(narkotika.signals[0])
        #expect(staff.raw == 0.70 && staff.n == 0.70 && staff.period == .year(2023))
        #expect(staff.items.map(\.item) == ["Unga som använder narkotika", "Langning vid skolor"])
        let dialog = try #require(narkotika.signals[1])
        #expect(dialog.raw == 0.55)  // 2024's 90 % is after T
        // ((((w_t·n_t + w_c·n_c) + w_r·n_r) + w_g1·n_g1) + w_g2·n_g2) / Σw, all present here.
        let t = try #require(narkotika.trend)
        let expected = (((0.30 * t.n + 0.25 * 0.25) + 0.15 * 0) + 0.20 * 0.70) + 0.10 * 0.55
        #expect(abs(narkotika.weightedScore - expected) < 1e-12)
        #expect(narkotika.rules.notes == ["Medarbetarna ser det"])
        // inbrott lists no dialog items: that signal is missing and renormalised away.
        #expect(e.area("inbrott")?.signals[1] == nil)
        #expect(e.area("inbrott")?.missing.contains(.signalWithoutItems(signal: "dialog")) == true)
        // An area with only a signal has evidence.
        #expect(e.area("nytt")?.evidence == true)
        #expect(e.area("nytt")?.trend == nil && e.area("nytt")?.concern == nil)
    }

    @Test func meanAggregatesSignalItemsToo() throws {
        let e = try Engine(rules: try Self.rules(aggregate: .mean)).evaluate(try Self.data(), period: .period(.year(2023)))
        #expect(e.area("narkotika")?.signals[0]?.raw == (0.70 + 0.50) / 2)
    }

    @Test func everyFormatShowsTheSignals() throws {
        let e = try Engine(rules: try Self.rules()).evaluate(try Self.data(), period: .period(.year(2023)))
        let text = e.rendered(as: .text)
        #expect(text.contains("medarbetare") && text.contains("dialog"))
        // The legend names each signal's column and its source (the text wraps at 100 columns).
        let folded = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(folded.contains("Medarbetarnas bild (medarbetare): andel enligt Medarbetarenkät (signal)."), "\(text)")
        #expect(folded.contains("Medborgardialog (dialog): andel enligt Medborgardialog (signal)."), "\(text)")
        #expect(e.rendered(as: .md).contains("| Medarbetarnas bild | Medborgardialog |"))
        let csv = e.rendered(as: .csv)
        #expect(csv.split(separator: "\r\n")[0].hasSuffix(",medarbetare_raw,medarbetare_n,dialog_raw,dialog_n"))
        let json = try JSONSerialization.jsonObject(with: Data(e.rendered(as: .json).utf8)) as! [String: Any]
        let entry = (json["ranking"] as! [[String: Any]]).first { $0["id"] as? String == "inbrott" }!
        let signals = (entry["factors"] as! [String: Any])["signals"] as! [String: [String: Any]]
        #expect(signals["medarbetare"]?["raw"] as? Double == 0.2)
        #expect(signals["dialog"]?["raw"] is NSNull && signals["dialog"]?["n"] is NSNull && signals["dialog"]?["period"] is NSNull)
        let weights = json["weights"] as! [String: Double]
        #expect(weights.keys.sorted() == ["citizen_concern", "crime_trend", "dialog", "medarbetare", "resources"])
        let explanation = try #require(e.explanation(of: "narkotika"))
        #expect(
            explanation.contains(
                "Medarbetarnas bild (Medarbetarenkät 2023): Unga som använder narkotika 70\u{00A0}%, Langning vid skolor 50\u{00A0}%"),
            "\(explanation)")
    }

    @Test func stabilityDrawsSignalSharesWithRespondents() throws {
        var settings = SensitivitySettings()
        settings.samples = 200
        settings.vary = [.shares]
        let e = try Engine(rules: try Self.rules()).evaluate(try Self.data(), period: .period(.year(2023)), sensitivity: settings)
        let s = try #require(e.stability)
        #expect(s.vary == [.shares])
        // Shares vary, weights and counts do not: the result differs from a run that varies nothing but weights.
        settings.vary = [.weights]
        let weightsOnly = try Engine(rules: try Self.rules()).evaluate(try Self.data(), period: .period(.year(2023)), sensitivity: settings)
        #expect(s.areas != weightsOnly.stability?.areas)
    }

    @Test func checkWarnsAboutSignalSourcesAndItemsNoDataHas() throws {
        var rules = try Self.rules()
        rules.signals[1].source = "Medborgardialoger"
        rules.areas[1].signalItems["medarbetare"] = ["Inbrot"]
        let advice = rules.advice(for: try Self.data()).map(\.message)
        #expect(
            advice.contains {
                $0.contains("no data file has rows with the source \"Medborgardialoger\"")
                    && $0.contains("did you mean \"Medborgardialog\"?")
            }, "\(advice)")
        #expect(
            advice.contains { $0.contains("names the item \"Inbrot\" that the area \"inbrott\" lists for the signal \"medarbetare\"") },
            "\(advice)")
    }
}

/// A rule set without `signals:` gives exactly the results it gave before signals existed.
struct WithoutSignalsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func theBundledRulesWithoutSignalsGiveTheEarlierFigures() throws {
        var rules = try RuleSetLoader.load(from: Self.root.appendingPathComponent("rules"))
        rules.signals = []
        rules.weights = FactorWeights(crimeTrend: 0.40, citizenConcern: 0.35, resources: 0.25)
        rules.areas = rules.areas.map {
            var a = $0; a.signalItems = [:]; return a
        }
        let data = try DatasetLoader.load(from: Self.root.appendingPathComponent("Samples/kungsor"))
        let e = try Engine(rules: rules).evaluate(data, sensitivity: .off)
        // The figures pinned before signals existed (the staff and dialogue files in the sample are not
        // read into citizen concern, since their rows carry a source).
        #expect(e.selected.map(\.id) == ["bedrageri", "inbrott", "trafik"])
        #expect(String(format: "%.3f", e.area("bedrageri")!.score) == "0.824")
        #expect(String(format: "%.4f", e.area("trafik")!.score) == "0.6612")
        #expect(String(format: "%.4f", e.area("stold")!.score) == "0.6498")
        #expect(e.plan.measureIDs.count == 5 && String(format: "%.3f", e.plan.totalValue) == "0.929")
        #expect(e.ranking.allSatisfy { $0.signals.isEmpty })
        let json = e.rendered(as: .json)
        #expect(json.contains("\"signals\": {}"))
    }
}
