/// The phrases of the report document that the older renderers did not have: the plain-language
/// summary, the legends, the figures' titles, data sources and the method. Same table, same rule:
/// every phrase gives each language, so a missing translation does not compile.
extension ReportStrings {
    // MARK: Summary

    /// "Förslag: fokusera på bedrägerier, inbrott och trafiksäkerhet."
    func proposal(_ selected: [AreaEvaluation]) -> String {
        guard !selected.isEmpty else {
            return text(
                sv: "Förslag: inget område föreslås; inget område har underlag som räcker för urvalet.",
                en: "Proposal: no area is proposed; no area has enough evidence for the selection.")
        }
        let names = selected.map { lowercasedFirst($0.name) }
        return text(sv: "Förslag: fokusera på ", en: "Proposal: focus on ") + spoken(names) + "."
    }

    /// "a, b och c" / "a, b and c".
    func spoken(_ items: [String]) -> String {
        guard items.count > 1 else { return items.joined() }
        return items.dropLast().joined(separator: ", ") + text(sv: " och ", en: " and ") + items.last!
    }

    /// The name with a lower-case first letter, unless it starts with an abbreviation (`SSPF`, `ANDT`).
    func lowercasedFirst(_ name: String) -> String {
        guard let first = name.first, name.count > 1 else { return name }
        let second = name[name.index(after: name.startIndex)]
        if second.isUppercase { return name }
        return language == .en ? name : first.lowercased() + name.dropFirst()
    }

    /// The sentence without its closing full stop.
    func trimmedPeriod(_ sentence: String) -> String {
        sentence.hasSuffix(".") ? String(sentence.dropLast()) : sentence
    }

    /// "per år" / "a year" for the period's granularity.
    func perPeriod(_ period: Period) -> String {
        switch period.granularity {
        case .year: text(sv: "per år", en: "a year")
        case .quarter: text(sv: "per kvartal", en: "a quarter")
        case .month: text(sv: "per månad", en: "a month")
        }
    }

    /// The trend in words, from its statistic: a clear change at |z| ≥ 2, some at |z| ≥ 1.
    func trendInWords(_ z: Double) -> String {
        switch z {
        case 2...: text(sv: "ökar tydligt", en: "are clearly rising")
        case 1..<2: text(sv: "ökar något", en: "are rising somewhat")
        case -1..<1: text(sv: "ligger på ungefär samma nivå", en: "are at about the same level")
        case -2..<(-1): text(sv: "minskar något", en: "are falling somewhat")
        default: text(sv: "minskar tydligt", en: "are clearly falling")
        }
    }

    /// Why a selected area is proposed, in a coordinator's terms: "Bedrägerier (bedrageri): anmälda brott
    /// ökar tydligt (132 under 2023 mot i snitt 87 per år 2020–2022); 44 % oroar sig (enkäten 2023)."
    func plainReason(_ a: AreaEvaluation, period: Period, signalNames: [String: String]) -> String {
        var parts: [String] = []
        if let t = a.trend {
            let baseline = periodRange(t.baselinePeriods)
            parts.append(
                text(sv: "anmälda brott ", en: "reported crimes ") + trendInWords(t.z)
                    + text(
                        sv: " (\(number.amount(t.latest)) under \(period) mot i snitt \(number.fixed(t.baseline, 0)) "
                            + "\(perPeriod(period)) \(baseline))",
                        en: " (\(number.amount(t.latest)) in \(period) against an average of \(number.fixed(t.baseline, 0)) "
                            + "\(perPeriod(period)) in \(baseline))"))
        }
        if let c = a.concern {
            parts.append(
                text(
                    sv: "\(number.percent(c.raw)) oroar sig (trygghetsundersökningen \(c.period))",
                    en: "\(number.percent(c.raw)) are worried (safety survey \(c.period))"))
        }
        for case let s? in a.signals where s.raw >= 0.3 {
            let name = signalNames[s.id] ?? s.id
            parts.append(text(sv: "\(name): \(number.percent(s.raw))", en: "\(name): \(number.percent(s.raw))"))
        }
        for r in a.rules.fired where r.scoreAfter != r.scoreBefore || r.actions.isEmpty == false {
            if let reason = r.reason { parts.append(text(sv: "regel: ", en: "rule: ") + lowercasedFirst(trimmedPeriod(reason))) }
        }
        if a.selectionReason == .included { parts.append(text(sv: "medtaget av en regel", en: "included by a rule")) }
        if parts.isEmpty { parts.append(text(sv: "högst poäng bland områdena", en: "among the highest scores")) }
        let sentence = parts.joined(separator: "; ")
        return "\(a.name) (\(a.id)): " + sentence + "."
    }

