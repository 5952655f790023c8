import FokusState
import Foundation

/// The daemon's metrics in Prometheus's text format, written atomically to a file for
/// node_exporter's textfile collector (the daemon opens no port).
struct MetricsFile {
    let url: URL

    func write(status: DaemonStatus, store: StateStore, now: Date = Date()) throws {
        var lines: [String] = []
        func metric(_ name: String, _ help: String, _ type: String, _ samples: [(labels: String, value: Double)]) {
            lines.append("# HELP \(name) \(help)")
            lines.append("# TYPE \(name) \(type)")
            for sample in samples { lines.append("\(name)\(sample.labels) \(Self.format(sample.value))") }
        }
        let jobs = status.snapshot().sorted { $0.key < $1.key }
        func label(_ job: String) -> String { "{job=\"\(Self.escape(job))\"}" }
        metric(
            "fokus_last_evaluation_timestamp_seconds", "When the last evaluation finished (Unix time).", "gauge",
            jobs.compactMap { j in j.value.lastEvaluation.map { (label(j.key), $0.timeIntervalSince1970) } })
        metric(
            "fokus_last_evaluation_duration_seconds", "How long the last evaluation took.", "gauge",
            jobs.compactMap { j in j.value.lastDurationSeconds.map { (label(j.key), $0) } })
        metric(
            "fokus_evaluations_total", "Evaluations run since the daemon started.", "counter",
            jobs.map { (label($0.key), Double($0.value.evaluations)) })
        metric(
            "fokus_files_ingested", "Data files used by the last evaluation.", "gauge",
            jobs.map { (label($0.key), Double($0.value.filesIngested)) })
        metric(
            "fokus_files_rejected_total", "Data files quarantined since the daemon started.", "counter",
            jobs.map { (label($0.key), Double($0.value.filesRejectedTotal)) })
        let configReloaded = status.configReloadSucceeded
        metric(
            "fokus_last_reload_success", "1 when the last load of the rules and of the configuration file succeeded, else 0.", "gauge",
            jobs.map { (label($0.key), $0.value.lastReloadSucceeded && configReloaded ? 1 : 0) })
        metric(
            "fokus_faults_in_a_row",
            "Evaluations in a row that met a fault (full disk, read-only output, locked state...); 0 when the last met none.", "gauge",
            jobs.map { (label($0.key), Double($0.value.faultsInARow)) })
        metric(
            "fokus_outputs_behind", "1 while the outputs of the evaluation in force could not be written, else 0.", "gauge",
            jobs.map { (label($0.key), $0.value.outputsBehind ? 1 : 0) })
        let queue = try store.mailQueueSummary()
        metric("fokus_mail_queue_length", "Mails waiting for delivery.", "gauge", [("", Double(queue.queued))])
        metric(
            "fokus_mail_queue_oldest_age_seconds", "Age of the oldest mail waiting for delivery (0 when none).", "gauge",
            [("", queue.oldestCreatedAt.map { max(0, now.timeIntervalSince($0)) } ?? 0)])
        try AtomicFile.write(lines.joined(separator: "\n") + "\n", to: url)
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
