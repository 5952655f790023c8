import Foundation
import Testing

/// Compares the built `fokus` with an independent reference of SPEC section 4 and 4.1
/// (`Tests/Differential/spec4.py`) on random rule sets and data folders generated from a
/// fixed seed (`Tests/Differential/run.py`).
struct DifferentialTests {
    @Test func fokusAgreesWithTheSpecReferenceOnRandomCases() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let script = root.appendingPathComponent("Tests/Differential/run.py")
        let binary = root.appendingPathComponent(".build/debug/fokus")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", script.path, "--cases", "150", "--seed", "20261127", "--fokus", binary.path,
        ]
        process.currentDirectoryURL = root
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationStatus == 0, "run.py exited \(process.terminationStatus):\n\(output)")
        #expect(output.contains("differential: 150 cases agree"), "\(output)")
    }
}
