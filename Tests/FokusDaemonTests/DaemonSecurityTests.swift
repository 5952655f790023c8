import Fokus
import FokusState
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The daemon's security properties, checked on the real binary: it listens on nothing, reads and
/// moves nothing outside its data folder through links, never writes a password anywhere, keeps its
/// state and mail private, and writes no control character from data into its log.
@Suite(.serialized, .timeLimit(.minutes(4)))
struct DaemonSecurityTests {
    /// The inodes of the sockets process `pid` holds open (`/proc/PID/fd/N -> socket:[INODE]`).
    static func socketInodes(of pid: Int32) throws -> Set<String> {
        let folder = "/proc/\(pid)/fd"
        var inodes: Set<String> = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "\(folder)/\(name)"),
                target.hasPrefix("socket:[")
            else { continue }
            inodes.insert(String(target.dropFirst("socket:[".count).dropLast()))
        }
        return inodes
    }

    /// The lines of `/proc/PID/net/FILE` (header dropped) whose inode is one of `inodes`, split into fields.
    static func entries(_ file: String, pid: Int32, inodes: Set<String>, inodeField: Int) -> [[Substring]] {
        let text = (try? String(contentsOfFile: "/proc/\(pid)/net/\(file)", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").dropFirst().map { $0.split(separator: " ") }
            .filter { $0.count > inodeField && inodes.contains(String($0[inodeField])) }
    }

    @Test func theDaemonListensOnNoSocket() async throws {
        let daemon = try DaemonHarness()
        let sink = SMTPSink(folder: daemon.root.appendingPathComponent("received"))
        try sink.start()
        try daemon.writeConfig(mail: DaemonMailTests.smtpConfig(port: sink.port))
        try daemon.start()
        try await daemon.waitUntil("the daemon is ready and has mailed") { daemon.log.contains("ready:") && sink.messages().count == 1 }
        let pid = try #require(daemon.pid)
        let inodes = try Self.socketInodes(of: pid)
        // TCP: state 0A is LISTEN (the inode is field 9); UDP: any socket is bound to receive (state 07);
        // Unix: flag 00010000 (__SO_ACCEPTCON) marks a listening socket (the inode is field 6).
        let tcp =
            (Self.entries("tcp", pid: pid, inodes: inodes, inodeField: 9) + Self.entries("tcp6", pid: pid, inodes: inodes, inodeField: 9))
        #expect(tcp.filter { $0[3] == "0A" }.isEmpty, "\(tcp)")
        let udp =
            Self.entries("udp", pid: pid, inodes: inodes, inodeField: 9) + Self.entries("udp6", pid: pid, inodes: inodes, inodeField: 9)
        #expect(udp.isEmpty, "\(udp)")
        let unix = Self.entries("unix", pid: pid, inodes: inodes, inodeField: 6)
        #expect(unix.filter { $0[3] == "00010000" }.isEmpty, "\(unix)")
        // `ss` agrees: no listening socket belongs to the daemon.
        let ss = FaultEnvironment.run(["ss", "-lpn"])
        if ss.status == 0 { #expect(!ss.output.contains("pid=\(pid),"), "\(ss.output)") }
        #expect(try daemon.stop() == 0)
    }

    @Test func linksOutOfTheDataFolderAreNeitherReadNorMoved() async throws {
        let daemon = try DaemonHarness()
        let outside = daemon.root.appendingPathComponent("utanfor")
        try FileManager.default.createDirectory(at: outside.appendingPathComponent("mapp"), withIntermediateDirectories: true)
        let secret = outside.appendingPathComponent("hemlig.csv")
        let broken = outside.appendingPathComponent("trasig.csv")
        let inFolder = outside.appendingPathComponent("mapp/mer.csv")
        try "år;kommun;brottskategori;antal\n2024;Provby;Stöld;999\n".write(to: secret, atomically: true, encoding: .utf8)
        try "år;kommun;brottskategori;antal\n2024;Provby;Stöld;tolv\n".write(to: broken, atomically: true, encoding: .utf8)
        try "år;kommun;brottskategori;antal\n2025;Provby;Klotter;5\n".write(to: inFolder, atomically: true, encoding: .utf8)
        let digests = [secret, broken, inFolder].map(DaemonHarness.sha256(of:))
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: daemon.data.appendingPathComponent("lank.csv").path, withDestinationPath: "../utanfor/hemlig.csv")
        try fm.createSymbolicLink(atPath: daemon.data.appendingPathComponent("absolut.csv").path, withDestinationPath: secret.path)
        try fm.createSymbolicLink(atPath: daemon.data.appendingPathComponent("trasig.csv").path, withDestinationPath: broken.path)
        try fm.createSymbolicLink(atPath: daemon.data.appendingPathComponent("lankmapp").path, withDestinationPath: "../utanfor/mapp")
        try daemon.writeConfig()
        try daemon.start()
        try await daemon.waitUntil("the first report is written") { try daemon.report() != nil }
        // A link made while the daemon watches is no different.
        let evaluated = daemon.log.components(separatedBy: "evaluated:").count
        try fm.createSymbolicLink(atPath: daemon.data.appendingPathComponent("ny-lank.csv").path, withDestinationPath: secret.path)
        try daemon.writeData("klotter-2023.csv", "år;kommun;brottskategori;antal\n2023;Provby;Klotter;12\n")
        // A link is complete once made: it must not hold the evaluation back until it is taken as stale (60 s).
        try await daemon.waitUntil("the new file is evaluated", timeout: 20) {
            daemon.log.components(separatedBy: "evaluated:").count > evaluated
        }
        try await daemon.waitUntil("the new file is in the report") { try daemon.reportInputs().contains("klotter-2023.csv") }

        // Only the real files were read: nothing from 2024 or 2025, which only the linked files hold.
        #expect(try daemon.reportInputs() == ["brott.csv", "klotter-2023.csv"])
        #expect(try daemon.report()?["period"] as? String == "2023")
        // Nothing was moved: no quarantine, the links and their targets are where and what they were.
        #expect(!fm.fileExists(atPath: daemon.data.appendingPathComponent("rejected").path))
        for link in ["lank.csv", "absolut.csv", "trasig.csv", "lankmapp", "ny-lank.csv"] {
            #expect((try? fm.destinationOfSymbolicLink(atPath: daemon.data.appendingPathComponent(link).path)) != nil, "\(link)")
        }
        #expect([secret, broken, inFolder].map(DaemonHarness.sha256(of:)) == digests)
        // Nothing of theirs was recorded or copied.
        let ledger = try daemon.store().ingestedFiles().map(\.path)
        #expect(ledger.allSatisfy { $0.hasSuffix("/brott.csv") || $0.hasSuffix("/klotter-2023.csv") }, "\(ledger)")
        let copies = FaultEnvironment.contents(of: daemon.root.appendingPathComponent("var/last-good"))
        #expect(Set(copies.keys) == ["default/brott.csv", "default/klotter-2023.csv"])
        #expect(try daemon.stop() == 0)
    }

    @Test func theSMTPPasswordAppearsInNoLogStateOrOutputEvenAtDebugLevel() async throws {
        let daemon = try DaemonHarness()
        let password = "Hemligt-lösen-7Q"
        let wrong = "Fel-lösen-3Z"
        let sink = SMTPSink(folder: daemon.root.appendingPathComponent("received"), credentials: "fokus:\(password)")
        try sink.start()
        let passwordFile = daemon.root.appendingPathComponent("smtp-password")
        try "\(wrong)\n".write(to: passwordFile, atomically: true, encoding: .utf8)
        // A wrong password from the file: refused and retried, at debug level.
        try daemon.writeConfig(
            mail: "transport: smtp\nsmtp: { host: 127.0.0.1, port: \(sink.port), tls: none, username: fokus, password_file: smtp-password }"
        )
        try daemon.start(arguments: ["--log-level", "debug"])
        try await daemon.waitUntil("the wrong password is refused twice") {
            daemon.log.components(separatedBy: "mail not delivered").count >= 3
        }
        #expect(try daemon.stop() == 0)
        var logs = daemon.log
        // The right one from the environment.
        try daemon.writeConfig(
            mail:
                "transport: smtp\nsmtp: { host: 127.0.0.1, port: \(sink.port), tls: none, username: fokus, password_env: FOKUS_SMTP_PASSWORD }"
        )
        try daemon.start(environment: ["FOKUS_SMTP_PASSWORD": password], arguments: ["--log-level", "debug"])
        try await daemon.waitUntil("the mail is delivered") { sink.messages().count == 1 }
        try daemon.writeData("klotter-2024.csv", DaemonFaultTests.klotter2024)
        try await daemon.waitUntil("the second mail is delivered") { sink.messages().count == 2 }
        #expect(try daemon.stop() == 0)
        logs += daemon.log
        logs += try daemon.run(["daemon", "--config", "fokus.yaml", "--check-config"]).output
        #expect(logs.contains("debug") || logs.contains("mail delivered"))

        // Neither password is in the logs, the state database (with its journal), the outputs or the metrics.
        var written = FaultEnvironment.contents(of: daemon.root.appendingPathComponent("var"))
        written.merge(FaultEnvironment.contents(of: daemon.output)) { $1 }
        written.merge(FaultEnvironment.contents(of: daemon.root.appendingPathComponent("metrics"))) { $1 }
        #expect(written.count > 5)
        for secret in [password, wrong] {
            #expect(!logs.contains(secret))
            let bytes = Data(secret.utf8)
            for (path, content) in written { #expect(content.range(of: bytes) == nil, "\(path) holds a password") }
        }
    }

    @Test func stateAndMailAreTheDaemonUsersAlone() async throws {
        let daemon = try DaemonHarness()
        try daemon.writeConfig()
        try daemon.start()
        try await daemon.waitUntil("the first mail is in the outbox") {
            ((try? FileManager.default.contentsOfDirectory(atPath: daemon.outbox.path)) ?? []).contains { $0.hasSuffix(".eml") }
        }
        try await daemon.waitUntil("the last good copy is kept") {
            FileManager.default.fileExists(atPath: daemon.root.appendingPathComponent("var/last-good/default/brott.csv").path)
        }
        #expect(try daemon.stop() == 0)
        func mode(_ path: String) -> Int {
            var info = stat()
            return lstat(path, &info) == 0 ? Int(info.st_mode & 0o777) : -1
        }
        let state = daemon.root.appendingPathComponent("var")
        #expect(mode(state.path) == 0o700)
        for name in try FileManager.default.contentsOfDirectory(atPath: state.path) where name.hasPrefix("fokus.sqlite") {
            #expect(mode(state.appendingPathComponent(name).path) == 0o600, "\(name)")
        }
        #expect(mode(daemon.outbox.path) == 0o700)
        for name in try FileManager.default.contentsOfDirectory(atPath: daemon.outbox.path) {
            #expect(mode(daemon.outbox.appendingPathComponent(name).path) == 0o600, "\(name)")
        }
        for folder in ["var/last-good", "var/last-good/default"] {
            #expect(mode(daemon.root.appendingPathComponent(folder).path) == 0o700, "\(folder)")
        }
        #expect(mode(daemon.root.appendingPathComponent("var/last-good/default/brott.csv").path) == 0o600)
        // The reports are meant to be published: readable by others, as before.
        #expect(mode(daemon.output.appendingPathComponent("report.html").path) == 0o644)
    }

    @Test func controlCharactersFromDataNeverReachTheLog() async throws {
        let daemon = try DaemonHarness()
        let name = "klotter\u{1B}[2J\u{1B}]0;titel\u{07}-\u{202E}vsc.csv"
        try daemon.writeData(name, DaemonFaultTests.klotter2024)
        try daemon.writeData("trasig\u{1B}[31m.csv", "år;kommun;brottskategori;antal\n2024;Provby;Stöld;tolv\u{1B}[5m\n")
        try daemon.writeConfig()
        try daemon.start(arguments: ["--log-level", "debug"])
        try await daemon.waitUntil("the file is ingested and the bad one quarantined") {
            daemon.log.contains("data file ingested") && daemon.log.contains("data file rejected")
        }
        #expect(try daemon.stop() == 0)
        let log = try Data(contentsOf: daemon.logFile)
        // The names are logged, without their escape sequences, bell or bidirectional override.
        let text = String(decoding: log, as: UTF8.self)
        #expect(text.contains("klotter[2J]0;titel-vsc.csv"), "\(text)")
        #expect(text.contains("trasig[31m.csv"))
        #expect(!log.contains(0x1B) && !log.contains(0x07))
        #expect(!text.unicodeScalars.contains("\u{202E}"))
    }

    /// The elements of an HTML text: each tag's name and attribute names (quoted values skipped).
    static func tags(in html: String) -> [(name: String, attributes: [String])] {
        var result: [(name: String, attributes: [String])] = []
        for piece in html.split(separator: "<").dropFirst() where piece.first?.isLetter == true {
            var words: [String] = []
            var word = ""
            var quote: Character?
            for character in piece {
                if let open = quote {
                    if character == open { quote = nil }
                    continue
                }
                if character == ">" { break }
                if character == "\"" || character == "'" {
                    quote = character
                } else if character == "=" || character.isWhitespace || character == "/" {
                    if !word.isEmpty { words.append(word.lowercased()) }
                    word = ""
                } else {
                    word.append(character)
                }
            }
            if !word.isEmpty { words.append(word.lowercased()) }
            if let name = words.first { result.append((name, Array(words.dropFirst()))) }
        }
        return result
    }

    /// An area name with markup, quotes and a line break: the mail's HTML part shows it as text, and it
    /// adds no header (header injection through a name is covered in ``DaemonOnceTests``).
    @Test func markupInANameStaysTextInTheMailsHTMLPart() async throws {
        let daemon = try DaemonHarness()
        let hostile = DaemonHarness.rulesYAML.replacingOccurrences(
            of: "name: Stöld\n", with: "name: \"Stöld <img src=x onerror=alert(1)> \\\" onmouseover=\\\"x\\\" <script>alert(2)</script>\"\n"
        )
        try hostile.write(to: daemon.rules.appendingPathComponent("regler.yaml"), atomically: true, encoding: .utf8)
        try daemon.writeConfig()
        let result = try daemon.run(["daemon", "--config", "fokus.yaml", "--once"])
        #expect(result.status == 0, "\(result.output)")
        let files = try FileManager.default.contentsOfDirectory(atPath: daemon.outbox.path).filter { $0.hasSuffix(".eml") }
        #expect(files.count == 1)
        let eml = try String(contentsOf: daemon.outbox.appendingPathComponent(try #require(files.first)), encoding: .utf8)
        // The base64 bodies decoded: the HTML part is the second.
        let parts = eml.components(separatedBy: "Content-Transfer-Encoding: base64\r\n\r\n").dropFirst().map { part in
            String(
                decoding: Data(base64Encoded: part.components(separatedBy: "\r\n--")[0], options: .ignoreUnknownCharacters) ?? Data(),
                as: UTF8.self)
        }
        #expect(parts.count == 2)
        let html = parts.last ?? ""
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "\(html.prefix(2000))")
        // No element and no attribute came from the name: no img or script tag, no event handler attribute.
        let tags = Self.tags(in: html)
        #expect(!tags.isEmpty)
        #expect(!tags.contains { $0.name == "img" || $0.name == "script" }, "\(tags.map(\.name))")
        #expect(!tags.contains { $0.attributes.contains { $0.hasPrefix("on") } }, "\(tags.map(\.attributes))")
        #expect(parts.first?.contains("<img src=x onerror=alert(1)>") == true)  // the text part keeps it as text
    }
}
