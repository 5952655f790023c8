/// A diagnostic's message as an id with its figures, so that every language can phrase it.
///
/// A ``Diagnostic`` keeps its English ``Diagnostic/message`` (what `description`, the tests and
/// `report.json` read); one that also carries a `DiagnosticText` is shown in the reader's language
/// by ``Diagnostic/rendered(in:)``. Each case is phrased once per language in
/// ``DiagnosticText/message(in:)``: a switch over every case and every language, so a missing
/// translation does not compile. The cases of one concern are grouped in an enum of their own, in a
/// file of their own: ``ExpressionProblem`` (`+Expression`), ``YAMLProblem`` (`+YAML`),
/// ``RuleFileProblem`` (`+RuleFiles`), ``DataRowReason`` (`+DataRows`), ``DataFileProblem``
/// (`+DataFiles`), ``RuleTestProblem`` (`+RuleTests`) and ``EvaluationProblem`` (`+Evaluation`).
/// A diagnostic built from a plain string (by an embedder) is shown as written.
public enum DiagnosticText: Sendable, Hashable {
    /// Rows with an empty count or share, skipped.
    case emptyValuesSkipped(rows: Int, column: String, firstLine: Int)
    /// Preliminary years in a statistics export.
    case preliminaryFigures(years: [String])
    /// Footnotes after the table, passed over.
    case footnotePassedOver(text: String, more: Int)
    /// A folder that cannot be listed.
    case folderSkipped(reason: String)
    /// A file of an extension Fokus does not read.
    case unsupportedExtension
    /// A header that matches no kind of data file.
    case unknownHeader(columns: [String], expectation: String)
    /// An empty file.
    case emptyFile
    /// A rejected file left out with `--keep-going`, with its first error in English and in Swedish.
    case fileNotUsed(firstError: String?, firstErrorSwedish: String?, errors: Int)
    /// Events repeating ids already read.
    case repeatedEventIDs(count: Int)
    /// A key a mapping does not allow, in `place` (`an area`, `` `trend` ``), with a hint.
    case unknownKey(key: String, place: String, hint: UnknownKeyHint)

    /// A value in a rule or test file that is not what its key takes; `name` is how the message
    /// names it (`` `effect` ``, `each item of `categories``).
    case value(name: String, problem: ValueProblem)

    /// `check --data`: none of an area's categories occurs in the data.
    case noCrimeDataForArea(area: String, categories: [String])
    /// `check --data`: no survey file asks an area's item.
    case surveyItemNotFound(item: String, area: String)
    /// `check --data`: no rows with a signal's source; the sources there are, and the closest.
    case signalSourceNotFound(source: String, signal: String, known: [String], suggestion: String?)
    /// `check --data`: no row of a signal's source names an item an area lists for it.
    case signalItemNotFound(source: String, item: String, area: String, signal: String)
    /// `check --data`: a measure costs more than any scope has.
    case unaffordableMeasure(measure: String, costs: String)
    /// A rule test names an area or measure that does not exist.
    case unknownID(kind: IDKind, id: String, suggestion: String?)

    /// An id used twice; `earlier` is the first place, `sameFile` whether it is in the same file.
    case duplicateID(kind: String, id: String, earlier: SourceLocation, sameFile: Bool)
    /// A measure addressing an area that does not exist; the closest id, or the ids when few.
    case unknownAddress(measure: String, id: String, suggestion: String?, areas: [String])
    /// An area whose weights after its overrides are all 0.
    case areaWeighsNothing(area: String)
    /// A data cell that cannot be read, on `rows` rows (the first `lines` named; more when `rows` exceeds them).
    case dataRow(DataRowReason, rows: Int, lines: [Int])
    /// "… and N more errors" after the errors listed.
    case moreErrors(Int)
    /// Weights that do not sum to 1, with the shares Fokus uses instead.
    case weightsNormalised(sum: String, shares: [String], factors: [String])
    /// A signal that weighs 0 everywhere.
    case signalWeighsNothing(signal: String)
    /// A mistake in a `signals:` declaration or in an area's `signals:` (SPEC 4.3).
    case signal(SignalProblem)
    /// A value of `sensitivity.vary` that is not weights, counts or shares; or an empty list.
    case varyValue(written: String?, suggestion: String?)

