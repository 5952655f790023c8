import FokusState
import Foundation
import Logging

/// Delivers the mail queue: every due mail through its job's transport; a failed attempt is
/// retried with exponential back-off (`retry.first_s`, doubling, at most `retry.max_s`), kept in
/// the state database so that nothing is lost across restarts.
struct MailDispatcher: Sendable {
    let store: StateStore
    let logger: Logger
    /// The configuration in force and its transports by job name; replaced by ``update(config:)``
    /// when SIGHUP brings a new configuration.
    private let settings: Settings
    /// Mails delivered whose delivery the state database could not record yet (it was locked or
    /// its disk full): recorded at the next pass, and never delivered again meanwhile.
    private let unrecorded = DeliveredMail()

    init(config: DaemonConfig, store: StateStore, logger: Logger) {
        self.store = store
        self.logger = logger
        self.settings = Settings(config)
    }

    /// Delivers with the settings of `config` from the next pass on (SIGHUP); the queue, which lives in
    /// the state database, is kept as it is.
    func update(config: DaemonConfig) { settings.replace(with: config) }

    /// The wait before attempt `attempts + 1`, after `attempts` failed ones.
    static func backoff(afterFailures attempts: Int, first: Double, max: Double) -> Double {
        min(max, first * pow(2, Double(min(attempts, 40))))
    }

    /// Delivers every mail due now. Returns how many were delivered.
    @discardableResult
    func deliverDue() -> Int {
        for id in unrecorded.ids {
            do {
                try store.markMailSent(id: id)
                unrecorded.remove(id)
                logger.notice("the delivery of an earlier mail is now recorded", metadata: ["mail": "\(id)"])
            } catch {
                logger.error("cannot record the delivery of a mail yet: \(error)", metadata: ["mail": "\(id)"])
            }
        }
        let due: [QueuedMail]
        do {
            due = try store.dueMail()
        } catch {
            logger.error("cannot read the mail queue: \(error)")
            return 0
        }
        var delivered = 0
        let (config, transports) = settings.current
        for mail in due where !unrecorded.contains(mail.id) {
            guard let job = config.job(named: mail.job) ?? config.jobs.first, let transport = transports[job.name] else { continue }
            let settings = job.notify.mail
            let message = MailMessage(
                from: settings.from, to: mail.recipients, subject: mail.subject, text: mail.bodyText, html: mail.bodyHTML,
                messageID: mail.messageID, date: mail.createdAt)
            var logger = logger
            logger[metadataKey: "job"] = "\(mail.job)"
            logger[metadataKey: "mail"] = "\(mail.id)"
            if let evaluation = mail.evaluationID { logger[metadataKey: "evaluation"] = "\(evaluation)" }
            do {
                try transport.deliver(message)
                delivered += 1
                logger.info("mail delivered by \(settings.transport.rawValue) to \(mail.recipients.joined(separator: ", "))")
                do {
                    try store.markMailSent(id: mail.id)
                } catch {
                    unrecorded.insert(mail.id)
                    logger.error(
                        "mail delivered, but the state database cannot record it yet: \(error); recorded at the next pass, not sent again")
                }
            } catch {
                let wait = Self.backoff(afterFailures: mail.attempts, first: settings.retryFirstSeconds, max: settings.retryMaxSeconds)
                logger.warning("mail not delivered, next attempt in \(Int(wait.rounded())) s: \(error)")
                do {
                    try store.markMailFailed(id: mail.id, error: "\(error)", nextAttempt: Date().addingTimeInterval(wait))
                } catch {
                    logger.error("cannot record the failed attempt: \(error)")
                }
            }
        }
        return delivered
    }
}

/// The ids of mails delivered but not yet recorded as sent; lock-protected (the mail loop and
/// `--once` use it).
final class DeliveredMail: @unchecked Sendable {
    private let lock = NSLock()
    private var set: Set<Int64> = []

    var ids: [Int64] { lock.withLock { set.sorted() } }
    func contains(_ id: Int64) -> Bool { lock.withLock { set.contains(id) } }
    func insert(_ id: Int64) { _ = lock.withLock { set.insert(id) } }
    func remove(_ id: Int64) { _ = lock.withLock { set.remove(id) } }
}

extension MailDispatcher {
    /// The configuration in force and its transports; lock-protected (SIGHUP replaces them while the
    /// mail loop reads them).
    final class Settings: @unchecked Sendable {
        private let lock = NSLock()
        private var config: DaemonConfig
        private var transports: [String: any MailTransport]

        init(_ config: DaemonConfig) {
            self.config = config
            self.transports = Self.transports(of: config)
        }

        var current: (config: DaemonConfig, transports: [String: any MailTransport]) { lock.withLock { (config, transports) } }

        func replace(with config: DaemonConfig) {
            let transports = Self.transports(of: config)
            lock.withLock {
                self.config = config
                self.transports = transports
            }
        }

        static func transports(of config: DaemonConfig) -> [String: any MailTransport] {
            var transports: [String: any MailTransport] = [:]
            for job in config.jobs { transports[job.name] = job.notify.mail.makeTransport() }
            return transports
        }
    }
}
