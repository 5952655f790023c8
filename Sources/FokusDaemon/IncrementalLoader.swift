import Fokus
import FokusPipeline
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a job's data folder, re-reading only the files that changed since the last evaluation
/// of this process: each file's aggregates are kept in memory by its path, size, inode and
/// change times, and merged in the loader's order, so the dataset equals a full load.
///
/// Event files in the police's JSON shape are read all together every time (an event id counts
/// once across files, which per-file aggregates cannot see).
final class IncrementalLoader {
    private struct Signature: Equatable {
        var size: Int64
        var inode: UInt64
        var modified: timespec
        var changed: timespec

        static func == (a: Signature, b: Signature) -> Bool {
            a.size == b.size && a.inode == b.inode && a.modified.tv_sec == b.modified.tv_sec
                && a.modified.tv_nsec == b.modified.tv_nsec && a.changed.tv_sec == b.changed.tv_sec
                && a.changed.tv_nsec == b.changed.tv_nsec
        }

        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            size = Int64(info.st_size)
            inode = UInt64(info.st_ino)
            modified = info.st_mtim
            changed = info.st_ctim
        }
    }

    private var cache: [String: (signature: Signature, dataset: Dataset)] = [:]
    /// How many files the last load read (the rest came from the cache).
    private(set) var lastReads = 0
    private(set) var lastFiles = 0

    /// Loads the folder like ``EvaluationPipeline/loadDataForQuarantine(excluding:)``.
    func load(_ pipeline: EvaluationPipeline, folder: URL, excluding: Set<String>) throws(FokusError) -> (Dataset, [RejectedFile]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return try pipeline.loadDataForQuarantine(excluding: excluding)
        }
        var unlisted = false
        let files = DataFolder.files(in: folder) { _, _ in unlisted = true }.filter { !excluding.contains($0) }
        if unlisted || files.contains(where: { $0.lowercased().hasSuffix(".json") }) {
            cache = [:]
            lastReads = files.count
            lastFiles = files.count
            return try pipeline.loadDataForQuarantine(excluding: excluding)
        }
        var dataset = Dataset()
        var rejected: [RejectedFile] = []
        var reads = 0
        var kept: [String: (signature: Signature, dataset: Dataset)] = [:]
        for path in files {
            let url = folder.appendingPathComponent(path)
            let signature = Signature(path: url.path)
            var file: Dataset
            if let signature, let cached = cache[path], cached.signature == signature {
                file = cached.dataset
                kept[path] = cached
            } else {
                do {
                    file = try DatasetLoader.load(from: url, displayPath: path)
                } catch {
                    continue  // removed between listing and reading
                }
                reads += 1
                // A file that changed while it was read is not cached: the next load reads it again.
                if let signature, file.rejected.isEmpty, Signature(path: url.path) == signature {
                    kept[path] = (signature, file)
                }
            }
            rejected += file.takeRejected()
            dataset.merge(file)
        }
        cache = kept
        lastReads = reads
        lastFiles = files.count
        return (dataset, rejected)
    }
}
