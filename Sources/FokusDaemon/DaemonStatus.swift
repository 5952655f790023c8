import Foundation

/// What the daemon has done, per job, for the metrics file and the logs. Lock-protected: the
/// job tasks write it, the metrics writer reads it.
final class DaemonStatus: @unchecked Sendable {
    struct Job {
        var lastEvaluation: Date?
        var lastDurationSeconds: Double?
        var evaluations = 0
        var filesIngested = 0
        var filesRejectedTotal = 0
        var lastReloadSucceeded = true
        var lastReloadAt: Date?
        /// Evaluations in a row that met a fault (0 when the last one met none).
        var faultsInARow = 0
        /// Whether the outputs of the evaluation in force are still to be written.
        var outputsBehind = false
    }

    private let lock = NSLock()
    private var jobs: [String: Job] = [:]
    private var configReloaded = true

    /// Whether the last reading of the configuration file (on SIGHUP) succeeded; a failed one leaves
    /// the configuration in force and shows as `fokus_last_reload_success 0` for every job.
    var configReloadSucceeded: Bool {
        get { lock.withLock { configReloaded } }
        set { lock.withLock { configReloaded = newValue } }
    }

    /// Forgets a job that the configuration no longer has.
    func remove(_ name: String) {
        _ = lock.withLock { jobs.removeValue(forKey: name) }
    }

    func update(_ name: String, _ body: (inout Job) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        body(&jobs[name, default: Job()])
    }

    func snapshot() -> [String: Job] {
        lock.lock()
        defer { lock.unlock() }
        return jobs
    }
}
