import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// SIGHUP reads the configuration again: jobs added, changed and removed are brought in line, the
/// unchanged ones go on undisturbed, and a broken configuration leaves the one in force running.
@Suite(.timeLimit(.minutes(4)))
struct DaemonReloadTests {
    /// A configuration of jobs sharing the state, the metrics and the mail settings; each job is
    /// `(name, rules, data, output)`.
    static func config(_ jobs: [(String, String, String, String)], state: String = "var/fokus.sqlite", outbox: String = "outbox") -> String
    {
        """
        state: \(state)
        metrics: metrics/fokus.prom
        watch: { quiet_ms: 100 }
        notify: { on: change, mail: { transport: outbox, from: lagesbild@example.se, to: [samordnare@example.se], outbox: \(outbox) } }
        jobs:
        \(jobs.map { "  - { name: \($0.0), rules: \($0.1), data: \($0.2), output: \($0.3) }" }.joined(separator: "\n"))

        """
    }

    static func writeConfig(
        _ daemon: DaemonHarness, _ jobs: [(String, String, String, String)], state: String = "var/fokus.sqlite", outbox: String = "outbox"
    ) throws {
        try config(jobs, state: state, outbox: outbox).write(
            to: daemon.root.appendingPathComponent("fokus.yaml"), atomically: true, encoding: .utf8)
    }

