public import Fokus
public import Foundation

/// The daemon's configuration (SPEC 6): one or more jobs sharing one state database.
public struct DaemonConfig: Sendable {
    /// The configuration file.
    public var file: URL
    /// The state database (shared by every job).
    public var state: URL
    /// The Prometheus text-format metrics file, for node_exporter's textfile collector; `nil`: none.
    public var metrics: URL?
    /// The jobs: one rule set each, with its own folders and recipients.
    public var jobs: [Job]

    /// One rule set watched over one data folder. On SIGHUP a job whose settings changed is
    /// restarted, one with the same settings (``hasSameSettings(as:)``) keeps running.
    public struct Job: Sendable, Equatable {
        /// The job's name: the ledger, the mail queue and the logs name it (default `default`).
        public var name: String
        public var rules: URL
        public var data: URL
        public var output: URL
        /// The scope to evaluate; `nil`: the rules' `scope:`.
        public var scope: String?
        /// The language of the reports, the mail and the quarantine notes.
        public var language: ReportLanguage
        public var watch: Watch
        public var notify: Notify
    }

    /// How the data folder is watched.
    public struct Watch: Sendable, Equatable {
        /// How long the folder must be quiet after a change before it is read.
        public var quietMilliseconds: Int = 500
        /// Above 0: poll every so many seconds instead of using inotify (network shares).
        public var pollSeconds: Double = 0
    }

    /// When and how reports are sent.
    public struct Notify: Sendable, Equatable {
        public enum When: String, Sendable, CaseIterable {
            case change, always, never
        }
        public var on: When = .change
        public var mail = Mail()
    }

    /// The mail settings.
    public struct Mail: Sendable, Equatable {
        public enum Transport: String, Sendable, CaseIterable {
            case outbox, sendmail, smtp
        }
        public var transport: Transport = .outbox
        public var from = "fokus@localhost"
        public var to: [String] = []
        /// The folder of `.eml` files (transport `outbox`).
        public var outbox: URL?
        /// The command and its leading arguments (transport `sendmail`); `-t -oi` are added.
        public var sendmailCommand = "/usr/sbin/sendmail"
        public var smtp = SMTP()
        /// Back-off of undelivered mail: the first wait and the longest, in seconds.
        public var retryFirstSeconds: Double = 5
        public var retryMaxSeconds: Double = 3600
    }

    /// SMTP settings.
    public struct SMTP: Sendable, Equatable {
        public enum TLS: String, Sendable, CaseIterable {
            case none, starttls, tls
        }
        public var host = "127.0.0.1"
        public var port = 587
        public var tls: TLS = .starttls
        public var username: String?
        /// A file holding the password (its first line).
        public var passwordFile: URL?
        /// An environment variable holding the password.
        public var passwordEnv: String?
        /// A PEM file of the certificate authorities to trust (default: the system's).
        public var caFile: URL?
        /// Seconds before a connection attempt is given up.
        public var timeoutSeconds = 30
    }

    /// The job named `name`.
    public func job(named name: String) -> Job? { jobs.first { $0.name == name } }
}

extension DaemonConfig.Job {
    /// Whether `other` has the same settings, paths compared by what they name: Foundation adds a
    /// trailing `/` to a path that was a folder when the configuration was read, so a folder created
    /// since (the output, the outbox) must not count as a change.
    public func hasSameSettings(as other: Self) -> Bool { normalized == other.normalized }

    private var normalized: Self {
        func plain(_ url: URL) -> URL { URL(fileURLWithPath: url.standardizedFileURL.path, isDirectory: false) }
        var job = self
        job.rules = plain(rules)
        job.data = plain(data)
        job.output = plain(output)
        job.notify.mail.outbox = notify.mail.outbox.map(plain)
        job.notify.mail.smtp.passwordFile = notify.mail.smtp.passwordFile.map(plain)
        job.notify.mail.smtp.caFile = notify.mail.smtp.caFile.map(plain)
        return job
    }
}
