public import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Builds a ``Dataset`` from data files (SPEC 3.2).
///
/// A folder is read recursively in a fixed order (relative paths sorted by Unicode code point),
/// skipping hidden files and folders and any `rejected/` folder. Each file is read into a
/// dataset of its own and merged only when it has no bad row: a file with a bad row is rejected
/// whole (``Dataset/rejected``), never half-ingested. A file whose header matches no kind is
/// skipped with a warning. Files are streamed, so memory stays flat however large they are.
public enum DatasetLoader: Sendable {
    /// Reads a data folder, or a single data file.
    /// - Parameters:
    ///   - url: the folder or file.
    ///   - displayPath: how paths are shown in diagnostics and ``Dataset/inputs``
    ///     (`Samples/kungsor` gives `Samples/kungsor/brott.csv`); by default the path as given.
    ///   - excluding: relative paths (as ``DataFolder/files(in:unlisted:)`` gives them) to leave
    ///     out, such as files still being written.
    ///   - sha256: how files are hashed (``InputFile/sha256``): the engine's own SHA-256 by default, or a
    ///     faster one the program links.
    /// - Returns: the dataset, with its inputs, rejected files and warnings.
    /// - Throws: ``FokusError`` only when `url` does not exist or the folder cannot be listed;
    ///   problems in the files themselves end up in the dataset.
    public static func load(
        from url: URL, displayPath: String? = nil, excluding: Set<String> = [], sha256: SHA256Function = .builtIn
    ) throws(FokusError) -> Dataset {
        var base = displayPath ?? url.relativePath
        while base.count > 1 && base.hasSuffix("/") { base.removeLast() }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw FokusError([.error(DiagnosticText.dataFile(.doesNotExist(path: base)))])
        }
        var loader = DataFileLoader()
        loader.sha256 = sha256
        if isDirectory.boolValue {
            let root: [String]
            do {
                root = try FileManager.default.contentsOfDirectory(atPath: url.path)
            } catch {
                throw FokusError([.error(DiagnosticText.dataFile(.cannotList(path: base, reason: error.localizedDescription)))])
            }
            // Only regular files inside the folder: no folder links, no loops, no pipes or devices.
            var walk = DataFolderWalk(root: url, base: base)
            walk.collect(root, in: url, relative: "")
            for warning in walk.warnings { loader.dataset.addWarning(warning) }
            let files = walk.files.filter { DataFolder.isData(relativePath: $0.path) && !excluding.contains($0.path) }
                .sorted { $0.path.precedesByCodePoint($1.path) }
            for file in files {
                loader.readFile(at: file.url, path: base == "." ? file.path : "\(base)/\(file.path)")
            }
        } else {
            switch DataFolderWalk.entryKind(atPath: url.path) {
            case .regularFile, .linkToFile:
                loader.readFile(at: url, path: base)
            case let other:
                throw FokusError([.error(DiagnosticText.dataFile(.notFileOrFolder(path: base, kind: other.word)))])
            }
        }
        return loader.dataset
    }

    /// Reads one file's content from memory, as if it were a file called `name` (its extension
    /// picks how it is read: `.csv`, `.tsv`, `.txt`, `.json`, `.yaml`, `.yml`).
    public static func load(contents: [UInt8], name: String) -> Dataset {
        var loader = DataFileLoader()
        loader.read(ByteSource(bytes: contents), fileName: name, path: name)
        return loader.dataset
    }

    /// Reads one file's text from memory, as if it were a file called `name`.
    public static func load(text: String, name: String) -> Dataset {
        load(contents: Array(text.utf8), name: name)
    }
}

/// The state of one load: the dataset so far and the event ids already counted.
struct DataFileLoader {
    var dataset = Dataset()
    /// How files are hashed.
    var sha256 = SHA256Function.builtIn
    /// When and how a large events CSV file is counted on every core.
    var eventsSplit = EventsSplit.standard
    /// Ids of events in accepted files (SPEC 3.2: an id counts once across files).
    var seenEventIDs: Set<String> = []
    /// Whether a police events file's events are kept (``lastEvents``) for ``replayEvents(_:input:)``.
    var recordsEvents = false
    /// The events of the last police events file read, when it was accepted and ``recordsEvents`` is set.
    var lastEvents: EventsRecord?