    /// A mistake in a condition, with where it was written (a rule's `when:`, the command line).
    case expression(ExpressionProblem, place: ExpressionPlace)
    /// A YAML syntax or structure mistake.
    case yaml(YAMLProblem)
    /// A mistake in a rule file beyond its values' kinds (see ``RuleFileProblem``).
    case ruleFile(RuleFileProblem)
    /// A data file that cannot be read, or one of its values (see ``DataFileProblem``).
    case dataFile(DataFileProblem)
    /// A mistake in a rule-test file, or a test that cannot run (see ``RuleTestProblem``).
    case ruleTest(RuleTestProblem)
    /// A problem found while evaluating (see ``EvaluationProblem``).
    case evaluation(EvaluationProblem)

    /// What is wrong with a signal.
    public enum SignalProblem: Sendable, Hashable {
        /// An id that is not lower-case letters, digits and `_` starting with a letter.
        case badID(id: String, suggestion: String)
        /// A built-in name used as a signal id.
        case builtInName(id: String)
        /// A declaration without `source`.
        case noSource(id: String)
        /// `source: survey`, the source of rows without a source column.
        case surveySource(source: String)
        /// An area's `signals` that is not a mapping.
        case areaSignalsNotAMapping(area: String, found: String)
        /// An area naming a signal that is not declared; the closest id, or the declared ids.
        case unknownInArea(signal: String, area: String, suggestion: String?, declared: [String])
    }
    /// A rule test's expectation that does not hold.
    case expectationFailed(ExpectationFailure)

    /// What differs from a rule test's expectation.
    public enum ExpectationFailure: Sendable, Hashable {
        case top(expected: [String], actual: [String])
        case rank(id: String, expected: Int, actual: Int?)
        case selected(expected: [String], actual: [String])
        case notSelected(selected: [String])
        case noSuchArea(String)
        case score(id: String, expected: Double, tolerance: Double, actual: Double)
        case measuresInclude(missing: [String], plan: [String])
        case warningsInclude(missing: [String])
    }

    /// What an id names.
    public enum IDKind: String, Sendable, Hashable { case area, measure }

    /// What is wrong with a value.
    public enum ValueProblem: Sendable, Hashable {
        /// Another kind of value, with what was written when it helps.
        case wrongKind(expected: ValueKind, found: ValueKind, written: String?)
        /// Nothing written.
        case empty(expected: ValueKind)
        /// A decimal comma: `0,4` for `0.4`.
        case decimalComma(expected: ValueKind, fixed: String, written: String)
        /// A number in quotes.
        case quotedNumber(expected: ValueKind, written: String)
        /// A number with decimals where a whole number is needed.
        case notWhole(written: String)
        /// `yes`, `ja` and the like for true or false.
        case notBoolean(written: String)
        /// Another kind of value (or a quoted word) for true or false.
        case booleanWrongKind(found: ValueKind)
        /// Not a list; `scalar` is the single value written, if any.
        case notAList(found: ValueKind, scalar: String?)
        /// Not one of the allowed words; `written` is the word, or `nil` when not a word at all.
        case notOneOf(options: [String], found: ValueKind, written: String?, suggestion: String?)
    }

    /// Kinds of values, as messages name them.
    public enum ValueKind: String, Sendable, Hashable {
        case number = "a number", wholeNumber = "a whole number", text, list = "a list", mapping = "a mapping", empty
        case trueOrFalse = "true/false", value = "a value"

        var swedish: String {
            switch self {
            case .number: "ett tal"
            case .wholeNumber: "ett heltal"
            case .text: "text"
            case .list: "en lista"
            case .mapping: "en mappning (nycklar med värden)"
            case .empty: "tomt"
            case .trueOrFalse: "true/false"
            case .value: "ett värde"
            }
        }
    }

    /// What an unknown-key message suggests.
    public enum UnknownKeyHint: Sendable, Hashable {
        /// `<<`: merge keys are not supported.
        case mergeKey
        /// A nested key written at the top level: it belongs inside this key.
        case belongsInside(String)
        /// The closest allowed key.
        case didYouMean(String)
        /// Every allowed key.
        case allowed([String])
    }

    /// The message in `language`.
    public func message(in language: ReportLanguage) -> String {
        switch language {
        case .sv: Self.swedishAbbreviations(swedish)
        case .en: english
        }
    }

