import ArgumentParser
import Fokus
import FokusState
import Foundation

/// Where the state database is: adopted areas and past evaluations.
struct StateOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The state database (SQLite). Default: $FOKUS_STATE, else var/fokus.sqlite.", valueName: "path"))
    var state: String?

    /// The path in force.
    var path: String {
        state ?? ProcessInfo.processInfo.environment["FOKUS_STATE"] ?? "var/fokus.sqlite"
    }

    /// Whether a state database was named or exists at the default place.
    var isAvailable: Bool { state != nil || FileManager.default.fileExists(atPath: path) }

    /// Opens (and if needed creates and migrates) the database.
    func open() throws -> StateStore {
        do {
            return try StateStore(path: path)
        } catch {
            throw FokusError([
                .error(DiagnosticText.dataFile(.stateUnreadable(adoptions: false, reason: "\(error)")), at: SourceLocation(file: path))
            ])
        }
    }
}
