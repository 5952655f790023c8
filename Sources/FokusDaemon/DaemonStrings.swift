import Fokus

/// Every phrase the daemon writes for people (mail, quarantine notes, the configuration's errors
/// and `--check-config`), in each ``ReportLanguage``, side by side so that a missing translation
/// does not compile. Diagnostics from the engine are shown with ``Diagnostic/rendered(in:)``.
/// The operator's log (swift-log) stays English.
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
            ? text(
                sv: "Nya eller ändrade data har gett en ny bedömning för \(scope) \(period). Vad som ändrats står först.",
                en: "New or changed data gave a new evaluation for \(scope) \(period). What changed comes first.")
            : text(
                sv: "Bedömningen för \(scope) \(period) är oförändrad.",
                en: "The evaluation for \(scope) \(period) is unchanged.")
    }

    func rejectedFilesNote(_ names: [String]) -> String {
        text(
            sv: "Filer som inte kunde läsas och flyttades till rejected/: ",
            en: "Files that could not be read and were moved to rejected/: ") + names.joined(separator: ", ")
    }

    // MARK: Rule errors

    func rulesBrokenSubject(job: String) -> String {
        text(
            sv: "Fokus \(job): reglerna innehåller fel, de senast fungerande gäller",
            en: "Fokus \(job): the rules have errors, the last good rules stay in force")
    }

    func rulesBrokenBody(diagnostics: String, keptLastGood: Bool) -> String {
        let kept =
            keptLastGood
            ? text(
                sv: "De senast fungerande reglerna används tills felen är rättade.",
                en: "The last good rules are used until the errors are fixed.")
            : text(
                sv: "Det finns inga fungerande regler ännu, så ingen bedömning görs förrän felen är rättade.",
                en: "There are no good rules yet, so nothing is evaluated until the errors are fixed.")
        return text(sv: "Regelfilerna kunde inte läsas:\n\n", en: "The rule files could not be read:\n\n")
            + diagnostics + "\n\n" + kept + "\n"
    }

    // MARK: Configuration errors

    func configBrokenSubject(file: String) -> String {
        text(
            sv: "Fokus: konfigurationen \(file) innehåller fel, den som gäller nu behålls",
            en: "Fokus: the configuration \(file) has errors, the one in force stays")
    }

    func configBrokenBody(diagnostics: String) -> String {
        text(
            sv: "Konfigurationsfilen kunde inte läsas om (SIGHUP):\n\n", en: "The configuration file could not be read again (SIGHUP):\n\n")
            + diagnostics + "\n\n"
            + text(
                sv:
                    "Jobben fortsätter med den konfiguration som gällde innan. Rätta felen och skicka SIGHUP igen (systemctl reload fokus).",
                en:
                    "The jobs go on with the configuration that was in force. Fix the errors and send SIGHUP again (systemctl reload fokus)."
            )
            + "\n"
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

    // MARK: Configuration

    /// How a job is named in the configuration's errors before its name is known: `job 2`, `jobb 2`.
    func jobPlace(_ number: Int) -> String { text(sv: "jobb \(number)", en: "job \(number)") }

    /// The configuration as a whole, as the subject of a sentence.
    var configurationPlace: String { text(sv: "konfigurationen", en: "the configuration") }

    var cannotReadConfiguration: String { text(sv: "kan inte läsa konfigurationsfilen", en: "cannot read the configuration file") }

    var configurationEmpty: String {
        text(
            sv: "konfigurationen är tom: ange åtminstone `rules:`, `data:` och `output:`",
            en: "the configuration is empty: give at least `rules:`, `data:` and `output:`")
    }

    func belongsInsideEachJob(_ key: String) -> String {
        text(
            sv: "`\(key)` hör hemma i varje jobb när `jobs:` anges",
            en: "`\(key)` belongs inside each job when `jobs:` is given")
    }

    func jobNamedTwice(_ name: String) -> String {
        text(
            sv: "två jobb heter ”\(name)”; ge varje jobb ett eget `name:`",
            en: "two jobs are named \"\(name)\"; give each job its own `name:`")
    }

    var jobsNotAList: String {
        text(
            sv: "`jobs` ska vara en lista med jobb, vart och ett med `name`, `rules`, `data` och `output`",
            en: "`jobs` must be a list of jobs, each with `name`, `rules`, `data` and `output`")
    }

    /// `place` lacks the keys `missing` (`rules`, `data`, `output`).
    func needs(_ place: String, _ missing: [String]) -> String {
        let keys = missing.map { "`\($0):`" }.joined(separator: ", ")
        return text(sv: "\(place) behöver \(keys)", en: "\(place) needs \(keys)")
    }

    func recipientsNeeded(_ place: String, transport: String) -> String {
        text(
            sv: "\(place): e-post med \(transport) behöver mottagare i `notify.mail.to`",
            en: "\(place): mail by \(transport) needs recipients in `notify.mail.to`")
    }

    var quietNegative: String { text(sv: "`watch.quiet_ms` ska vara 0 eller mer", en: "`watch.quiet_ms` must be 0 or more") }

    var pollNegative: String {
        text(sv: "`watch.poll_seconds` ska vara 0 (inotify) eller mer", en: "`watch.poll_seconds` must be 0 (inotify) or more")
    }

    func fromNotAnAddress(_ written: String) -> String {
        text(
            sv: "`mail.from` är ingen e-postadress som lagesbild@example.se: ”\(written)”",
            en: "`mail.from` is not a mail address such as lagesbild@example.se: \"\(written)\"")
    }

    func toNotAnAddress(_ written: String) -> String {
        text(
            sv: "`mail.to` innehåller ”\(written)”, som inte är en e-postadress som samordnare@example.se",
            en: "`mail.to` holds \"\(written)\", which is not a mail address such as samordnare@example.se")
    }

    func retryNotPositive(_ key: String) -> String {
        text(sv: "`mail.retry.\(key)` ska vara över 0 sekunder", en: "`mail.retry.\(key)` must be above 0 seconds")
    }

    func portOutOfRange(_ port: Int) -> String {
        text(sv: "`smtp.port` ska vara mellan 1 och 65535, inte \(port)", en: "`smtp.port` must be between 1 and 65535, not \(port)")
    }

    func outputInsideData(job: String, output: String) -> String {
        text(
            sv: "jobbet ”\(job)”: utdatamappen \(output) ligger i datamappen; lägg den någon annanstans, "
                + "annars skulle rapporterna läsas som data",
            en: "job \"\(job)\": the output folder \(output) is inside the data folder; put it elsewhere, "
                + "or the reports would be read as data")
    }

    // MARK: --check-config

    func summaryState(state: String, metrics: String?) -> String {
        text(
            sv: "tillstånd \(state)" + (metrics.map { ", mätvärden \($0)" } ?? ""),
            en: "state \(state)" + (metrics.map { ", metrics \($0)" } ?? ""))
    }

    /// One job's line: its folders, how it watches, its language and how it notifies.
    func summaryJob(_ job: DaemonConfig.Job) -> String {
        let mail = job.notify.mail
        let watch =
            job.watch.pollSeconds > 0
            ? text(sv: "tittar var \(job.watch.pollSeconds) s", en: "polling every \(job.watch.pollSeconds) s") : "inotify"
        let recipients = mail.to.isEmpty ? "" : text(sv: " till ", en: " to ") + mail.to.joined(separator: ", ")
        let quiet = job.watch.quietMilliseconds
        return text(
            sv: "jobb \(job.name): regler \(job.rules.path), data \(job.data.path) (\(watch), tyst \(quiet) ms), "
                + "utdata \(job.output.path), språk \(job.language.rawValue), "
                + "meddela \(job.notify.on.rawValue) med \(mail.transport.rawValue)\(recipients)",
            en: "job \(job.name): rules \(job.rules.path), data \(job.data.path) (\(watch), quiet \(quiet) ms), "
                + "output \(job.output.path), lang \(job.language.rawValue), notify \(job.notify.on.rawValue) by \(mail.transport.rawValue)\(recipients)"
        )
    }
}