    /// A value shortened in a message (`zzz… (20000 characters)`, see `DataValues.abbreviated`) counts its
    /// characters in Swedish: `zzz… (20000 tecken)`.
    static func swedishAbbreviations(_ message: String) -> String {
        guard message.contains(" characters)") else { return message }
        return message.replacing(#/… \((\d+) characters\)/#) { "… (\($0.output.1) tecken)" }
    }

    private var swedish: String {
        switch self {
        case .expression(let problem, let place):
            return (place == .when ? "i `when`: " : "i villkoret: ") + problem.message(in: .sv)
        case .yaml(let problem): return problem.message(in: .sv)
        case .ruleFile(let problem): return problem.message(in: .sv)
        case .dataFile(let problem): return problem.message(in: .sv)
        case .ruleTest(let problem): return problem.message(in: .sv)
        case .evaluation(let problem): return problem.message(in: .sv)
        case .emptyValuesSkipped(let rows, let column, let line):
            let subject = rows == 1 ? "1 rad har" : "\(rows) rader har"
            return "\(subject) tomt värde i \(column) och hoppades över (den första på rad \(line)); skriv 0 där värdet är noll"
        case .preliminaryFigures(let years):
            return "siffrorna för \(joined(years, and: "och")) är preliminära (märkta prel.); de används och kan ändras"
        case .footnotePassedOver(let text, let more):
            return "fotnot efter tabellen hoppades över: ”\(text)”" + (more > 0 ? " och \(more) till" : "")
        case .folderSkipped(let reason):
            return "mappen hoppades över: den kan inte listas (\(reason))"
        case .unsupportedExtension:
            return "hoppades över: Fokus läser datafiler som slutar på .csv, .tsv, .txt, .json, .yaml och .yml"
        case .unknownHeader(let columns, let expectation):
            let seen = columns.map { "”\($0)”" }.joined(separator: ", ")
            return "hoppades över: rubrikraden (\(seen)) passar ingen sorts datafil; Fokus väntar sig \(expectation)"
        case .emptyFile:
            return "hoppades över: filen är tom"
        case .fileNotUsed(_, let first, let errors):
            guard let first else { return "filen användes inte: den kunde inte läsas" }
            return "filen användes inte: " + first + (errors > 1 ? " (det första av \(errors) fel)" : "")
        case .repeatedEventIDs(let count):
            let subject = count == 1 ? "1 händelse har ett id" : "\(count) händelser har id"
            return "\(subject) som redan lästs; var och en räknas en gång"
        case .value(let name, let problem):
            return Self.swedish(name: Self.swedishPlace(name), problem)
        case .noCrimeDataForArea(let area, let categories):
            return "inga brottsdata hör till området ”\(area)”: ingen av dess kategorier (\(categories.joined(separator: ", "))) "
                + "finns i datafilerna; kontrollera stavningen"
        case .surveyItemNotFound(let item, let area):
            return "ingen enkätfil innehåller frågan ”\(item)” i området ”\(area)”"
        case .signalSourceNotFound(let source, let signal, let known, let suggestion):
            return "ingen datafil har rader med källan ”\(source)” för signalen ”\(signal)”"
                + (known.isEmpty
                    ? "; lägg till en enkätliknande fil med kolumnen `källa`"
                    : "; källorna i datafilerna är " + known.map { "”\($0)”" }.joined(separator: ", ")
                        + (suggestion.map { "; menade du ”\($0)”?" } ?? ""))
        case .signalItemNotFound(let source, let item, let area, let signal):
            return "ingen rad med källan ”\(source)” tar upp frågan ”\(item)” som området ”\(area)” anger för signalen ”\(signal)”"
        case .unaffordableMeasure(let measure, let costs):
            return "ingen har råd med åtgärden ”\(measure)” (\(costs)) med resurserna i datafilerna; den kommer aldrig med i en plan"
        case .moreErrors(let count):
            return "… och \(count) fel till"
        case .dataRow(let reason, let rows, let lines):
            guard rows > 1 else { return reason.message(in: .sv) }
            return reason.message(in: .sv) + " (\(rows) rader som den här, på rad "
                + lines.map(String.init).joined(separator: ", ") + (rows > lines.count ? ", …)" : ")")
        case .duplicateID(let kind, let id, let earlier, let sameFile):
            let noun = ["area": "området", "measure": "åtgärden", "rule": "regeln", "signal": "signalen"][kind] ?? kind
            let indefinite =
                ["area": "varje område", "measure": "varje åtgärd", "rule": "varje regel", "signal": "varje signal"][kind]
                ?? kind
            return "id:t ”\(id)” används redan av \(noun) på \(Self.place(earlier, sameFile: sameFile, language: .sv)); "
                + "ge \(indefinite) ett eget id"
        case .unknownAddress(let measure, let id, let suggestion, let areas):
            return "åtgärden ”\(measure)” gäller ”\(id)”, men inget område har det id:t"
                + (suggestion.map { "; menade du ”\($0)”?" }
                    ?? (areas.isEmpty ? "" : "; områdena är " + areas.map { "”\($0)”" }.joined(separator: ", ")))
        case .areaWeighsNothing(let area):
            return "med de här vikterna väger varje faktor i området ”\(area)” 0; ge minst en faktor en vikt över 0"
        case .weightsNormalised(let sum, let shares, let factors):
            return "vikterna summerar till \(sum); Fokus skalar om dem till " + shares.joined(separator: " / ")
                + " (" + factors.joined(separator: " / ") + ")"
        case .signalWeighsNothing(let signal):
            return "signalen ”\(signal)” väger 0 överallt och ändrar därför ingen poäng; ge den en vikt, "
                + "till exempel `weights: {…, \(signal): 0.2}`, eller ta bort den"
        case .signal(let problem):
            switch problem {
            case .badID(let id, let suggestion):
                return "signal-id:t ”\(id)” får bara innehålla små bokstäver a–z, siffror och ”_” och måste börja med "
                    + "en bokstav; pröva ”\(suggestion)”"
            case .builtInName(let id):
                return "”\(id)” är ett inbyggt namn och kan inte vara ett signal-id; välj ett annat, till exempel ”\(id)_signal”"
            case .noSource(let id):
                return "signalen ”\(id)” har ingen `source`; skriv värdet i datafilernas källkolumn för de rader som "
                    + "ska ingå, till exempel `source: Medarbetarenkät`"
            case .surveySource(let source):
                return "`source: \(source)` är källan för rader utan källkolumn, som ingår i citizen_concern; ge signalen "
                    + "den källa som dess rader har, till exempel `Medarbetarenkät`"
            case .areaSignalsNotAMapping(let area, let found):
                return "`signals` i \(Self.swedishPlace(area)) ska vara en mappning från signal-id till frågor, till exempel "
                    + "`signals: {medarbetare: [Unga som använder narkotika]}`, inte \(found)"
            case .unknownInArea(let signal, let area, let suggestion, let declared):
                return "okänd signal ”\(signal)” i `signals` för \(Self.swedishPlace(area))"
                    + (suggestion.map { "; menade du ”\($0)”?" }
                        ?? (declared.isEmpty
                            ? "; deklarera den först i en lista `signals:` på översta nivån, med `id`, `name` och `source`"
                            : "; de deklarerade signalerna är " + declared.map { "”\($0)”" }.joined(separator: ", ")))
            }
        case .varyValue(let written, let suggestion):
            guard let written else {
                return "`vary` är tom; lista minst en av weights, counts och shares, eller sätt `samples: 0`"
            }
            return "`vary` listar vad varje försök drar på nytt: weights, counts, shares; inte ”\(written)”"
                + (suggestion.map { "; menade du ”\($0)”?" } ?? "")
        case .expectationFailed(let failure):
            let list = { (ids: [String]) in "[" + ids.joined(separator: ", ") + "]" }
            switch failure {
            case .top(let expected, let actual): return "väntade topp \(list(expected)), fick \(list(actual))"
            case .rank(let id, let expected, let actual):
                return "väntade \(id) på plats \(expected), fick " + (actual.map { "plats \($0)" } ?? "ingen plats")
            case .selected(let expected, let actual): return "väntade valda \(list(expected)), fick \(list(actual))"
            case .notSelected(let selected): return "väntade inte valda, men valda: \(list(selected))"
            case .noSuchArea(let id): return "inget område \(id) i rangordningen"
            case .score(let id, let expected, let tolerance, let actual):
                return "väntade poängen för \(id) \(expected) ± \(tolerance), fick \(actual)"
            case .measuresInclude(let missing, let plan): return "väntade att planen tar med \(list(missing)); planen är \(list(plan))"
            case .warningsInclude(let missing):
                return "väntade en varning som innehåller " + missing.map { "”\($0)”" }.joined(separator: ", ")
            }
        case .unknownID(let kind, let id, let suggestion):
            return (kind == .area ? "inget område har id:t ”\(id)”" : "ingen åtgärd har id:t ”\(id)”")
                + (suggestion.map { "; menade du ”\($0)”?" } ?? "")
        case .unknownKey(let key, let place, let hint):
            let message = "okänd nyckel \"\(key)\" i \(Self.swedishPlace(place))"
            switch hint {
            case .mergeKey: return message + "; YAML:s sammanslagningsnycklar stöds inte här, så skriv ut nycklarna"
            case .belongsInside(let home): return message + "; `\(key)` hör hemma under `\(home):`"
            case .didYouMean(let match): return message + "; menade du \"\(match)\"?"
            case .allowed(let keys): return message + "; nycklarna som får stå här är " + keys.map { "\"\($0)\"" }.joined(separator: ", ")
            }
        }
    }

    private var english: String {
        switch self {
        case .expression(let problem, let place):
            return (place == .when ? "in `when`: " : "in the condition: ") + problem.message(in: .en)
        case .yaml(let problem): return problem.message(in: .en)
        case .ruleFile(let problem): return problem.message(in: .en)
        case .dataFile(let problem): return problem.message(in: .en)
        case .ruleTest(let problem): return problem.message(in: .en)
        case .evaluation(let problem): return problem.message(in: .en)
        case .emptyValuesSkipped(let rows, let column, let line):
            let subject = rows == 1 ? "1 row has" : "\(rows) rows have"
            return "\(subject) an empty \(column) and \(rows == 1 ? "was" : "were") skipped as no value "
                + "(the first on line \(line)); write 0 where the value is zero"
        case .preliminaryFigures(let years):
            return "the figures for \(joined(years, and: "and")) are preliminary (marked prel.); they are used and may still change"
        case .footnotePassedOver(let text, let more):
            return "footnote after the table passed over: \"\(text)\"" + (more > 0 ? " and \(more) more" : "")
        case .folderSkipped(let reason):
            return "folder skipped: it cannot be listed (\(reason))"
        case .unsupportedExtension:
            return "skipped: Fokus reads .csv, .tsv, .txt, .json, .yaml and .yml data files"
        case .unknownHeader(let columns, let expectation):
            let seen = columns.map { "\"\($0)\"" }.joined(separator: ", ")
            return "skipped: its header (\(seen)) matches no kind of data file; Fokus expects \(expectation)"
        case .emptyFile:
            return "skipped: the file is empty"
        case .fileNotUsed(let first, _, let errors):
            guard let first else { return "the file was not used: it could not be read" }
            return "the file was not used: " + first + (errors > 1 ? " (the first of \(errors) errors)" : "")
        case .repeatedEventIDs(let count):
            let subject = count == 1 ? "1 event repeats an id" : "\(count) events repeat ids"
            return "\(subject) already read; each counted once"
        case .value(let name, let problem):
            return Self.english(name: name, problem)
        case .noCrimeDataForArea(let area, let categories):
            return "no crime data matched the area \"\(area)\": none of its categories ("
                + categories.joined(separator: ", ") + ") occurs in the data; check the spelling"
        case .surveyItemNotFound(let item, let area):
            return "no survey file contains the item \"\(item)\" of the area \"\(area)\""
        case .signalSourceNotFound(let source, let signal, let known, let suggestion):
            return "no data file has rows with the source \"\(source)\" of the signal \"\(signal)\""
                + (known.isEmpty
                    ? "; add a survey-shaped file with a `källa` (source) column"
                    : "; the sources in the data are " + known.map { "\"\($0)\"" }.joined(separator: ", ")
                        + (suggestion.map { "; did you mean \"\($0)\"?" } ?? ""))
        case .signalItemNotFound(let source, let item, let area, let signal):
            return "no row with the source \"\(source)\" names the item \"\(item)\" that the area "
                + "\"\(area)\" lists for the signal \"\(signal)\""
        case .unaffordableMeasure(let measure, let costs):
            return "nobody can afford the measure \"\(measure)\" (\(costs)) with the resources in the data; "
                + "it will never be in a plan"
        case .moreErrors(let count):
            return "… and \(count) more \(count == 1 ? "error" : "errors")"
        case .dataRow(let reason, let rows, let lines):
            guard rows > 1 else { return reason.message(in: .en) }
            return reason.message(in: .en) + " (\(rows) rows like this, on lines "
                + lines.map(String.init).joined(separator: ", ") + (rows > lines.count ? ", …)" : ")")
        case .duplicateID(let kind, let id, let earlier, let sameFile):
            return "the \(kind) id \"\(id)\" is already used by the \(kind) at "
                + "\(Self.place(earlier, sameFile: sameFile, language: .en)); give each \(kind) its own id"
        case .unknownAddress(let measure, let id, let suggestion, let areas):
            return "measure \"\(measure)\" addresses \"\(id)\", but no area has that id"
                + (suggestion.map { "; did you mean \"\($0)\"?" }
                    ?? (areas.isEmpty ? "" : "; the areas are " + areas.map { "\"\($0)\"" }.joined(separator: ", ")))
        case .areaWeighsNothing(let area):
            return "with these weights every factor of area \"\(area)\" weighs 0; give at least one factor a weight above 0"
        case .weightsNormalised(let sum, let shares, let factors):
            return "weights sum to \(sum); Fokus normalises them to " + shares.joined(separator: " / ") + " ("
                + factors.joined(separator: " / ") + ")"
        case .signalWeighsNothing(let signal):
            return "the signal \"\(signal)\" weighs 0 everywhere, so it changes no score; give it a weight, "
                + "such as `weights: {…, \(signal): 0.2}`, or remove it"
        case .signal(let problem):
            switch problem {
            case .badID(let id, let suggestion):
                return "the signal id \"\(id)\" may hold only lower-case letters a–z, digits and \"_\", starting with a "
                    + "letter; try \"\(suggestion)\""
            case .builtInName(let id):
                return "\"\(id)\" is a built-in name and cannot be a signal id; choose another, such as \"\(id)_signal\""
            case .noSource(let id):
                return "signal \"\(id)\" has no `source`; name the value of the data's source column whose rows feed it, "
                    + "such as `source: Medarbetarenkät`"
            case .surveySource(let source):
                return "`source: \(source)` is the source of rows without a source column, which feed citizen_concern; "
                    + "give the signal the source its rows carry, such as `Medarbetarenkät`"
            case .areaSignalsNotAMapping(let area, let found):
                return "`signals` of \(area) must be a mapping from signal ids to their items, such as "
                    + "`signals: {medarbetare: [Unga som använder narkotika]}`, not \(found)"
            case .unknownInArea(let signal, let area, let suggestion, let declared):
                return "unknown signal \"\(signal)\" in `signals` of \(area)"
                    + (suggestion.map { "; did you mean \"\($0)\"?" }
                        ?? (declared.isEmpty
                            ? "; declare it first in a top-level `signals:` list, with its `id`, `name` and `source`"
                            : "; the declared signals are " + declared.map { "\"\($0)\"" }.joined(separator: ", ")))
            }
        case .varyValue(let written, let suggestion):
            guard let written else {
                return "`vary` is empty; list at least one of weights, counts and shares, or set `samples: 0`"
            }
            return "`vary` lists what each sample draws anew: weights, counts, shares; not \"\(written)\""
                + (suggestion.map { "; did you mean \"\($0)\"?" } ?? "")
        case .expectationFailed(let failure):
            let list = { (ids: [String]) in "[" + ids.joined(separator: ", ") + "]" }
            switch failure {
            case .top(let expected, let actual): return "expected top \(list(expected)), got \(list(actual))"
            case .rank(let id, let expected, let actual):
                return "expected \(id) at rank \(expected), got rank \(actual.map(String.init) ?? "none")"
            case .selected(let expected, let actual): return "expected selected \(list(expected)), got \(list(actual))"
            case .notSelected(let selected): return "expected not selected, but selected: \(list(selected))"
            case .noSuchArea(let id): return "no area \(id) in the ranking"
            case .score(let id, let expected, let tolerance, let actual):
                return "expected the score of \(id) to be \(expected) ± \(tolerance), got \(actual)"
            case .measuresInclude(let missing, let plan): return "expected the plan to include \(list(missing)); the plan is \(list(plan))"
            case .warningsInclude(let missing):
                return "expected a warning containing " + missing.map { "\"\($0)\"" }.joined(separator: ", ")
            }
        case .unknownID(let kind, let id, let suggestion):
            return "no \(kind.rawValue) has the id \"\(id)\"" + (suggestion.map { "; did you mean \"\($0)\"?" } ?? "")
        case .unknownKey(let key, let place, let hint):
            let message = "unknown key \"\(key)\" in \(place)"
            switch hint {
            case .mergeKey: return message + "; YAML merge keys are not supported here, so write the keys out"
            case .belongsInside(let home): return message + "; `\(key)` belongs inside `\(home):`"
            case .didYouMean(let match): return message + "; did you mean \"\(match)\"?"
            case .allowed(let keys): return message + "; the keys allowed here are " + keys.map { "\"\($0)\"" }.joined(separator: ", ")
            }
        }
    }

    private static func english(name: String, _ problem: ValueProblem) -> String {
        switch problem {
        case .wrongKind(let expected, let found, let written):
            return "\(name) must be \(expected.rawValue), not \(found.rawValue)" + (written.map { " (\"\($0)\")" } ?? "")
        case .empty(let expected):
            return "\(name) needs \(expected.rawValue), but it is empty"
        case .decimalComma(let expected, let fixed, let written):
            return "\(name) must be \(expected.rawValue): write \(fixed) with a decimal point, not \(written)"
        case .quotedNumber(let expected, let written):
            return "\(name) must be \(expected.rawValue), not text: remove the quotes around \"\(written)\""
        case .notWhole(let written):
            return "\(name) must be a whole number, not \(written)"
        case .notBoolean(let written):
            return "\(name) must be true or false, not \(written)"
        case .booleanWrongKind(let found):
            return "\(name) must be true or false (without quotes), not \(found.rawValue)"
        case .notAList(let found, let scalar):
            return "\(name) must be a list, not \(found.rawValue)"
                + (scalar.map { "; write it as [\($0)], or as lines starting with \"- \"" } ?? "")
        case .notOneOf(let options, let found, let written, let suggestion):
            return "\(name) must be one of \(options.joined(separator: ", ")), not "
                + (written.map { "\"\($0)\"" } ?? found.rawValue) + (suggestion.map { "; did you mean \"\($0)\"?" } ?? "")
        }
    }

    private static func swedish(name: String, _ problem: ValueProblem) -> String {
        switch problem {
        case .wrongKind(let expected, let found, let written):
            return "\(name) ska vara \(expected.swedish), inte \(found.swedish)" + (written.map { " (”\($0)”)" } ?? "")
        case .empty(let expected):
            return "\(name) behöver \(expected.swedish), men är tomt"
        case .decimalComma(let expected, let fixed, let written):
            return "\(name) ska vara \(expected.swedish): skriv \(fixed) med decimalpunkt, inte \(written)"
        case .quotedNumber(let expected, let written):
            return "\(name) ska vara \(expected.swedish), inte text: ta bort citattecknen runt ”\(written)”"
        case .notWhole(let written):
            return "\(name) ska vara ett heltal, inte \(written)"
        case .notBoolean(let written):
            return "\(name) ska vara true eller false, inte \(written)"
        case .booleanWrongKind(let found):
            return "\(name) ska vara true eller false (utan citattecken), inte \(found.swedish)"
        case .notAList(let found, let scalar):
            return "\(name) ska vara en lista, inte \(found.swedish)"
                + (scalar.map { "; skriv [\($0)], eller rader som börjar med ”- ”" } ?? "")
        case .notOneOf(let options, let found, let written, let suggestion):
            return "\(name) ska vara något av \(options.joined(separator: ", ")), inte "
                + (written.map { "”\($0)”" } ?? found.swedish) + (suggestion.map { "; menade du ”\($0)”?" } ?? "")
        }
    }

    /// Another place: `line 3, column 5` (`rad 3, kolumn 5`) in the same file, else `file:3:5`.
    static func place(_ location: SourceLocation, sameFile: Bool, language: ReportLanguage) -> String {
        guard sameFile, let line = location.line else { return location.description }
        let (lineWord, columnWord) = language == .sv ? ("rad", "kolumn") : ("line", "column")
        return "\(lineWord) \(line)" + (location.column.map { ", \(columnWord) \($0)" } ?? "")
    }

    /// The places messages name, in Swedish (a place not listed, such as `` `trend` ``, stays as written).
    static func swedishPlace(_ place: String) -> String {
        let places = [
            "an area": "ett område", "a measure": "en åtgärd", "a rule": "en regel", "a signal": "en signal",
            "the rule file": "regelfilen", "a test": "ett test", "the test file": "testfilen", "an area id": "ett områdes id",
            "the configuration": "konfigurationen", "this area": "det här området", "this measure": "den här åtgärden",
            "this rule": "den här regeln", "this signal": "den här signalen", "this test": "det här testet",
            "the previous report": "den förra rapporten",
        ]
        if let swedish = places[place] { return swedish }
        if place.hasPrefix("each item of ") { return "varje del av " + swedishPlace(String(place.dropFirst("each item of ".count))) }
        for (english, swedish) in [("area ", "området "), ("measure ", "åtgärden "), ("rule ", "regeln "), ("signal ", "signalen ")]
        where place.hasPrefix(english) {
            return swedish + place.dropFirst(english.count)
        }
        if place.hasPrefix("`then` of ") { return "`then` i " + place.dropFirst("`then` of ".count) }
        if place.hasPrefix("the cost of ") { return "kostnaden för " + place.dropFirst("the cost of ".count) }
        if place.hasPrefix("a resource name in ") { return "ett resursnamn i " + place.dropFirst("a resource name in ".count) }
        let ids = [
            "the area `id`": "områdets `id`", "the measure `id`": "åtgärdens `id`", "the rule `id`": "regelns `id`",
            "the signal `id`": "signalens `id`",
        ]
        if let id = ids[place] { return id }
        if place.hasPrefix("the weights of ") { return "vikterna för " + swedishPlace(String(place.dropFirst("the weights of ".count))) }
        if place.hasPrefix("the items of ") { return "frågorna för " + place.dropFirst("the items of ".count) }
        if place.hasPrefix("the rank of ") { return "platsen för " + place.dropFirst("the rank of ".count) }
        if place.hasPrefix("the weight ") { return "vikten " + place.dropFirst("the weight ".count) }
        if place.hasPrefix("the score of ") { return "poängen för " + place.dropFirst("the score of ".count) }
        return place
    }

    private func joined(_ items: [String], and word: String) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " \(word) " + items.last!
    }
}

