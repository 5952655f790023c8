import Fokus
import FokusState
import Foundation

/// What `fokus adopt` and `fokus adopted` say, in Swedish (default) and English (`--lang en`):
/// one table, both languages side by side, phrases with figures as functions.
struct AdoptionStrings {
    let language: ReportLanguage

    private func text(sv: String, en: String) -> String {
        switch language {
        case .sv: sv
        case .en: en
        }
    }

    private func list(_ items: [String]) -> String { items.joined(separator: ", ") }

    // MARK: Errors

    func notAPeriod(_ text: String) -> String {
        self.text(
            sv: "--from \"\(text)\" är ingen period: skriv 2024, 2024-Q1 eller 2024-03",
            en: "--from \"\(text)\" is not a period: write 2024, 2024-Q1 or 2024-03")
    }

    func removeTakesNoMeasures() -> String {
        text(
            sv:
                "--remove tar bort en antagning och tar inte --measures eller --note; för att rätta dem, anta området för samma period igen utan --remove",
            en:
                "--remove removes an adoption and takes no --measures or --note; to correct them, adopt the area for the same period again without --remove"
        )
    }

    func unknownArea(_ id: String, rules: String, known: [String]) -> String {
        text(
            sv: "inget område har id \"\(id)\" i \(rules); områdena är: \(list(known))",
            en: "no area has the id \"\(id)\" in \(rules); the areas are: \(list(known))")
    }

    func unknownMeasure(_ id: String, rules: String, known: [String]) -> String {
        text(
            sv: "ingen åtgärd har id \"\(id)\" i \(rules); åtgärderna är: \(list(known))",
            en: "no measure has the id \"\(id)\" in \(rules); the measures are: \(list(known))")
    }

    func noScope() -> String {
        text(
            sv: "ange geografiskt område med --scope (reglerna har ingen `scope:`)",
            en: "name the scope with --scope (the rules have no `scope:`)")
    }

    func cannotRecord(_ error: any Error) -> String {
        text(sv: "antagningen kan inte sparas: \(error)", en: "cannot record the adoption: \(error)")
    }

    func cannotRead(_ error: any Error) -> String {
        text(sv: "antagna fokusområden kan inte läsas: \(error)", en: "cannot read adopted areas: \(error)")
    }

    func notAdopted(_ id: String, scope: String, from: String, others: [String]) -> String {
        let also =
            others.isEmpty
            ? ""
            : text(sv: "; \(id) är antagen från \(list(others))", en: "; \(id) is adopted from \(list(others))")
        return text(
            sv: "\(id) är inte antagen för \(scope) från \(from), så det finns inget att ta bort\(also)",
            en: "\(id) is not adopted for \(scope) from \(from), so there is nothing to remove\(also)")
    }

    // MARK: Warnings

    func fromAfterData(_ from: Period, latest: Period, scope: String, data: String) -> String {
        text(
            sv:
                "varning: --from \(from) ligger efter den senaste perioden med brottsdata för \(scope) i \(data) (\(latest)); uppföljningen visar \"inga data ännu\" tills det finns data för \(from)",
            en:
                "warning: --from \(from) is after the latest period with crime data for \(scope) in \(data) (\(latest)); the follow-up shows \"no data yet\" until there is data for \(from)"
        )
    }

    func noCrimeData(scope: String, data: String) -> String {
        text(
            sv: "varning: \(data) har inga brottsdata för \(scope), så uppföljningen kan inte visa något ännu",
            en: "warning: \(data) has no crime data for \(scope), so the follow-up cannot show anything yet")
    }

    // MARK: Results

    private func measuresPart(_ measures: [String]) -> String {
        measures.isEmpty ? text(sv: "inga åtgärder", en: "no measures") : list(measures)
    }

    private func notePart(_ note: String?) -> String {
        note.map { "\"\($0)\"" } ?? text(sv: "ingen anteckning", en: "no note")
    }

    func adopted(_ a: AdoptedArea, name: String, state: String) -> String {
        let with = a.measures.isEmpty ? "" : text(sv: " med \(list(a.measures))", en: " with \(list(a.measures))")
        return text(
            sv: "Antagen: \(name) (\(a.areaID)) för \(a.scope) från \(a.fromPeriod)\(with) i \(state)",
            en: "Adopted \(name) (\(a.areaID)) for \(a.scope) from \(a.fromPeriod)\(with) in \(state)")
    }

    func corrected(from old: AdoptedArea, to new: AdoptedArea, name: String, state: String) -> String {
        var changes: [String] = []
        if old.measures != new.measures {
            changes.append(
                text(sv: "åtgärder: ", en: "measures: ") + measuresPart(old.measures) + " → " + measuresPart(new.measures))
        }
        if old.note != new.note {
            changes.append(text(sv: "anteckning: ", en: "note: ") + notePart(old.note) + " → " + notePart(new.note))
        }
        return text(
            sv: "Rättad: \(name) (\(new.areaID)) för \(new.scope) från \(new.fromPeriod): \(changes.joined(separator: "; ")) i \(state)",
            en: "Corrected \(name) (\(new.areaID)) for \(new.scope) from \(new.fromPeriod): \(changes.joined(separator: "; ")) in \(state)")
    }

    func unchanged(_ a: AdoptedArea, name: String) -> String {
        text(
            sv: "Oförändrad: \(name) (\(a.areaID)) är redan antagen för \(a.scope) från \(a.fromPeriod) med \(measuresPart(a.measures))",
            en: "Unchanged: \(name) (\(a.areaID)) is already adopted for \(a.scope) from \(a.fromPeriod) with \(measuresPart(a.measures))")
    }

    func removed(_ a: AdoptedArea, state: String) -> String {
        text(
            sv: "Borttagen: \(a.areaID) för \(a.scope) från \(a.fromPeriod) i \(state) (historiken finns kvar: fokus adopted --history)",
            en: "Removed \(a.areaID) for \(a.scope) from \(a.fromPeriod) in \(state) (the history keeps it: fokus adopted --history)")
    }

    // MARK: Listing

    func noStateDatabase(_ path: String) -> String {
        text(
            sv: "Inga fokusområden antagna ännu (ingen tillståndsdatabas i \(path)).",
            en: "No focus areas adopted yet (no state database at \(path)).")
    }

    func noneAdopted() -> String { text(sv: "Inga fokusområden antagna ännu.", en: "No focus areas adopted yet.") }

    func noHistory() -> String { text(sv: "Ingen historik ännu.", en: "No history yet.") }

    func line(_ a: AdoptedArea) -> String {
        var line = "\(a.scope)  \(a.fromPeriod)  \(a.areaID)"
        if !a.measures.isEmpty { line += text(sv: "  åtgärder: ", en: "  measures: ") + list(a.measures) }
        if let note = a.note { line += "  — \(note)" }
        return line
    }

    func action(_ action: AdoptionEvent.Action) -> String {
        switch action {
        case .adopted: text(sv: "antagen", en: "adopted")
        case .corrected: text(sv: "rättad", en: "corrected")
        case .removed: text(sv: "borttagen", en: "removed")
        }
    }

    func line(_ e: AdoptionEvent, time: String) -> String {
        let word = action(e.action)
        let padded = word + String(repeating: " ", count: max(0, 9 - word.count))
        var line = "\(time)  \(padded)  \(e.scope)  \(e.fromPeriod)  \(e.areaID)"
        if !e.measures.isEmpty { line += text(sv: "  åtgärder: ", en: "  measures: ") + list(e.measures) }
        if let note = e.note { line += "  — \(note)" }
        return line
    }
}
