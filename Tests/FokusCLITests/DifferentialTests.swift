import Foundation
import Testing

/// Compares the built `fokus` with an independent reference of SPEC section 4, 4.1, and the
/// deterministic parts of 4.2 and 4.3 (`Tests/Differential/spec4.py`) on random rule sets and
/// data folders generated from a fixed seed (`Tests/Differential/run.py`). The reference is
/// itself checked first on hand-computed cases (`Tests/Differential/test_spec4.py`).
struct DifferentialTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `run.py` with `arguments`; its exit status and everything it printed.
    static func runScript(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let script = root.appendingPathComponent("Tests/Differential/run.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path] + arguments
        process.currentDirectoryURL = root
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test func theSpecReferencePassesItsHandComputedChecks() throws {
        let (status, output) = try Self.runScript(["--selftest"])
        #expect(status == 0, "run.py --selftest exited \(status):\n\(output)")
        #expect(output.contains("checks pass"), "\(output)")
    }

    @Test func fokusAgreesWithTheSpecReferenceOnRandomCases() throws {
        let binary = CLIRunner.binary
        let (status, output) = try Self.runScript([
            "--cases", "150", "--seed", "20261127", "--fokus", binary.path,
        ])
        #expect(status == 0, "run.py exited \(status):\n\(output)")
        #expect(output.contains("differential: 150 cases agree"), "\(output)")
    }
}
