/// Every label and phrase of the human-readable reports (the report document every format
/// serialises, and `fokus explain`), in each ``ReportLanguage``, with the language's number formats.
///
/// The renderers decide what to show and in which order; this type only says it. Each entry
/// gives all languages side by side, so a missing translation does not compile. Phrases with
/// figures in them are functions taking the figures, never pieces glued together by the caller.
struct ReportStrings: Sendable {
    let language: ReportLanguage
    /// Numbers as the language writes them.
    let number: NumberFormatting

    init(_ language: ReportLanguage) {
        self.language = language
        number = NumberFormatting(language: language)
    }

    func text(sv: String, en: String) -> String {
        switch language {
        case .sv: sv
        case .en: en
        }
    }

    func list(_ items: [String]) -> String { items.joined(separator: ", ") }

    // MARK: Section headings

    var whatChanged: String { text(sv: "Vad som ändrats sedan förra bedömningen", en: "What changed since the previous evaluation") }
    var rulesFired: String { text(sv: "Regler som slog till", en: "Rules that fired") }
    var rankStability: String { text(sv: "Rangordningens stabilitet", en: "Rank stability") }
    var measurePlan: String { text(sv: "Åtgärdsplan", en: "Measure plan") }
    var followUp: String { text(sv: "Uppföljning av antagna fokusområden", en: "Follow-up of adopted focus areas") }
    var missingData: String { text(sv: "Saknade underlag", en: "Missing data") }
    var warnings: String { text(sv: "Varningar", en: "Warnings") }

    // MARK: Ranking

    var id: String { "id" }
    var area: String { text(sv: "Område", en: "Area") }
    var score: String { text(sv: "Poäng", en: "Score") }
    var trendZ: String { "Trend (z)" }
    var latestAndBaseline: String { text(sv: "Senast/jämförelse", en: "Latest/baseline") }
    var latest: String { text(sv: "Senast", en: "Latest") }
    var baselineColumn: String { text(sv: "Jämförelse", en: "Baseline") }
    var adoptedFrom: String { text(sv: "Antagen från", en: "Adopted from") }
    var meanSince: String { text(sv: "Snitt sedan antagandet", en: "Mean since adoption") }
    var meanBefore: String { text(sv: "Snitt före", en: "Mean before") }
    var verdictColumn: String { text(sv: "Läge", en: "Verdict") }
    var concernChange: String { text(sv: "Oro (procentenheter)", en: "Concern (points)") }
    var note: String { text(sv: "Anteckning", en: "Note") }
    var measuresColumn: String { text(sv: "Åtgärder", en: "Measures") }
    var followUpSheet: String { text(sv: "Uppföljning", en: "Follow-up") }
    var concern: String { text(sv: "Oro", en: "Concern") }
    var resources: String { text(sv: "Resurser", en: "Resources") }
    var selected: String { text(sv: "Vald", en: "Selected") }

    /// The "selected" cell: whether and why.
    func selectionMark(selected: Bool, reason: SelectionReason) -> String {
        if selected { return reason == .included ? text(sv: "ja (regel)", en: "yes (rule)") : text(sv: "ja", en: "yes") }
        switch reason {
        case .excluded: return text(sv: "utesluten", en: "excluded")
        case .noEvidence: return noEvidence
        default: return ""
        }
    }

