import Fokus
import FokusState
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Report mail through a real SMTP server on loopback (aiosmtpd), and what survives a crash.
@Suite(.timeLimit(.minutes(5)))
struct DaemonMailTests {
    static func smtpConfig(port: Int) -> String {
        "transport: smtp\nsmtp: { host: 127.0.0.1, port: \(port), tls: none, timeout_s: 5 }"
    }

    /// Checks one received mail is a well-formed multipart/alternative report.
    static func expectWellFormed(_ mail: [String: Any], scope: String = "Provby") {
        #expect(mail["content_type"] as? String == "multipart/alternative")
        #expect(mail["parts"] as? [String] == ["multipart/alternative", "text/plain", "text/html"])
        #expect((mail["defects"] as? [String])?.isEmpty == true, "\(mail["defects"] ?? "")")
        #expect((mail["subject"] as? String)?.hasPrefix("Fokus \(scope) ") == true)
        #expect((mail["raw_headers"] as? String)?.contains("Subject: =?utf-8?B?") == true)
        #expect((mail["message_id"] as? String)?.hasPrefix("<fokus.default.") == true)
        #expect(!((mail["date"] as? String) ?? "").isEmpty)
        #expect(mail["rcpt_tos"] as? [String] == ["samordnare@example.se"])
        #expect((mail["text"] as? String)?.contains("Stöld") == true)
        // The HTML part is the report page without its charts: tables, no SVG.
        let html = (mail["html"] as? String) ?? ""
        #expect(html.contains("<table") && html.contains("Stöld") && !html.contains("<svg"), "\(html.prefix(300))")
    }

    @Test func exactlyOneWellFormedMailPerChangedEvaluation() throws {
        let daemon = try DaemonHarness()
        let sink = SMTPSink(folder: daemon.root.appendingPathComponent("received"))
        try sink.start()
        try daemon.writeConfig(mail: Self.smtpConfig(port: sink.port))
        try daemon.start()
        try daemon.waitUntil("the first report is mailed") { sink.messages().count == 1 }

        // A change of the evaluation: one more mail.
        try daemon.writeData("klotter-2024.csv", "år;kommun;brottskategori;antal\n2024;Provby;Klotter;30\n")
        try daemon.waitUntil("the changed report is mailed") { sink.messages().count == 2 }
        // A note beside the data and a file written again with the same content change nothing: no mail.
        try daemon.writeData("LÄSMIG.md", "# Anteckningar\n")
        try daemon.writeData("klotter-2024.csv", "år;kommun;brottskategori;antal\n2024;Provby;Klotter;30\n")
        Thread.sleep(forTimeInterval: 1.5)
        #expect(sink.messages().count == 2)

        let messages = sink.messages()
        for mail in messages { Self.expectWellFormed(mail) }
        #expect(Set(messages.compactMap { $0["message_id"] as? String }).count == 2)
        #expect((messages[1]["subject"] as? String)?.contains("2024") == true)
        #expect((messages[1]["subject"] as? String)?.contains("(ändrat)") == true)

        // A restart re-evaluates the same data and sends nothing again.
        #expect(try daemon.stop() == 0)
        try daemon.start()
        try daemon.waitUntil("the restarted daemon is ready") { daemon.log.contains("ready:") }
        Thread.sleep(forTimeInterval: 1.5)
        #expect(sink.messages().count == 2)
        #expect(try daemon.stop() == 0)
    }