    mutating func readFile(at url: URL, path: String) {
        guard !DataFolder.isDocumentation(url.lastPathComponent) else { return }
        let source: ByteSource
        do {
            source = try ByteSource(contentsOf: url)
        } catch {
            reject(path, .cannotBeRead(reason: error.localizedDescription))
            return
        }
        read(source, fileName: url.lastPathComponent, path: path)
        if source.byteCount >= DataFileLoader.trimAfterBytes { Self.returnFreedMemory() }
    }

    /// After a file this large, the memory its reading freed is handed back to the system.
    static let trimAfterBytes = 4 << 20

    /// Hands memory the allocator holds free back to the system (glibc keeps what reading threads freed in
    /// their own arenas, so after a few large files the process would keep growing even though the
    /// dataset does not).
    static func returnFreedMemory() {
        #if canImport(Glibc)
        // `malloc_trim` is glibc's, outside the C library module Swift imports: looked up once.
        if let trim = mallocTrim { _ = trim(0) }
        #endif
    }

    #if canImport(Glibc)
    private static let mallocTrim: (@convention(c) (Int) -> Int32)? = dlsym(nil, "malloc_trim").map {
        unsafeBitCast($0, to: (@convention(c) (Int) -> Int32).self)
    }
    #endif

    /// Reads one file: `fileName`'s extension picks how, `path` is how it is shown.
    mutating func read(_ source: ByteSource, fileName: String, path: String) {
        guard let family = DataFileKind.family(forFileName: fileName) else {
            dataset.addWarning(
                .warning(
                    DiagnosticText.unsupportedExtension,
                    at: SourceLocation(file: path)))
            return
        }
        // One read: the file is hashed and checked for UTF-8 on another thread while it is parsed as
        // UTF-8; only a file that turns out not to be UTF-8 is read again, as Windows-1252. The parse as
        // UTF-8 stops at the first chunk after the hashing thread has met a sequence that is not UTF-8.
        do {
            source.startFingerprint(sha256)
            do {
                do {
                    source.stopsAtInvalidUTF8 = true
                    defer { source.stopsAtInvalidUTF8 = false }
                    try read(family, source, path: path, encoding: .utf8)
                } catch is NotUTF8 {
                    try source.rewind()
                    try read(family, source, path: path, encoding: .windows1252)
                } catch is ByteSource.InvalidUTF8 {
                    try source.restart()
                    try read(family, source, path: path, encoding: .windows1252)
                }
            } catch let notText as NotText {
                reject(path, .notText(notText.kind.word))
            }
        } catch {
            reject(path, .cannotBeRead(reason: error.localizedDescription))
        }
    }

    /// Thrown when a file parsed as UTF-8 turns out not to be: it is parsed again as Windows-1252.
    private struct NotUTF8: Error {}

    /// Thrown when a file turns out not to be text at all (UTF-16, gzip, ZIP, binary): it is rejected with
    /// what it is, and nothing from the parse is used.
    private struct NotText: Error {
        var kind: FileFingerprint.NotText
    }

    private mutating func read(
        _ family: DataFileKind.Family, _ source: ByteSource, path: String, encoding: TextEncoding
    ) throws {
        switch family {
        case .table: try readTable(source, path: path, encoding: encoding)
        case .eventsJSON: try readEventsJSON(source, path: path, encoding: encoding)
        case .resourcesYAML: try readResourcesYAML(source, path: path, encoding: encoding)
        }
    }

