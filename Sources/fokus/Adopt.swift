import ArgumentParser
import Fokus
import FokusState
import Foundation

/// `fokus adopt ID --from PERIOD`: record a decided focus area for follow-up.
struct Adopt: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record an adopted focus area, so that evaluations follow it up.",
        discussion: "Adopting the same area for the same scope and period again updates its measures and note.")

    @Argument(help: ArgumentHelp("The area's id, as in the rules.", valueName: "area"))
    var area: String

    @Option(name: .long, help: ArgumentHelp("The first period of the focus (2024, 2024-Q1, 2024-03).", valueName: "period"))
    var from: String

    @Option(name: .long, help: ArgumentHelp("The measures decided, comma-separated ids from the rules.", valueName: "ids"))
    var measures: String?

    @Option(name: .long, help: ArgumentHelp("A note, e.g. where the decision is recorded.", valueName: "text"))
    var note: String?

    @Option(name: .long, help: ArgumentHelp("The rule file or folder the ids come from.", valueName: "file|dir"))
    var rules: String = "rules"

    @Option(name: .long, help: ArgumentHelp("The scope (default: the rules' `scope:`).", valueName: "name"))
    var scope: String?

    @OptionGroup var stateOptions: StateOptions

    func validate() throws {
        if Period(parsing: from) == nil {
            throw ValidationError("--from \"\(from)\" is not a period: write 2024, 2024-Q1 or 2024-03")
        }
    }

    func run() throws {
        let ruleSet = try RuleSetLoader.load(from: URL(fileURLWithPath: rules))
        try UsageError.checkArea(area, in: ruleSet, command: Self.self)
        guard let areaDefinition = ruleSet.areas.first(where: { $0.id == area }) else { return }
        let measureIDs = (measures ?? "").split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let known = Set(ruleSet.measures.map(\.id))
        if let unknown = measureIDs.first(where: { !known.contains($0) }) {
            throw UsageError(message: ruleSet.unknownMeasureMessage(unknown) ?? "", command: Self.self)
        }
        guard let scope = scope ?? ruleSet.scope else {
            throw ValidationError("name the scope with --scope (the rules have no `scope:`)")
        }
        let store = try stateOptions.open()
        let period = Period(parsing: from)!.description
        do {
            _ = try store.adopt(AdoptedArea(areaID: area, scope: scope, fromPeriod: period, measures: measureIDs, note: note))
        } catch {
            throw FokusError("cannot record the adoption: \(error)", at: SourceLocation(file: stateOptions.path))
        }
        Terminal.write("Adopted \(areaDefinition.name) (\(area)) for \(scope) from \(period)"
            + (measureIDs.isEmpty ? "" : " with \(measureIDs.joined(separator: ", "))") + " in \(stateOptions.path)\n")
    }
}

/// `fokus adopted`: list the adopted focus areas.
struct Adopted: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the adopted focus areas.")

    @Option(name: .long, help: ArgumentHelp("Only this scope.", valueName: "name"))
    var scope: String?

    @OptionGroup var stateOptions: StateOptions

    func run() throws {
        guard stateOptions.isAvailable else {
            Terminal.write("No focus areas adopted yet (no state database at \(stateOptions.path)).\n")
            return
        }
        let store = try stateOptions.open()
        let areas: [AdoptedArea]
        do { areas = try store.adoptedAreas(scope: scope) } catch {
            throw FokusError("cannot read adopted areas: \(error)", at: SourceLocation(file: stateOptions.path))
        }
        if areas.isEmpty {
            Terminal.write("No focus areas adopted yet.\n")
            return
        }
        for a in areas {
            var line = "\(a.scope)  \(a.fromPeriod)  \(a.areaID)"
            if !a.measures.isEmpty { line += "  measures: \(a.measures.joined(separator: ", "))" }
            if let note = a.note { line += "  — \(note)" }
            Terminal.write(line + "\n")
        }
    }
}