    /// "Ingen åtgärd i planen för Ordningsstörningar: …" and why.
    func noMeasureFor(_ a: AreaEvaluation, candidates: [String]) -> String {
        if candidates.isEmpty {
            return text(
                sv: "Ingen åtgärd i planen för \(a.name): ingen åtgärd i katalogen gäller området; lägg till en under `measures:`.",
                en: "No measure in the plan for \(a.name): no measure in the catalogue addresses the area; add one under `measures:`.")
        }
        return text(
            sv: "Ingen åtgärd i planen för \(a.name): åtgärderna som gäller området (\(list(candidates))) ryms inte i "
                + "budgeten bredvid dem som ger mer nytta.",
            en: "No measure in the plan for \(a.name): the measures for the area (\(list(candidates))) do not fit the "
                + "budget beside those of more value.")
    }

    /// The stability in a coordinator's words, for the summary.
    func plainStability(_ s: RankStability) -> String {
        let holds = number.sampleShare(s.selectionHolds)
        guard s.variesWeightsOnly else {
            return text(
                sv: "Förslaget står sig i \(holds) av \(s.settings.samples) försök där vikterna och underlagens slumpmässiga "
                    + "osäkerhet varieras.",
                en: "The proposal holds in \(holds) of \(s.settings.samples) draws that vary the weights and the data's "
                    + "chance uncertainty.")
        }
        return text(
            sv: "Förslaget står sig i \(holds) av \(s.settings.samples) rimliga sätt att vikta faktorerna.",
            en: "The proposal holds in \(holds) of \(s.settings.samples) plausible ways to weigh the factors.")
    }

    // MARK: Ranking

    var rankingHeading: String { text(sv: "Rangordning", en: "Ranking") }
    var rankingCaption: String { text(sv: "Rangordning", en: "Ranking") }

    /// What every column of the ranking means.
    func legend(signals: [Signal]) -> [ReportDefinition] {
        var items = [
            ReportDefinition(
                term: score,
                definition: text(
                    sv: "samlad bedömning 0–1 av faktorerna nedan, efter reglerna; högst först.",
                    en: "overall assessment 0–1 from the factors below, after the rules; highest first.")),
            ReportDefinition(
                term: trendZ,
                definition: text(
                    sv:
                        "hur mycket antalet brott avviker från jämförelseperioden; över +2 är en tydlig ökning, under −2 en tydlig minskning.",
                    en: "how far the number of crimes departs from the baseline; above +2 is a clear rise, below −2 a clear fall.")),
            ReportDefinition(
                term: latestAndBaseline,
                definition: text(
                    sv: "anmälda brott i perioden / snittet för jämförelseperioderna.",
                    en: "reported crimes in the period / the average of the baseline periods.")),
            ReportDefinition(
                term: concern,
                definition: text(
                    sv: "största andelen som oroar sig för något av områdets problem i trygghetsundersökningen.",
                    en: "the largest share worried about one of the area's problems in the safety survey.")),
        ]
        items += signals.map {
            ReportDefinition(
                term: "\($0.name) (\($0.id))",
                definition: text(
                    sv: "andel enligt \($0.source) (signal).", en: "share according to \($0.source) (signal)."))
        }
        items += [
            ReportDefinition(
                term: resources,
                definition: text(
                    sv: "hur väl resurserna räcker till den bästa åtgärden för området; 1,00 = helt.",
                    en: "how well the resources cover the best measure for the area; 1.00 = fully.")),
            ReportDefinition(
                term: selected,
                definition: text(
                    sv: "ja = föreslås som fokusområde; (regel) = medtaget av en regel; utan underlag = inga data talar för området.",
                    en: "yes = proposed as a focus area; (rule) = included by a rule; no evidence = no data speaks for the area.")),
        ]
        return items
    }

