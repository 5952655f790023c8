public import Fokus
import FokusState
import Foundation
public import Logging
import ServiceLifecycle
import UnixSignals

#if canImport(Glibc)
import Glibc
#endif

/// `fokus daemon`: watches each job's folders, re-evaluates, writes and mails the priorities.
///
/// Runs as a `ServiceGroup` of three services: the jobs (watch → quiet period → evaluate), the
/// mail queue, and the systemd watchdog. SIGTERM and SIGINT shut it down gracefully (an
/// evaluation under way is finished first) with exit status 0; SIGHUP reloads every job's rules.
public enum Daemon {
    /// Reads and checks the configuration (`--check-config`); its problems are phrased in `language`.
    public static func loadConfig(path: String, language: ReportLanguage = .sv) throws(FokusError) -> DaemonConfig {
        let config = try DaemonConfigLoader.load(from: URL(fileURLWithPath: path), language: language)
        let strings = DaemonStrings(language)
        var problems: [Diagnostic] = []
        for job in config.jobs {
            let data = job.data.standardizedFileURL.path + "/"
            let output = job.output.standardizedFileURL.path + "/"
            if output.hasPrefix(data) {
                problems.append(.error(strings.outputInsideData(job: job.name, output: job.output.path), at: SourceLocation(file: path)))
            }
        }
        if !problems.isEmpty { throw FokusError(problems).coded(.configInvalid) }
        return config
    }

    /// One line for the state and one per job, for `--check-config` (in `--lang`) and the start-up log (English).
    public static func summary(of config: DaemonConfig, language: ReportLanguage = .en) -> [String] {
        let strings = DaemonStrings(language)
        return [strings.summaryState(state: config.state.path, metrics: config.metrics?.path)] + config.jobs.map(strings.summaryJob)
    }

    /// Runs the daemon until SIGTERM or SIGINT (or, with `once`, one evaluation of each job and
    /// one delivery pass). Returns the exit status.
    public static func run(config: DaemonConfig, once: Bool, logger: Logger) async -> Int32 {
        // A mail command or server that goes away mid-write must give an error, not end the daemon.
        signal(SIGPIPE, SIG_IGN)
        let store: StateStore
        do {
            store = try StateStore(path: config.state.path)
        } catch {
            logger.critical("cannot open the state database \(config.state.path): \(error)")
            return 1
        }
        let status = DaemonStatus()
        let lastGood = config.state.deletingLastPathComponent().appendingPathComponent("last-good")
        let runners = config.jobs.map {
            JobRunner(
                job: $0, store: store, status: status, logger: logger,
                lastGoodFolder: lastGood.appendingPathComponent(JobRunner.safe($0.name)))
        }
        let mailer = MailDispatcher(config: config, store: store, logger: logger)
        let metrics = config.metrics.map(MetricsFile.init)
        let writeMetrics: @Sendable () -> Void = {
            guard let metrics else { return }
            do { try metrics.write(status: status, store: store) } catch { logger.error("cannot write the metrics: \(error)") }
        }
        for line in summary(of: config) { logger.info("\(line)") }

        if once {
            var failed = false
            for runner in runners {
                switch runner.evaluate(firstInProcess: false) {
                case .noRules, .failed: failed = true
                default: break
                }
            }
            mailer.deliverDue()
            writeMetrics()
            return failed ? 1 : 0
        }

        let notifier = SystemdNotifier()
        let jobs = JobsService(
            runners: UncheckedRunners(runners), mailer: mailer, notifier: notifier, logger: logger, writeMetrics: writeMetrics,
            config: config)
        let mail = MailService(mailer: mailer, writeMetrics: writeMetrics)
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(service: jobs, successTerminationBehavior: .gracefullyShutdownGroup),
            .init(service: mail, successTerminationBehavior: .gracefullyShutdownGroup),
        ]
        if let interval = notifier.watchdogInterval {
            services.append(
                .init(
                    service: WatchdogService(notifier: notifier, interval: interval), successTerminationBehavior: .gracefullyShutdownGroup))
        }
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch {
            logger.critical("the daemon stopped: \(error)")
            return 1
        }
        notifier.notify("STOPPING=1")
        logger.info("stopped")
        return 0
    }
}

/// The job runners, handed to the jobs service; each runner is used by exactly one task.
struct UncheckedRunners: @unchecked Sendable {
    let runners: [JobRunner]
    init(_ runners: [JobRunner]) { self.runners = runners }
}

