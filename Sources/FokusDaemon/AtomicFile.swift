import Fokus
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

    /// Who may read what the daemon writes.
    enum Access {
        /// Files 0644, new folders 0755: reports to publish, metrics for an exporter.
        case shared
        /// Files 0600, new folders 0700: mail and copies of the data, for the daemon's user only.
        case owner

        var fileMode: mode_t { self == .owner ? 0o600 : 0o644 }
        var folderMode: mode_t { self == .owner ? 0o700 : 0o755 }
    }

    static func write(_ data: Data, to url: URL, access: Access = .shared) throws {
        try writeAll([(url, data)], access: access)
    }

    static func write(_ text: String, to url: URL, access: Access = .shared) throws {
        try write(Data(text.utf8), to: url, access: access)
    }

    /// Writes several files as one: every temporary file is written and synced first, and only when all
    /// are complete are they renamed into place. A full disk or a read-only folder therefore leaves every
    /// target as it was (and no temporary file behind), not half of the set replaced.
    static func writeAll(_ files: [(url: URL, data: Data)], access: Access = .shared) throws {
        // The folders first, then the files staged side by side, each on a thread of its own (the
        // processors' pool would run only as many at once as there are processors): all their `fsync`s
        // are under way together, so the file system commits them together instead of one after the other.
        for folder in Set(files.map { $0.url.deletingLastPathComponent() }) { try createFolder(folder, mode: access.folderMode) }
        let results = ConcurrentSlots<Result<URL, any Error>>(count: files.count)
        SideWork.each(files.count) { index in
            results.set(index, Result { try stage(files[index].data, for: files[index].url, access: access) })
        }
        var staged: [(temporary: URL, target: URL)] = []
        var failure: (any Error)?
        for (index, result) in results.all.enumerated() {
            switch result {
            case .success(let temporary): staged.append((temporary, files[index].url))
            case .failure(let error): failure = failure ?? error
            case nil: break
            }
        }
        if let failure {
            for file in staged { unlink(file.temporary.path) }
            throw failure
        }
        for (index, file) in staged.enumerated() where rename(file.temporary.path, file.target.path) != 0 {
            let reason = String(cString: strerror(errno))
            for rest in staged[index...] { unlink(rest.temporary.path) }
            throw Failure(description: "cannot put \(file.target.path) in place: \(reason)")
        }
        let folders = Array(Set(staged.map { $0.target.deletingLastPathComponent().path }))
        SideWork.each(folders.count) { syncFolder(URL(fileURLWithPath: folders[$0])) }
    }

    /// Writes `data` to a new temporary file beside `url` and syncs it. Returns the temporary file.
    private static func stage(_ data: Data, for url: URL, access: Access) throws -> URL {
        let folder = url.deletingLastPathComponent()
        try createFolder(folder, mode: access.folderMode)
        let temporary = folder.appendingPathComponent(
            "\(temporaryPrefix)\(getpid())-\(UUID().uuidString.prefix(8))-\(url.lastPathComponent)")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, access.fileMode)
        guard fd >= 0 else { throw Failure(description: "cannot create \(temporary.path): \(String(cString: strerror(errno)))") }
        var failure: Int32 = 0
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == 0, fsync(fd) != 0 { failure = errno }
        if close(fd) != 0, failure == 0 { failure = errno }
        guard failure == 0 else {
            unlink(temporary.path)
            throw Failure(description: "cannot write \(url.path): \(String(cString: strerror(failure)))")
        }
        return temporary
    }

    /// Creates `folder` and its missing parents with `mode` (an existing folder keeps its permissions).
    static func createFolder(_ folder: URL, mode: mode_t) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue { return }
        let parent = folder.deletingLastPathComponent()
        if parent.path != folder.path { try createFolder(parent, mode: mode) }
        if mkdir(folder.path, mode) != 0 && errno != EEXIST {
            throw Failure(description: "cannot create the folder \(folder.path): \(String(cString: strerror(errno)))")
        }
        // mkdir applies the umask; the mode asked for is the mode meant.
        _ = chmod(folder.path, mode)
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
