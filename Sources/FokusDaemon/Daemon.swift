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
/// evaluation under way is finished first) with exit status 0; SIGHUP reads the configuration
/// again (the last good one staying in force on errors) and reloads every job's rules.
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
        let mailer = MailDispatcher(config: config, store: store, logger: logger)
        let metrics = config.metrics.map(MetricsFile.init)
        let writeMetrics: @Sendable () -> Void = {
            guard let metrics else { return }
            do { try metrics.write(status: status, store: store) } catch { logger.error("cannot write the metrics: \(error)") }
        }
        for line in summary(of: config) { logger.info("\(line)") }

        if once {
            var failed = false
            for job in config.jobs {
                switch JobsService.runner(for: job, config: config, store: store, status: status, logger: logger).evaluate(
                    firstInProcess: false)
                {
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
            config: config, store: store, status: status, mailer: mailer, notifier: notifier, logger: logger, writeMetrics: writeMetrics)
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

/// One running job: its runner, its watcher and the task of its loop.
final class RunningJob: @unchecked Sendable {
    // @unchecked: the runner is used by one task at a time: the one that starts the job (its first
    // evaluation), then the loop's task; ``stop()`` waits for the loop to end.
    let runner: JobRunner
    let watcher: FolderWatcher
    var task: Task<Void, Never>?

    init(runner: JobRunner, watcher: FolderWatcher) {
        self.runner = runner
        self.watcher = watcher
    }

    var job: DaemonConfig.Job { runner.job }

    /// Closes the watcher and ends the loop, an evaluation under way being finished first.
    func stop() async {
        watcher.stop()
        task?.cancel()
        await task?.value
    }
}

/// Runs every job: the first evaluation of each, `READY=1`, then one loop per job (a failure in
/// one job never stops the others). On SIGHUP the configuration file is read again: with errors,
/// the configuration in force stays (the errors are logged and mailed); else the jobs are brought
/// in line with it (``reconcile(_:with:running:)``) and the unchanged ones reload their rules.
struct JobsService: Service {
    /// The configuration at start; its state database and metrics file stay in use until a restart.
    let config: DaemonConfig
    let store: StateStore
    let status: DaemonStatus
    let mailer: MailDispatcher
    let notifier: SystemdNotifier
    let logger: Logger
    let writeMetrics: @Sendable () -> Void

    /// The runner of `job`, its last-good copies kept next to the state database.
    static func runner(for job: DaemonConfig.Job, config: DaemonConfig, store: StateStore, status: DaemonStatus, logger: Logger)
        -> JobRunner
    {
        let lastGood = config.state.deletingLastPathComponent().appendingPathComponent("last-good")
        return JobRunner(
            job: job, store: store, status: status, logger: logger,
            lastGoodFolder: lastGood.appendingPathComponent(JobRunner.safe(job.name)))
    }

    func run() async throws {
        // Trapped before the first evaluations, so that an early SIGHUP does not end the daemon.
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        let initial = start(config.jobs)
        writeMetrics()
        notifier.notify("READY=1\nSTATUS=watching \(initial.count) job(s)")
        logger.info("ready: first evaluation of every job done, watching")

        let running = await cancelWhenGracefulShutdown { [self] in
            var inForce = config
            var running = initial
            for await _ in hangups {
                if Task.isCancelled { break }
                logger.info("SIGHUP: reading the configuration again and reloading the rules")
                guard let reread = readConfiguration(inForce) else {
                    writeMetrics()
                    continue
                }
                (inForce, running) = await reconcile(inForce, with: reread, running: running)
                writeMetrics()
                notifier.notify("STATUS=watching \(running.count) job(s)")
            }
            return running
        }
        for job in running { await job.stop() }
    }

    /// Starts `jobs`: their watchers, the first evaluation of each, then their loops.
    func start(_ jobs: [DaemonConfig.Job]) -> [RunningJob] {
        let started = jobs.map { job in
            let runner = Self.runner(for: job, config: config, store: store, status: status, logger: logger)
            let mode: FolderWatcher.Mode = job.watch.pollSeconds > 0 ? .polling(job.watch.pollSeconds) : .inotify
            let watcher = FolderWatcher(dataFolder: job.data, rulesFolder: runner.rulesFolder, mode: mode)
            do {
                try watcher.start()
            } catch {
                runner.logger.error("cannot watch the folders: \(error)")
            }
            return RunningJob(runner: runner, watcher: watcher)
        }
        for job in started {
            job.runner.reloadRules()
            _ = job.runner.evaluate(firstInProcess: true)
            if let delay = job.runner.retryDelay { job.watcher.requestEvaluation(after: delay) }
        }
        let writeMetrics = self.writeMetrics
        for job in started {
            job.task = Task { await Self.loop(runner: job.runner, watcher: job.watcher, writeMetrics: writeMetrics) }
        }
        return started
    }

    /// Reads the configuration file again. With errors: logs them (English), mails them once per
    /// distinct error to the recipients of the configuration in force, and returns `nil`.
    func readConfiguration(_ inForce: DaemonConfig) -> DaemonConfig? {
        // Read by the path as given at start (`relativePath`), so that every path in it resolves
        // exactly as before and the rules' digest of an unchanged rule set stays the same.
        do {
            let reread = try Daemon.loadConfig(path: inForce.file.relativePath, language: .en)
            status.configReloadSucceeded = true
            return reread
        } catch {
            status.configReloadSucceeded = false
            logger.error(
                "the configuration file has errors; the configuration in force stays",
                metadata: ["errors": "\(error.diagnostics.map(\.description).joined(separator: "\n"))"])
            queueConfigurationErrorMail(inForce, english: error)
            return nil
        }
    }

    /// One mail per distinct list of recipients and language among the jobs in force, in that
    /// language; its message id follows the errors, so the same errors are mailed once.
    func queueConfigurationErrorMail(_ inForce: DaemonConfig, english: FokusError) {
        var mailed: Set<String> = []
        for job in inForce.jobs where job.notify.on != .never && !job.notify.mail.to.isEmpty {
            let key = job.language.rawValue + "\u{0}" + job.notify.mail.to.joined(separator: "\u{0}")
            guard mailed.insert(key).inserted else { continue }
            var problems = english
            if job.language != .en {
                do { _ = try Daemon.loadConfig(path: inForce.file.relativePath, language: job.language) } catch { problems = error }
            }
            let text = problems.diagnostics.map { $0.rendered(in: job.language) }.joined(separator: "\n")
            let strings = DaemonStrings(job.language)
            let domain = job.notify.mail.from.split(separator: "@").last.map(String.init) ?? "localhost"
            do {
                try store.enqueueMail(
                    job: job.name, evaluationID: nil, recipients: job.notify.mail.to,
                    subject: strings.configBrokenSubject(file: inForce.file.lastPathComponent),
                    bodyText: strings.configBrokenBody(diagnostics: text), bodyHTML: nil,
                    messageID: "fokus.config.\(ContentDigest.sha256(of: key + "\u{0}" + text).prefix(16))@\(domain)")
            } catch {
                logger.error("cannot queue the mail about the configuration: \(error)")
            }
        }
    }

    /// Brings the running jobs in line with `reread`: jobs no longer there stop, new ones start
    /// (with their first evaluation), changed ones restart with their new settings, and the others
    /// keep running and only reload their rules. The mail follows the new settings. The state
    /// database and the metrics file stay as they are until a restart.
    func reconcile(_ inForce: DaemonConfig, with reread: DaemonConfig, running: [RunningJob]) async -> (DaemonConfig, [RunningJob]) {
        var applied = reread
        if reread.state.standardizedFileURL.path != inForce.state.standardizedFileURL.path {
            logger.warning(
                "the state database changed to \(reread.state.path): this needs a restart; \(inForce.state.path) stays in use until then")
            applied.state = inForce.state
        }
        if reread.metrics?.standardizedFileURL.path != inForce.metrics?.standardizedFileURL.path {
            logger.warning(
                "the metrics file changed to \(reread.metrics?.path ?? "none"): this needs a restart; \(inForce.metrics?.path ?? "none") stays in use until then"
            )
            applied.metrics = inForce.metrics
        }
        let wanted = Dictionary(reread.jobs.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var kept: [String: RunningJob] = [:]
        for job in running {
            let name = job.job.name
            if let settings = wanted[name], settings.hasSameSettings(as: job.job) {
                kept[name] = job
                continue
            }
            await job.stop()
            if wanted[name] == nil {
                status.remove(name)
                job.runner.logger.info("job removed from the configuration: stopped")
            } else {
                job.runner.logger.info("job settings changed: restarting it with the new settings")
            }
        }
        mailer.update(config: applied)
        let added = start(reread.jobs.filter { kept[$0.name] == nil })
        for job in kept.values { job.watcher.requestRulesReload() }
        let byName = Dictionary((Array(kept.values) + added).map { ($0.job.name, $0) }, uniquingKeysWith: { first, _ in first })
        logger.info(
            "configuration reloaded",
            metadata: [
                "jobs": "\(reread.jobs.count)", "unchanged": "\(kept.count)", "started": "\(added.count)",
                "stopped": "\(running.count - kept.count)",
            ])
        return (applied, reread.jobs.compactMap { byName[$0.name] })
    }

    /// One job: wait for a change, wait for quiet, evaluate; until cancelled. A rules reload alone
    /// (SIGHUP) evaluates only when the rules in force changed.
    static func loop(runner: JobRunner, watcher: FolderWatcher, writeMetrics: @Sendable () -> Void) async {
        let quiet = Double(runner.job.watch.quietMilliseconds) / 1000
        for await _ in watcher.wakeups {
            // Wait for the quiet period after the last change, and for files in progress to complete.
            while !Task.isCancelled {
                let pending = watcher.pending()
                guard pending.data || pending.rules else { break }
                if pending.quietFor >= quiet && pending.inProgress.isEmpty {
                    watcher.take()
                    let rulesChanged = pending.rules && runner.reloadRules()
                    if pending.data || rulesChanged {
                        _ = runner.evaluate(inProgress: pending.inProgress)
                        if let delay = runner.retryDelay { watcher.requestEvaluation(after: delay) }
                    }
                    writeMetrics()
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