/// Runs every job: the first evaluation of each, `READY=1`, then one loop per job (a failure in
/// one job never stops the others).
struct JobsService: Service {
    let runners: UncheckedRunners
    let mailer: MailDispatcher
    let notifier: SystemdNotifier
    let logger: Logger
    let writeMetrics: @Sendable () -> Void
    let config: DaemonConfig

    /// On SIGHUP: checks the configuration file. It is read only at start, so a change is
    /// reported (and a broken one never replaces the one in force).
    static func checkConfiguration(_ config: DaemonConfig, logger: Logger) {
        do {
            let reread = try Daemon.loadConfig(path: config.file.path, language: .en)  // for the log
            if Daemon.summary(of: reread) != Daemon.summary(of: config) {
                logger.notice("the configuration file changed; restart the daemon to apply it (the rules are reloaded now)")
            }
        } catch {
            logger.error(
                "the configuration file has errors; the configuration in force stays",
                metadata: ["errors": "\(error.diagnostics.map(\.description).joined(separator: "\n"))"])
        }
    }

    func run() async throws {
        var watchers: [FolderWatcher] = []
        for runner in runners.runners {
            let mode: FolderWatcher.Mode = runner.job.watch.pollSeconds > 0 ? .polling(runner.job.watch.pollSeconds) : .inotify
            let watcher = FolderWatcher(dataFolder: runner.job.data, rulesFolder: runner.rulesFolder, mode: mode)
            do {
                try watcher.start()
            } catch {
                runner.logger.error("cannot watch the folders: \(error)")
            }
            watchers.append(watcher)
        }
        for (runner, watcher) in zip(runners.runners, watchers) {
            runner.reloadRules()
            _ = runner.evaluate(firstInProcess: true)
            if let delay = runner.retryDelay { watcher.requestEvaluation(after: delay) }
        }
        writeMetrics()
        notifier.notify("READY=1\nSTATUS=watching \(runners.runners.count) job(s)")
        logger.info("ready: first evaluation of every job done, watching")

        let hangups = await UnixSignalsSequence(trapping: .sighup)
        let pairs = UncheckedPairs(pairs: Array(zip(runners.runners, watchers)))
        let config = self.config
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await _ in hangups {
                        logger.info("SIGHUP: reloading the rules")
                        Self.checkConfiguration(config, logger: logger)
                        for (_, watcher) in pairs.pairs { watcher.requestReload() }
                    }
                }
                for index in pairs.pairs.indices {
                    group.addTask {
                        let (runner, watcher) = pairs.pairs[index]
                        await Self.loop(runner: runner, watcher: watcher, writeMetrics: writeMetrics)
                    }
                }
                await group.next()
                group.cancelAll()
            }
        }
        for watcher in watchers { watcher.stop() }
    }

    struct UncheckedPairs: @unchecked Sendable {
        let pairs: [(JobRunner, FolderWatcher)]
    }

    /// One job: wait for a change, wait for quiet, evaluate; until cancelled.
    static func loop(runner: JobRunner, watcher: FolderWatcher, writeMetrics: @Sendable () -> Void) async {
        let quiet = Double(runner.job.watch.quietMilliseconds) / 1000
        for await _ in watcher.wakeups {
            // Wait for the quiet period after the last change, and for files in progress to complete.
            while !Task.isCancelled {
                let pending = watcher.pending()
                guard pending.data || pending.rules else { break }
                if pending.quietFor >= quiet && pending.inProgress.isEmpty {
                    watcher.take()
                    if pending.rules { runner.reloadRules() }
                    _ = runner.evaluate(inProgress: pending.inProgress)
                    writeMetrics()
                    if let delay = runner.retryDelay { watcher.requestEvaluation(after: delay) }
                    break
                }
                let wait = max(0.02, min(quiet - pending.quietFor, 0.25))
                try? await Task.sleep(for: .milliseconds(Int(wait * 1000)))
            }
            if Task.isCancelled { return }
        }
    }
}

/// Delivers due mail every second.
struct MailService: Service {
    let mailer: MailDispatcher
    let writeMetrics: @Sendable () -> Void

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            if mailer.deliverDue() > 0 { writeMetrics() }
            try? await Task.sleep(for: .seconds(1))
        }
    }
}

/// Pings systemd's watchdog at half of `WatchdogSec`.
struct WatchdogService: Service {
    let notifier: SystemdNotifier
    let interval: Duration

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            notifier.notify("WATCHDOG=1")
            try? await Task.sleep(for: interval)
        }
    }
}