    var contributionsTitle: String { text(sv: "Vad poängen består av", en: "What the scores are made of") }
    var contributionsDescription: String {
        text(
            sv: "Staplade staplar: varje faktors bidrag till områdets poäng före reglerna; strecket visar slutpoängen.",
            en: "Stacked bars: each factor's contribution to the area's score before the rules; the mark shows the final score.")
    }

    // MARK: Trends

    var trendsHeading: String { text(sv: "Brottsutveckling per område", en: "Crime trend per area") }
    var trendsTitle: String { text(sv: "Anmälda brott per period", en: "Reported crimes per period") }
    func trendsDescription(_ c: PeriodComparison, period: Period) -> String {
        text(
            sv: "Antal per period för varje område; jämförelseperioderna är skuggade, den streckade linjen är deras snitt "
                + "och punkten är \(period).",
            en: "Counts per period for each area; the baseline periods are shaded, the dashed line is their average and "
                + "the dot is \(period).")
    }
    var baselineMark: String { text(sv: "jämförelse", en: "baseline") }
    var comparedMark: String { text(sv: "jämförd period", en: "compared period") }

    /// "2019: 98, 2020: 87, …".
    func seriesSummary(_ series: [PeriodCount]) -> String {
        list(series.map { "\($0.period): " + ($0.count.map { number.amount(Double($0)) } ?? "–") })
    }

    // MARK: Stability

    var stabilityTitle: String { text(sv: "Hur ofta varje område väljs", en: "How often each area is selected") }
    var stabilityCaption: String { text(sv: "Stabilitet", en: "Stability") }

    // MARK: Plan

    /// "7 av 9 möjliga åtgärder ryms i budgeten; planens värde 0,911."
    func planCount(_ plan: MeasurePlan) -> String {
        let value = number.fixed(plan.totalValue)
        return text(
            sv: "\(plan.measures.count) av \(plan.candidateCount) möjliga åtgärder ryms i budgeten; planens värde \(value).",
            en: "\(plan.measures.count) of \(plan.candidateCount) candidate measures fit the budget; the plan's value \(value).")
    }

    var measuresCaption: String { text(sv: "Åtgärder", en: "Measures") }
    var budgetCaption: String { text(sv: "Budget", en: "Budget") }
    var budgetTitle: String { text(sv: "Planen mot budgeten", en: "The plan against the budget") }
    var budgetDescription: String {
        text(
            sv: "För varje resurs: hur mycket planen använder av det som finns.",
            en: "For each resource: how much of what is available the plan uses.")
    }

    /// "120 av 220" / "120 of 220".
    func usedOf(used: Double, available: Double) -> String {
        number.amount(used) + text(sv: " av ", en: " of ") + number.amount(available)
    }

    var planLegend: [ReportDefinition] {
        [
            ReportDefinition(
                term: value,
                definition: text(
                    sv: "förväntad nytta: områdets poäng × åtgärdens effekt × evidensvikt (stark 1, måttlig 0,75, svag 0,5, oprövad 0,25).",
                    en:
                        "expected benefit: the area's score × the measure's effect × evidence weight (strong 1, moderate 0.75, weak 0.5, untested 0.25)."
                )),
            ReportDefinition(
                term: cost,
                definition: text(
                    sv: "vad åtgärden tar av varje resurs.", en: "what the measure takes of each resource.")),
            ReportDefinition(
                term: left,
                definition: text(
                    sv: "det som finns kvar av resursen när planen är genomförd.", en: "what remains of the resource after the plan.")),
        ]
    }

