import ArgumentParser
import Fokus
import FokusState
import Foundation

/// `fokus adopt ID --from PERIOD`: record, correct or remove a decided focus area for follow-up.
struct Adopt: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record an adopted focus area, so that evaluations follow it up; correct or remove it.",
        discussion: """
            Adopting the same area for the same scope and period again corrects it: the measures and
            note given replace the recorded ones (one left out keeps its value; --measures "" or
            --note "" clears it). --remove removes the adoption. Every change is kept in the state
            database's history (fokus adopted --history). With --data, warns when --from is after the
            latest period with crime data for the scope. Messages are in Swedish unless --lang en or the
            rules' `lang: en`.
            """)

    @Argument(help: ArgumentHelp("The area's id, as in the rules.", valueName: "area"))
    var area: String

    @Option(name: .long, help: ArgumentHelp("The first period of the focus (2024, 2024-Q1, 2024-03).", valueName: "period"))
    var from: String

    @Option(name: .long, help: ArgumentHelp("The measures decided, comma-separated ids from the rules.", valueName: "ids"))
    var measures: String?

    @Option(name: .long, help: ArgumentHelp("A note, e.g. where the decision is recorded.", valueName: "text"))
    var note: String?

    @Flag(name: .long, help: "Remove the adoption of the area from --from (the history keeps it).")
    var remove = false

    @Option(name: .long, help: ArgumentHelp("The rule file or folder the ids come from.", valueName: "file|dir"))
    var rules: String = "rules"

    @Option(name: .long, help: ArgumentHelp("The scope (default: the rules' `scope:`).", valueName: "name"))
    var scope: String?

    @Option(
        name: .long,
        help: ArgumentHelp("A data folder or file: warn when --from is after its latest crime period.", valueName: "dir"))
    var data: String?

    @OptionGroup var language: LanguageOption

    @OptionGroup var stateOptions: StateOptions

    /// The messages in `--lang`, else the rules' `lang:`, else Swedish.
    private var strings: AdoptionStrings { AdoptionStrings(language: Terminal.language) }

    func validate() throws {
        let badPeriod = Period(parsing: from) == nil
        guard badPeriod || (remove && (measures != nil || note != nil)) else { return }
        Terminal.language = language.language(forRules: rules)
        throw ValidationError(badPeriod ? strings.notAPeriod(from) : strings.removeTakesNoMeasures())
    }

    func run() throws {
        let period = Period(parsing: from)!
        var loaded: RuleSet?
        var loadError: FokusError?
        do { loaded = try RuleSetLoader.load(from: URL(fileURLWithPath: rules)) } catch { loadError = error }
        Terminal.language = language.choice ?? loaded?.language ?? .sv
        if remove {
            try removeAdoption(period: period.description)
            return
        }
        guard let ruleSet = loaded else { throw loadError ?? FokusError([]) }
        try UsageError.checkArea(area, in: ruleSet, command: Self.self)
        guard let areaDefinition = ruleSet.areas.first(where: { $0.id == area }) else { return }
        let measureIDs = measures.map(Self.ids)
        let known = Set(ruleSet.measures.map(\.id))
        if let unknown = measureIDs?.first(where: { !known.contains($0) }) {
            throw UsageError(
                message: strings.unknownMeasure(unknown, rules: rules, known: ruleSet.measures.map(\.id)),
                command: Self.self)
        }
        guard let scope = scope ?? ruleSet.scope else { throw ValidationError(strings.noScope()) }
        if let data { try warnIfAfterData(period, scope: scope, data: data) }

        let store = try stateOptions.open()
        let change: AdoptionChange
        do {
            let previous = try store.adoption(areaID: area, scope: scope, from: period.description)
            let adoption = AdoptedArea(
                areaID: area, scope: scope, fromPeriod: period.description,
                measures: measureIDs ?? previous?.measures ?? [],
                note: note.map { $0.isEmpty ? nil : $0 } ?? previous?.note)
            change = try store.recordAdoption(adoption)
        } catch {
            throw FokusError(strings.cannotRecord(error), at: SourceLocation(file: stateOptions.path))
        }
        let name = areaDefinition.name
        switch change.action {
        case .adopted: Terminal.write(strings.adopted(change.current, name: name, state: stateOptions.path) + "\n")
        case .corrected:
            Terminal.write(
                strings.corrected(from: change.previous ?? change.current, to: change.current, name: name, state: stateOptions.path)
                    + "\n")
        case .removed, nil: Terminal.write(strings.unchanged(change.current, name: name) + "\n")
        }
    }

    private static func ids(_ text: String) -> [String] {
        text.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private func removeAdoption(period: String) throws {
        let scope: String
        if let given = self.scope {
            scope = given
        } else {
            guard let fromRules = try RuleSetLoader.load(from: URL(fileURLWithPath: rules)).scope else {
                throw ValidationError(strings.noScope())
            }
            scope = fromRules
        }
        let store = try stateOptions.open()
        do {
            guard let existing = try store.adoption(areaID: area, scope: scope, from: period) else {
                let others = try store.adoptedAreas(scope: scope).filter { $0.areaID == area }.map(\.fromPeriod)
                throw FokusError(
                    strings.notAdopted(area, scope: scope, from: period, others: others),
                    at: SourceLocation(file: stateOptions.path))
            }
            try store.removeAdoption(areaID: area, scope: scope, from: period)
            Terminal.write(strings.removed(existing, state: stateOptions.path) + "\n")
        } catch let error as FokusError {
            throw error
        } catch {
            throw FokusError(strings.cannotRecord(error), at: SourceLocation(file: stateOptions.path))
        }
    }

    /// Warns (on standard error) when `from` starts after the last month of the latest period with
    /// crime data for the scope in `data`, or when the data has none for it.
    private func warnIfAfterData(_ from: Period, scope: String, data: String) throws {
        let dataset = try DatasetLoader.load(from: URL(fileURLWithPath: data), displayPath: data)
        guard let latest = dataset.crime[NameKey(scope)]?.presentPeriods.max(by: { Self.lastMonth($0) < Self.lastMonth($1) })
        else {
            Terminal.printError(strings.noCrimeData(scope: scope, data: data))
            return
        }
        if from.firstMonthOrdinal > Self.lastMonth(latest) {
            Terminal.printError(strings.fromAfterData(from, latest: latest, scope: scope, data: data))
        }
    }

    private static func lastMonth(_ period: Period) -> Int {
        switch period.granularity {
        case .year: period.firstMonthOrdinal + 11
        case .quarter: period.firstMonthOrdinal + 2
        case .month: period.firstMonthOrdinal
        }
    }
}