    /// The file's fingerprint once it is read whole; throws ``NotUTF8`` when it was parsed as UTF-8
    /// and is not, before anything from the parse is used.
    private func confirmed(_ source: ByteSource, encoding: TextEncoding) throws -> FileFingerprint {
        let fingerprint = try source.finishFingerprint()
        if let notText = fingerprint.notText { throw NotText(kind: notText) }
        guard fingerprint.encoding == encoding else { throw NotUTF8() }
        return fingerprint
    }

    /// How many non-blank lines are tried as the header (exports may start with a title line).
    static let headerSearchLines = 5

    private mutating func readTable(_ source: ByteSource, path: String, encoding: TextEncoding) throws {
        var reader = try CSVReader(source: source, encoding: encoding)
        var firstHeader: [String]?
        var layout: DataFileLayout?
        /// Tries the first non-blank lines as the header (exports may start with a title line).
        func findHeader() throws {
            for _ in 0..<DataFileLoader.headerSearchLines {
                let line = try reader.peekLine()
                if line.isEmpty { break }
                reader.delimiter = CSVReader.detectDelimiter(in: line)
                guard try reader.readRecord() else { break }
                let header = reader.strings
                if firstHeader == nil { firstHeader = header }
                if let match = DataFileLayout.match(header: header) {
                    layout = match
                    break
                }
            }
        }
        do {
            try findHeader()
        } catch let error as CSVReader.RecordTooLong {
            var bad = BadRows(path: path)
            bad.add(line: error.line, column: nil, error.reason)
            dataset.addRejected(bad.rejection)
            return
        }
        guard let layout else {
            _ = try confirmed(source, encoding: encoding)
            let message: DiagnosticText
            if let firstHeader {
                var columns = firstHeader.prefix(12).map { DataValues.abbreviated($0) }
                if firstHeader.count > 12 { columns.append("… (\(firstHeader.count) columns)") }
                message = .unknownHeader(columns: columns, expectation: DataFileLayout.expectation)
            } else {
                message = .emptyFile
            }
            dataset.addWarning(.warning(message, at: SourceLocation(file: path)))
            return
        }
        if !layout.duplicates.isEmpty {
            var bad = BadRows(path: path)
            for duplicate in layout.duplicates {
                let problem = DiagnosticText.DataFileProblem.duplicateColumns(
                    role: duplicate.role.what, names: duplicate.columns.map { layout.header[$0] },
                    numbers: duplicate.columns.map { $0 + 1 })
                bad.add(.error(DiagnosticText.dataFile(problem), at: SourceLocation(file: path, line: reader.recordLine)))
            }
            let fingerprint = try confirmed(source, encoding: encoding)
            accept(Dataset(), bad: bad, input: InputFile(path: path, sha256: fingerprint.sha256, kind: layout.kind))
            return
        }
        var ingest = CSVIngest(reader: reader, layout: layout, path: path)
        if layout.kind == .crimeEventsCSV, let descriptor = source.fileDescriptor,
            let split = eventsSplit.count(
                descriptor: descriptor, from: reader.nextRecordOffset,
                columns: EventsSplit.Columns(
                    width: layout.header.count, date: layout[.date], scope: layout[.scope],
                    category: layout[.category], delimiter: reader.delimiter, lastYear: ingest.future.lastYear,
                    encoding: encoding),
                sha256: sha256)
        {
            // Every row was plain and good: counted on every core, the file hashed whole meanwhile.
            source.adoptFingerprint(split.fingerprint)
            ingest.tally = split.tally
        } else {
            try ingest.run()
        }
        let fingerprint = try confirmed(source, encoding: encoding)
        if ingest.bad.isEmpty, let warning = ingest.future.warning(path: path) { dataset.addWarning(warning) }
        // The tally is moved out (held once), so that its table is freed while its counts are added.
        var tally = EventTally()
        swap(&tally, &ingest.tally)
        accept(
            ingest.dataset, tally: &tally, bad: ingest.bad,
            input: InputFile(path: path, sha256: fingerprint.sha256, kind: layout.kind))
    }

