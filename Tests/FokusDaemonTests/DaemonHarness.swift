import Fokus
import FokusState
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A temporary installation of the daemon: rules, a data folder, a configuration, and the real
/// `fokus` binary started on it as a process.
final class DaemonHarness: @unchecked Sendable {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static var binary: URL { packageRoot.appendingPathComponent(".build/debug/fokus") }

    let root: URL
    var data: URL { root.appendingPathComponent("data") }
    var output: URL { root.appendingPathComponent("out") }
    var outbox: URL { root.appendingPathComponent("outbox") }
    var rules: URL { root.appendingPathComponent("rules") }
    var statePath: String { root.appendingPathComponent("var/fokus.sqlite").path }
    var metrics: URL { root.appendingPathComponent("metrics/fokus.prom") }
    var logFile: URL { root.appendingPathComponent("daemon-\(runs).log") }
    private(set) var process: Process?
    private var runs = 0

    static let rulesYAML = """
        fokus: 1
        name: Provkommunens medborgarlöfte
        scope: Provby
        period: latest
        sensitivity: { samples: 100 }
        select: { top: 2 }
        areas:
          - id: stold
            name: Stöld
            categories: [Stöld]
          - id: klotter
            name: Klotter
            categories: [Klotter]
          - id: inbrott
            name: Inbrott
            categories: [Inbrott]
        measures:
          - id: kameror
            name: Kameror
            addresses: [stold]
            cost: { polis_timmar: 10 }
            effect: 0.3
        """

    /// Crime counts for 2019–2023: theft rising, graffiti steady, burglary falling.
    static let baseData = """
        år;kommun;brottskategori;antal
        2019;Provby;Stöld;20
        2020;Provby;Stöld;22
        2021;Provby;Stöld;25
        2022;Provby;Stöld;24
        2023;Provby;Stöld;40
        2019;Provby;Klotter;10
        2020;Provby;Klotter;11
        2021;Provby;Klotter;9
        2022;Provby;Klotter;10
        2023;Provby;Klotter;10
        2019;Provby;Inbrott;30
        2020;Provby;Inbrott;28
        2021;Provby;Inbrott;25
        2022;Provby;Inbrott;20
        2023;Provby;Inbrott;15

        """

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("fokus-daemon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        try Self.rulesYAML.write(to: rules.appendingPathComponent("regler.yaml"), atomically: true, encoding: .utf8)
        try Self.baseData.write(to: data.appendingPathComponent("brott.csv"), atomically: true, encoding: .utf8)
    }

