import Fokus
import Foundation

/// What `fokus test`, `check` and `init` say, in Swedish (default) and English (`--lang en` or the
/// rules' `lang: en`): one table, both languages side by side, phrases with figures as functions.
struct CommandStrings {
    let language: ReportLanguage

    private func text(sv: String, en: String) -> String {
        switch language {
        case .sv: sv
        case .en: en
        }
    }

    // MARK: Usage mistakes on the command line

    func samplesRange(_ samples: Int, maximum: Int) -> String {
        text(
            sv: "--samples ska vara från 0 (av) till \(maximum), inte \(samples)",
            en: "--samples must be from 0 (off) to \(maximum), not \(samples)")
    }

    func concentrationRange(_ value: Double) -> String {
        text(
            sv: "--concentration ska vara från 0,01 till 1000000, inte \(value)",
            en: "--concentration must be from 0.01 to 1000000, not \(value)")
    }

    func notAPeriodChoice(_ period: String) -> String {
        text(
            sv: "--period ”\(period)” är ingen period: skriv latest, 2023, 2023-Q4 eller 2023-11",
            en: "--period \"\(period)\" is not a period: write latest, 2023, 2023-Q4 or 2023-11")
    }

    var scopeNeedsName: String {
        text(sv: "--scope behöver ett namn, stavat som i datafilerna", en: "--scope needs a name, as the data files spell it")
    }

    var scopeControlCharacters: String {
        text(
            sv: "--scope får inte innehålla styrtecken (radbrytningar, tabbar, escape-tecken)",
            en: "--scope must not hold control characters (line breaks, tabs, escapes)")
    }

    func notARegex(_ pattern: String, _ error: any Error) -> String {
        text(
            sv: "--run ”\(pattern)” är inget reguljärt uttryck: \(error)",
            en: "--run \"\(pattern)\" is not a regular expression: \(error)")
    }

    func noTestMatches(_ pattern: String, tests: [String]) -> String {
        let names = tests.map { "\"\($0)\"" }.joined(separator: ", ")
        return text(
            sv: "inget testnamn matchar `\(pattern)`; testerna är: \(names)",
            en: "no test name matches `\(pattern)`; the tests are: \(names)")
    }

    func outputNotWritten(_ reason: String) -> String {
        text(
            sv: "fel: utdata kan inte skrivas (standard output: \(reason))",
            en: "error: the output cannot be written (standard output: \(reason))")
    }

    var allScopesWithScope: String {
        text(
            sv: "--all-scopes utvärderar alla kommuner eller polisområden; ta bort --scope",
            en: "--all-scopes evaluates every scope; leave out --scope")
    }

    var allScopesWithCompare: String {
        text(
            sv: "--compare jämför en rapport; ta bort det med --all-scopes",
            en: "--compare compares one report; leave it out with --all-scopes")
    }

    var allScopesFormats: String {
        text(
            sv: "--all-scopes skriver text, md, json eller csv till standard output",
            en: "--all-scopes writes text, md, json or csv to standard output")
    }

    // MARK: fokus test

    func noTestFiles() -> String {
        text(
            sv: "inga testfiler: lägg dem i en mapp `tests/` bredvid reglerna (tests/*.yaml)",
            en: "no test files: put them in a `tests/` folder beside the rules (tests/*.yaml)")
    }

    func testSummary(passed: Int, failed: Int) -> String {
        text(sv: "\(passed) godkända, \(failed) underkända", en: "\(passed) passed, \(failed) failed")
    }

    var diffHeader: String {
        text(
            sv: "    plats väntad    id                          poäng   vald      väntad",
            en: "    rank  expected  id                          score   selected  expected")
    }

    var yes: String { text(sv: "ja", en: "yes") }

    /// `0.7255` / `0,7255`.
    func fixed(_ value: Double, _ digits: Int) -> String {
        let plain = String(format: "%.\(digits)f", value)
        return language == .sv ? plain.replacingOccurrences(of: ".", with: ",") : plain
    }
    var no: String { text(sv: "nej", en: "no") }

    // MARK: fokus check

    func checkOK(rules: String, areas: Int, measures: Int, ruleCount: Int, files: Int) -> String {
        text(
            sv: "\(rules): OK — \(areas) områden, \(measures) åtgärder, \(ruleCount) regler i \(files) fil(er)",
            en: "\(rules): OK — \(areas) areas, \(measures) measures, \(ruleCount) rules in \(files) file(s)")
    }

    // MARK: fokus init

    func alreadyExists(_ path: String) -> String {
        text(
            sv: "\(path) finns redan; välj en tom mapp (inget skrevs)",
            en: "\(path) already exists; choose an empty folder (nothing was written)")
    }

    func created(_ directory: String) -> String {
        text(
            sv: """
                Skapade en startregeluppsättning i \(directory):
                  \(directory)/rules/fokus.yaml           områden, åtgärder och regler (med kommentarer)
                  \(directory)/rules/tests/exempel.yaml   ett regeltest
                  \(directory)/data/                      exempeldata: brottsstatistik, enkät, resurser
                Sedan:
                  fokus check \(directory)/rules
                  fokus test \(directory)/rules
                  fokus evaluate --rules \(directory)/rules --data \(directory)/data

                """,
            en: """
                Created a starter rule set in \(directory):
                  \(directory)/rules/fokus.yaml           areas, measures and rules (commented)
                  \(directory)/rules/tests/exempel.yaml   a rule test
                  \(directory)/data/                      example data: crime counts, survey, resources
                Next:
                  fokus check \(directory)/rules
                  fokus test \(directory)/rules
                  fokus evaluate --rules \(directory)/rules --data \(directory)/data

                """)
    }

    // MARK: fokus evaluate and explain

    var xlsxNeedsOutput: String {
        text(
            sv: "--format xlsx skriver en arbetsbok, aldrig till terminalen: ange --output FIL.xlsx",
            en: "--format xlsx writes a workbook, never to a terminal: give --output FILE.xlsx")
    }
    var cannotReadPreviousReport: String {
        text(sv: "kan inte läsa den förra rapporten", en: "cannot read the previous report")
    }
    func cannotWrite(_ reason: String) -> String {
        text(sv: "kan inte skriva filen: ", en: "cannot write the file: ") + reason
    }
    func noSuchArea(_ id: String, areas: String) -> String {
        text(
            sv: "inget område har id:t \"\(id)\"; områdena är: \(areas)",
            en: "no area has the id \"\(id)\"; the areas are: \(areas)")
    }
    var rejectedFile: String {
        text(sv: "datafilen avvisades (inget från den användes):", en: "rejected data file (nothing from it was used):")
    }
    var fixOrKeepGoing: String {
        text(
            sv: "rätta raderna ovan, eller kör med --keep-going för att räkna utan de här filerna",
            en: "fix the rows above, or run with --keep-going to evaluate without these files")
    }
}
