import Fokus
import FokusState
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The real `fokus daemon` on a temporary folder: files dropped in every way a user or a copy
/// tool drops them.
@Suite(.timeLimit(.minutes(5)))
struct DaemonWatchTests {
    @Test func completeSlowRenamedAndMalformedFilesAreEachReadOnceComplete() throws {
        let daemon = try DaemonHarness()
        try daemon.writeConfig()
        try daemon.start()
        try daemon.waitUntil("the first report is written") { try daemon.reportInputs() == ["brott.csv"] }
        #expect(try daemon.report()?["period"] as? String == "2023")

        // A complete file, written in place.
        try daemon.writeData("klotter-2024.csv", "år;kommun;brottskategori;antal\n2024;Provby;Klotter;30\n")
        try daemon.waitUntil("the complete file is in the report") { try daemon.reportInputs().contains("klotter-2024.csv") }
        #expect(try daemon.report()?["period"] as? String == "2024")

        // A file written slowly: each pause is longer than the quiet period.
        let slow = daemon.data.appendingPathComponent("langsam.csv")
        _ = FileManager.default.createFile(atPath: slow.path, contents: nil)
        let handle = try FileHandle(forWritingTo: slow)
        handle.write(Data("år;kommun;brottskategori;antal\n".utf8))
        for year in 2019...2024 {
            Thread.sleep(forTimeInterval: 0.35)
            handle.write(Data("\(year);Provby;Inbrott;\(year - 2000)\n".utf8))
        }
        try handle.close()
        try daemon.waitUntil("the slow file is in the report") { try daemon.reportInputs().contains("langsam.csv") }

        // A file written under a hidden name and renamed into place.
        let hidden = daemon.data.appendingPathComponent(".stold-2024.csv.part")
        try "år;kommun;brottskategori;antal\n2024;Provby;Stöld;41\n".write(to: hidden, atomically: false, encoding: .utf8)
        try FileManager.default.moveItem(at: hidden, to: daemon.data.appendingPathComponent("stold-2024.csv"))
        try daemon.waitUntil("the renamed file is in the report") { try daemon.reportInputs().contains("stold-2024.csv") }

        // A file in a new subfolder.
        try FileManager.default.createDirectory(at: daemon.data.appendingPathComponent("2024"), withIntermediateDirectories: true)
        Thread.sleep(forTimeInterval: 0.3)
        try daemon.writeData("2024/inbrott.csv", "år;kommun;brottskategori;antal\n2024;Provby;Inbrott;9\n")
        try daemon.waitUntil("the file in the subfolder is in the report") { try daemon.reportInputs().contains("2024/inbrott.csv") }

        // A file with a bad row: quarantined with its reason, the rest still evaluated.
        try daemon.writeData("trasig.csv", "år;kommun;brottskategori;antal\n2024;Provby;Stöld;tolv\n")
        let rejected = daemon.data.appendingPathComponent("rejected/trasig.csv")
        let note = daemon.data.appendingPathComponent("rejected/trasig.csv.error.txt")
        try daemon.waitUntil("the bad file is quarantined") { FileManager.default.fileExists(atPath: note.path) }
        #expect(FileManager.default.fileExists(atPath: rejected.path))
        #expect(!FileManager.default.fileExists(atPath: daemon.data.appendingPathComponent("trasig.csv").path))
        let reason = try String(contentsOf: note, encoding: .utf8)
        #expect(reason.contains("Filen trasig.csv kunde inte läsas"))
        #expect(reason.contains("trasig.csv:2: antal: ”tolv” är inget tal"), "\(reason)")

        // The slow file was read once, complete: one ledger row, with the final content.
        let store = try daemon.store()
        let slowRows = try store.ingestedFiles().filter { $0.path.hasSuffix("/data/langsam.csv") }
        #expect(slowRows.count == 1)
        #expect(slowRows.first?.sha256 == DaemonHarness.sha256(of: slow))
        // Every file in the folder has exactly its current content in the ledger; the bad one is marked rejected.
        for name in ["brott.csv", "klotter-2024.csv", "stold-2024.csv"] {
            let rows = try store.ingestedFiles().filter { $0.path.hasSuffix("/data/\(name)") }
            #expect(rows.map(\.sha256) == [DaemonHarness.sha256(of: daemon.data.appendingPathComponent(name))], "\(name)")
        }
        try daemon.waitUntil("the bad file is in the ledger") {
            try !store.ingestedFiles().filter { $0.path.hasSuffix("/data/trasig.csv") }.isEmpty
        }
        let badRows = try store.ingestedFiles().filter { $0.path.hasSuffix("/data/trasig.csv") }
        #expect(badRows.map(\.kind) == ["rejected"])
        #expect(!(try daemon.reportInputs().contains("trasig.csv")))

        // A corrected file with the same name is accepted again.
        try daemon.writeData("trasig.csv", "år;kommun;brottskategori;antal\n2024;Provby;Stöld;12\n")
        try daemon.waitUntil("the corrected file is in the report") { try daemon.reportInputs().contains("trasig.csv") }
        #expect(FileManager.default.fileExists(atPath: note.path))  // nothing deleted

        #expect(try daemon.stop() == 0)
        #expect(daemon.log.contains("stopped"))
        let metrics = try String(contentsOf: daemon.metrics, encoding: .utf8)
        #expect(metrics.contains("fokus_files_rejected_total{job=\"default\"} 1"))
        #expect(metrics.contains("fokus_last_reload_success{job=\"default\"} 1"))
    }

