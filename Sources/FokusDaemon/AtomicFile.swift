import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes files so that a reader (or a crash) never sees half of one: a temporary file in the
/// same folder, `fsync`, `rename` over the target, `fsync` of the folder.
enum AtomicFile {
    /// The prefix of temporary files; left-overs of a killed process are removed at start-up.
    static let temporaryPrefix = ".fokus-tmp-"

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent("\(temporaryPrefix)\(getpid())-\(UUID().uuidString.prefix(8))-\(url.lastPathComponent)")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(description: "cannot create \(temporary.path): \(String(cString: strerror(errno)))") }
        var ok = true
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    ok = false
                    return
                }
                offset += written
            }
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard ok, synced else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw Failure(description: "cannot write \(url.path): \(reason)")
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw Failure(description: "cannot put \(url.path) in place: \(reason)")
        }
        syncFolder(folder)
    }

    static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }

    /// Makes a rename in `folder` durable.
    static func syncFolder(_ folder: URL) {
        let fd = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }

    /// Removes temporary files a killed process left in `folder` (not recursive).
    static func removeLeftovers(in folder: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasPrefix(temporaryPrefix) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }
}