    /// Why a factor is missing, in a sentence.
    func missing(_ reason: MissingReason) -> String {
        switch reason {
        case .trendWithoutCategories:
            text(
                sv: "brottsutveckling saknas: området har inga brottskategorier",
                en: "crime trend missing: the area lists no categories")
        case .trendPeriodWithoutData(let period):
            text(
                sv: "brottsutveckling saknas: inga brottsdata för \(period)",
                en: "crime trend missing: no crime data for \(period)")
        case .trendWithoutBaseline(let k, let period):
            text(
                sv: "brottsutveckling saknas: ingen av de \(k) jämförelseperioderna före \(period) har brottsdata",
                en: "crime trend missing: none of the \(k) baseline periods before \(period) has crime data")
        case .concernWithoutItems:
            text(
                sv: "medborgarnas oro saknas: området har inga enkätfrågor",
                en: "citizen concern missing: the area lists no survey items")
        case .concernNotAsked(let survey):
            text(
                sv: "medborgarnas oro saknas: enkäten \(survey) frågade inte om områdets frågor",
                en: "citizen concern missing: the survey of \(survey) did not ask about the area's items")
        case .concernWithoutSurvey(let period, let scope):
            text(
                sv: "medborgarnas oro saknas: ingen enkät till och med \(period) för \(scope)",
                en: "citizen concern missing: no survey up to \(period) for \(scope)")
        case .resourcesWithoutMeasures:
            text(
                sv: "resurser 0: ingen åtgärd i katalogen gäller området",
                en: "resources 0: no measure in the catalogue addresses the area")
        case .resourcesWithoutData(let period, let scope):
            text(
                sv: "resurser saknas: inga resursdata till och med \(period) för \(scope)",
                en: "resources missing: no resource data up to \(period) for \(scope)")
        case .signalWithoutItems(let signal):
            text(
                sv: "\(signal) saknas: området har inga frågor för signalen",
                en: "\(signal) missing: the area lists no items for the signal")
        case .signalNotAsked(let signal, let period):
            text(
                sv: "\(signal) saknas: underlaget från \(period) tog inte upp områdets frågor",
                en: "\(signal) missing: the rows of \(period) did not cover the area's items")
        case .signalWithoutData(let signal, let source):
            text(
                sv: "\(signal) saknas: inga rader med källan \(source) till och med perioden",
                en: "\(signal) missing: no rows with the source \(source) up to the period")
        }
    }

    // MARK: Why the selected areas

    var why: String { text(sv: "Vad som bär urvalet", en: "What carries the selection") }

    /// "trafik: främst medborgarnas oro (56 %) och Medarbetarnas bild (48 %)".
    func carriedBy(_ id: String, parts: [String]) -> String {
        "\(id): " + text(sv: "främst ", en: "mostly ")
            + (parts.count > 1
                ? parts.dropLast().joined(separator: ", ") + text(sv: " och ", en: " and ") + parts.last!
                : parts.joined())
    }

    /// A factor with its value, as the "why" line names it: "brottsutvecklingen (132 mot 86,7)".
    func factorWithValue(_ factor: Factor, of a: AreaEvaluation, signalName: String?) -> String {
        switch factor {
        case .crimeTrend:
            guard let t = a.trend else { return self.factor(factor) }
            return text(sv: "brottsutvecklingen", en: "the crime trend")
                + " (\(number.amount(t.latest)) " + text(sv: "mot", en: "against") + " \(number.fixed(t.baseline, 1)))"
        case .citizenConcern:
            return text(sv: "medborgarnas oro", en: "citizen concern") + " (\(number.percent(a.concern?.raw)))"
        case .resources:
            return text(sv: "resurserna", en: "the resources") + " (\(number.fixed(a.resources?.raw, 2)))"
        case .signal(let id):
            let raw = a.signals.compactMap { $0 }.first { $0.id == id }?.raw
            return (signalName ?? id) + " (\(number.percent(raw)))"
        }
    }

    // MARK: Evidence and compared periods (SPEC 4.2)

    /// `jan`, `feb`, … (Swedish) or `Jan`, `Feb`, … (English) for month 1–12.
    func monthName(_ month: Int) -> String {
        let sv = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
        let en = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return text(sv: sv[(month - 1) % 12], en: en[(month - 1) % 12])
    }

    /// `2023–2025`, or `2021, 2023` when not consecutive.
    func periodRange(_ periods: [Period]) -> String {
        guard let first = periods.first, let last = periods.last else { return "" }
        if periods.count > 1, periods.enumerated().allSatisfy({ $0.element == first.advanced(by: $0.offset) }) {
            return "\(first)–\(last)"
        }
        return list(periods.map(\.description))
    }