    @Test func mailIsQueuedWhileTheServerIsDownAndDeliveredOnceAcrossARestart() throws {
        let daemon = try DaemonHarness()
        let port = SMTPSink.freePort()
        try daemon.writeConfig(mail: Self.smtpConfig(port: port))
        try daemon.start()
        try daemon.waitUntil("a delivery has failed") { daemon.log.contains("mail not delivered") }
        #expect(try daemon.stop() == 0)

        let queued = try daemon.store().mailQueueSummary()
        #expect(queued.queued == 1)
        let metrics = try String(contentsOf: daemon.metrics, encoding: .utf8)
        #expect(metrics.contains("fokus_mail_queue_length 1"))

        // The server comes back, then the daemon: the queued mail goes out once.
        let sink = SMTPSink(folder: daemon.root.appendingPathComponent("received"), port: port)
        try sink.start()
        try daemon.start()
        try daemon.waitUntil("the queued mail is delivered") { sink.messages().count == 1 }
        Thread.sleep(forTimeInterval: 1.5)
        #expect(sink.messages().count == 1)
        Self.expectWellFormed(sink.messages()[0])
        #expect(try daemon.store().mailQueueSummary().queued == 0)

        // The server goes down while the daemon runs; a new evaluation waits, then goes out once.
        sink.stop()
        try daemon.writeData("klotter-2024.csv", "år;kommun;brottskategori;antal\n2024;Provby;Klotter;30\n")
        try daemon.waitUntil("the new mail is queued and has failed") {
            try daemon.store().mailQueueSummary().queued == 1 && daemon.log.components(separatedBy: "mail not delivered").count >= 2
        }
        try sink.start()
        try daemon.waitUntil("the second mail is delivered") { sink.messages().count == 2 }
        Thread.sleep(forTimeInterval: 1.5)
        #expect(sink.messages().count == 2)
        #expect(try daemon.stop() == 0)
    }

    @Test func killDashNineDuringAnEvaluationLosesAndDuplicatesNothing() throws {
        let daemon = try DaemonHarness()
        let sink = SMTPSink(folder: daemon.root.appendingPathComponent("received"))
        try sink.start()
        try daemon.writeConfig(mail: Self.smtpConfig(port: sink.port), quietMS: 50)
        try daemon.start()
        try daemon.waitUntil("the first report is mailed") { sink.messages().count == 1 }

        // An events file big enough that reading it takes a while; kill the daemon while it reads.
        var events = "datum;kommun;brottskategori\n"
        events.reserveCapacity(3_000_000)
        for i in 0..<120_000 {
            events += "2024-\(String(format: "%02d", i % 12 + 1))-15;Provby;\(["Stöld", "Klotter", "Inbrott"][i % 3])\n"
        }
        let evaluationsBefore = daemon.log.components(separatedBy: "] evaluating").count
        try events.write(to: daemon.data.appendingPathComponent("handelser.csv"), atomically: true, encoding: .utf8)
        try daemon.waitUntil("the evaluation of the big file starts") {
            daemon.log.components(separatedBy: "] evaluating").count > evaluationsBefore
        }
        Thread.sleep(forTimeInterval: 0.3)
        try daemon.killHard()
        let killedLog = daemon.log
        #expect(!killedLog.contains("file=handelser.csv"), "the kill came after the file was read:\n\(killedLog)")

        // Whatever was under way, the outputs are whole: each parses, no temporary file is visible as output.
        let before = try daemon.report()
        #expect(before != nil)

        try daemon.start()
        try daemon.waitUntil("the big file is evaluated after the restart", timeout: 60) {
            try daemon.reportInputs().contains("handelser.csv")
        }
        try daemon.waitUntil("every evaluation's mail is delivered") {
            try daemon.store().mailQueueSummary().queued == 0 && sink.messages().count >= 2
        }
        Thread.sleep(forTimeInterval: 1)
        #expect(try daemon.stop() == 0)

        let store = try daemon.store()
        let evaluations = try store.evaluations(scope: "Provby")
        let messages = sink.messages()
        // One mail per recorded evaluation, none twice.
        #expect(messages.count == evaluations.count)
        let ids = messages.compactMap { $0["message_id"] as? String }
        #expect(Set(ids).count == ids.count)
        for evaluation in evaluations { #expect(ids.contains("<fokus.default.\(evaluation.id)@example.se>")) }
        // The ledger holds each file once with its content.
        let ledger = try store.ingestedFiles()
        #expect(ledger.filter { $0.path.hasSuffix("/handelser.csv") }.count == 1)
        #expect(Set(ledger.map { "\($0.path) \($0.sha256)" }).count == ledger.count)
        // No half-written output: every output file parses, no temporary files are left.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: daemon.output.path).filter { $0.hasPrefix(".fokus-tmp-") }
        #expect(leftovers.isEmpty)
        #expect(try daemon.report()?["schema_version"] as? Int == 1)
        let csv = try String(contentsOf: daemon.output.appendingPathComponent("priorities.csv"), encoding: .utf8)
        #expect(csv.unicodeScalars.last == "\n")
    }
}

/// `fokus daemon --once` and what a name from the rules can and cannot do to a mail's headers.
@Suite(.timeLimit(.minutes(4)))
struct DaemonOnceTests {
    @Test func onceEvaluatesDeliversAndExitsWithoutLettingANameAddAHeader() throws {
        let daemon = try DaemonHarness()
        let sink = SMTPSink(folder: daemon.root.appendingPathComponent("received"))
        try sink.start()
        let hostile = DaemonHarness.rulesYAML.replacingOccurrences(
            of: "name: Stöld\n", with: "name: \"Stöld\\r\\nBcc: inkraktare@example.com\\r\\nX-Evil: 1\"\n")
        try hostile.write(to: daemon.rules.appendingPathComponent("regler.yaml"), atomically: true, encoding: .utf8)
        try daemon.writeConfig(
            mail: DaemonMailTests.smtpConfig(port: sink.port), to: ["samordnare@example.se", "kommunpolis@example.se"])
        let result = try daemon.run(["daemon", "--config", "fokus.yaml", "--once"])
        #expect(result.status == 0, "\(result.output)")
        let messages = sink.messages()
        #expect(messages.count == 1)
        guard let mail = messages.first else { return }
        #expect(mail["rcpt_tos"] as? [String] == ["samordnare@example.se", "kommunpolis@example.se"])
        let headers = Set((mail["header_names"] as? [String]) ?? [])
        #expect(headers == ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Auto-Submitted", "Content-Type"])
        #expect((mail["subject"] as? String)?.contains("Bcc: inkraktare@example.com") == true)  // kept as text, in the subject
        #expect(FileManager.default.fileExists(atPath: daemon.output.appendingPathComponent("report.md").path))

        // Run again: nothing new, nothing sent.
        let again = try daemon.run(["daemon", "--config", "fokus.yaml", "--once"])
        #expect(again.status == 0)
        #expect(sink.messages().count == 1)
    }