    @Test func aBrokenRuleEditKeepsTheLastGoodRulesAndSIGHUPReloads() throws {
        let daemon = try DaemonHarness()
        try daemon.writeConfig()
        try daemon.start()
        try daemon.waitUntil("the first report is written") { try daemon.report() != nil }

        let ruleFile = daemon.rules.appendingPathComponent("regler.yaml")
        try DaemonHarness.rulesYAML.replacingOccurrences(of: "select: { top: 2 }", with: "selekt: { top: 2 }")
            .write(to: ruleFile, atomically: true, encoding: .utf8)
        try daemon.waitUntil("the broken rules are reported") { daemon.log.contains("rules have errors") }
        #expect(daemon.log.contains("did you mean \\\"select\\\"") || daemon.log.contains("did you mean \"select\""))
        // The last good rules stay in force: new data is still evaluated.
        try daemon.writeData("klotter-2024.csv", "år;kommun;brottskategori;antal\n2024;Provby;Klotter;30\n")
        try daemon.waitUntil("new data is evaluated with the last good rules") { try daemon.reportInputs().contains("klotter-2024.csv") }
        try daemon.waitUntil("the metrics show the failed reload") {
            let metrics = (try? String(contentsOf: daemon.metrics, encoding: .utf8)) ?? ""
            return metrics.contains("fokus_last_reload_success{job=\"default\"} 0")
        }
        // The error is mailed (to the outbox).
        try daemon.waitUntil("the error is mailed") {
            let mails = (try? FileManager.default.contentsOfDirectory(atPath: daemon.outbox.path)) ?? []
            return mails.contains { $0.contains(".rules.") }
        }

        // A fixed file with top 1, picked up by SIGHUP as well as by the watcher.
        try DaemonHarness.rulesYAML.replacingOccurrences(of: "select: { top: 2 }", with: "select: { top: 1 }")
            .write(to: ruleFile, atomically: true, encoding: .utf8)
        // A broken edit of the configuration is reported on SIGHUP and does not replace the one in force.
        try daemon.writeConfig(extra: "wacth: {}")
        if let process = daemon.process { kill(process.processIdentifier, SIGHUP) }
        try daemon.waitUntil("the broken configuration is reported") { daemon.log.contains("the configuration file has errors") }
        try daemon.waitUntil("the fixed rules select one area") {
            let ranking = try daemon.report()?["ranking"] as? [[String: Any]] ?? []
            return ranking.filter { $0["selected"] as? Bool == true }.count == 1
        }
        let status = try daemon.stop(signal: SIGINT)
        #expect(status == 0, "\(daemon.log)")
    }

