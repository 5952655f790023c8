import Fokus
import Foundation

/// Moves data files that failed validation into `rejected/` inside the data folder, each beside
/// `NAME.error.txt` listing every problem in the job's language. Nothing is deleted: when `rejected/NAME` exists from an
/// earlier rejection, that copy and its note are first renamed with a time stamp.
struct Quarantine {
    let dataFolder: URL
    let strings: DaemonStrings

    var folder: URL { dataFolder.appendingPathComponent(DataFolder.rejectedFolderName) }

    /// Quarantines the file at `relativePath` (relative to the data folder).
    /// - Returns: where the file now is.
    /// - Parameter keptLastGood: whether the last good version of the file stays in force.
    func quarantine(relativePath: String, diagnostics: [Diagnostic], now: Date, keptLastGood: Bool) throws -> URL {
        let source = dataFolder.appendingPathComponent(relativePath)
        let target = folder.appendingPathComponent(relativePath)
        let note = target.deletingLastPathComponent().appendingPathComponent(target.lastPathComponent + ".error.txt")
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let stamp = Self.stamp(now)
        let manager = FileManager.default
        if manager.fileExists(atPath: target.path) {
            try manager.moveItem(
                at: target, to: target.deletingLastPathComponent().appendingPathComponent("\(target.lastPathComponent).\(stamp)"))
        }
        if manager.fileExists(atPath: note.path) {
            try manager.moveItem(
                at: note, to: note.deletingLastPathComponent().appendingPathComponent("\(target.lastPathComponent).\(stamp).error.txt"))
        }
        var text = strings.quarantineHeader(file: relativePath, when: Self.readable(now), keptLastGood: keptLastGood)
        text += diagnostics.map { $0.rendered(in: strings.language) }.joined(separator: "\n") + "\n"
        try AtomicFile.write(text, to: note)
        try manager.moveItem(at: source, to: target)
        AtomicFile.syncFolder(source.deletingLastPathComponent())
        return target
    }

    static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }

    static func readable(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"
        return formatter.string(from: date)
    }
}