    // MARK: Data sources

    var sourcesHeading: String { text(sv: "Underlag och perioder", en: "Data sources and periods") }
    var sourcesCaption: String { text(sv: "Datafiler", en: "Data files") }
    var file: String { text(sv: "Fil", en: "File") }
    var kind: String { text(sv: "Innehåll", en: "Content") }

    func kind(_ kind: DataFileKind) -> String {
        switch kind {
        case .crimeCounts: text(sv: "brottsstatistik (antal)", en: "crime statistics (counts)")
        case .crimeStatisticsExport: text(sv: "brottsstatistik (export från Brå)", en: "crime statistics (national export)")
        case .crimeEventsCSV: text(sv: "anmälda brott, en rad per brott", en: "reported crimes, a row a crime")
        case .crimeEventsJSON: text(sv: "polisens händelser (JSON)", en: "police events (JSON)")
        case .survey: text(sv: "enkät", en: "survey")
        case .resourcesCSV, .resourcesYAML: text(sv: "resurser", en: "resources")
        case .population: text(sv: "befolkning", en: "population")
        }
    }

    // MARK: Method

    var methodHeading: String { text(sv: "Så räknar Fokus", en: "How Fokus computes") }

    /// The method in two paragraphs.
    func method(_ e: Evaluation) -> [String] {
        let w = e.weights
        let weights = w.factors.map { f -> String in
            var name = factor(f)
            if case .signal(let id) = f { name = e.signals.first { $0.id == id }?.name ?? id }
            return "\(name) \(number.percent(w[f]))"
        }
        return [
            text(
                sv: "Varje område får en poäng mellan 0 och 1 av tre faktorer: brottsutvecklingen (antalet anmälda brott i "
                    + "perioden jämfört med snittet för de närmast föregående perioderna), medborgarnas oro (andelen som oroar "
                    + "sig i trygghetsundersökningen) och resurserna (hur väl det som finns räcker till en åtgärd för området). "
                    + "Vikterna är \(spoken(weights)); en faktor som saknas lämnas utanför och de andra vägs om. Reglerna i "
                    + "regelfilerna kan sedan höja, sänka, ta med eller utesluta områden, och varje regel som slår till redovisas.",
                en: "Each area gets a score between 0 and 1 from three factors: the crime trend (reported crimes in the period "
                    + "against the average of the periods just before), citizen concern (the share worried in the safety "
                    + "survey) and resources (how well what is available covers a measure for the area). The weights are "
                    + "\(spoken(weights)); a missing factor is left out and the others reweighted. The rules in the rule "
                    + "files may then raise, lower, include or exclude areas, and every rule that fires is shown."),
            text(
                sv: "De högst rankade områdena föreslås. Åtgärdsplanen är den kombination av åtgärder för de valda områdena "
                    + "som ger störst förväntad nytta inom varje resurs budget. Stabiliteten visar hur ofta urvalet står sig när "
                    + "vikterna varieras slumpmässigt kring de valda; ett lågt värde betyder att förslaget vilar på viktningen "
                    + "snarare än på data. Alla siffror kan räknas om med `fokus explain` och regelfilerna.",
                en: "The highest-ranked areas are proposed. The measure plan is the combination of measures for the selected "
                    + "areas that gives the largest expected benefit within every resource's budget. The stability shows how "
                    + "often the selection holds when the weights vary at random around the chosen ones; a low figure means "
                    + "the proposal rests on the weighting rather than on the data. Every figure can be recomputed with "
                    + "`fokus explain` and the rule files."),
        ]
    }

    // MARK: Warnings

    /// A warning or error about the rules or the data, in the report's language.
    func warning(_ d: Diagnostic) -> String { d.rendered(in: language) }
}