    /// A second job's folders: its own rules and data, for another municipality (jobs evaluate different scopes).
    static func makeSecondJob(_ daemon: DaemonHarness) throws {
        for folder in ["rules-b", "data-b"] {
            try FileManager.default.createDirectory(at: daemon.root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try DaemonHarness.rulesYAML.replacingOccurrences(of: "Provby", with: "Tvaby")
            .write(to: daemon.root.appendingPathComponent("rules-b/regler.yaml"), atomically: true, encoding: .utf8)
        try DaemonHarness.baseData.replacingOccurrences(of: "Provby", with: "Tvaby")
            .write(to: daemon.root.appendingPathComponent("data-b/brott.csv"), atomically: true, encoding: .utf8)
    }

    static func hangUp(_ daemon: DaemonHarness) throws {
        let pid = try #require(daemon.pid)
        kill(pid, SIGHUP)
    }

    static func metrics(_ daemon: DaemonHarness) -> String { (try? String(contentsOf: daemon.metrics, encoding: .utf8)) ?? "" }

    /// The mails in the outbox (not the temporary files of a mail being written).
    static func outbox(_ daemon: DaemonHarness) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: daemon.outbox.path)) ?? [])
            .filter { $0.hasSuffix(".eml") && !$0.hasPrefix(".") }.sorted()
    }

    /// The lines of the log for `job` that start an evaluation.
    static func evaluations(of job: String, in log: String) -> Int {
        log.split(separator: "\n").filter { $0.contains("job=\(job)") && $0.contains("evaluating") }.count
    }

    /// How many "configuration reloaded" lines the log has.
    static func reloads(_ daemon: DaemonHarness) -> Int {
        daemon.log.components(separatedBy: "configuration reloaded").count - 1
    }

    /// The report of the job whose output folder is `folder`, when written.
    static func inputs(_ daemon: DaemonHarness, output folder: String) throws -> [String] {
        let url = daemon.root.appendingPathComponent(folder).appendingPathComponent("report.json")
        guard let data = FileManager.default.contents(atPath: url.path),
            let inputs = (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["inputs"] as? [[String: Any]]
        else { return [] }
        return inputs.compactMap { $0["path"] as? String }
    }

    static let klotter2024 = "år;kommun;brottskategori;antal\n2024;Provby;Klotter;30\n"

    @Test func anAddedJobStartsAndTheOthersAreNotEvaluatedAgain() async throws {
        let daemon = try DaemonHarness()
        try Self.makeSecondJob(daemon)
        try Self.writeConfig(daemon, [("provby", "rules", "data", "out")])
        try daemon.start()
        try await daemon.waitUntil("the first job reports and the metrics are written") {
            try Self.inputs(daemon, output: "out") == ["brott.csv"]
                && Self.metrics(daemon).contains("fokus_evaluations_total{job=\"provby\"} 1")
        }
        let mailsBefore = try await {
            try await daemon.waitUntil("the first report is mailed") { Self.outbox(daemon).count == 1 }
            return Self.outbox(daemon)
        }()

        try Self.writeConfig(daemon, [("provby", "rules", "data", "out"), ("tvaby", "rules-b", "data-b", "out-b")])
        try Self.hangUp(daemon)
        try await daemon.waitUntil("the added job reports") { try Self.inputs(daemon, output: "out-b") == ["brott.csv"] }
        try await daemon.waitUntil("the reload is done and the metrics show both jobs") {
            Self.reloads(daemon) == 1 && Self.metrics(daemon).contains("fokus_evaluations_total{job=\"tvaby\"} 1")
        }
        // Give the first job's loop the time it would need to act on a rules reload (quiet 100 ms).
        try await Task.sleep(for: .milliseconds(800))
        #expect(Self.evaluations(of: "provby", in: daemon.log) == 1, "\(daemon.log)")
        #expect(Self.evaluations(of: "tvaby", in: daemon.log) == 1, "\(daemon.log)")
        #expect(Self.metrics(daemon).contains("fokus_evaluations_total{job=\"provby\"} 1"))
        // The added job's report is mailed; the first job's is not mailed again.
        try await daemon.waitUntil("the added job's report is mailed") { Self.outbox(daemon).count == 2 }
        #expect(Set(mailsBefore).isSubset(of: Self.outbox(daemon)))
        #expect(Self.outbox(daemon).contains { $0.hasPrefix("fokus.tvaby.") })

        // Both keep watching.
        try daemon.writeData("klotter-2024.csv", Self.klotter2024)
        try await daemon.waitUntil("the first job reads new data") { try Self.inputs(daemon, output: "out").contains("klotter-2024.csv") }
        #expect(try daemon.stop() == 0)
    }

    /// Also changed: the outbox (the mail follows it) and the state database (refused until a restart).
    @Test func aChangedOutputFolderRestartsTheJobThere() async throws {
        let daemon = try DaemonHarness()
        try Self.writeConfig(daemon, [("provby", "rules", "data", "out")])
        try daemon.start()
        try await daemon.waitUntil("the first report") { try Self.inputs(daemon, output: "out") == ["brott.csv"] }
        try await daemon.waitUntil("the first report is mailed") { Self.outbox(daemon).count == 1 }

        try Self.writeConfig(daemon, [("provby", "rules", "data", "ut-ny")], state: "var/annan.sqlite", outbox: "utkorg-ny")
        try Self.hangUp(daemon)
        try await daemon.waitUntil("the report appears in the new folder") { try Self.inputs(daemon, output: "ut-ny") == ["brott.csv"] }
        #expect(daemon.log.contains("job settings changed: restarting it with the new settings"))
        #expect(daemon.log.contains("the state database changed to"), "\(daemon.log)")
        #expect(daemon.log.contains("this needs a restart"))
        #expect(!FileManager.default.fileExists(atPath: daemon.root.appendingPathComponent("var/annan.sqlite").path))
        // New data goes to the new folder only, and its mail to the new outbox.
        try daemon.writeData("klotter-2024.csv", Self.klotter2024)
        try await daemon.waitUntil("new data reaches the new folder") {
            try Self.inputs(daemon, output: "ut-ny").contains("klotter-2024.csv")
        }
        #expect(try Self.inputs(daemon, output: "out") == ["brott.csv"])
        let newOutbox = daemon.root.appendingPathComponent("utkorg-ny")
        func newMails() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: newOutbox.path)) ?? []).filter {
                $0.hasSuffix(".eml") && !$0.hasPrefix(".")
            }
        }
        try await daemon.waitUntil("the new data is mailed to the new outbox") { newMails().count == 1 }
        // The evaluation in force was not mailed again by the restarted job.
        try await Task.sleep(for: .milliseconds(1500))
        #expect(Self.outbox(daemon).count == 1, "\(Self.outbox(daemon))")
        #expect(newMails().count == 1, "\(newMails())")
        #expect(try daemon.stop() == 0)
    }

    @Test func aBrokenConfigurationKeepsTheOneInForceAndIsMailedOnce() async throws {
        let daemon = try DaemonHarness()
        try daemon.writeConfig()
        try daemon.start()
        try await daemon.waitUntil("the first report") { try daemon.reportInputs() == ["brott.csv"] }
        try await daemon.waitUntil("the first report is mailed") { Self.outbox(daemon).count == 1 }

        // An unknown key: line 17, column 1 of the harness's configuration.
        try daemon.writeConfig(extra: "wacth: { quiet_ms: 100 }")
        try Self.hangUp(daemon)
        try await daemon.waitUntil("the broken configuration is logged") { daemon.log.contains("the configuration file has errors") }
        #expect(daemon.log.contains("fokus.yaml:17:1"), "\(daemon.log)")
        #expect(daemon.log.contains("wacth"))
        try await daemon.waitUntil("the metrics show the failed reload") {
            Self.metrics(daemon).contains("fokus_last_reload_success{job=\"default\"} 0")
        }
        // The running job goes on.
        try daemon.writeData("klotter-2024.csv", Self.klotter2024)
        try await daemon.waitUntil("new data is still evaluated") { try daemon.reportInputs().contains("klotter-2024.csv") }
        // The error is mailed, in the job's language, to the recipients in force.
        try await daemon.waitUntil("the error is mailed") { Self.outbox(daemon).contains { $0.hasPrefix("fokus.config.") } }
        let name = try #require(Self.outbox(daemon).first { $0.hasPrefix("fokus.config.") })
        let eml = try String(contentsOf: daemon.outbox.appendingPathComponent(name), encoding: .utf8)
        #expect(eml.contains("To: samordnare@example.se"), "\(eml)")
        let mail = try DaemonLanguageTests.textPart(of: eml)
        #expect(mail.contains("fokus.yaml:17:1"), "\(mail)")
        #expect(mail.contains("Jobben fortsätter med den konfiguration som gällde innan"), "\(mail)")

        // The same error again: logged again, mailed no more.
        try Self.hangUp(daemon)
        try await daemon.waitUntil("the second SIGHUP is logged") {
            daemon.log.components(separatedBy: "the configuration file has errors").count == 3
        }
        try await Task.sleep(for: .milliseconds(2500))
        #expect(Self.outbox(daemon).filter { $0.hasPrefix("fokus.config.") }.count == 1, "\(Self.outbox(daemon))")

        // Fixed: the reload succeeds.
        try daemon.writeConfig()
        try Self.hangUp(daemon)
        try await daemon.waitUntil("the metrics show the successful reload") {
            Self.reloads(daemon) == 1 && Self.metrics(daemon).contains("fokus_last_reload_success{job=\"default\"} 1")
        }
        #expect(try daemon.stop() == 0)
    }

    @Test func aRemovedJobStopsWatching() async throws {
        let daemon = try DaemonHarness()
        try Self.makeSecondJob(daemon)
        try Self.writeConfig(daemon, [("provby", "rules", "data", "out"), ("tvaby", "rules-b", "data-b", "out-b")])
        try daemon.start()
        try await daemon.waitUntil("both jobs report") {
            try Self.inputs(daemon, output: "out") == ["brott.csv"] && Self.inputs(daemon, output: "out-b") == ["brott.csv"]
        }

        try Self.writeConfig(daemon, [("provby", "rules", "data", "out")])
        try Self.hangUp(daemon)
        try await daemon.waitUntil("the reload is done") { Self.reloads(daemon) == 1 }
        #expect(daemon.log.contains("job removed from the configuration: stopped"))
        let evaluationsBefore = Self.evaluations(of: "tvaby", in: daemon.log)

        // A new file in each folder: the remaining job reads its own, the removed one reads nothing.
        try Self.klotter2024.replacingOccurrences(of: "Provby", with: "Tvaby")
            .write(to: daemon.root.appendingPathComponent("data-b/klotter-2024.csv"), atomically: true, encoding: .utf8)
        try daemon.writeData("klotter-2024.csv", Self.klotter2024)
        try await daemon.waitUntil("the remaining job reads its new file") {
            try Self.inputs(daemon, output: "out").contains("klotter-2024.csv")
        }
        try await Task.sleep(for: .milliseconds(1000))
        #expect(try Self.inputs(daemon, output: "out-b") == ["brott.csv"])
        #expect(Self.evaluations(of: "tvaby", in: daemon.log) == evaluationsBefore, "\(daemon.log)")
        try await daemon.waitUntil("the metrics no longer list the removed job") {
            let metrics = Self.metrics(daemon)
            return metrics.contains("job=\"provby\"") && !metrics.contains("job=\"tvaby\"")
        }
        #expect(try daemon.stop() == 0)
    }
}
