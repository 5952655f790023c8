import Fokus
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Watches a job's data folder (recursively) and rule folder, and says when to evaluate.
///
/// With inotify, a data file counts as complete when it is closed after writing
/// (`IN_CLOSE_WRITE`) or renamed into place (`IN_MOVED_TO`); a file written to (`IN_MODIFY`) but
/// not yet closed is *in progress* and left out of evaluations until it is closed (or quiet for
/// ``staleAfter``). With polling (`poll_seconds`, for network shares), a file counts as complete
/// when its size and modification time are the same at two polls in a row. Either way the
/// folder must then stay quiet for the quiet period before it is read.
final class FolderWatcher: @unchecked Sendable {
    // @unchecked: the mutable state is only touched while `lock` is held.
    enum Mode { case inotify, polling(Double) }

    let dataFolder: URL
    let rulesFolder: URL
    let mode: Mode
    /// An in-progress file not written to for this long is taken as complete (its writer died).
    let staleAfter: Double = 60

    private let lock = NSLock()
    private var dataChanged = false
    private var rulesChanged = false
    private var lastEvent = Date.distantPast
    private var inProgress: [String: Date] = [:]
    private var stopped = false
    private var continuation: AsyncStream<Void>.Continuation?
    /// Wakes the job's loop; holds at most one pending wake-up.
    let wakeups: AsyncStream<Void>
    private var thread: Thread?

    init(dataFolder: URL, rulesFolder: URL, mode: Mode) {
        self.dataFolder = dataFolder
        self.rulesFolder = rulesFolder
        self.mode = mode
        var continuation: AsyncStream<Void>.Continuation!
        wakeups = AsyncStream(bufferingPolicy: .bufferingNewest(1)) { continuation = $0 }
        self.continuation = continuation
    }

    /// What the job loop should do now.
    struct Pending {
        var data: Bool
        var rules: Bool
        /// Seconds since the last change.
        var quietFor: Double
        var inProgress: Set<String>
    }

    /// The pending changes, without clearing them.
    func pending(now: Date = Date()) -> Pending {
        lock.lock()
        defer { lock.unlock() }
        inProgress = inProgress.filter { now.timeIntervalSince($0.value) < staleAfter }
        return Pending(data: dataChanged, rules: rulesChanged, quietFor: now.timeIntervalSince(lastEvent), inProgress: Set(inProgress.keys))
    }

    /// Clears the pending flags (the loop is about to act on them).
    func take() {
        lock.lock()
        dataChanged = false
        rulesChanged = false
        lock.unlock()
    }

    /// Asks for a rules reload only (SIGHUP, settings unchanged): the job evaluates only when the
    /// rules in force change.
    func requestRulesReload() {
        record { $0.rulesChanged = true }
    }

    /// Asks for an evaluation in `seconds` (after a fault that may have passed by then).
    func requestEvaluation(after seconds: Double) {
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [weak self] in
            self?.record { $0.dataChanged = true }
        }
    }

    private func record(_ body: (FolderWatcher) -> Void) {
        lock.lock()
        body(self)
        lastEvent = Date()
        lock.unlock()
        continuation?.yield()
    }

    func start() throws {
        let thread: Thread
        switch mode {
        case .inotify:
            let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard fd >= 0 else { throw AtomicFile.Failure(description: "inotify is not available: \(String(cString: strerror(errno)))") }
            let loop = InotifyLoop(fd: fd, watcher: self)
            loop.addDataTree("")
            loop.addRules()
            thread = Thread { loop.run() }
        case .polling(let seconds):
            thread = Thread { [self] in pollLoop(every: seconds) }
        }
        thread.name = "fokus-watch"
        self.thread = thread
        thread.start()
    }

    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
        continuation?.finish()
    }

    var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    // MARK: Events

    func dataFileModified(_ path: String) {
        lock.lock()
        inProgress[path] = Date()
        lastEvent = Date()
        lock.unlock()
    }

    func dataFileCompleted(_ path: String) {
        record {
            $0.inProgress[path] = nil; $0.dataChanged = true
        }
    }

    func dataFolderChanged() {
        record { $0.dataChanged = true }
    }

    func rulesFileChanged() {
        record {
            $0.rulesChanged = true; $0.dataChanged = true
        }
    }

    static func isRuleFile(_ name: String) -> Bool {
        !name.hasPrefix(".") && (name.hasSuffix(".yaml") || name.hasSuffix(".yml"))
    }

    // MARK: Polling

    private struct Stamp: Equatable {
        var size: Int
        var modified: Date
    }

    private func snapshot() -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        for path in DataFolder.files(in: dataFolder) {
            let attributes = try? FileManager.default.attributesOfItem(atPath: dataFolder.appendingPathComponent(path).path)
            result["data/" + path] = Stamp(
                size: (attributes?[.size] as? Int) ?? -1, modified: (attributes?[.modificationDate] as? Date) ?? .distantPast)
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: rulesFolder.path)) ?? [] where Self.isRuleFile(name) {
            let attributes = try? FileManager.default.attributesOfItem(atPath: rulesFolder.appendingPathComponent(name).path)
            result["rules/" + name] = Stamp(
                size: (attributes?[.size] as? Int) ?? -1, modified: (attributes?[.modificationDate] as? Date) ?? .distantPast)
        }
        return result
    }

    private func pollLoop(every seconds: Double) {
        var previous = snapshot()
        var unsettled: Set<String> = []
        while !isStopped {
            Thread.sleep(forTimeInterval: seconds)
            let current = snapshot()
            var changed = Set(current.keys.filter { current[$0] != previous[$0] })
            changed.formUnion(previous.keys.filter { current[$0] == nil })
            if !changed.isEmpty {
                lock.lock()
                for key in changed where key.hasPrefix("data/") { inProgress[String(key.dropFirst(5))] = Date() }
                lastEvent = Date()
                lock.unlock()
                unsettled.formUnion(changed)
            } else if !unsettled.isEmpty {
                // Unchanged for a whole interval: the files are complete.
                let rules = unsettled.contains { $0.hasPrefix("rules/") }
                record { watcher in
                    for key in unsettled where key.hasPrefix("data/") { watcher.inProgress[String(key.dropFirst(5))] = nil }
                    watcher.dataChanged = true
                    if rules { watcher.rulesChanged = true }
                }
                unsettled = []
            }
            previous = current
        }
    }
}

