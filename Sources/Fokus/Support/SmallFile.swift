package import Foundation

/// Reading a small file that a person names (a rule test, a previous report): a regular file (or a link to one)
/// of bounded size, so that a pipe, a device or a huge file gives an error instead of a hang or exhausted memory.
package enum SmallFile {
    /// The largest file read (64 MiB).
    package static let maximumBytes = 64 << 20

    /// The bytes of the file at `path`.
    /// - Parameter what: how messages name it (`the test file`).
    /// - Throws: ``FokusError`` at the file when it is not a regular file, is too large or cannot be read.
    package static func read(_ path: String, what: String) throws(FokusError) -> Data {
        let kind = DataFolderWalk.entryKind(atPath: path)
        guard kind == .regularFile || kind == .linkToFile else {
            throw error(what, kind == .unknown ? .missing : .kind(kind.word), path)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int ?? 0
        guard size <= maximumBytes else {
            throw error(what, .tooLarge, path)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw error(what, .unreadable, path)
        }
        return data
    }

    private static func error(_ what: String, _ reason: DiagnosticText.SmallFileReason, _ path: String) -> FokusError {
        FokusError([.error(DiagnosticText.dataFile(.cannotReadFile(what: what, reason: reason)), at: SourceLocation(file: path))])
    }
}
