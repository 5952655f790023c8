import Fokus
import FokusPipeline
import FokusState
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a job's data folder, reading only the files whose content is new: each accepted file's
/// aggregates are cached in the state database by content (SHA-256, name, reader format version),
/// and each file's `stat` signature (size, inode, modification and change times) is recorded with
/// its SHA-256, so that an unchanged file is neither read nor hashed, not even after a restart.
/// Files are merged in the loader's order, so the dataset equals a full load.
///
/// Police events JSON files are read every time, in order, in one loader session: an event id
/// counts once across files, so what such a file contributes depends on the files before it.
final class IncrementalLoader {
    private struct Entry {
        var signature: FileSignature
        var sha256: String
        var dataset: Dataset
    }

    /// The state database holding the cache; `nil` keeps the cache in memory only.
    let store: StateStore?
    /// This process's files by relative path, with what they contributed.
    private var memory: [String: Entry] = [:]
    /// The signatures recorded in the database, by absolute path (read once per process and folder).
    private var recorded: [String: (signature: FileSignature, sha256: String)] = [:]
    private var recordedFolder: String?
    /// How many files the last load read (the rest came from the cache).
    private(set) var lastReads = 0
    /// How many of the last load's files came from the state database (not from memory).
    private(set) var lastFromDatabase = 0
    private(set) var lastFiles = 0

    init(store: StateStore?) {
        self.store = store
    }

    /// What `stat` says of the file at `path`, or `nil` when it cannot be read.
    static func signature(of path: String) -> FileSignature? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileSignature(
            size: Int64(info.st_size), inode: UInt64(info.st_ino),
            modifiedNanoseconds: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
            changedNanoseconds: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec))
    }

    /// Loads the folder like ``EvaluationPipeline/loadDataForQuarantine(excluding:)``.
    func load(_ pipeline: EvaluationPipeline, folder: URL, excluding: Set<String>) throws(FokusError) -> (Dataset, [RejectedFile]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return try pipeline.loadDataForQuarantine(excluding: excluding)
        }
        var unlisted = false
        let files = DataFolder.files(in: folder) { _, _ in unlisted = true }.filter { !excluding.contains($0) }
        if unlisted {
            // A folder that cannot be listed: the full load says so in its warnings.
            memory = [:]
            lastReads = files.count
            lastFiles = files.count
            lastFromDatabase = 0
            return try pipeline.loadDataForQuarantine(excluding: excluding)
        }
        let folderPath = folder.standardizedFileURL.path
        if recordedFolder != folderPath {
            recorded = (try? store?.fileSignatures(under: folderPath)) ?? [:]
            recordedFolder = folderPath
        }
        var session = DatasetLoader.Session(sha256: pipeline.sha256)
        var dataset = Dataset()
        var rejected: [RejectedFile] = []
        var reads = 0
        var fromDatabase = 0
        var kept: [String: Entry] = [:]
        for path in files where !DataFolder.isDocumentation((path as NSString).lastPathComponent) {
            let url = folder.appendingPathComponent(path)
            let absolute = folderPath + "/" + path
            let signature = Self.signature(of: url.path)
            let dependsOnEarlierFiles = path.lowercased().hasSuffix(".json")
            var file: Dataset?
            if !dependsOnEarlierFiles, let signature {
                if let entry = memory[path], entry.signature == signature {
                    file = entry.dataset
                    kept[path] = entry
                } else if let known = recorded[absolute], known.signature == signature,
                    let archive = try? store?.fileAggregates(
                        sha256: known.sha256, name: path, formatVersion: Dataset.archiveFormatVersion),
                    let cached = Dataset(archive: archive)
                {
                    file = cached
                    kept[path] = Entry(signature: signature, sha256: known.sha256, dataset: cached)
                    fromDatabase += 1
                }
            }
            if file == nil {
                let read = session.read(url, path: path)
                reads += 1
                remember(read, path: path, absolute: absolute, signature: signature, cacheable: !dependsOnEarlierFiles, in: &kept)
                file = read
            }
            guard var file else { continue }
            rejected += file.takeRejected()
            dataset.merge(file)
        }
        memory = kept
        lastReads = reads
        lastFiles = files.count
        lastFromDatabase = fromDatabase
        return (dataset, rejected)
    }

    /// Keeps a file just read in memory and in the state database, when it was accepted and did
    /// not change while it was read; a rejected file's recorded signature is forgotten.
    private func remember(
        _ read: Dataset, path: String, absolute: String, signature: FileSignature?, cacheable: Bool,
        in kept: inout [String: Entry]
    ) {
        guard read.rejected.isEmpty else {
            if recorded.removeValue(forKey: absolute) != nil { try? store?.forgetFileSignature(path: absolute) }
            return
        }
        guard cacheable, let signature, read.inputs.count == 1, let input = read.inputs.first,
            Self.signature(of: absolute) == signature
        else { return }
        kept[path] = Entry(signature: signature, sha256: input.sha256, dataset: read)
        // A file is read only when it is new, changed, or its aggregates are missing (another format
        // version): each case stores them.
        guard let store else { return }
        do {
            try store.storeFile(
                path: absolute, signature: signature, sha256: input.sha256, name: path,
                formatVersion: Dataset.archiveFormatVersion, aggregates: read.archived())
            recorded[absolute] = (signature, input.sha256)
        } catch {
            // The cache is an optimisation: without it the file is read again next time.
        }
    }
}