extension Diagnostic {
    /// An error whose message has an id: its English message is `text`'s English phrasing.
    public static func error(
        _ text: DiagnosticText, at location: SourceLocation? = nil, field: String? = nil, related: SourceLocation? = nil,
        relatedNote: String = "first written here"
    ) -> Diagnostic {
        var diagnostic = Diagnostic.error(text.message(in: .en), at: location, field: field, related: related, relatedNote: relatedNote)
        diagnostic.text = text
        return diagnostic
    }

    /// What a related place's note says, in `language`.
    public static func relatedNote(_ note: String, in language: ReportLanguage) -> String {
        guard language == .sv else { return note }
        switch note {
        case "first written here": return "skrivet första gången här"
        case "it starts here": return "det börjar här"
        default:
            // libyaml's context ("a quoted scalar starts here", see `LibYAMLEventReader.startNote`).
            guard note.hasSuffix(" starts here"),
                let what = DiagnosticText.YAMLProblem.swedishContexts["while scanning " + note.dropLast(" starts here".count)]
                    ?? DiagnosticText.YAMLProblem.swedishContexts["while parsing " + note.dropLast(" starts here".count)]
            else { return note }
            return "här börjar det (" + what.dropFirst(2) + ")"
        }
    }

    /// "4 fel" / "4 errors", with how many are listed when not all are; `nil` for one error.
    public static func summary(of diagnostics: [Diagnostic], in language: ReportLanguage) -> String? {
        guard language == .sv else { return summary(of: diagnostics) }
        let (total, listed) = errorTally(of: diagnostics)
        if total == listed { return total > 1 ? "\(total) fel" : nil }
        return "\(total) fel (\(listed) listade, \(total - listed) till som inte listas)"
    }

    /// A warning whose message has an id: its English message is `text`'s English phrasing.
    public static func warning(
        _ text: DiagnosticText, at location: SourceLocation? = nil, field: String? = nil, related: SourceLocation? = nil
    ) -> Diagnostic {
        var diagnostic = Diagnostic(.warning, text.message(in: .en), at: location, field: field, related: related)
        diagnostic.text = text
        return diagnostic
    }

    /// The severity in `language`: `fel`/`varning`, `error`/`warning`.
    public static func severityWord(_ severity: Severity, in language: ReportLanguage) -> String {
        switch (severity, language) {
        case (.error, .sv): "fel"
        case (.warning, .sv): "varning"
        case (.error, .en): "error"
        case (.warning, .en): "warning"
        }
    }

    /// The one-line rendering in `language`: like ``description``, with the severity and, when the
    /// message has an id, the message in that language.
    public func rendered(in language: ReportLanguage) -> String {
        let text = self.text?.message(in: language) ?? message
        if let field, let location { return "\(location): \(field): \(text)" }
        let severity = Diagnostic.severityWord(severity, in: language)
        if let location { return "\(location): \(severity): \(text)" }
        return "\(severity): \(text)"
    }
}
