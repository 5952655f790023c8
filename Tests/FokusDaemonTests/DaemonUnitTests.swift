import Fokus
import FokusPipeline
import Foundation
import Testing

@testable import FokusDaemon

/// The daemon's parts that need no process: MIME, back-off, configuration, the pipeline's codes.
struct DaemonUnitTests {
    @Test func subjectsAreRFC2047EncodedWordsOfAtMost75CharactersThatDecodeBack() throws {
        let subject =
            "Fokus Kungsör 2024: Trafiksäkerhet och trafikrelaterad brottslighet, Bedrägerier, Narkotika bland unga (ändrat)\r\nBcc: x@example.se"
        let encoded = MailMessage.encodedWords(subject)
        let words = encoded.components(separatedBy: "\r\n ")
        #expect(words.count > 1)
        var decoded = Data()
        for word in words {
            #expect(word.count <= 75)
            #expect(word.hasPrefix("=?utf-8?B?") && word.hasSuffix("?="))
            decoded += try #require(Data(base64Encoded: String(word.dropFirst(10).dropLast(2))))
        }
        // A line break becomes a space; every other character survives, and no word splits a character.
        #expect(String(decoding: decoded, as: UTF8.self) == subject.replacingOccurrences(of: "\r\n", with: " "))
        #expect(!encoded.contains("\r\nBcc"))
    }