    @Test func theOutboxIsTheDefaultAndEnglishIsAvailable() throws {
        let daemon = try DaemonHarness()
        try daemon.writeConfig(extra: "")
        let config = try String(contentsOf: daemon.root.appendingPathComponent("fokus.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "lang: sv", with: "lang: en")
        try config.write(to: daemon.root.appendingPathComponent("fokus.yaml"), atomically: true, encoding: .utf8)
        try daemon.writeData("trasig.csv", "år;kommun;brottskategori;antal\n2024;Provby;Stöld;-3\n")
        let result = try daemon.run(["daemon", "--config", "fokus.yaml", "--once"])
        #expect(result.status == 0, "\(result.output)")
        let files = try FileManager.default.contentsOfDirectory(atPath: daemon.outbox.path)
        #expect(files.count == 1)
        let eml = try String(contentsOf: daemon.outbox.appendingPathComponent(files[0]), encoding: .utf8)
        #expect(eml.contains("Content-Type: multipart/alternative"))
        let note = try String(contentsOf: daemon.data.appendingPathComponent("rejected/trasig.csv.error.txt"), encoding: .utf8)
        #expect(note.hasPrefix("The file trasig.csv could not be read"))
        #expect(note.contains("trasig.csv:2: antal:"))
        let markdown = try String(contentsOf: daemon.output.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.contains("Measure plan"))
        // The page to publish is written beside the other outputs, in the configured language.
        let page = try String(contentsOf: daemon.output.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("<html lang=\"en\""), "\(page.prefix(200))")
        #expect(page.contains("Proposal: focus on"))
    }
}

/// SMTP AUTH with the password from the environment or from a file.
@Suite(.timeLimit(.minutes(4)))
struct DaemonSMTPAuthTests {
    @Test func thePasswordComesFromTheEnvironmentOrAFileAndAWrongOneKeepsTheMailQueued() throws {
        let daemon = try DaemonHarness()
        let sink = SMTPSink(folder: daemon.root.appendingPathComponent("received"), credentials: "fokus:hemligt-lösen")
        try sink.start()
        try "fel-lösen\n".write(to: daemon.root.appendingPathComponent("smtp-password"), atomically: true, encoding: .utf8)
        // A wrong password from the file: nothing delivered, the mail stays queued.
        try daemon.writeConfig(
            mail: "transport: smtp\nsmtp: { host: 127.0.0.1, port: \(sink.port), tls: none, username: fokus, password_file: smtp-password }"
        )
        let wrong = try daemon.run(["daemon", "--config", "fokus.yaml", "--once"])
        #expect(wrong.status == 0)
        #expect(wrong.output.contains("mail not delivered"), "\(wrong.output)")
        #expect(sink.messages().isEmpty)
        #expect(try daemon.store().mailQueueSummary().queued == 1)

        // The right password from the environment: the queued mail goes out, once.
        try daemon.writeConfig(
            mail:
                "transport: smtp\nsmtp: { host: 127.0.0.1, port: \(sink.port), tls: none, username: fokus, password_env: FOKUS_TEST_SMTP_PASSWORD }"
        )
        Thread.sleep(forTimeInterval: 0.4)  // the back-off of the failed attempt (retry.first_s 0.3)
        let process = Process()
        process.executableURL = DaemonHarness.binary
        process.arguments = ["daemon", "--config", "fokus.yaml", "--once"]
        process.currentDirectoryURL = daemon.root
        process.environment = ProcessInfo.processInfo.environment.merging(["FOKUS_TEST_SMTP_PASSWORD": "hemligt-lösen"]) { $1 }
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(sink.messages().count == 1)
        #expect(sink.messages().first?["auth_login"] as? String == "fokus")
        #expect(try daemon.store().mailQueueSummary().queued == 0)
    }
}

/// The `sendmail` transport: the configured command gets `-t -oi` and the whole message on its input.
@Suite(.timeLimit(.minutes(4)))
struct DaemonSendmailTests {
    @Test func theCommandReceivesTheMessageWithDashTDashOi() throws {
        let daemon = try DaemonHarness()
        let script = daemon.root.appendingPathComponent("fake-sendmail")
        let captured = daemon.root.appendingPathComponent("captured")
        try """
        #!/bin/sh
        # A stand-in for sendmail: records its arguments and the message.
        printf '%s\\n' "$*" > "\(captured.path).args"
        cat > "\(captured.path).eml"
        """.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        try daemon.writeConfig(mail: "transport: sendmail\nsendmail: { command: \(script.path) }")
        let result = try daemon.run(["daemon", "--config", "fokus.yaml", "--once"])
        #expect(result.status == 0, "\(result.output)")
        let arguments = try String(contentsOf: captured.appendingPathExtension("args"), encoding: .utf8)
        #expect(arguments == "-t -oi\n")
        let message = try String(contentsOf: captured.appendingPathExtension("eml"), encoding: .utf8)
        #expect(message.hasPrefix("From: lagesbild@example.se\nTo: samordnare@example.se\nSubject: =?utf-8?B?"))
        #expect(message.contains("Content-Type: multipart/alternative"))

        // A failing command keeps the mail queued.
        try "#!/bin/sh\necho 'kan inte leverera' >&2\nexit 75\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        try daemon.writeData("klotter-2024.csv", "år;kommun;brottskategori;antal\n2024;Provby;Klotter;30\n")
        let failing = try daemon.run(["daemon", "--config", "fokus.yaml", "--once"])
        #expect(failing.output.contains("exited with 75: kan inte leverera"), "\(failing.output)")
        #expect(try daemon.store().mailQueueSummary().queued == 1)
    }
}

/// SMTP over TLS: STARTTLS and implicit TLS against a server with its own certificate authority.
@Suite(.timeLimit(.minutes(4)))
struct DaemonSMTPTLSTests {
    /// A self-signed certificate for 127.0.0.1, made with the openssl command.
    static func certificate(in folder: URL) throws -> (cert: URL, key: URL) {
        let cert = folder.appendingPathComponent("smtp-cert.pem")
        let key = folder.appendingPathComponent("smtp-key.pem")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.path, "-out", cert.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw HarnessError("openssl could not make a certificate") }
        return (cert, key)
    }

    @Test(arguments: ["starttls", "tls"])
    func mailGoesOutEncryptedAndAnUntrustedServerIsRefused(tls: String) throws {
        let daemon = try DaemonHarness()
        let (cert, key) = try Self.certificate(in: daemon.root)
        let sink = SMTPSink(
            folder: daemon.root.appendingPathComponent("received"),
            environment: ["SINK_TLS": tls, "SINK_CERT": cert.path, "SINK_KEY": key.path])
        try sink.start()
        // Without the authority the certificate is not trusted: nothing is sent.
        try daemon.writeConfig(mail: "transport: smtp\nsmtp: { host: 127.0.0.1, port: \(sink.port), tls: \(tls), timeout_s: 5 }")
        let refused = try daemon.run(["daemon", "--config", "fokus.yaml", "--once"])
        #expect(refused.output.contains("mail not delivered"), "\(refused.output)")
        #expect(sink.messages().isEmpty)

        try daemon.writeConfig(
            mail: "transport: smtp\nsmtp: { host: 127.0.0.1, port: \(sink.port), tls: \(tls), ca_file: \(cert.path), timeout_s: 5 }")
        Thread.sleep(forTimeInterval: 0.4)  // the back-off of the refused attempt
        let sent = try daemon.run(["daemon", "--config", "fokus.yaml", "--once"])
        #expect(sent.status == 0)
        #expect(sink.messages().count == 1, "\(sent.output)")
        #expect(sink.messages().first?["tls"] as? Bool == true)
    }
}

/// SIGTERM while an evaluation is under way: it is finished, then the daemon exits 0.
@Suite(.timeLimit(.minutes(4)))
struct DaemonShutdownTests {
    @Test func sigtermFinishesTheEvaluationUnderWayAndExitsZero() throws {
        let daemon = try DaemonHarness()
        try daemon.writeConfig(quietMS: 50)
        try daemon.start()
        try daemon.waitUntil("the daemon is ready") { daemon.log.contains("ready:") }
        var events = "datum;kommun;brottskategori\n"
        for i in 0..<120_000 { events += "2024-\(String(format: "%02d", i % 12 + 1))-15;Provby;Stöld\n" }
        let evaluationsBefore = daemon.log.components(separatedBy: "] evaluating").count
        try events.write(to: daemon.data.appendingPathComponent("handelser.csv"), atomically: true, encoding: .utf8)
        try daemon.waitUntil("the evaluation of the big file starts") {
            daemon.log.components(separatedBy: "] evaluating").count > evaluationsBefore
        }
        #expect(try daemon.stop() == 0)
        #expect(daemon.log.contains("stopped"))
        // The evaluation under way was finished: its report and its ledger row are there.
        #expect(try daemon.reportInputs().contains("handelser.csv"))
        #expect(try daemon.store().ingestedFiles().contains { $0.path.hasSuffix("/handelser.csv") })
    }
}

/// `notify.on`: `never` sends nothing, `always` a mail per evaluation, `change` only when it changed.
@Suite(.timeLimit(.minutes(4)))
struct DaemonNotifyTests {
    @Test(arguments: [("never", 0, 0), ("change", 1, 1), ("always", 1, 2)])
    func mailsPerRunOfTheSameData(on: String, afterFirst: Int, afterSecond: Int) throws {
        let daemon = try DaemonHarness()
        try daemon.writeConfig(notifyOn: on)
        func mails() -> Int {
            ((try? FileManager.default.contentsOfDirectory(atPath: daemon.outbox.path)) ?? []).filter { $0.hasSuffix(".eml") }.count
        }
        #expect(try daemon.run(["daemon", "--config", "fokus.yaml", "--once"]).status == 0)
        #expect(mails() == afterFirst)
        #expect(try daemon.run(["daemon", "--config", "fokus.yaml", "--once"]).status == 0)
        #expect(mails() == afterSecond)
        #expect(FileManager.default.fileExists(atPath: daemon.output.appendingPathComponent("report.json").path))
    }
}
