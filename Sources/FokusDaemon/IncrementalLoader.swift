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
/// A police events JSON file contributes what depends on the files before it (an event id counts
/// once across files), so its aggregates alone cannot be kept: its events are (id, scope, category,
/// month and line, an ``EventsRecord``), and they are counted again in file order against the ids
/// of the files before it, without reading or parsing the file.
final class IncrementalLoader {
    private struct Entry {
        var signature: FileSignature
        var sha256: String
        var content: Content
    }

    private enum Content {
        /// What the file contributes.
        case dataset(Dataset)
        /// The events of a police events JSON file, counted again on every load.
        case events(EventsRecord, InputFile)
    }

    /// The state database holding the cache; `nil` keeps the cache in memory only.
    let store: StateStore?
    /// This process's files by relative path, with what they contributed.
    private var memory: [String: Entry] = [:]
    /// The signatures recorded in the database, by absolute path (read once per process and folder).
    private var recorded: [String: (signature: FileSignature, sha256: String)] = [:]
    private var recordedFolder: String?
    /// Files read and not yet stored in the database.
    private var pending: [StateStore.StoredFile] = []
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
            var content: Content?
            if let signature {
                if let entry = memory[path], entry.signature == signature {
                    content = entry.content
                    kept[path] = entry
                } else if let known = recorded[absolute], known.signature == signature,
                    let archive = try? store?.fileAggregates(
                        sha256: known.sha256, name: path, formatVersion: Dataset.archiveFormatVersion),
                    let cached = Self.content(archive, path: path, sha256: known.sha256)
                {
                    content = cached
                    kept[path] = Entry(signature: signature, sha256: known.sha256, content: cached)
                    fromDatabase += 1
                }
            }
            var file: Dataset
            switch content {
            case .dataset(let cached):
                file = cached
            case .events(let events, let input):
                file = session.replay(events, input: input)
            case nil:
                file = session.read(url, path: path)
                reads += 1
                remember(file, events: session.lastEvents, path: path, absolute: absolute, signature: signature, in: &kept)
            }
            rejected += file.takeRejected()
            dataset.merge(file)
        }
        memory = kept
        lastReads = reads
        lastFiles = files.count
        lastFromDatabase = fromDatabase
        return (dataset, rejected)
    }

    /// A cached file's content from its archive: events for a police events JSON file, else a dataset.
    private static func content(_ archive: [UInt8], path: String, sha256: String) -> Content? {
        if isEventsJSON(path) {
            return EventsRecord(archive: archive).map {
                .events($0, InputFile(path: path, sha256: sha256, kind: .crimeEventsJSON))
            }
        }
        return Dataset(archive: archive).map { .dataset($0) }
    }

    private static func isEventsJSON(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".json")
    }

    /// Writes the files read since the last call to the state database, in one transaction: called
    /// once the report is out, so the report does not wait for it. The cache is an optimisation: when
    /// the write fails, the files are read again after a restart.
    /// - Parameter others: other files' signatures to record in the same transaction (the last-good copies).
    func storePending(with others: [StateStore.StoredFile] = []) {
        guard !pending.isEmpty || !others.isEmpty else { return }
        defer { pending = [] }
        do {
            try store?.storeFiles(pending + others)
        } catch {
            for file in pending { recorded.removeValue(forKey: file.path) }
        }
    }

    /// Keeps a file just read in memory and (with ``storePending()``) in the state database, when it was accepted and did
    /// not change while it was read; a rejected file's recorded signature is forgotten.
    private func remember(
        _ read: Dataset, events: EventsRecord?, path: String, absolute: String, signature: FileSignature?,
        in kept: inout [String: Entry]
    ) {
        guard read.rejected.isEmpty else {
            if recorded.removeValue(forKey: absolute) != nil { try? store?.forgetFileSignature(path: absolute) }
            return
        }
        guard let signature, read.inputs.count == 1, let input = read.inputs.first,
            Self.signature(of: absolute) == signature
        else { return }
        let content: Content
        let archive: [UInt8]?
        if Self.isEventsJSON(path) {
            guard let events else { return }
            content = .events(events, input)
            archive = events.archived()
        } else {
            content = .dataset(read)
            archive = read.archived()
        }
        kept[path] = Entry(signature: signature, sha256: input.sha256, content: content)
        // A file is read only when it is new, changed, or its aggregates are missing (another format
        // version): each case stores them, with the next ``storePending()``.
        guard store != nil else { return }
        pending.append(
            StateStore.StoredFile(
                path: absolute, signature: signature, sha256: input.sha256, name: path,
                formatVersion: Dataset.archiveFormatVersion, aggregates: archive))
        recorded[absolute] = (signature, input.sha256)
    }
}
