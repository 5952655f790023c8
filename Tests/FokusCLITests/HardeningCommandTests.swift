import Foundation
import Testing

/// The binary under faults and hostile input: write errors, two processes on a new state file, quoting in
/// generated files, control characters from data, limits on options.
@Suite(.timeLimit(.minutes(3)))
struct HardeningCommandTests {
    /// Runs `fokus ARGS REDIRECTION` through `sh`, so that standard output can be closed or sent to /dev/full.
    func shell(_ arguments: [String], redirect: String) throws -> CLIRunner.Result {
        let quoted = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "'\(CLIRunner.binary.path)' \(quoted) \(redirect)"]
        process.currentDirectoryURL = CLIRunner.packageRoot
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return .init(status: process.terminationStatus, stdout: "", stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test(arguments: [["evaluate", "--samples", "0"], ["check", "rules"], ["explain", "trafik", "--samples", "0"]])
    func aFullDiskIsAnErrorNotATrap(_ arguments: [String]) throws {
        let result = try shell(arguments, redirect: "> /dev/full")
        #expect(result.status == 1)
        #expect(result.stderr.contains("fel: utdata kan inte skrivas (standard output: No space left on device)"), "\(result.stderr)")
    }

    @Test func aClosedStandardOutputOrErrorIsAnErrorNotATrap() throws {
        let closedOut = try shell(["evaluate", "--samples", "0"], redirect: ">&-")
        #expect(closedOut.status == 1)
        #expect(closedOut.stderr.contains("fel: utdata kan inte skrivas (standard output: Bad file descriptor)"))
        let english = try shell(["evaluate", "--samples", "0", "--lang", "en"], redirect: ">&-")
        #expect(english.stderr.contains("error: the output cannot be written (standard output: Bad file descriptor)"))
        let state = try CLIRunner.temporaryFolder().appendingPathComponent("s.sqlite").path
        let both = try shell(["adopted", "--state", state], redirect: ">&- 2>&-")
        #expect(both.status == 1)
    }

    @Test func twoAdoptionsOnANewStateFileAtOnceAreBothRecorded() throws {
        for round in 0..<12 {
            let folder = try CLIRunner.temporaryFolder()
            let state = folder.appendingPathComponent("var/fokus.sqlite").path
            let results = try [("trafik", "2024"), ("bedrageri", "2024")].map { area, from -> Process in
                let process = Process()
                process.executableURL = CLIRunner.binary
                process.arguments = ["adopt", area, "--from", from, "--state", state]
                process.currentDirectoryURL = CLIRunner.packageRoot
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                return process
            }
            for process in results { process.waitUntilExit() }
            #expect(results.allSatisfy { $0.terminationStatus == 0 }, "round \(round)")
            let listed = try CLIRunner.run(["adopted", "--state", state])
            #expect(listed.stdout.split(separator: "\n").count == 2, "round \(round): \(listed.stdout)")
            // The state is private to its owner.
            let attributes = try FileManager.default.attributesOfItem(atPath: state)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            let folderAttributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("var").path)
            #expect((folderAttributes[.posixPermissions] as? Int) == 0o700)
            try? FileManager.default.removeItem(at: folder)
        }
    }

    @Test func aDeviceOrPipeNamedAsAFileIsAnErrorNotAHang() throws {
        let compare = try CLIRunner.run(["evaluate", "--samples", "0", "--compare", "/dev/zero", "--lang", "en"])
        #expect(compare.status == 1)
        #expect(compare.stderr.contains("/dev/zero: error: cannot read the previous report: it is a device, not a file"))
        let rules = try CLIRunner.run(["check", "/dev/zero"])
        #expect(rules.status == 1)
        #expect(rules.stderr.contains("/dev/zero: fel: regelfilen kan inte läsas: den är en enhet, inte en fil"), "\(rules.stderr)")
        let english = try CLIRunner.run(["check", "/dev/zero", "--lang", "en"])
        #expect(english.stderr.contains("/dev/zero: error: cannot read the rule file: it is a device, not a file"))
    }

    @Test func aStatePathThatIsAFolderIsNamed() throws {
        let folder = try CLIRunner.temporaryFolder()
        let result = try CLIRunner.run(["adopt", "trafik", "--from", "2024", "--state", folder.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("is a folder; give the state database's file, such as \(folder.path)/fokus.sqlite"))
    }

    @Test(arguments: ["a: b", "[x]", "null", "@x", "Ale #2", "Kö\"ping\\", "'; DROP", "Sala, norra"])
    func initWritesAnyScopeSoThatItReadsBack(_ scope: String) throws {
        let folder = try CLIRunner.temporaryFolder().appendingPathComponent("ny")
        #expect(try CLIRunner.run(["init", folder.path, "--scope", scope]).status == 0)
        #expect(try CLIRunner.run(["check", folder.appendingPathComponent("rules").path]).status == 0)
        #expect(try CLIRunner.run(["test", folder.appendingPathComponent("rules").path]).status == 0)
        let report = try CLIRunner.run([
            "evaluate", "--rules", folder.appendingPathComponent("rules").path, "--data",
            folder.appendingPathComponent("data").path, "--samples", "0", "--format", "json",
        ])
        let json = try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any]
        #expect(json?["scope"] as? String == scope)
    }

    @Test func escapeSequencesFromDataAndNotesAreStripped() throws {
        let data = try CLIRunner.copyOfSample()
        try "år;kommun;brottskategori;antal\n2023;Kungsör;\"\u{1B}]0;pwned\u{07}Stöld\u{1B}[2J\";4\n"
            .write(to: data.appendingPathComponent("extra.csv"), atomically: true, encoding: .utf8)
        let report = try CLIRunner.run(["evaluate", "--data", data.path, "--samples", "0"])
        #expect(report.status == 0)
        #expect(!report.stdout.contains("\u{1B}") && !report.stderr.contains("\u{1B}"))
        #expect(report.stdout.contains("]0;pwnedStöld[2J") || report.stderr.contains("]0;pwnedStöld[2J"))

        let state = try CLIRunner.temporaryFolder().appendingPathComponent("s.sqlite").path
        #expect(
            try CLIRunner.run(["adopt", "trafik", "--from", "2024", "--note", "beslut\u{1B}[31m röd\u{9B}", "--state", state]).status == 0)
        let listed = try CLIRunner.run(["adopted", "--state", state])
        #expect(listed.stdout.contains("beslut[31m röd"))
        #expect(!listed.stdout.contains("\u{1B}"))
    }

    @Test(arguments: [
        (["--samples", "-1"], "--samples ska vara från 0 (av) till 100000, inte -1"),
        (["--samples", "100000000"], "--samples ska vara från 0 (av) till 100000, inte 100000000"),
        (["--samples", "-1", "--lang", "en"], "--samples must be from 0 (off) to 100000, not -1"),
        (["--concentration", "inf"], "--concentration ska vara från 0,01 till 1000000, inte inf"),
        (["--concentration", "1e309", "--lang", "en"], "--concentration must be from 0.01 to 1000000, not inf"),
        (["--concentration", "1e-300"], "--concentration ska vara från 0,01 till 1000000, inte 1e-300"),
    ])
    func optionsOutOfRangeAreUsageErrors(_ options: [String], message: String) throws {
        let result = try CLIRunner.run(["evaluate"] + options)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message))
    }
}