/// `fokus adopted`: list the adopted focus areas, or the history of every change.
struct Adopted: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the adopted focus areas (--history: every adoption, correction and removal, with when).")

    @Option(name: .long, help: ArgumentHelp("Only this scope.", valueName: "name"))
    var scope: String?

    @Flag(name: .long, help: "List every change to the adoptions, oldest first, with the time it was made.")
    var history = false

    @Option(
        name: .long,
        help: ArgumentHelp("The rule file or folder whose `lang:` sets the language (unless --lang).", valueName: "file|dir"))
    var rules: String = "rules"

    @OptionGroup var language: LanguageOption

    @OptionGroup var stateOptions: StateOptions

    func run() throws {
        Terminal.language = language.language(forRules: rules)
        let strings = AdoptionStrings(language: Terminal.language)
        guard stateOptions.isAvailable else {
            Terminal.write(strings.noStateDatabase(stateOptions.path) + "\n")
            return
        }
        let store = try stateOptions.open()
        if history {
            let events: [AdoptionEvent]
            do { events = try store.adoptionHistory(scope: scope) } catch {
                throw FokusError(strings.cannotRead(error), at: SourceLocation(file: stateOptions.path))
            }
            if events.isEmpty { Terminal.write(strings.noHistory() + "\n") }
            for event in events { Terminal.write(strings.line(event, time: Self.localTime(event.recordedAt)) + "\n") }
            return
        }
        let areas: [AdoptedArea]
        do { areas = try store.adoptedAreas(scope: scope) } catch {
            throw FokusError(strings.cannotRead(error), at: SourceLocation(file: stateOptions.path))
        }
        if areas.isEmpty { Terminal.write(strings.noneAdopted() + "\n") }
        for a in areas { Terminal.write(strings.line(a) + "\n") }
    }

    /// `2026-12-01 14:50:07` in the machine's time zone.
    static func localTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = .current
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date)
    }
}