    /// "2026 (jan–aug) jämförs med jan–aug 2023–2025", or whole periods: "2026 jämförs med 2023–2025".
    func comparison(_ c: PeriodComparison, period: Period) -> String {
        let baseline =
            c.baselinePeriods.isEmpty
            ? text(sv: "ingen jämförelseperiod", en: "no baseline period")
            : periodRange(c.baselinePeriods)
        guard let months = c.comparedMonths else {
            return text(
                sv: "Brottsutvecklingen: \(period) jämförs med \(baseline).",
                en: "Crime trend: \(period) is compared with \(baseline).")
        }
        let firstMonth = (period.firstMonthOrdinal % 12) + 1
        let span = months == 1 ? monthName(firstMonth) : "\(monthName(firstMonth))–\(monthName(firstMonth + months - 1))"
        return text(
            sv: "Brottsutvecklingen: \(period) (\(span)) jämförs med \(span) \(baseline), eftersom data för \(period) bara "
                + "når till och med \(monthName(firstMonth + months - 1)).",
            en: "Crime trend: \(period) (\(span)) is compared with \(span) of \(baseline), since the data for \(period) "
                + "only runs to \(monthName(firstMonth + months - 1)).")
    }

    /// "2022 lämnas utanför: data börjar först under perioden."
    func dropped(_ drop: BaselineDrop) -> String {
        switch drop.reason {
        case .beforeData:
            text(
                sv: "\(drop.period) lämnas utanför jämförelsen: data börjar först under perioden, så den är inte komplett.",
                en: "\(drop.period) is left out of the comparison: the data starts inside it, so it is incomplete.")
        case .notMonthly:
            text(
                sv: "\(drop.period) lämnas utanför jämförelsen: den har bara siffror för hela perioden, som inte kan "
                    + "delas upp i samma månader.",
                en: "\(drop.period) is left out of the comparison: it has figures for the whole period only, which "
                    + "cannot be cut to the same months.")
        }
    }

    /// "Utan underlag: jakt — inga anmälda brott i kategorierna och ingen enkätfråga."
    func withoutEvidence(_ area: AreaWithoutEvidence) -> String {
        let crime =
            area.hasCategories
            ? text(sv: "inga anmälda brott i kategorierna", en: "no reported crimes in its categories")
            : text(sv: "inga brottskategorier", en: "no crime categories")
        let survey =
            area.hasSurveyItems
            ? text(sv: "inga enkätsvar på dess frågor", en: "no survey answers to its items")
            : text(sv: "ingen enkätfråga", en: "no survey item")
        return "\(area.id) — \(crime) " + text(sv: "och", en: "and") + " \(survey)"
    }

