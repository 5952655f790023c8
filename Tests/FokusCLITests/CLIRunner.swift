import Foundation

/// Runs the built `fokus` binary from the package root, as a user would.
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package root (two folders above this file's folder).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The `fokus` built with these tests: `$FOKUS_BINARY` when set, else the one beside the test
    /// bundle (the build's bin path, whatever the triple or configuration), else `.build/debug/fokus`.
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["FOKUS_BINARY"] { return URL(fileURLWithPath: path) }
        let candidates = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments.first ?? "")]
            .map { $0.deletingLastPathComponent().appendingPathComponent("fokus") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
            ?? packageRoot.appendingPathComponent(".build/debug/fokus")
    }()

    /// Collects what a pipe delivers on another thread, so that a full stderr pipe never blocks the
    /// process while stdout is read.
    private final class Drain: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            Thread.detachNewThread { [self] in
                let read = handle.readDataToEndOfFile()
                lock.lock()
                data = read
                lock.unlock()
                done.signal()
            }
        }

        func wait() -> Data {
            done.wait()
            lock.lock()
            defer { lock.unlock() }
            return data
        }
    }

    static func run(_ arguments: [String], in directory: URL = packageRoot) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stderrDrain = Drain(err.fileHandleForReading)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = stderrDrain.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fokus-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A copy of the bundled sample in a temporary folder that a test may change.
    static func copyOfSample() throws -> URL {
        let folder = try temporaryFolder()
        let sample = packageRoot.appendingPathComponent("Samples/kungsor")
        for name in try FileManager.default.contentsOfDirectory(atPath: sample.path) {
            try FileManager.default.copyItem(at: sample.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder
    }
}
