import ArgumentParser
import Fokus
import Foundation

/// The `fokus` command: subcommands only; the work is done by the engine.
@main
struct FokusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fokus",
        abstract: "Rank focus areas for a citizen promise from YAML rules and data files, explained.",
        discussion: """
            Exit codes: 0 success, 1 invalid rules or data, 2 wrong usage.
            Run from the repository root, the defaults evaluate the bundled Kungsör sample.
            """,
        version: FokusVersion.current,
        subcommands: [
            Evaluate.self, Explain.self, EvalExpr.self, Check.self, TestCommand.self, Adopt.self, Adopted.self, Init.self,
            DaemonCommand.self,
        ]
    )

    /// Runs a command and maps every outcome onto the documented exit codes.
    static func main() {
        Terminal.language = Terminal.language(in: Array(CommandLine.arguments.dropFirst())) ?? .sv
        do {
            var command = try parseAsRoot()
            try command.run()
            // Warnings that could not be written make the run fail too: nobody saw them.
            if Terminal.failedStandardError { Foundation.exit(1) }
        } catch let error as FokusError {
            Terminal.printDiagnostics(error.diagnostics)
            Foundation.exit(1)
        } catch let error as UsageError {
            Terminal.printError(error.rendered)
            Foundation.exit(2)
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Self.exit(withError: error)  // --help, --version
            }
            Terminal.printError(fullMessage(for: error))
            Foundation.exit(code == .failure ? 1 : 2)
        }
    }
}