    /// A notice about the evaluation as a whole, in a sentence.
    func notice(_ notice: EvaluationNotice) -> String {
        switch notice {
        case .noEvidence(let areas):
            return text(sv: "Utan underlag: ", en: "No evidence: ") + areas.map(withoutEvidence).joined(separator: "; ")
                + text(
                    sv: ". De rangordnas sist och väljs inte (om ingen regel tar med dem).",
                    en: ". They rank last and are not selected (unless a rule includes them).")
        case .noResourceData(let scope, let period):
            return text(
                sv: "Inga resursdata för \(scope) till och med \(period): resursfaktorn saknas för alla områden, och "
                    + "åtgärdsplanen kan bara ta med åtgärder utan kostnad. Lägg en resursfil i datamappen.",
                en: "No resource data for \(scope) up to \(period): the resources factor is missing for every area, and "
                    + "the measure plan can only hold measures without cost. Add a resources file to the data folder.")
        case .unmatchedNames(let area, let names):
            var groups: [String] = []
            for kind in [UnmatchedName.Kind.category, .surveyItem, .signalItem] {
                let ofKind = names.filter { $0.kind == kind }
                guard !ofKind.isEmpty else { continue }
                let quoted = ofKind.map { name -> String in
                    text(sv: "”\(name.name)”", en: "“\(name.name)”")
                        + (name.suggestion.map { text(sv: " (menade du ”\($0)”?)", en: " (did you mean “\($0)”?)") } ?? "")
                }
                let noun: String
                switch kind {
                case .category: noun = text(sv: "kategorierna", en: "categories")
                case .surveyItem: noun = text(sv: "enkätfrågorna", en: "survey items")
                case .signalItem: noun = text(sv: "signalfrågorna", en: "signal items")
                }
                groups.append(noun + " " + list(quoted))
            }
            return text(sv: "Området \(area): inga av ", en: "The area \(area): none of its ")
                + groups.joined(separator: text(sv: " eller ", en: " or "))
                + text(
                    sv: " finns i någon datafil; kontrollera stavningen.",
                    en: " occurs in any data file; check the spelling.")
        case .unmappedCategories(let scope, let period, let categories):
            let total = categories.reduce(0) { $0 + $1.count }
            let shown = categories.prefix(8).map { "\($0.category) (\($0.count))" }
            let more =
                categories.count > 8
                ? text(sv: ", … (\(categories.count) i allt)", en: ", … (\(categories.count) in all)") : ""
            return text(
                sv: "\(total) brott eller händelser i \(scope) \(period) hör till kategorier som inget område tar med: ",
                en: "\(total) crimes or events in \(scope) \(period) are of categories no area maps: ")
                + list(shown) + more
                + text(
                    sv: "; lägg till dem i ett områdes `categories:` om de är viktiga.",
                    en: "; add them to an area's `categories:` if they matter.")
        case .signalWithoutData(let signal, let source):
            return text(
                sv: "Signalen \(signal): ingen datafil har rader med källan ”\(source)”; kontrollera källkolumnen.",
                en: "The signal \(signal): no data file has rows with the source “\(source)”; check the source column.")
        case .countyAggregate(let c):
            let own =
                c.countyRows
                ? text(sv: " och raderna registrerade på länet självt", en: " and the rows filed under the county itself")
                : ""
            return text(
                sv: "\(c.county) bedöms som summan av länets kommuner (\(c.municipalitiesWithData.count) av "
                    + "\(c.municipalities) har brottsdata)\(own): brott och resurser summeras; enkätandelar är länets egna rader.",
                en: "\(c.county) is evaluated as the sum of its municipalities (\(c.municipalitiesWithData.count) of "
                    + "\(c.municipalities) have crime data)\(own): crimes and resources are summed; survey shares are the county's own rows."
            )
        }
    }

    /// The explanation's line for an area without evidence.
    func noEvidenceExplained(_ area: AreaWithoutEvidence) -> String {
        text(sv: "Utan underlag: ", en: "No evidence: ") + withoutEvidence(area)
            + text(
                sv: ". Området rangordnas efter alla områden med underlag och väljs inte av `select`.",
                en: ". The area ranks after every area with evidence and is not selected by `select`.")
    }

    /// "utan underlag" in the selection column.
    var noEvidence: String { text(sv: "utan underlag", en: "no evidence") }

    /// `crime trend`: a factor's plain-language name.
    func factor(_ factor: Factor) -> String {
        switch factor {
        case .crimeTrend: text(sv: "brottsutveckling", en: "crime trend")
        case .citizenConcern: text(sv: "medborgarnas oro", en: "citizen concern")
        case .resources: text(sv: "resurser", en: "resources")
        case .signal(let id): id
        }
    }

    /// `Note: …` after a rule's `note:` action.
    func note(_ note: String) -> String { text(sv: "Anteckning: ", en: "Note: ") + note }

    // MARK: Rank stability

