public import Foundation

/// Which files in a data folder are data (SPEC 3.2): the one decision the loader and the
/// daemon's watcher share.
///
/// A data folder is read recursively. Hidden files and folders (a name starting with `.`, as
/// editors' and copy tools' temporary files are), any folder named `rejected` (where the daemon
/// quarantines bad files) and notes kept beside the data (`README*`, `*.md`, `*.pdf`) are not data.
public enum DataFolder: Sendable {
    /// The folder, directly inside a data folder, where the daemon moves rejected files.
    public static let rejectedFolderName = "rejected"

    /// Whether a path relative to the data folder (`2024/brott.csv`) names a candidate data file.
    public static func isData(relativePath: String) -> Bool {
        let components = relativePath.split(separator: "/").map(String.init)
        guard let name = components.last else { return false }
        for folder in components.dropLast() where !isIncludedFolder(folder) { return false }
        return !name.hasPrefix(".") && !isDocumentation(name)
    }

    /// Whether a folder with this name is read (and, for the daemon, watched).
    public static func isIncludedFolder(_ name: String) -> Bool {
        !name.hasPrefix(".") && name != rejectedFolderName
    }

    /// Notes kept beside the data (`README.md`, `*.md`, `*.pdf`) are not data and are passed over silently.
    public static func isDocumentation(_ fileName: String) -> Bool {
        let lower = fileName.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".pdf") || lower.hasPrefix("readme")
    }

    /// The data files under `folder`, as paths relative to it, sorted by Unicode code point: regular files
    /// (and links to files inside the folder) only, never through a folder link, as the loader reads them.
    ///
    /// - Parameter unlisted: called with the relative path of each folder that cannot be listed (`""` for
    ///   `folder` itself).
    public static func files(in folder: URL, unlisted: (String, any Error) -> Void = { _, _ in }) -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            unlisted("", error)
            return []
        }
        var walk = DataFolderWalk(root: folder, base: ".")
        walk.collect(names, in: folder, relative: "")
        return walk.files.map(\.path).filter { isData(relativePath: $0) }.sorted { $0.precedesByCodePoint($1) }
    }

    /// The folders under `folder` that are read (itself included, as `""`), as relative paths.
    public static func folders(in folder: URL) -> [String] {
        var result = [""]
        var index = 0
        while index < result.count {
            let relative = result[index]
            index += 1
            let url = relative.isEmpty ? folder : folder.appendingPathComponent(relative)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            for name in names.sorted() where isIncludedFolder(name) {
                var isDirectory: ObjCBool = false
                let child = url.appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: child.path, isDirectory: &isDirectory), isDirectory.boolValue {
                    result.append(relative.isEmpty ? name : "\(relative)/\(name)")
                }
            }
        }
        return result
    }

}
