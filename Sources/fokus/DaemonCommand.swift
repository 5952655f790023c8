import ArgumentParser
import Dispatch
import Fokus
import FokusDaemon
import Foundation
import Logging

/// `fokus daemon --config fokus.yaml`: watch the data folder, re-evaluate, write and mail the priorities.
struct DaemonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daemon",
        abstract: "Watch data folders, re-evaluate when files arrive, write the reports and mail them.",
        discussion: """
            Configured by one YAML file (see Examples/daemon/fokus.yaml). Runs until SIGTERM or
            SIGINT (exit 0); SIGHUP reloads the rules. --once evaluates what is there, delivers
            the mail and exits; --check-config only checks the configuration.
            The configuration's problems and --check-config's summary are in --lang, else the
            configuration's own top-level `lang:`, else Swedish; each job's mail and quarantine
            notes follow the job's `lang:`. The log stays English.
            """)

    @Option(name: .long, help: ArgumentHelp("The configuration file.", valueName: "fokus.yaml"))
    var config: String = "fokus.yaml"

    @Flag(name: .long, help: "Check the configuration, print a summary, and exit.")
    var checkConfig = false

    @Flag(name: .long, help: "Evaluate each job once, deliver the mail that is due, and exit.")
    var once = false

    @OptionGroup var language: LanguageOption

    @Option(name: .long, help: ArgumentHelp("Log level: debug, info, notice, warning or error.", valueName: "level"))
    var logLevel: String = "info"

    func run() throws {
        // The configuration's own `lang:` cannot be known for sure before it is read: it is looked up on its own.
        let language = language.choice ?? DaemonConfigLoader.declaredLanguage(at: URL(fileURLWithPath: config)) ?? .sv
        Terminal.language = language
        let loaded = try Daemon.loadConfig(path: config, language: language)
        if checkConfig {
            Terminal.write(Daemon.summary(of: loaded, language: language).joined(separator: "\n") + "\n")
            return
        }
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            // Messages carry file names and diagnostics from data and rules: control characters are dropped.
            var handler = SanitizedLogHandler(wrapping: StreamLogHandler.standardError(label: label))
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "fokus.daemon")
        let once = self.once
        let result = ExitStatusBox()
        let done = DispatchSemaphore(value: 0)
        Task {
            result.value = await Daemon.run(config: loaded, once: once, logger: logger)
            done.signal()
        }
        done.wait()
        if result.value != 0 { throw ExitCode(result.value) }
    }
}

/// Carries the daemon's exit status from its task to the main thread (written once, then read after the signal).
final class ExitStatusBox: @unchecked Sendable {
    var value: Int32 = 0
}
