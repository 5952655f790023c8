/// Problems found while evaluating (scores the rules break, a scope without data, measure plans not proven
/// optimal), phrased in each language.
extension DiagnosticText {
    /// What is wrong in an evaluation.
    public enum EvaluationProblem: Sendable, Hashable {
        /// A rule that makes an area's score infinite (`notANumber`: not a number); `before` is the score before it.
        case ruleBreaksScore(rule: String, area: String, notANumber: Bool, before: String)
        /// An area whose score is infinite or not a number, with no rule to blame.
        case scoreNotFinite(area: String, notANumber: Bool)
        /// No crime rows for the scope; `known` are the scopes with crime data, `rejected` the files left out.
        case noCrimeData(scope: String, known: [String], rejected: Int)
        case allWeightsZero
        /// A plan of the best value whose ties were not settled within the search limit.
        case planTiesUnsettled(candidates: Int)
        /// A plan not proven optimal: it could be worth `gap` more (`value` of at most `bound`).
        case planNotProven(candidates: Int, gap: String, value: String, bound: String)
        /// `check`: the catalogue is too large for the proof when `areas` areas are selected.
        case catalogueTooLarge(measures: Int, resources: Int, areas: Int, candidates: Int)

        /// `missing: error` and an area without a value of `factor`.
        case missingValue(area: String, factor: String)
        /// Crime data for `scope` coarser than the evaluated `granularity` (`year`, `quarter`, `month`).
        case coarserData(scope: String, period: String, granularity: String, year: Int)
        /// The data has no crime rows at all.
        case noCrimeRows
        /// The data covers several scopes and none is named; `examples` are the first of them.
        case whichScope(count: Int, examples: [String])
        /// `--compare` names a file that is not a `report.json` (`reason` as JSON decoding words it).
        case notAReport(reason: String)
        /// `--compare` names a report of another schema version.
        case reportSchema(version: Int)

        var english: String {
            switch self {
            case .ruleBreaksScore(let rule, let area, let notANumber, let before):
                return "the rule \"\(rule)\" makes the score of the area \"\(area)\" \(notANumber ? "not a number" : "infinite") "
                    + "(from \(before)); use a smaller `boost` or `scale`"
            case .scoreNotFinite(let area, let notANumber):
                return "the score of the area \"\(area)\" is \(notANumber ? "not a number" : "infinite"); check its weights and rules"
            case .noCrimeData(let scope, let known, let rejected):
                return "no crime data for the scope \"\(scope)\": "
                    + (known.isEmpty
                        ? "the data has no crime rows (counts, events or a statistics export)"
                        : "scopes with crime data: \(known.joined(separator: ", "))")
                    + (rejected > 0 ? "; \(rejected) rejected file(s) were left out" : "")
            case .allWeightsZero: return "all weights are 0: give at least one factor a weight above 0"
            case .missingValue(let area, let factor):
                return "the area \"\(area)\" has no \(factor) value and the rules say `missing: error`; "
                    + "supply the data or choose `missing: renormalise`"
            case .coarserData(let scope, let period, let granularity, let year):
                return "crime data for \(scope) has the period \(period), coarser than the evaluated \(granularity); "
                    + "evaluate a coarser period (e.g. --period \(year)) or supply data by \(granularity)"
            case .noCrimeRows: return "the data has no crime rows, so there is nothing to evaluate"
            case .whichScope(let count, let examples):
                return "the data covers \(count) scopes; name one with `scope:` in the rules or --scope "
                    + "(e.g. \(examples.joined(separator: ", ")))"
            case .notAReport(let reason): return "this is not a report.json from `fokus evaluate --format json` (\(reason))"
            case .reportSchema(let version): return "the report has schema_version \(version); this Fokus reads version 1"
            case .planTiesUnsettled(let candidates):
                return "the measure plan has the best possible value, but among \(candidates) candidate measures the "
                    + "search limit was reached before the tie rules (lower total cost, then ids) were settled; "
                    + "another plan of the same value may cost less"
            case .planNotProven(let candidates, let gap, let value, let bound):
                return "the measure plan is the best found within the search limit, not proven optimal: among \(candidates) "
                    + "candidate measures a better plan could be worth at most \(gap) more (\(value) of at most \(bound)); "
                    + "fewer candidates make the proof fast"
            case .catalogueTooLarge(let measures, let resources, let areas, let candidates):
                return "the catalogue of \(measures) measures over \(resources) resources is beyond "
                    + "what Fokus proves optimal in an evaluation when \(areas) areas with "
                    + "\(candidates) measures between them are selected: the measure plan may be the best "
                    + "found, not the best possible (an evaluation says so and gives the gap); fewer candidate "
                    + "measures make the proof fast"
            }
        }

