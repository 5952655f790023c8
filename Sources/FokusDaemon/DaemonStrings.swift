import Fokus

/// Every phrase the daemon writes for people (mail, quarantine notes), in each
/// ``ReportLanguage``, side by side so that a missing translation does not compile.
/// Diagnostics themselves come from the engine as they are.
struct DaemonStrings: Sendable {
    let language: ReportLanguage

    init(_ language: ReportLanguage) { self.language = language }

    private func text(sv: String, en: String) -> String {
        switch language {
        case .sv: sv
        case .en: en
        }
    }

    // MARK: Report mail

    /// The subject of a report mail: the scope, the period, the selected areas, and whether anything changed.
    func reportSubject(scope: String, period: String, selected: [String], changed: Bool) -> String {
        let areas = selected.isEmpty ? text(sv: "inga valda områden", en: "no areas selected") : selected.joined(separator: ", ")
        let change = changed ? text(sv: "ändrat", en: "changed") : text(sv: "oförändrat", en: "unchanged")
        return text(sv: "Fokus \(scope) \(period): \(areas) (\(change))", en: "Fokus \(scope) \(period): \(areas) (\(change))")
    }

    func reportIntro(scope: String, period: String, changed: Bool, firstEvaluation: Bool, rulesChanged: Bool = false) -> String {
        if firstEvaluation {
            return text(
                sv: "Första bedömningen för \(scope) \(period) med de data som finns i mappen.",
                en: "The first evaluation for \(scope) \(period) with the data in the folder.")
        }
        if changed && rulesChanged {
            return text(
                sv: "Reglerna har ändrats och gett en ny bedömning för \(scope) \(period). Vad som ändrats står först.",
                en: "The rules changed and gave a new evaluation for \(scope) \(period). What changed comes first.")
        }
        return changed
            ? text(sv: "Nya eller ändrade data har gett en ny bedömning för \(scope) \(period). Vad som ändrats står först.",
                   en: "New or changed data gave a new evaluation for \(scope) \(period). What changed comes first.")
            : text(sv: "Bedömningen för \(scope) \(period) är oförändrad.",
                   en: "The evaluation for \(scope) \(period) is unchanged.")
    }

    func rejectedFilesNote(_ names: [String]) -> String {
        text(sv: "Filer som inte kunde läsas och flyttades till rejected/: ",
             en: "Files that could not be read and were moved to rejected/: ") + names.joined(separator: ", ")
    }

    // MARK: Rule errors

    func rulesBrokenSubject(job: String) -> String {
        text(sv: "Fokus \(job): reglerna innehåller fel, de senast fungerande gäller",
             en: "Fokus \(job): the rules have errors, the last good rules stay in force")
    }

    func rulesBrokenBody(diagnostics: String, keptLastGood: Bool) -> String {
        let kept = keptLastGood
            ? text(sv: "De senast fungerande reglerna används tills felen är rättade.",
                   en: "The last good rules are used until the errors are fixed.")
            : text(sv: "Det finns inga fungerande regler ännu, så ingen bedömning görs förrän felen är rättade.",
                   en: "There are no good rules yet, so nothing is evaluated until the errors are fixed.")
        return text(sv: "Regelfilerna kunde inte läsas:\n\n", en: "The rule files could not be read:\n\n")
            + diagnostics + "\n\n" + kept + "\n"
    }

    // MARK: Quarantine

    /// The first lines of `NAME.error.txt`.
    func quarantineHeader(file: String, when: String, keptLastGood: Bool) -> String {
        text(
            sv: """
                Filen \(file) kunde inte läsas och har flyttats hit (\(when)).
                Inget från den har använts; \(keptLastGood
                    ? "den senast godkända versionen av filen gäller tills vidare."
                    : "bedömningen bygger på övriga filer.")
                Rätta felen nedan och lägg tillbaka filen med samma namn i datamappen, så läses den igen.

                Fel (fil:rad: kolumn: orsak):

                """,
            en: """
                The file \(file) could not be read and was moved here (\(when)).
                Nothing from it was used; \(keptLastGood
                    ? "the last good version of the file stays in force meanwhile."
                    : "the evaluation rests on the other files.")
                Fix the problems below and put the file back in the data folder under the same name to have it read again.

                Problems (file:line: column: reason):

                """)
    }
}
