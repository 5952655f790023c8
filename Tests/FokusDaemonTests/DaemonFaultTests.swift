import Fokus
import FokusState
import Foundation
import Testing

@testable import FokusDaemon

#if canImport(Glibc)
import Glibc
#endif

/// What the fault tests need from the machine, found out by trying it once.
enum FaultEnvironment {
    /// Runs a command (looked up on `PATH`) to completion; returns its status and its output and errors.
    @discardableResult
    static func run(_ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (-1, "\(error)") }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// Whether a size-limited tmpfs can be mounted here (root with CAP_SYS_ADMIN, outside a locked-down
    /// container): it is the disk that fills up in ``DaemonFaultTests``.
    static let canMountTmpfs: Bool = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fokus-mount-probe-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil,
            run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", folder.path]).status == 0
        else { return false }
        return run(["umount", folder.path]).status == 0
    }()

    /// Whether `chattr +i` makes a folder refuse new files here, for root too (the file system must support
    /// the immutable attribute, and the process needs CAP_LINUX_IMMUTABLE). Permission bits (`chmod 0500`)
    /// do not stop root, who runs these tests, so they cannot make the output folder read-only.
    static let canMakeImmutable: Bool = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fokus-chattr-probe-\(UUID().uuidString)")
        defer {
            run(["chattr", "-i", folder.path])
            try? FileManager.default.removeItem(at: folder)
        }
        guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil,
            run(["chattr", "+i", folder.path]).status == 0
        else { return false }
        return !FileManager.default.createFile(atPath: folder.appendingPathComponent("x").path, contents: Data())
    }()

    /// Fills the file system holding `file` by writing to it until the disk is full.
    static func fill(_ file: URL) throws {
        let fd = open(file.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw HarnessError("cannot create \(file.path)") }
        defer { close(fd) }
        let chunk = [UInt8](repeating: 0x55, count: 4096)
        while true {
            let written = chunk.withUnsafeBytes { Glibc.write(fd, $0.baseAddress!, $0.count) }
            if written > 0 { continue }
            if written < 0 && errno == EINTR { continue }
            guard errno == ENOSPC else { throw HarnessError("filling \(file.path): \(String(cString: strerror(errno)))") }
            fsync(fd)
            return
        }
    }

    /// What process `pid` has open (the targets of `/proc/PID/fd/*`).
    static func openFiles(of pid: Int32) -> [String] {
        let folder = "/proc/\(pid)/fd"
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).compactMap {
            try? FileManager.default.destinationOfSymbolicLink(atPath: "\(folder)/\($0)")
        }
    }

    /// Every file under `folder` (recursively), by relative path, with its content.
    static func contents(of folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        let base = folder.standardizedFileURL.path + "/"
        if let walk = FileManager.default.enumerator(atPath: folder.path) {
            for case let path as String in walk {
                let url = folder.appendingPathComponent(path)
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                    result[url.standardizedFileURL.path.replacingOccurrences(of: base, with: "")] = FileManager.default.contents(
                        atPath: url.path)
                }
            }
        }
        return result
    }
}