    var pFirst: String { text(sv: "P(plats 1)", en: "P(rank 1)") }
    var pSelected: String { text(sv: "P(vald)", en: "P(selected)") }
    var meanRank: String { text(sv: "Medelplats", en: "Mean rank") }

    /// "The selection (3 areas) holds in 94% of 2000 plausible weightings; trafik and inbrott
    /// swap places in 41%."
    func verdict(_ s: RankStability) -> String {
        let holds = number.sampleShare(s.selectionHolds)
        let draws =
            s.variesWeightsOnly
            ? text(sv: "rimliga viktningar", en: "plausible weightings")
            : text(sv: "slumpade försök", en: "random draws")
        var sentence = text(
            sv: "Urvalet (\(s.selectedCount) \(s.selectedCount == 1 ? "område" : "områden")) håller i \(holds) av "
                + "\(s.settings.samples) \(draws)",
            en: "The selection (\(s.selectedCount) area\(s.selectedCount == 1 ? "" : "s")) holds in \(holds) of "
                + "\(s.settings.samples) \(draws)")
        if let swap = s.mostFrequentSwap {
            let share = number.sampleShare(swap.share)
            sentence += text(
                sv: "; \(swap.higher) och \(swap.lower) byter plats i \(share)",
                en: "; \(swap.higher) and \(swap.lower) swap places in \(share)")
        } else {
            sentence += text(sv: "; rangordningen ändras aldrig", en: "; the ranking order never changes")
        }
        sentence += "."
        if !s.vary.isEmpty { sentence += " " + varied(s.vary) + "." }
        if s.singleFactor, s.vary.contains(.weights) {
            sentence += text(
                sv: " Bara en faktor finns för varje område, så vikterna kan inte ändra ordningen.",
                en: " Each area has only one factor present, so the weights cannot change the order.")
        }
        if !s.fewCrimes.isEmpty {
            sentence += text(
                sv: " Obs: urvalet vilar på färre än tio brott per period för \(list(s.fewCrimes)); små tal svänger "
                    + "mycket av en slump.",
                en: " Note: the selection rests on fewer than ten crimes a period for \(list(s.fewCrimes)); small "
                    + "counts swing by chance.")
        }
        return sentence
    }

    /// "Varierat: vikter, brottsantal och enkätandelar".
    func varied(_ sources: [SensitivitySource]) -> String {
        let names = sources.map { source -> String in
            switch source {
            case .weights: text(sv: "vikterna", en: "the weights")
            case .counts: text(sv: "brottsantalen", en: "the crime counts")
            case .shares: text(sv: "enkätandelarna med antal svarande", en: "the survey shares with respondents")
            }
        }
        let joined =
            names.count <= 1
            ? names.joined()
            : names.dropLast().joined(separator: ", ") + text(sv: " och ", en: " and ") + names.last!
        return text(sv: "Varierat: ", en: "Varied: ") + joined
    }

    // MARK: Measure plan

    /// "Measure plan: 5 of 7 candidate measures, value 0.929".
    func planSummary(_ plan: MeasurePlan) -> String {
        let value = number.fixed(plan.totalValue)
        return text(
            sv: "Åtgärdsplan: \(plan.measures.count) av \(plan.candidateCount) möjliga åtgärder, värde \(value)",
            en: "Measure plan: \(plan.measures.count) of \(plan.candidateCount) candidate measures, value \(value)")
    }

    var noMeasureFits: String {
        text(sv: "Ingen åtgärd ryms inom de tillgängliga resurserna.", en: "No measure fits the available resources.")
    }
    var measure: String { text(sv: "Åtgärd", en: "Measure") }
    var value: String { text(sv: "Värde", en: "Value") }
    var forAreas: String { text(sv: "För", en: "For") }
    var cost: String { text(sv: "Kostnad", en: "Cost") }
    var resource: String { text(sv: "Resurs", en: "Resource") }
    var available: String { text(sv: "Tillgängligt", en: "Available") }
    var used: String { text(sv: "Använt", en: "Used") }
    var left: String { text(sv: "Kvar", en: "Left") }