        /// Why a file is not a report, in Swedish.
        static func swedishJSONReason(_ reason: String) -> String {
            if reason == "not valid JSON" { return "ogiltig JSON" }
            if reason.hasPrefix("missing ") { return "saknar " + reason.dropFirst("missing ".count) }
            if reason.hasPrefix("unexpected value at ") { return "oväntat värde i " + reason.dropFirst("unexpected value at ".count) }
            return reason
        }

        var swedish: String {
            switch self {
            case .ruleBreaksScore(let rule, let area, let notANumber, let before):
                return "regeln ”\(rule)” gör poängen för området ”\(area)” \(notANumber ? "till inget tal" : "oändlig") "
                    + "(från \(before)); använd en mindre `boost` eller `scale`"
            case .scoreNotFinite(let area, let notANumber):
                return "poängen för området ”\(area)” är \(notANumber ? "inget tal" : "oändlig"); kontrollera dess vikter och regler"
            case .noCrimeData(let scope, let known, let rejected):
                return "inga brottsdata för ”\(scope)”: "
                    + (known.isEmpty
                        ? "data har inga brottsrader (antal, händelser eller en statistikexport)"
                        : "kommuner och polisområden med brottsdata: \(known.joined(separator: ", "))")
                    + (rejected > 0 ? "; \(rejected) avvisade filer lämnades utanför" : "")
            case .allWeightsZero: return "alla vikter är 0: ge minst en faktor en vikt över 0"
            case .missingValue(let area, let factor):
                return "området ”\(area)” saknar värde för \(factor) och reglerna säger `missing: error`; "
                    + "lägg till underlaget eller välj `missing: renormalise`"
            case .coarserData(let scope, let period, let granularity, let year):
                let unit = ["year": "år", "quarter": "kvartal", "month": "månad"][granularity] ?? granularity
                return "brottsdata för \(scope) har perioden \(period), grövre än den utvärderade perioden (\(unit)); "
                    + "utvärdera en grövre period (till exempel --period \(year)) eller lägg till data per \(unit)"
            case .noCrimeRows: return "data har inga brottsrader, så det finns inget att utvärdera"
            case .whichScope(let count, let examples):
                return "data täcker \(count) kommuner eller polisområden; ange en med `scope:` i reglerna eller med --scope "
                    + "(till exempel \(examples.joined(separator: ", ")))"
            case .notAReport(let reason):
                return "det här är ingen report.json från `fokus evaluate --format json` (\(Self.swedishJSONReason(reason)))"
            case .reportSchema(let version): return "rapporten har schema_version \(version); den här versionen av Fokus läser version 1"
            case .planTiesUnsettled(let candidates):
                return "åtgärdsplanen har bästa möjliga värde, men bland \(candidates) möjliga åtgärder nåddes sökgränsen "
                    + "innan oavgjorda fall (lägre total kostnad, sedan id) var avgjorda; en annan plan med samma värde kan kosta mindre"
            case .planNotProven(let candidates, let gap, let value, let bound):
                return "åtgärdsplanen är den bästa som hittades inom sökgränsen, inte bevisat optimal: bland \(candidates) "
                    + "möjliga åtgärder kan en bättre plan vara värd högst \(gap) mer (\(value) av högst \(bound)); "
                    + "färre möjliga åtgärder gör beviset snabbt"
            case .catalogueTooLarge(let measures, let resources, let areas, let candidates):
                return "katalogen med \(measures) åtgärder och \(resources) resurser är större än vad Fokus bevisar optimalt "
                    + "i en utvärdering när \(areas) områden med \(candidates) åtgärder mellan sig väljs: åtgärdsplanen kan "
                    + "vara den bästa som hittades, inte den bästa möjliga (utvärderingen säger det och anger skillnaden); "
                    + "färre möjliga åtgärder gör beviset snabbt"
            }
        }
    }
}
