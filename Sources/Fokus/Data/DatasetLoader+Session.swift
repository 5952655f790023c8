public import Foundation

extension DatasetLoader {
    /// Reads the files of one load one at a time, giving each file's own contribution, for a
    /// program that keeps files' datasets between loads (the daemon's cache) and reads only some.
    ///
    /// Merging the contributions in the order of ``DataFolder/files(in:unlisted:)`` gives the
    /// dataset ``DatasetLoader/load(from:displayPath:excluding:sha256:)`` gives. Event ids carry
    /// over from file to file (SPEC 3.2: an id counts once across files), so every file whose
    /// contribution depends on earlier files (police events JSON) must be read in the session, in order.
    public struct Session {
        private var loader = Loader()

        /// Starts a load that hashes files with `sha256`.
        public init(sha256: SHA256Function = .builtIn) {
            loader.sha256 = sha256
        }

        /// Reads the file at `url`, shown as `path`, and returns what it contributes (its inputs,
        /// rejection or warnings included).
        public mutating func read(_ url: URL, path: String) -> Dataset {
            loader.dataset = Dataset()
            loader.readFile(at: url, path: path)
            defer { loader.dataset = Dataset() }
            return loader.dataset
        }
    }
}