    /// `polis_timmar 120, budget_kr 20 000`.
    func costs(_ costs: [ResourceCost]) -> String {
        list(costs.map { "\($0.resource) \(number.amount($0.amount))" })
    }

    // MARK: What changed

    var nothingChanged: String {
        text(sv: "Inget har ändrats sedan förra bedömningen.", en: "Nothing changed since the previous evaluation.")
    }
    func periodChange(from previous: String, to current: Period) -> String { "Period: \(previous) → \(current)" }
    func enteredSelection(_ ids: [String]) -> String { text(sv: "Nya i urvalet: ", en: "Entered the selection: ") + list(ids) }
    func leftSelection(_ ids: [String]) -> String { text(sv: "Har lämnat urvalet: ", en: "Left the selection: ") + list(ids) }
    func removedArea(wasRank rank: Int) -> String {
        text(sv: "finns inte längre i reglerna (var plats \(rank))", en: "no longer in the rules (was rank \(rank))")
    }
    func newArea(rank: Int) -> String { text(sv: "ny, plats \(rank)", en: "new, rank \(rank)") }

    /// `rank 4 → 2, score +0.040`, with the factor that moved most when known.
    func rankChange(from previous: Int, to rank: Int, scoreDelta: Double?, mostMoved: (factor: Factor, delta: Double)?) -> String {
        var phrase =
            previous == rank
            ? text(sv: "plats \(rank) (oförändrad)", en: "rank \(rank) (unchanged)")
            : text(sv: "plats \(previous) → \(rank)", en: "rank \(previous) → \(rank)")
        phrase += text(sv: ", poäng ", en: ", score ") + number.signed(scoreDelta, 3)
        if let moved = mostMoved {
            phrase += text(sv: ", främst ", en: ", mostly ") + "\(factor(moved.factor)) (\(number.signed(moved.delta, 3)))"
        }
        return phrase
    }

    func planAdds(_ ids: [String]) -> String { text(sv: "Nya åtgärder i planen: ", en: "Plan adds: ") + list(ids) }
    func planDrops(_ ids: [String]) -> String { text(sv: "Åtgärder som utgår ur planen: ", en: "Plan drops: ") + list(ids) }
    func filesAdded(_ paths: [String]) -> String { text(sv: "Nya filer: ", en: "Files added: ") + list(paths) }
    func filesChanged(_ paths: [String]) -> String { text(sv: "Ändrade filer: ", en: "Files changed: ") + list(paths) }
    func filesRemoved(_ paths: [String]) -> String { text(sv: "Borttagna filer: ", en: "Files removed: ") + list(paths) }

    // MARK: Follow-up

    /// A follow-up verdict in a few words.
    func verdict(_ verdict: FollowUp.Verdict) -> String {
        switch verdict {
        case .improving: text(sv: "förbättring", en: "improving")
        case .worsening: text(sv: "försämring", en: "worsening")
        case .noClearChange: text(sv: "ingen tydlig förändring", en: "no clear change")
        case .noDataYet: text(sv: "inga data ännu", en: "no data yet")
        case .noBaseline: text(sv: "ingen jämförelseperiod", en: "no baseline")
        }
    }

    /// One adopted area's follow-up line (without the bullet).
    func followUp(_ f: FollowUp) -> String {
        var line = "\(f.areaName) (\(f.adoption.areaID)), " + text(sv: "antagen från ", en: "adopted from ") + "\(f.adoption.from): "
        switch f.verdict {
        case .noDataYet:
            line += verdict(f.verdict)
        case .noBaseline:
            line += text(sv: "ingen jämförelseperiod före antagandet", en: "no baseline before the adoption to compare with")
        case .improving, .worsening, .noClearChange:
            let since = number.fixed(f.meanSince, 1), before = number.fixed(f.baseline, 1), z = number.signed(f.z)
            line +=
                verdict(f.verdict)
                + text(
                    sv: ": \(since) per period sedan dess, mot \(before) före (z \(z))",
                    en: ": \(since) a period since, against \(before) before (z \(z))")
        }
        if let points = f.concernChangePoints {
            let change = number.signed(points, 0)
            line += text(sv: "; oro \(change) procentenheter", en: "; concern \(change) percentage points")
        }
        if !f.adoption.measures.isEmpty { line += text(sv: "; åtgärder: ", en: "; measures: ") + list(f.adoption.measures) }
        if let note = f.adoption.note { line += "; \(note)" }
        return line
    }