    @Test func checkConfigReportsUnknownKeysWithLocationAndSuggestion() throws {
        let daemon = try DaemonHarness()
        try daemon.writeConfig(extra: "wacth: { quiet_ms: 100 }")
        let result = try daemon.run(["daemon", "--config", "fokus.yaml", "--check-config"])
        #expect(result.status == 1)
        #expect(
            result.output.contains("fokus.yaml:17:1: fel: okänd nyckel \"wacth\" i konfigurationen; menade du \"watch\"?"),
            "\(result.output)")

        try daemon.writeConfig(mail: "transport: smtp\nsmtp: { host: 127.0.0.1, tls: startls }")
        let bad = try daemon.run(["daemon", "--config", "fokus.yaml", "--check-config"])
        #expect(bad.status == 1)
        #expect(bad.output.contains("`smtp.tls` kan inte vara ”startls”; menade du ”starttls”?"), "\(bad.output)")

        try daemon.writeConfig()
        let good = try daemon.run(["daemon", "--config", "fokus.yaml", "--check-config"])
        #expect(good.status == 0)
        #expect(good.output.contains("jobb default"))
    }
}

/// Several jobs in one daemon, polling mode, and the sample configuration in the repository.
@Suite(.timeLimit(.minutes(4)))
struct DaemonJobsTests {
    @Test func jobsArePolledIndependentlyAndABrokenJobDoesNotStopTheOthers() throws {
        let daemon = try DaemonHarness()
        let fm = FileManager.default
        // A second job whose rules are broken from the start.
        for folder in ["rules-b", "data-b"] {
            try fm.createDirectory(at: daemon.root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try "fokus: 1\nareas: [ { id: x, name: X, categories: [Stöld] } ]\nweigths: {}\n"
            .write(to: daemon.root.appendingPathComponent("rules-b/regler.yaml"), atomically: true, encoding: .utf8)
        try DaemonHarness.baseData.write(to: daemon.root.appendingPathComponent("data-b/brott.csv"), atomically: true, encoding: .utf8)
        let config = """
            state: var/fokus.sqlite
            metrics: metrics/fokus.prom
            watch: { quiet_ms: 100, poll_seconds: 0.2 }
            notify: { on: change, mail: { transport: outbox, from: lagesbild@example.se, to: [samordnare@example.se], outbox: outbox } }
            jobs:
              - name: provby
                rules: rules
                data: data
                output: out
              - name: trasig
                rules: rules-b
                data: data-b
                output: out-b
                lang: en
            """
        try config.write(to: daemon.root.appendingPathComponent("fokus.yaml"), atomically: true, encoding: .utf8)
        let check = try daemon.run(["daemon", "--config", "fokus.yaml", "--check-config"])
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("jobb provby") && check.output.contains("jobb trasig") && check.output.contains("tittar var 0.2 s"))

        try daemon.start()
        try daemon.waitUntil("the good job reports") { try daemon.reportInputs() == ["brott.csv"] }
        try daemon.waitUntil("the broken job is reported") {
            daemon.log.split(separator: "\n").contains { $0.contains("job=trasig") && $0.contains("rules have errors") }
        }

        // Polling: a file appears, is read once it stopped changing.
        try daemon.writeData("klotter-2024.csv", "år;kommun;brottskategori;antal\n2024;Provby;Klotter;30\n")
        try daemon.waitUntil("the polled file is in the report") { try daemon.reportInputs().contains("klotter-2024.csv") }

        // Fixing the broken job's rules brings it to life.
        try DaemonHarness.rulesYAML.write(to: daemon.root.appendingPathComponent("rules-b/regler.yaml"), atomically: true, encoding: .utf8)
        try daemon.waitUntil("the second job reports") {
            fm.fileExists(atPath: daemon.root.appendingPathComponent("out-b/report.json").path)
        }
        #expect(try daemon.stop() == 0)
        let metrics = try String(contentsOf: daemon.metrics, encoding: .utf8)
        #expect(metrics.contains("fokus_last_reload_success{job=\"trasig\"} 1"))
        #expect(metrics.contains("fokus_evaluations_total{job=\"provby\"}"))
    }

    @Test func theSampleConfigurationInTheRepositoryIsValid() throws {
        let daemon = try DaemonHarness()
        let sample = DaemonHarness.packageRoot.appendingPathComponent("Examples/daemon/fokus.yaml")
        let result = try daemon.run(["daemon", "--config", sample.path, "--check-config"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("meddela change med outbox till samordnare@example.se, kommunpolis@example.se"))
        let unit = try String(
            contentsOf: DaemonHarness.packageRoot.appendingPathComponent("Examples/daemon/fokus.service"), encoding: .utf8)
        #expect(unit.contains("Type=notify"))
        #expect(unit.contains("ExecStart=/usr/local/bin/fokus daemon --config"))
    }
}

/// A bad replacement of a good file: the good version stays in force until the file is corrected.
@Suite(.timeLimit(.minutes(4)))
struct DaemonLastGoodTests {
    @Test func aBadReplacementKeepsTheLastGoodVersionInForce() throws {
        let daemon = try DaemonHarness()
        try daemon.writeConfig()
        try daemon.start()
        let good = DaemonHarness.sha256(of: daemon.data.appendingPathComponent("brott.csv"))
        try daemon.waitUntil("the first report is written") { try daemon.reportInputs() == ["brott.csv"] }

        // The group saves a broken copy over the good file.
        try daemon.writeData("brott.csv", DaemonHarness.baseData + "2024;Provby;Stöld;många\n")
        let note = daemon.data.appendingPathComponent("rejected/brott.csv.error.txt")
        try daemon.waitUntil("the broken file is quarantined") { FileManager.default.fileExists(atPath: note.path) }
        #expect(try String(contentsOf: note, encoding: .utf8).contains("den senast godkända versionen av filen gäller tills vidare"))
        try daemon.waitUntil("the report still rests on the good version") {
            let inputs = try daemon.report()?["inputs"] as? [[String: Any]] ?? []
            return inputs.count == 1 && inputs[0]["path"] as? String == "brott.csv" && inputs[0]["sha256"] as? String == good
        }
        #expect(try daemon.report()?["period"] as? String == "2023")

        // New data still comes in on top of it.
        try daemon.writeData("klotter-2024.csv", "år;kommun;brottskategori;antal\n2024;Provby;Klotter;30\n")
        try daemon.waitUntil("the new file joins the good version") {
            try daemon.reportInputs().sorted() == ["brott.csv", "klotter-2024.csv"]
        }

        // The corrected file replaces the good version.
        try daemon.writeData("brott.csv", DaemonHarness.baseData + "2024;Provby;Stöld;44\n")
        let corrected = DaemonHarness.sha256(of: daemon.data.appendingPathComponent("brott.csv"))
        try daemon.waitUntil("the corrected file is used") {
            let inputs = try daemon.report()?["inputs"] as? [[String: Any]] ?? []
            return inputs.contains { $0["path"] as? String == "brott.csv" && $0["sha256"] as? String == corrected }
        }
        #expect(try daemon.reportInputs().filter { $0 == "brott.csv" }.count == 1)
        #expect(try daemon.stop() == 0)
    }
}

/// One new file costs reading that file, not all the data ingested before.
@Suite(.timeLimit(.minutes(4)))
struct DaemonIncrementalTests {
    static func filesRead(in line: Substring) -> Int? {
        guard let range = line.range(of: "files_read=") else { return nil }
        return Int(line[range.upperBound...].prefix { $0.isNumber })
    }

    @Test func aNewFileIsTheOnlyFileRead() throws {
        let daemon = try DaemonHarness()
        // Forty files of events, a year each of one category.
        for index in 0..<40 {
            var text = "datum;kommun;brottskategori\n"
            for day in 0..<300 {
                text +=
                    "\(2000 + index / 3)-\(String(format: "%02d", day % 12 + 1))-01;Provby;\(["Stöld", "Klotter", "Inbrott"][index % 3])\n"
            }
            try daemon.writeData(String(format: "handelser-%02d.csv", index), text)
        }
        try daemon.writeConfig()
        try daemon.start()
        try daemon.waitUntil("the first report is written") { try daemon.reportInputs().count == 41 }
        try daemon.waitUntil("the daemon is ready") { daemon.log.contains("ready:") }
        let evaluatedBefore = daemon.log.split(separator: "\n").filter { $0.contains("] evaluated") }.count

        try daemon.writeData("klotter-2024.csv", "år;kommun;brottskategori;antal\n2024;Provby;Klotter;30\n")
        try daemon.waitUntil("the new file is evaluated") {
            daemon.log.split(separator: "\n").contains { $0.contains("] evaluated") && $0.contains("files=42 ") }
        }
        let lines = daemon.log.split(separator: "\n").filter { $0.contains("] evaluated") }
        let after = lines.dropFirst(evaluatedBefore)
        #expect(after.compactMap(Self.filesRead).first == 1, "\(after)")
        // The same data read whole gives the same report.
        #expect(try daemon.stop() == 0)
        let incremental = try Data(contentsOf: daemon.output.appendingPathComponent("report.json"))
        let full = try daemon.run(["evaluate", "--rules", "rules", "--data", "data", "--format", "json"])
        #expect(full.status == 0)
        let a = try JSONSerialization.jsonObject(with: incremental) as? [String: Any]
        let b = try JSONSerialization.jsonObject(with: Data(full.output.utf8)) as? [String: Any]
        #expect(
            (a?["ranking"] as? [[String: Any]])?.map { $0["score"] as? Double }
                == (b?["ranking"] as? [[String: Any]])?.map { $0["score"] as? Double })
        #expect((a?["inputs"] as? [[String: Any]])?.count == 42)
    }
}

/// Polling (network shares): a file still growing between polls is not read until it stops.
@Suite(.timeLimit(.minutes(4)))
struct DaemonPollingTests {
    @Test func aFileGrowingBetweenPollsIsReadOnceItStops() throws {
        let daemon = try DaemonHarness()
        try daemon.writeConfig(quietMS: 100, extra: "")
        let config = try String(contentsOf: daemon.root.appendingPathComponent("fokus.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "watch: { quiet_ms: 100 }", with: "watch: { quiet_ms: 100, poll_seconds: 0.3 }")
        try config.write(to: daemon.root.appendingPathComponent("fokus.yaml"), atomically: true, encoding: .utf8)
        try daemon.start()
        try daemon.waitUntil("the first report is written") { try daemon.reportInputs() == ["brott.csv"] }

        let slow = daemon.data.appendingPathComponent("langsam.csv")
        _ = FileManager.default.createFile(atPath: slow.path, contents: nil)
        let handle = try FileHandle(forWritingTo: slow)
        handle.write(Data("år;kommun;brottskategori;antal\n".utf8))
        for year in 2019...2024 {
            Thread.sleep(forTimeInterval: 0.2)  // shorter than the poll interval: each poll sees it grow
            handle.write(Data("\(year);Provby;Inbrott;\(year - 2000)\n".utf8))
        }
        try handle.close()
        try daemon.waitUntil("the grown file is in the report") { try daemon.reportInputs().contains("langsam.csv") }
        // The ledger is written just after the report.
        try daemon.waitUntil("the grown file is in the ledger") {
            try !daemon.store().ingestedFiles().filter { $0.path.hasSuffix("/langsam.csv") }.isEmpty
        }
        let rows = try daemon.store().ingestedFiles().filter { $0.path.hasSuffix("/langsam.csv") }
        #expect(rows.map(\.sha256) == [DaemonHarness.sha256(of: slow)])
        #expect(try daemon.stop() == 0)
    }

    @Test func onceExitsOneWhenTheRulesAreBroken() throws {
        let daemon = try DaemonHarness()
        try daemon.writeConfig()
        try "fokus: 1\nareas: []\nweigths: {}\n".write(
            to: daemon.rules.appendingPathComponent("regler.yaml"), atomically: true, encoding: .utf8)
        let result = try daemon.run(["daemon", "--config", "fokus.yaml", "--once"])
        #expect(result.status == 1)
        #expect(result.output.contains("did you mean \\\"weights\\\"") || result.output.contains("did you mean \"weights\""))
    }
}
