import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lists the files of a data folder to read, safely.
///
/// Only regular files are read. A link is followed only to a regular file inside the data folder that the walk
/// does not reach by another path; links to folders are never followed (they can loop back into the folder or
/// lead out of it), and links that lead outside the folder, dangle or loop are skipped. Named pipes, sockets and
/// devices are skipped too: reading one could block forever (a pipe) or never end (`/dev/zero`). Every skip is a
/// warning naming the entry, except hidden entries, `rejected/` folders and notes (`README*`, `*.md`, `*.pdf`).
struct DataFolderWalk {
    /// What a directory entry is, as far as the walk cares.
    enum EntryKind: Equatable {
        case regularFile
        case folder
        /// A link whose target is a regular file.
        case linkToFile
        case linkToFolder
        /// A link to something else (a pipe, a device).
        case linkToOther
        /// A link whose target does not exist, or a loop of links.
        case brokenLink
        case fifo
        case socket
        case device
        case unknown

        /// How messages in every language name it.
        var word: DiagnosticText.EntryWord {
            switch self {
            case .regularFile: .file
            case .folder: .folder
            case .linkToFile: .linkToFile
            case .linkToFolder: .linkToFolder
            case .linkToOther: .linkToOther
            case .brokenLink: .brokenLink
            case .fifo: .fifo
            case .socket: .socket
            case .device: .device
            case .unknown: .unknown
            }
        }
    }

    /// The real path of the data folder (links resolved), which every file read must lie in.
    let rootRealPath: String
    /// How paths are shown (`Samples/kungsor`).
    let base: String
    private(set) var files: [(path: String, url: URL, realPath: String)] = []
    private(set) var warnings: [Diagnostic] = []
    /// Real paths already listed, so that a file reached twice (a link beside its target) is read once.
    private var seenRealPaths: [String: String] = [:]
    /// Links to files, considered after the walk, when every plain file is known.
    private var links: [(path: String, url: URL, realPath: String)] = []

    init(root: URL, base: String) {
        rootRealPath = Self.realPath(root.path) ?? root.standardizedFileURL.path
        self.base = base
    }

    /// The kind of the entry at `path`, without following a link at the entry itself (but looking at its target).
    static func entryKind(atPath path: String) -> EntryKind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .unknown }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regularFile
        case S_IFDIR: return .folder
        case S_IFIFO: return .fifo
        case S_IFSOCK: return .socket
        case S_IFCHR, S_IFBLK: return .device
        case S_IFLNK:
            var target = stat()
            guard stat(path, &target) == 0 else { return .brokenLink }
            switch target.st_mode & S_IFMT {
            case S_IFREG: return .linkToFile
            case S_IFDIR: return .linkToFolder
            default: return .linkToOther
            }
        default: return .unknown
        }
    }

    /// `path` with every link resolved, or `nil` when that fails (a dangling link, a loop).
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private func shown(_ path: String) -> String { base == "." ? path : "\(base)/\(path)" }

    private mutating func skip(_ path: String, _ reason: DiagnosticText.SkipReason) {
        warnings.append(.warning(DiagnosticText.dataFile(.skipped(reason)), at: SourceLocation(file: shown(path))))
    }

    /// Lists `names` in `folder` (whose path relative to the root is `relative`), recursively; then the links.
    mutating func collect(_ names: [String], in folder: URL, relative: String) {
        walk(names, in: folder, relative: relative)
        for link in links {
            if let first = seenRealPaths[link.realPath] {
                skip(link.path, .linkAlreadyRead(target: shown(first)))
                continue
            }
            seenRealPaths[link.realPath] = link.path
            files.append(link)
        }
    }

    private mutating func walk(_ names: [String], in folder: URL, relative: String) {
        for name in names where !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            let path = relative.isEmpty ? name : "\(relative)/\(name)"
            switch Self.entryKind(atPath: url.path) {
            case .regularFile:
                let real = Self.realPath(url.path) ?? url.path
                seenRealPaths[real] = seenRealPaths[real] ?? path
                files.append((path, url, real))
            case .folder:
                if !DataFolder.isIncludedFolder(name) { continue }
                do {
                    let inner = try FileManager.default.contentsOfDirectory(atPath: url.path)
                    walk(inner, in: url, relative: path)
                } catch {
                    warnings.append(
                        .warning(
                            DiagnosticText.folderSkipped(reason: error.localizedDescription),
                            at: SourceLocation(file: shown(path))))
                }
            case .linkToFile:
                if DataFolder.isDocumentation(name) { continue }
                guard let real = Self.realPath(url.path) else {
                    skip(path, .entry(.brokenLink))
                    continue
                }
                guard real.hasPrefix(rootRealPath + "/") else {
                    skip(path, .linkOutside)
                    continue
                }
                links.append((path, url, real))
            case .linkToFolder:
                skip(path, .linkToFolder)
            case let other:
                if DataFolder.isDocumentation(name) { continue }
                skip(path, .entry(other.word))
            }
        }
    }
}