    // MARK: Explanation

    /// "Trafik (trafik) — rank 3 of 10, score 0.6612, selected".
    func headline(_ a: AreaEvaluation, of count: Int) -> String {
        let score = number.fixed(a.score, 4)
        return "\(a.name) (\(a.id)) — "
            + text(
                sv: "plats \(a.rank) av \(count), poäng \(score), " + (a.selected ? "vald" : "inte vald"),
                en: "rank \(a.rank) of \(count), score \(score), " + (a.selected ? "selected" : "not selected"))
    }

    /// Why an area is or is not selected, in parentheses with a leading space; empty when
    /// its rank alone decided.
    func selectionReason(_ reason: SelectionReason, settings: SelectionSettings) -> String {
        switch reason {
        case .ranked: ""
        case .included: text(sv: " (medtagen av en regel)", en: " (included by a rule)")
        case .noEvidence: text(sv: " (utan underlag)", en: " (no evidence)")
        case .excluded: text(sv: " (utesluten av en regel)", en: " (excluded by a rule)")
        case .belowTop:
            text(sv: " (utanför de \(settings.top ?? 0) främsta)", en: " (below the top \(settings.top ?? 0))")
        case .belowMinScore:
            text(sv: " (under lägsta poäng ", en: " (under the minimum score ") + number.fixed(settings.minScore, 2) + ")"
        }
    }

    /// "Kungsör, 2023; weights normalised, missing: renormalise".
    func setting(scope: String, period: Period, missing: MissingPolicy) -> String {
        "\(scope), \(period); " + text(sv: "vikterna normerade, saknade värden: ", en: "weights normalised, missing: ") + missing.rawValue
    }

    var factorColumn: String { text(sv: "Faktor", en: "Factor") }
    var raw: String { text(sv: "Råvärde", en: "Raw") }
    var normalised: String { text(sv: "Normerat", en: "Normalised") }
    var weight: String { text(sv: "Vikt", en: "Weight") }
    var contribution: String { text(sv: "Bidrag", en: "Contribution") }
    var weightedScore: String { text(sv: "viktad poäng", en: "weighted score") }
    /// A factor without a value.
    var missing: String { text(sv: "saknas", en: "missing") }
    /// A missing factor's contribution under `missing: renormalise`.
    var leftOut: String { text(sv: "utelämnad", en: "left out") }

    /// "Crime trend: 87 in 2023 against a baseline of 87.67 (mean of 2020, 2021, 2022); ratio 0.99, z −0.06."
    func trend(_ t: TrendFactor, period: Period) -> String {
        let latest = number.amount(t.latest), baseline = number.fixed(t.baseline, 2)
        let periods = list(t.baselinePeriods.map(\.description))
        let ratio = number.fixed(t.ratio, 2), z = number.signed(t.z)
        return text(
            sv: "Brottsutveckling: \(latest) under \(period) mot jämförelsevärdet \(baseline) (medelvärde för \(periods)); "
                + "kvot \(ratio), z \(z).",
            en: "Crime trend: \(latest) in \(period) against a baseline of \(baseline) (mean of \(periods)); "
                + "ratio \(ratio), z \(z).")
    }

