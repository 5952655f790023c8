public import Foundation

extension DatasetLoader {
    /// Reads the files of one load one at a time, giving each file's own contribution, for a
    /// program that keeps files' datasets between loads (the daemon's cache) and reads only some.
    ///
    /// Merging the contributions in the order of ``DataFolder/files(in:unlisted:)`` gives the
    /// dataset ``DatasetLoader/load(from:displayPath:excluding:sha256:)`` gives. Event ids carry
    /// over from file to file (SPEC 3.2: an id counts once across files), so every police events
    /// JSON file must go through the session in order: read, or replayed from its ``EventsRecord``.
    package struct Session {
        private var loader = DataFileLoader()

        /// The events of the last file read, when it was an accepted police events JSON file.
        package var lastEvents: EventsRecord? { loader.lastEvents }

        /// Starts a load that hashes files with `sha256`.
        package init(sha256: SHA256Function = .builtIn) {
            loader.sha256 = sha256
            loader.recordsEvents = true
        }

        /// Reads the file at `url`, shown as `path`, and returns what it contributes (its inputs,
        /// rejection or warnings included).
        package mutating func read(_ url: URL, path: String) -> Dataset {
            loader.dataset = Dataset()
            loader.lastEvents = nil
            loader.readFile(at: url, path: path)
            defer { loader.dataset = Dataset() }
            return loader.dataset
        }

        /// What a police events JSON file read before contributes now: its events counted against
        /// the ids of the files before it in this session, as reading it again would.
        /// - Parameters:
        ///   - events: the file's events, as ``lastEvents`` gave them.
        ///   - input: the file as ``Dataset/inputs`` lists it (path shown, SHA-256).
        package mutating func replay(_ events: EventsRecord, input: InputFile) -> Dataset {
            loader.dataset = Dataset()
            loader.lastEvents = nil
            loader.replayEvents(events, input: input)
            defer { loader.dataset = Dataset() }
            return loader.dataset
        }
    }
}