    deinit {
        if let process, process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: root)
    }

    /// Writes `fokus.yaml`; `mail` is the `notify.mail` block's inner lines (indented by 4).
    func writeConfig(
        mail: String = "transport: outbox", quietMS: Int = 200, to: [String] = ["samordnare@example.se"], extra: String = "",
        notifyOn: String = "change"
    ) throws {
        let text = """
            # written by the daemon tests
            rules: rules
            data: data
            output: out
            state: var/fokus.sqlite
            metrics: metrics/fokus.prom
            lang: sv
            watch: { quiet_ms: \(quietMS) }
            notify:
              on: \(notifyOn)
              mail:
                from: lagesbild@example.se
                to: [\(to.joined(separator: ", "))]
                outbox: outbox
                retry: { first_s: 0.3, max_s: 1 }
            \(mail.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
            \(extra)
            """
        try text.write(to: root.appendingPathComponent("fokus.yaml"), atomically: true, encoding: .utf8)
    }

    /// Runs `fokus ARGS` to completion in the root folder.
    func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = root
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// Starts `fokus daemon --config fokus.yaml ARGUMENTS` in the background.
    func start(environment: [String: String] = [:], arguments: [String] = []) throws {
        runs += 1
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["daemon", "--config", "fokus.yaml"] + arguments
        process.currentDirectoryURL = root
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let log = try FileHandle(forWritingTo: logFile)
        process.standardOutput = log
        process.standardError = log
        try process.run()
        self.process = process
    }

    /// Sends SIGTERM and waits for the exit; returns the exit status.
    func stop(signal: Int32 = SIGTERM) throws -> Int32 {
        guard let process else { return -1 }
        kill(process.processIdentifier, signal)
        try waitUntil("the daemon exits", timeout: 20) { !process.isRunning }
        self.process = nil
        return process.terminationStatus
    }

    /// `kill -9`.
    func killHard() throws {
        guard let process else { return }
        kill(process.processIdentifier, SIGKILL)
        try waitUntil("the daemon dies", timeout: 10) { !process.isRunning }
        self.process = nil
    }

    var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    /// Whether the daemon started by ``start(environment:arguments:)`` still runs.
    var isRunning: Bool { process?.isRunning ?? false }

    /// The process id of the running daemon.
    var pid: Int32? { process?.processIdentifier }

    /// Polls `condition` every 50 ms until it holds, or fails after `timeout` seconds.
    func waitUntil(_ what: String, timeout: Double = 90, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw HarnessError("timed out after \(timeout) s waiting until \(what)\n--- daemon log ---\n\(log)")
    }

    /// ``waitUntil(_:timeout:_:)`` for async tests: sleeps without holding a thread of the test run's
    /// shared pool, so that other tests go on meanwhile.
    func waitUntil(_ what: String, timeout: Double = 90, _ condition: () throws -> Bool) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw HarnessError("timed out after \(timeout) s waiting until \(what)\n--- daemon log ---\n\(log)")
    }

    /// `report.json` as a dictionary, when it exists.
    func report() throws -> [String: Any]? {
        guard let data = FileManager.default.contents(atPath: output.appendingPathComponent("report.json").path) else { return nil }
        return try JSONSerialization.jsonObject(with: data) as? [String: Any]
    }

    /// The data files the current report says it read.
    func reportInputs() throws -> [String] {
        guard let inputs = try report()?["inputs"] as? [[String: Any]] else { return [] }
        return inputs.compactMap { $0["path"] as? String }
    }

    func store() throws -> StateStore { try StateStore(path: statePath) }

    func writeData(_ name: String, _ text: String) throws {
        try text.write(to: data.appendingPathComponent(name), atomically: false, encoding: .utf8)
    }

    static func sha256(of url: URL) -> String {
        ContentDigest.sha256(of: Array(FileManager.default.contents(atPath: url.path) ?? Data()))
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// aiosmtpd on loopback, saving each message it receives (see `smtp_sink.py`).
final class SMTPSink: @unchecked Sendable {
    let folder: URL
    private(set) var port: Int
    private var process: Process?

    /// Picks a free port without starting the server (for "server down first" tests).
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// `user:password` the server requires (AUTH), or `nil` for none.
    let credentials: String?

    /// Extra environment: `SINK_TLS`, `SINK_CERT`, `SINK_KEY` (see `smtp_sink.py`).
    let environment: [String: String]

    init(folder: URL, port: Int = 0, credentials: String? = nil, environment: [String: String] = [:]) {
        self.folder = folder
        self.port = port
        self.credentials = credentials
        self.environment = environment
    }

    func start() throws {
        let portFile = folder.deletingLastPathComponent().appendingPathComponent("smtp-port-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            [
                "python3", DaemonHarness.packageRoot.appendingPathComponent("Tests/FokusDaemonTests/smtp_sink.py").path,
                portFile.path, folder.path, String(port),
            ] + (credentials.map { [$0] } ?? [])
        process.standardOutput = FileHandle.nullDevice
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        try process.run()
        self.process = process
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let value = Int(text) {
                port = value
                return
            }
            if !process.isRunning { throw HarnessError("the SMTP server did not start (is aiosmtpd installed? `pip install aiosmtpd`)") }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw HarnessError("the SMTP server did not start within 20 s")
    }

    func stop() {
        guard let process else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        self.process = nil
    }

    deinit { stop() }

    /// The summaries of the messages received, in order.
    func messages() -> [[String: Any]] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".json") }
            .sorted { Int($0.dropLast(5)) ?? 0 < Int($1.dropLast(5)) ?? 0 }
        return names.compactMap { name in
            FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
                .flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
        }
    }
}