    /// "Counts: 2020: 98, 2021: no data, …".
    func counts(_ series: [PeriodCount]) -> String {
        text(sv: "Antal per period: ", en: "Counts: ")
            + list(series.map { "\($0.period): " + ($0.count.map(String.init) ?? text(sv: "inga data", en: "no data")) })
    }

    func categories(_ categories: [String]) -> String { text(sv: "Brottskategorier: ", en: "Categories: ") + list(categories) }

    /// "Citizen concern (survey 2023): Bilar som körs på ett störande sätt 56%".
    func concern(_ c: ConcernFactor) -> String {
        text(sv: "Medborgarnas oro (enkät \(c.period)): ", en: "Citizen concern (survey \(c.period)): ")
            + list(c.items.map { "\($0.item) \(number.percent($0.share))" })
    }

    func resourcesFixed(_ raw: Double) -> String {
        let value = number.fixed(raw, 2)
        return text(sv: "Resurser: satt till \(value) av reglerna.", en: "Resources: fixed at \(value) by the rules.")
    }

    /// "Staff (survey 2023): Unga som använder narkotika 62%".
    func signal(_ f: SignalFactor, name: String, source: String) -> String {
        "\(name) (\(source) \(f.period)): " + list(f.items.map { "\($0.item) \(number.percent($0.share))" })
    }

    /// "Resources: best fit 1.00 with the measure hastighet (resources of 2023)".
    func resourcesBestFit(_ raw: Double, measure: String, resourcePeriod: Period?) -> String {
        let value = number.fixed(raw, 2)
        let source =
            resourcePeriod.map { text(sv: " (resurser för \($0))", en: " (resources of \($0))") }
            ?? text(sv: " (inga resursdata: allt räknas som 0)", en: " (no resource data: everything counts as 0)")
        return text(
            sv: "Resurser: bästa täckning \(value) med åtgärden \(measure)", en: "Resources: best fit \(value) with the measure \(measure)")
            + source
    }

    var noRuleFired: String { text(sv: "Ingen regel slog till.", en: "No rule fired.") }

    // MARK: Why a rule did not fire (`fokus explain`, `fokus eval-expr`)

    var rulesNotFired: String { text(sv: "Regler som inte slog till", en: "Rules that did not fire") }
    var traceAnd: String { text(sv: "och", en: "and") }
    var traceOr: String { text(sv: "eller", en: "or") }
    var traceNot: String { text(sv: "inte", en: "not") }
    func traceUnder(_ amount: String) -> String { text(sv: "\(amount) under", en: "\(amount) below") }
    func traceOver(_ amount: String) -> String { text(sv: "\(amount) över", en: "\(amount) above") }
    func traceDiffers(_ amount: String) -> String { text(sv: "skiljer \(amount)", en: "off by \(amount)") }
    var traceEqual: String { text(sv: "lika", en: "equal") }
    var traceNoValue: String { text(sv: "värde saknas", en: "no value") }
    var traceDifferent: String { text(sv: "olika", en: "different") }
    func conditionHolds(_ holds: Bool) -> String {
        holds ? text(sv: "uppfyllt", en: "holds") : text(sv: "inte uppfyllt", en: "does not hold")
    }
    var missingHeading: String { text(sv: "Saknas", en: "Missing") }

    func inMeasurePlan(_ measures: [PlannedMeasure]) -> String {
        text(sv: "I åtgärdsplanen: ", en: "In the measure plan: ") + list(measures.map { "\($0.name) (\($0.id))" })
    }

    /// "Data used: crime periods 2019, 2020; survey 2023; resources none".
    func dataUsed(_ periods: DataPeriods) -> String {
        let crime = list(periods.crime.map(\.description))
        let survey = periods.survey?.description ?? text(sv: "ingen", en: "none")
        let resources = periods.resources?.description ?? text(sv: "inga", en: "none")
        return text(
            sv: "Underlag: brottsdata för \(crime); enkät \(survey); resurser \(resources)",
            en: "Data used: crime periods \(crime); survey \(survey); resources \(resources)")
    }
}