/// The inotify side of ``FolderWatcher``: one descriptor, a watch per data folder and one on the
/// rules' folder, read on the watcher's own thread.
private final class InotifyLoop: @unchecked Sendable {
    // @unchecked: used only by the thread that runs it (after setup on the starting thread).
    let fd: Int32
    let watcher: FolderWatcher
    var folders: [Int32: String] = [:]
    var rulesWatch: Int32 = -1

    static let dataMask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE | IN_MODIFY | IN_DELETE_SELF)
    static let rulesMask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE)

    init(fd: Int32, watcher: FolderWatcher) {
        self.fd = fd
        self.watcher = watcher
    }

    /// Watches `relative` (a folder under the data folder) and every readable folder below it.
    func addDataTree(_ relative: String) {
        let root = relative.isEmpty ? watcher.dataFolder : watcher.dataFolder.appendingPathComponent(relative)
        for inner in DataFolder.folders(in: root) {
            let path = [relative, inner].filter { !$0.isEmpty }.joined(separator: "/")
            let url = path.isEmpty ? watcher.dataFolder : watcher.dataFolder.appendingPathComponent(path)
            let wd = inotify_add_watch(fd, url.path, Self.dataMask)
            if wd >= 0 { folders[wd] = path }
        }
    }

    func addRules() {
        rulesWatch = inotify_add_watch(fd, watcher.rulesFolder.path, Self.rulesMask)
    }

    func run() {
        defer { close(fd) }
        let capacity = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        defer { buffer.deallocate() }
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while !watcher.isStopped {
            if folders.isEmpty {
                // The data folder does not exist yet: look again every second.
                Thread.sleep(forTimeInterval: 1)
                if FileManager.default.fileExists(atPath: watcher.dataFolder.path) {
                    addDataTree("")
                    watcher.dataFolderChanged()
                }
            }
            let ready = poll(&poller, 1, 250)
            guard ready > 0 else { continue }
            let count = read(fd, buffer, capacity)
            guard count > 0 else { continue }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = offset + MemoryLayout<inotify_event>.size
                var name = ""
                if event.len > 0 {
                    let bytes = UnsafeRawBufferPointer(start: buffer + nameStart, count: Int(event.len))
                    name = String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
                }
                handle(wd: event.wd, mask: event.mask, name: name)
                offset = nameStart + Int(event.len)
            }
        }
    }

    /// Whether an entry is complete as soon as it is created: a link (symbolic or hard), a pipe, a
    /// device. Nothing will write it and close it, so waiting for that would hold every evaluation
    /// back for ``FolderWatcher/staleAfter``.
    static func isCompleteWhenCreated(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return true }  // gone already
        return (info.st_mode & S_IFMT) != S_IFREG || info.st_nlink > 1
    }

    private func handle(wd: Int32, mask: UInt32, name: String) {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost: read everything again.
            watcher.rulesFileChanged()
            return
        }
        if wd == rulesWatch {
            if FolderWatcher.isRuleFile(name) { watcher.rulesFileChanged() }
            return
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            folders[wd] = nil
            return
        }
        guard let folder = folders[wd] else { return }
        let path = folder.isEmpty ? name : "\(folder)/\(name)"
        if mask & UInt32(IN_ISDIR) != 0 {
            guard DataFolder.isIncludedFolder(name) else { return }
            if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { addDataTree(path) }
            watcher.dataFolderChanged()
            return
        }
        guard DataFolder.isData(relativePath: path) else { return }
        if mask & UInt32(IN_CREATE) != 0 && Self.isCompleteWhenCreated(watcher.dataFolder.appendingPathComponent(path).path) {
            watcher.dataFileCompleted(path)
        } else if mask & UInt32(IN_MODIFY | IN_CREATE) != 0 {
            watcher.dataFileModified(path)
        } else if mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE) != 0 {
            watcher.dataFileCompleted(path)
        }
    }
}
