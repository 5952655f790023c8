import ArgumentParser
import Fokus
import Foundation

/// Wrong usage found after parsing (an area id no area has): the message and the usage of the subcommand
/// it concerns, exit code 2.
struct UsageError: Error {
    var message: String
    var command: any ParsableCommand.Type

    /// The text printed: `Error: …`, then the subcommand's usage line and where to find its help.
    var rendered: String {
        let name = command.configuration.commandName ?? String(describing: command).lowercased()
        return "Error: \(message)\n"
            + "Usage: \(FokusCommand.usageString(for: command))\n"
            + "  See 'fokus \(name) --help' for more information."
    }

    /// Throws when `id` names no area of `ruleSet`, suggesting the id meant.
    static func checkArea(_ id: String, in ruleSet: RuleSet, command: any ParsableCommand.Type) throws {
        if let message = ruleSet.unknownAreaMessage(id) { throw UsageError(message: message, command: command) }
    }
}