    private mutating func readEventsJSON(_ source: ByteSource, path: String, encoding: TextEncoding) throws {
        guard encoding == .utf8 else {
            _ = try confirmed(source, encoding: encoding)  // says what a file that is not text at all is
            reject(path, .jsonNotUTF8)
            return
        }
        var ingest = EventsJSONIngest(path: path)
        if recordsEvents { ingest.record = EventsRecord() }
        try ingest.run(source, seen: seenEventIDs)
        let fingerprint = try confirmed(source, encoding: encoding)
        lastEvents = ingest.bad.isEmpty ? ingest.record : nil
        acceptEvents(ingest, input: InputFile(path: path, sha256: fingerprint.sha256, kind: .crimeEventsJSON))
    }

    /// Counts the events of a police events file read before (``EventsRecord``) as reading it again would.
    mutating func replayEvents(_ record: EventsRecord, input: InputFile) {
        var ingest = EventsJSONIngest(path: input.path)
        ingest.replay(record, seen: seenEventIDs)
        acceptEvents(ingest, input: input)
    }

    private mutating func acceptEvents(_ ingest: consuming EventsJSONIngest, input: InputFile) {
        let path = input.path
        var warnings = Dataset()
        if ingest.bad.isEmpty {
            seenEventIDs.formUnion(ingest.newIDs)
            if let warning = ingest.duplicateWarning { warnings.addWarning(warning) }
            if let warning = ingest.future.warning(path: path) { warnings.addWarning(warning) }
        }
        var tally = EventTally()
        swap(&tally, &ingest.tally)
        accept(warnings, tally: &tally, bad: ingest.bad, input: input)
    }

    /// The largest resources YAML file read: such a file lists a few resources a period.
    static let maximumYAMLBytes = 16 << 20

    private mutating func readResourcesYAML(_ source: ByteSource, path: String, encoding: TextEncoding) throws {
        guard var bytes = try source.readAll(upTo: DataFileLoader.maximumYAMLBytes) else {
            _ = try? source.finishFingerprint()
            reject(path, .resourcesTooLarge)
            return
        }
        let fingerprint = try confirmed(source, encoding: encoding)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let text = fingerprint.encoding.decode(bytes)
        var bad = BadRows(path: path)
        var fileData = Dataset()
        do {
            let root = try YAMLParser.parse(text, file: path)
            ResourcesYAML.read(root, into: &fileData, bad: &bad)
        } catch {
            for diagnostic in error.diagnostics { bad.add(diagnostic) }
        }
        accept(fileData, bad: bad, input: InputFile(path: path, sha256: fingerprint.sha256, kind: .resourcesYAML))
    }

    /// Rejects the file at `path` whole, with one error about the file itself.
    private mutating func reject(_ path: String, _ problem: DiagnosticText.DataFileProblem) {
        dataset.addRejected(
            RejectedFile(path: path, diagnostics: [.error(DiagnosticText.dataFile(problem), at: SourceLocation(file: path))]))
    }

    /// Merges a file's dataset, or rejects the file whole when it has a bad row.
    private mutating func accept(_ fileData: Dataset, bad: BadRows, input: InputFile) {
        var none = EventTally()
        accept(fileData, tally: &none, bad: bad, input: input)
    }

    /// Merges a file's dataset and moves its tally's counts in, or rejects the file whole when it has a bad row.
    private mutating func accept(_ fileData: Dataset, tally: inout EventTally, bad: BadRows, input: InputFile) {
        guard bad.isEmpty else {
            dataset.addRejected(bad.rejection)
            return
        }
        var fileData = fileData
        fileData.inputs.insert(input, at: 0)
        dataset.merge(fileData)
        tally.move(into: &dataset)
    }
}

extension Dataset {
    /// Removes the rejected files from the dataset and returns them: for a caller that deals with
    /// them itself (the daemon quarantines them), so the evaluation does not list them as warnings.
    public mutating func takeRejected() -> [RejectedFile] {
        defer { rejected = [] }
        return rejected
    }
}