    @Test func aMessageIsMultipartAlternativeWithCRLFLinesAndNoRawHeaderValues() {
        let message = MailMessage(
            from: "lagesbild@example.se", to: ["a@example.se", "bad\r\nBcc: x@example.se"], subject: "Å", text: "hej\nhopp",
            html: "<p>hej</p>", messageID: "fokus.default.7@example.se\r\nX-Evil: 1", date: Date(timeIntervalSince1970: 0))
        let text = message.rendered()
        let headers = text.components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n")
        #expect(headers.contains("To: a@example.se"))
        #expect(headers.contains("Date: Thu, 01 Jan 1970 00:00:00 +0000"))
        #expect(headers.contains("Message-ID: <fokus.default.7@example.seX-Evil:1>"))
        #expect(!headers.contains { $0.hasPrefix("Bcc") || $0.hasPrefix("X-Evil") })
        #expect(text.contains("Content-Type: multipart/alternative; boundary="))
        #expect(text.contains("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64"))
        #expect(text.contains("Content-Type: text/html; charset=utf-8"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test(arguments: [(0, 5.0), (1, 10.0), (3, 40.0), (9, 2560.0), (10, 3600.0), (500, 3600.0)])
    func backoffDoublesUpToTheMaximum(failures: Int, wait: Double) {
        #expect(MailDispatcher.backoff(afterFailures: failures, first: 5, max: 3600) == wait)
    }

    @Test func theConfigurationIsReadWithEveryProblemLocated() throws {
        let yaml = """
            rules: rules
            data: data
            output: data/out
            watch: { quiet_ms: -1, pol_seconds: 2 }
            notify:
              on: chnage
              mail: { transport: smtp, from: "inte en adress", smtp: { port: 70000 } }
            """
        do {
            _ = try DaemonConfigLoader.load(yaml: yaml, file: "fokus.yaml", base: URL(fileURLWithPath: "/srv/fokus"), language: .en)
            Issue.record("the configuration was accepted")
        } catch {
            let lines = error.diagnostics.map(\.description)
            #expect(lines.contains("fokus.yaml:4:24: error: unknown key \"pol_seconds\" in `watch`; did you mean \"poll_seconds\"?"))
            #expect(lines.contains("fokus.yaml:4:20: error: `watch.quiet_ms` must be 0 or more"))
            #expect(lines.contains("fokus.yaml:6:7: error: `notify.on` cannot be \"chnage\"; did you mean \"change\"?"))
            #expect(lines.contains { $0.hasPrefix("fokus.yaml:7:34: error: `mail.from` is not a mail address") })
            #expect(lines.contains { $0.hasPrefix("fokus.yaml:7:66: error: `smtp.port` must be between 1 and 65535") })
            #expect(lines.contains { $0.contains("needs recipients in `notify.mail.to`") })
            #expect(error.codes == [.configInvalid])
        }
    }

    @Test func relativePathsResolveAgainstTheConfigurationsFolderAndTLSPicksThePort() throws {
        let yaml = """
            rules: rules
            data: /srv/delad/lagesbild
            output: out
            notify: { mail: { transport: smtp, to: [a@example.se], smtp: { host: smtp.example.se, tls: tls } } }
            """
        let config = try DaemonConfigLoader.load(yaml: yaml, file: "fokus.yaml", base: URL(fileURLWithPath: "/etc/fokus"))
        let job = try #require(config.jobs.first)
        #expect(job.rules.path == "/etc/fokus/rules")
        #expect(job.data.path == "/srv/delad/lagesbild")
        #expect(config.state.path == "/etc/fokus/var/fokus.sqlite")
        #expect(job.notify.mail.smtp.port == 465)
        #expect(job.notify.mail.outbox?.path == "/etc/fokus/out/outbox")
    }

    @Test func dataFolderDecidesWhatIsData() {
        #expect(DataFolder.isData(relativePath: "brott.csv"))
        #expect(DataFolder.isData(relativePath: "2024/enkat.csv"))
        #expect(!DataFolder.isData(relativePath: ".brott.csv.part"))
        #expect(!DataFolder.isData(relativePath: "rejected/brott.csv"))
        #expect(!DataFolder.isData(relativePath: ".git/config"))
        #expect(!DataFolder.isData(relativePath: "README.txt"))
        #expect(!DataFolder.isData(relativePath: "noter/protokoll.pdf"))
    }

    @Test func thePipelineCodesEachKindOfFailure() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fokus-pipeline-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let data = root.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let rules = root.appendingPathComponent("regler.yaml")
        try "fokus: 1\nareas: [ { id: stold, name: Stöld, categories: [Stöld] } ]\n".write(to: rules, atomically: true, encoding: .utf8)

        func codes(_ policy: RejectedFilePolicy, rules: URL, data: URL) -> Set<Diagnostic.Code> {
            do {
                _ = try EvaluationPipeline(rules: rules, data: data, rejectedFiles: policy).run()
                return []
            } catch let error as FokusError {
                return error.codes
            } catch {
                return [Diagnostic.Code(rawValue: "other")]
            }
        }
        #expect(codes(.fail, rules: root.appendingPathComponent("saknas.yaml"), data: data) == [.rulesInvalid])
        #expect(codes(.fail, rules: rules, data: root.appendingPathComponent("saknas")) == [.noDataYet])
        #expect(codes(.fail, rules: rules, data: data) == [.noDataYet])  // an empty folder
        try "år;kommun;brottskategori;antal\n2024;Provby;Stöld;tolv\n".write(
            to: data.appendingPathComponent("trasig.csv"), atomically: true, encoding: .utf8)
        #expect(codes(.fail, rules: rules, data: data) == [.dataFileRejected])
        #expect(codes(.warn, rules: rules, data: data) == [.noDataYet])  // the only crime file was rejected
        try "år;kommun;brottskategori;antal\n2023;Provby;Stöld;3\n2024;Provby;Stöld;5\n".write(
            to: data.appendingPathComponent("brott.csv"), atomically: true, encoding: .utf8)
        #expect(codes(.warn, rules: rules, data: data).isEmpty)
        let (dataset, rejected) = try EvaluationPipeline(rules: rules, data: data, dataDisplayPath: ".", rejectedFiles: .quarantine)
            .loadDataForQuarantine()
        #expect(rejected.map(\.path) == ["trasig.csv"])
        #expect(dataset.rejected.isEmpty)
    }
}