/// The real daemon meets the faults of a server's life: a full disk, a read-only output folder, a
/// state database locked by another process, an SMTP server that hangs up or refuses, a file removed
/// between its event and its read. Each time it keeps running, says what happened, loses nothing and
/// recovers by itself once the fault is gone.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct DaemonFaultTests {
    static let outputNames = ["report.json", "report.md", "priorities.csv", "report.html"]
    static let klotter2024 = "år;kommun;brottskategori;antal\n2024;Provby;Klotter;30\n"

    /// The outputs that a failed write must leave alone: every file's bytes.
    static func snapshot(_ daemon: DaemonHarness) -> [String: Data] {
        Dictionary(
            uniqueKeysWithValues: outputNames.compactMap { name in
                FileManager.default.contents(atPath: daemon.output.appendingPathComponent(name).path).map { (name, $0) }
            })
    }

    static func outbox(_ daemon: DaemonHarness) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: daemon.outbox.path)) ?? []).filter { $0.hasSuffix(".eml") }.sorted()
    }

    static func metrics(_ daemon: DaemonHarness) -> String {
        (try? String(contentsOf: daemon.metrics, encoding: .utf8)) ?? ""
    }

    /// Drives one output fault: the first report is written, the fault starts, a new file arrives, the
    /// write fails and is reported while the last good outputs stay whole; the fault ends and the
    /// outputs follow without any further change in the data.
    static func outputFault(
        _ daemon: DaemonHarness, reason: String, start: () throws -> Void, end: () throws -> Void
    ) async throws {
        try daemon.writeConfig()
        try daemon.start()
        try await daemon.waitUntil("the first report is written") { try daemon.report()?["period"] as? String == "2023" }
        try await daemon.waitUntil("the first mail is in the outbox") { outbox(daemon).count == 1 }
        let lastGood = snapshot(daemon)
        #expect(lastGood.count == outputNames.count)

        try start()
        try daemon.writeData("klotter-2024.csv", klotter2024)
        try await daemon.waitUntil("the failed write is reported") { daemon.log.contains("cannot write the outputs") }
        try await daemon.waitUntil("a retry has failed too") { daemon.log.components(separatedBy: "cannot write the outputs").count >= 3 }
        #expect(daemon.isRunning)
        #expect(daemon.log.contains(reason), "\(daemon.log)")
        // The last good outputs are whole and unchanged; no temporary file is left anywhere in the folder.
        #expect(snapshot(daemon) == lastGood)
        #expect(FaultEnvironment.contents(of: daemon.output).keys.filter { $0.contains(".fokus-tmp-") }.isEmpty)
        // Nothing is lost meanwhile: the evaluation is recorded, the file is in the ledger, the mail is queued.
        try await daemon.waitUntil("the metrics say the outputs are behind") {
            metrics(daemon).contains("fokus_outputs_behind{job=\"default\"} 1")
        }
        #expect(!metrics(daemon).contains("fokus_faults_in_a_row{job=\"default\"} 0"))
        try await daemon.waitUntil("the changed report is mailed") { outbox(daemon).count == 2 }

        try end()
        try await daemon.waitUntil("the outputs are written once the fault is gone", timeout: 60) {
            try daemon.report()?["period"] as? String == "2024"
        }
        try await daemon.waitUntil("the recovery is logged", timeout: 10) {
            daemon.log.contains("outputs written after an earlier failure")
        }
        try await daemon.waitUntil("the metrics say the outputs are current") {
            metrics(daemon).contains("fokus_outputs_behind{job=\"default\"} 0")
                && metrics(daemon).contains("fokus_faults_in_a_row{job=\"default\"} 0")
        }
        // A whole new set: every output is there and parses; the archive holds both evaluations.
        #expect(try daemon.reportInputs() == ["brott.csv", "klotter-2024.csv"])
        let csv = try String(contentsOf: daemon.output.appendingPathComponent("priorities.csv"), encoding: .utf8)
        #expect(csv.unicodeScalars.last == "\n")
        let page = try String(contentsOf: daemon.output.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(page.hasSuffix("</html>\n"))
        let archive = try FileManager.default.contentsOfDirectory(atPath: daemon.output.appendingPathComponent("archive").path)
        #expect(archive.count == 2, "\(archive)")
        #expect(FaultEnvironment.contents(of: daemon.output).keys.filter { $0.contains(".fokus-tmp-") }.isEmpty)
        // One evaluation recorded per change, one ledger row per file, one mail each.
        let store = try daemon.store()
        #expect(try store.evaluations(scope: "Provby").count == 2)
        #expect(try store.ingestedFiles().filter { $0.path.hasSuffix("/klotter-2024.csv") }.count == 1)
        try await Task.sleep(for: .milliseconds(Int(1 * 1000)))
        #expect(outbox(daemon).count == 2)
        #expect(try daemon.stop() == 0)
    }

    /// The output folder is a 1 MiB tmpfs, filled up by another file.
    @Test(.enabled(if: FaultEnvironment.canMountTmpfs, "mounting a size-limited tmpfs (the disk to fill) needs root with CAP_SYS_ADMIN"))
    func aFullDiskKeepsTheLastGoodOutputsAndTheyAreWrittenWhenSpaceComesBack() async throws {
        let daemon = try DaemonHarness()
        try FileManager.default.createDirectory(at: daemon.output, withIntermediateDirectories: true)
        let mounted = FaultEnvironment.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", daemon.output.path])
        try #require(mounted.status == 0, "\(mounted.output)")
        let filler = daemon.output.appendingPathComponent(".fyllnad")
        defer {
            if daemon.isRunning { _ = try? daemon.stop() }
            FaultEnvironment.run(["umount", "-l", daemon.output.path])
        }
        try await Self.outputFault(
            daemon, reason: "No space left on device",
            start: { try FaultEnvironment.fill(filler) },
            end: { try FileManager.default.removeItem(at: filler) })
    }

    /// The output folder made immutable with `chattr +i`: no file can be created or renamed in it, by root
    /// either (which `chmod 0500` would not achieve, root bypassing permission bits).
    @Test(.enabled(if: FaultEnvironment.canMakeImmutable, "`chattr +i` is not supported by this file system or not permitted"))
    func aReadOnlyOutputFolderKeepsTheLastGoodOutputsAndTheyAreWrittenWhenItIsWritableAgain() async throws {
        let daemon = try DaemonHarness()
        defer {
            FaultEnvironment.run(["chattr", "-i", daemon.output.path])
            if daemon.isRunning { _ = try? daemon.stop() }
        }
        try await Self.outputFault(
            daemon, reason: "Operation not permitted",
            start: {
                let made = FaultEnvironment.run(["chattr", "+i", daemon.output.path])
                try #require(made.status == 0, "\(made.output)")
                // The fault is real: root cannot create a file in the folder.
                try #require(!FileManager.default.createFile(atPath: daemon.output.appendingPathComponent("prov").path, contents: Data()))
            },
            end: { try #require(FaultEnvironment.run(["chattr", "-i", daemon.output.path]).status == 0) })
    }

    /// Outputs still owed when the daemon stops are written by the next process, while a normal restart
    /// leaves the outputs (with what changed) as they are.
    @Test(.enabled(if: FaultEnvironment.canMakeImmutable, "`chattr +i` is not supported by this file system or not permitted"))
    func outputsOwedWhenTheDaemonStopsAreWrittenAfterTheRestart() async throws {
        let daemon = try DaemonHarness()
        defer {
            FaultEnvironment.run(["chattr", "-i", daemon.output.path])
            if daemon.isRunning { _ = try? daemon.stop() }
        }
        try daemon.writeConfig()
        try daemon.start()
        try await daemon.waitUntil("the first report is written") { try daemon.report()?["period"] as? String == "2023" }
        try daemon.writeData("klotter-2024.csv", Self.klotter2024)
        try await daemon.waitUntil("the changed report is written") { try daemon.report()?["period"] as? String == "2024" }
        // The outputs are renamed into place one after the other and the file is recorded after them: once
        // it is, every output is in place.
        try await daemon.waitUntil("the new file is recorded") {
            daemon.log.split(separator: "\n").contains { $0.contains("klotter-2024.csv") && $0.contains("data file ingested") }
        }
        let withChanges = Self.snapshot(daemon)
        #expect(try daemon.report()?["changes"] is [String: Any])
        #expect(try daemon.stop() == 0)
        try daemon.start()
        try await daemon.waitUntil("the restarted daemon is ready") { daemon.log.contains("ready:") }
        #expect(!daemon.log.contains("older than the evaluation in force"))
        #expect(Self.snapshot(daemon) == withChanges)

        try #require(FaultEnvironment.run(["chattr", "+i", daemon.output.path]).status == 0)
        try daemon.writeData("stold-2024.csv", "år;kommun;brottskategori;antal\n2024;Provby;Stöld;50\n")
        try await daemon.waitUntil("the failed write is reported") { daemon.log.contains("cannot write the outputs") }
        #expect(try daemon.stop() == 0)
        #expect(Self.snapshot(daemon) == withChanges)
        try #require(FaultEnvironment.run(["chattr", "-i", daemon.output.path]).status == 0)
        try daemon.start()
        try await daemon.waitUntil("the owed outputs are written by the next process") {
            try daemon.reportInputs().contains("stold-2024.csv")
        }
        try await daemon.waitUntil("the rewrite is logged", timeout: 10) { daemon.log.contains("older than the evaluation in force") }
        #expect(try daemon.store().evaluations(scope: "Provby").count == 3)
        #expect(Self.outbox(daemon).count == 3)
        #expect(try daemon.stop() == 0)
    }

    /// Holds `BEGIN EXCLUSIVE` on the state database from another process (python3's sqlite3) for `seconds`.
    final class Locker {
        let process = Process()

        init(database: String, seconds: Double) throws {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [
                "python3", "-c",
                """
                import sqlite3, sys, time
                connection = sqlite3.connect(sys.argv[1], timeout=30, isolation_level=None)
                connection.execute("BEGIN EXCLUSIVE")
                print("locked", flush=True)
                time.sleep(float(sys.argv[2]))
                connection.execute("ROLLBACK")
                print("released", flush=True)
                """,
                database, String(seconds),
            ]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            var line = Data()
            while !line.contains(UInt8(ascii: "\n")) {
                let byte = pipe.fileHandleForReading.readData(ofLength: 1)
                guard !byte.isEmpty else { throw HarnessError("the locking process ended before it held the lock") }
                line += byte
            }
            guard String(decoding: line, as: UTF8.self) == "locked\n" else { throw HarnessError("unexpected: \(line)") }
        }

        deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
    }

    /// A started daemon that mails through a real SMTP server on loopback, which answers as the returned
    /// file says (`451`, `554`, `drop`; empty: it takes the mail); the file starts with `mode`.
    static func daemonMailingTo(mode: String) throws -> (DaemonHarness, SMTPSink, URL) {
        let daemon = try DaemonHarness()
        let modeFile = daemon.root.appendingPathComponent("smtp-mode")
        try "\(mode)\n".write(to: modeFile, atomically: true, encoding: .utf8)
        let sink = SMTPSink(folder: daemon.root.appendingPathComponent("received"), environment: ["SINK_MODE_FILE": modeFile.path])
        try sink.start()
        try daemon.writeConfig(mail: DaemonMailTests.smtpConfig(port: sink.port))
        try daemon.start()
        return (daemon, sink, modeFile)
    }

    @Test func aLockedStateDatabaseDelaysRecordingButLosesAndDuplicatesNothing() async throws {
        let (daemon, sink, mode) = try Self.daemonMailingTo(mode: "451")
        // The first report is written and its mail waits in the queue (the server answers 451).
        try await daemon.waitUntil("the first report is written") { try daemon.report()?["period"] as? String == "2023" }
        try await daemon.waitUntil("a delivery has been refused") { daemon.log.contains("mail not delivered") }

        // Another process holds the database for 30 s (six times the 5 s busy timeout: the evaluation waits
        // out recording itself, its files and their cache rows, one connection at a time, before the mail goes
        // out, and the mail must still find the database locked). Meanwhile the server takes mail again and a
        // new file arrives.
        let locker = try Locker(database: daemon.statePath, seconds: 30)
        try "ok\n".write(to: mode, atomically: true, encoding: .utf8)
        try daemon.writeData("klotter-2024.csv", Self.klotter2024)
        try await daemon.waitUntil("the queued mail is delivered during the lock", timeout: 30) { sink.messages().count == 1 }
        try await daemon.waitUntil("the locked database is reported", timeout: 30) { daemon.log.contains("database is locked") }
        try await daemon.waitUntil("the other process releases the lock", timeout: 40) { !locker.process.isRunning }
        #expect(daemon.log.contains("mail delivered, but the state database cannot record it yet"), "\(daemon.log)")
        #expect(daemon.isRunning)

        // Once free, the daemon records everything by itself: the evaluation, the file, both mails, each once.
        try await daemon.waitUntil("the new evaluation is recorded and mailed", timeout: 60) {
            try sink.messages().count >= 2 && daemon.store().mailQueueSummary().queued == 0
        }
        let store = try daemon.store()
        try await daemon.waitUntil("the ledger holds the new file") {
            try store.ingestedFiles().contains { $0.path.hasSuffix("/klotter-2024.csv") }
        }
        #expect(try daemon.reportInputs() == ["brott.csv", "klotter-2024.csv"])
        let evaluations = try store.evaluations(scope: "Provby")
        #expect(evaluations.count == 2)
        #expect(try store.ingestedFiles().filter { $0.path.hasSuffix("/klotter-2024.csv") }.count == 1)
        try await Task.sleep(for: .milliseconds(Int(2 * 1000)))
        let ids = sink.messages().compactMap { $0["message_id"] as? String }
        #expect(ids.count == 2 && Set(ids).count == 2, "\(ids)")
        for evaluation in evaluations { #expect(ids.contains("<fokus.default.\(evaluation.id)@example.se>")) }
        #expect(daemon.isRunning)
        #expect(try daemon.stop() == 0)
    }

    /// `drop`: the server hangs up in the middle of the message; `451`: it asks to try later; `554`: it
    /// refuses. Each time the mail stays queued and goes out once the server takes it.
    @Test(arguments: [("drop", ""), ("451", "451"), ("554", "554")])
    func anSMTPServerThatHangsUpOrRefusesKeepsTheMailQueuedUntilItTakesIt(mode: String, code: String) async throws {
        let (daemon, sink, modeFile) = try Self.daemonMailingTo(mode: mode)
        let attempts = sink.folder.appendingPathComponent("attempts.log")
        func attemptLines() -> [String] {
            ((try? String(contentsOf: attempts, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        }
        try await daemon.waitUntil("three attempts have failed") {
            attemptLines().filter { $0 == mode }.count >= 3 && daemon.log.components(separatedBy: "mail not delivered").count >= 4
        }
        #expect(daemon.isRunning)
        #expect(sink.messages().isEmpty)
        #expect(try daemon.store().mailQueueSummary().queued == 1)
        let failures = daemon.log.split(separator: "\n").filter { $0.contains("mail not delivered") }
        if !code.isEmpty { #expect(failures.allSatisfy { $0.contains(code) }, "\(failures)") }
        #expect(Self.metrics(daemon).contains("fokus_mail_queue_length 1"))

        try "ok\n".write(to: modeFile, atomically: true, encoding: .utf8)
        try await daemon.waitUntil("the mail is delivered once the server takes it") { sink.messages().count == 1 }
        try await Task.sleep(for: .milliseconds(Int(1.5 * 1000)))
        #expect(sink.messages().count == 1)
        DaemonMailTests.expectWellFormed(sink.messages()[0])
        #expect(try daemon.store().mailQueueSummary().queued == 0)
        try await daemon.waitUntil("the metrics show an empty queue") { Self.metrics(daemon).contains("fokus_mail_queue_length 0") }
        #expect(try daemon.stop() == 0)
    }

    /// A file removed after the daemon listed the folder and before it read the file: it is left out and
    /// named in the log, nothing is quarantined or recorded for it, and it is read when it comes back.
    @Test func aFileRemovedBetweenItsEventAndItsReadIsLeftOutAndReadWhenItComesBack() async throws {
        let daemon = try DaemonHarness()
        // Police events in JSON make every evaluation list the whole folder first and then read it in name
        // order; a large file read first leaves time to remove a later one in between.
        try daemon.writeData(
            "handelser.json",
            #"[{"id": 1, "datetime": "2023-05-01 12:00:00 +02:00", "name": "1 maj, Stöld, Provby", "type": "Stöld", "location": {"name": "Provby"}}]"#
        )
        var big = "datum;kommun;brottskategori\n"
        big.reserveCapacity(3_000_000)
        for i in 0..<100_000 { big += "2022-\(String(format: "%02d", i % 12 + 1))-15;Annanby;Stöld\n" }
        try daemon.writeData("a-stor.csv", big)
        try daemon.writeConfig(quietMS: 100)
        try daemon.start()
        try await daemon.waitUntil("the first report is written") { try daemon.reportInputs().contains("a-stor.csv") }
        // Idle: every evaluation begun has ended, and none begins for a second.
        func idle() -> Bool {
            daemon.log.components(separatedBy: "] evaluating").count == daemon.log.components(separatedBy: "evaluated:").count
        }
        try await daemon.waitUntil("the daemon is idle") {
            guard idle() else { return false }
            let before = daemon.log.count
            Thread.sleep(forTimeInterval: 1)
            return idle() && daemon.log.count == before
        }

        let evaluating = daemon.log.components(separatedBy: "] evaluating").count
        let evaluated = daemon.log.components(separatedBy: "evaluated:").count
        let late = daemon.data.appendingPathComponent("z-sen.csv")
        // The large file changes too, so that it is read again before the new one whichever way the folder is read.
        try (big + "2022-12-16;Annanby;Stöld\n").write(
            to: daemon.data.appendingPathComponent("a-stor.csv"), atomically: false, encoding: .utf8)
        try Self.klotter2024.write(to: late, atomically: false, encoding: .utf8)
        try await daemon.waitUntil("the evaluation for the new file starts") {
            daemon.log.components(separatedBy: "] evaluating").count > evaluating
        }
        // The large file is open: the folder has been listed, and the new file is yet to be read.
        let pid = try #require(daemon.pid)
        let deadline = Date().addingTimeInterval(30)
        while !FaultEnvironment.openFiles(of: pid).contains(where: { $0.hasSuffix("/a-stor.csv") }) {
            guard Date() < deadline else { throw HarnessError("the daemon never opened a-stor.csv\n\(daemon.log)") }
            usleep(2000)
        }
        try FileManager.default.removeItem(at: late)
        try await daemon.waitUntil("the evaluation is done") {
            daemon.log.components(separatedBy: "evaluated:").count > evaluated
        }
        #expect(daemon.log.contains("a data file disappeared before it could be read; left out"), "\(daemon.log)")
        #expect(daemon.log.contains("file=z-sen.csv"))
        #expect(daemon.isRunning)
        // Not quarantined (there is nothing to move), not recorded, not in the report.
        #expect(!FileManager.default.fileExists(atPath: daemon.data.appendingPathComponent("rejected").path))
        #expect(!(try daemon.reportInputs().contains("z-sen.csv")))
        #expect(try daemon.store().ingestedFiles().filter { $0.path.hasSuffix("/z-sen.csv") }.isEmpty)

        try Self.klotter2024.write(to: late, atomically: false, encoding: .utf8)
        try await daemon.waitUntil("the file is read when it comes back") { try daemon.reportInputs().contains("z-sen.csv") }
        #expect(try daemon.report()?["period"] as? String == "2024")
        // The ledger is written once the report is out (the report does not wait for it).
        try await daemon.waitUntil("the file is in the ledger") {
            try !daemon.store().ingestedFiles().filter { $0.path.hasSuffix("/z-sen.csv") }.isEmpty
        }
        #expect(try daemon.store().ingestedFiles().filter { $0.path.hasSuffix("/z-sen.csv") }.count == 1)
        #expect(try daemon.stop() == 0)
    }
}

/// `AtomicFile.writeAll`: a set of files is replaced whole or not at all.
struct AtomicFileTests {
    @Test func aSetThatCannotBeWrittenWholeLeavesEveryTargetAsItWasAndNoTemporaryFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fokus-atomic-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try AtomicFile.write("gammal a\n", to: folder.appendingPathComponent("a.txt"))
        try AtomicFile.write("gammal b\n", to: folder.appendingPathComponent("b.txt"))
        // The third target's folder cannot be made: a file has its name.
        try "i vägen\n".write(to: folder.appendingPathComponent("c"), atomically: true, encoding: .utf8)
        #expect(throws: (any Error).self) {
            try AtomicFile.writeAll([
                (folder.appendingPathComponent("a.txt"), Data("ny a\n".utf8)),
                (folder.appendingPathComponent("b.txt"), Data("ny b\n".utf8)),
                (folder.appendingPathComponent("c/c.txt"), Data("ny c\n".utf8)),
            ])
        }
        #expect(try String(contentsOf: folder.appendingPathComponent("a.txt"), encoding: .utf8) == "gammal a\n")
        #expect(try String(contentsOf: folder.appendingPathComponent("b.txt"), encoding: .utf8) == "gammal b\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["a.txt", "b.txt", "c"])

        try FileManager.default.removeItem(at: folder.appendingPathComponent("c"))
        try AtomicFile.writeAll(
            [
                (folder.appendingPathComponent("a.txt"), Data("ny a\n".utf8)),
                (folder.appendingPathComponent("c/c.txt"), Data("ny c\n".utf8)),
            ], access: .owner)
        #expect(try String(contentsOf: folder.appendingPathComponent("a.txt"), encoding: .utf8) == "ny a\n")
        var info = stat()
        #expect(stat(folder.appendingPathComponent("c").path, &info) == 0 && info.st_mode & 0o777 == 0o700)
        #expect(stat(folder.appendingPathComponent("c/c.txt").path, &info) == 0 && info.st_mode & 0o777 == 0o600)
    }
}
