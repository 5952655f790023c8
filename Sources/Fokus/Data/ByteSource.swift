import Foundation

#if canImport(Glibc)
import Glibc
/// `read(2)`.
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
/// `read(2)`.
private let systemRead = Darwin.read
#endif

/// Where a data file's bytes come from: a file read in chunks, or bytes already in memory.
///
/// Reading a file never holds more than one chunk (1 MiB) at a time, so memory stays flat
/// however large the file is. The first pass over a source hashes and validates it on another
/// thread (``startFingerprint(_:)``) while the loader parses; a source can be read again
/// (``rewind()``), which the loader does only when a file turns out not to be UTF-8.
final class ByteSource {
    /// How many bytes a chunk holds when reading a file.
    static let chunkSize = 1 << 20

    private enum Backing {
        case file(FileHandle)
        case memory([UInt8])
    }

    private let backing: Backing
    private let chunkSize: Int
    private var memoryOffset = 0
    /// How many bytes ``nextChunk()`` has handed out since the start (or the last ``rewind()``).
    private(set) var delivered = 0
    private var fingerprinter: Fingerprinter?
    private var fingerprint: FileFingerprint?
    /// How ``startFingerprint(_:)`` hashes, for ``restart()``.
    private var hashFunction: SHA256Function?
    /// When set, ``nextChunk()`` throws ``InvalidUTF8`` as soon as the fingerprint has met a sequence that is
    /// not UTF-8: the parse as UTF-8 stops there instead of going on to the end only to be thrown away.
    var stopsAtInvalidUTF8 = false

    /// Thrown by ``nextChunk()`` under ``stopsAtInvalidUTF8``.
    struct InvalidUTF8: Error {}

    /// Opens a file for reading.
    init(contentsOf url: URL, chunkSize: Int = ByteSource.chunkSize) throws {
        backing = .file(try FileHandle(forReadingFrom: url))
        self.chunkSize = chunkSize
    }

    /// Wraps bytes in memory (tests pass a tiny `chunkSize` to exercise chunk boundaries).
    init(bytes: [UInt8], chunkSize: Int = ByteSource.chunkSize) {
        backing = .memory(bytes)
        self.chunkSize = chunkSize
    }

    deinit {
        if case .file(let handle) = backing { try? handle.close() }
    }

    /// The next chunk, or `nil` at the end.
    func nextChunk() throws -> [UInt8]? {
        if stopsAtInvalidUTF8, fingerprinter?.hasSeenInvalidUTF8 == true { throw InvalidUTF8() }
        let chunk: [UInt8]?
        switch backing {
        case .file(let handle):
            chunk = try Self.read(handle.fileDescriptor, upTo: chunkSize)
        case .memory(let bytes):
            guard memoryOffset < bytes.count else { return nil }
            let end = min(bytes.count, memoryOffset + chunkSize)
            defer { memoryOffset = end }
            chunk = Array(bytes[memoryOffset..<end])
        }
        if let chunk {
            delivered += chunk.count
            fingerprinter?.feed(chunk)
        }
        return chunk
    }

    /// Reads up to `count` bytes straight into an array (no `Data` in between); `nil` at the end.
    private static func read(_ descriptor: Int32, upTo count: Int) throws -> [UInt8]? {
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var filled = 0
            while filled < count {
                let n = systemRead(descriptor, buffer.baseAddress! + filled, count - filled)
                if n > 0 {
                    filled += n
                } else if n == 0 {
                    break
                } else if errno != EINTR {
                    failure = errno
                    break
                }
            }
            initialized = filled
        }
        if failure != 0 { throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO) }
        return bytes.isEmpty ? nil : bytes
    }

    /// Hashes (with `function`) and validates every chunk read from now on, on another thread; call
    /// before the first read.
    func startFingerprint(_ function: SHA256Function) {
        hashFunction = function
        fingerprinter = Fingerprinter(function)
    }

    /// The fingerprint of the whole source: reads what the parser left unread, then waits for the
    /// hashing thread. The same on every call.
    func finishFingerprint() throws -> FileFingerprint {
        if let fingerprint { return fingerprint }
        guard let fingerprinter else {
            let fingerprint = try FileFingerprint.scan(self)
            self.fingerprint = fingerprint
            return fingerprint
        }
        while try nextChunk() != nil {}
        let fingerprint = fingerprinter.finish()
        self.fingerprint = fingerprint
        self.fingerprinter = nil
        return fingerprint
    }

    /// How many bytes the source holds (a file's size as it is now).
    var byteCount: Int {
        switch backing {
        case .file(let handle):
            var status = stat()
            return fstat(handle.fileDescriptor, &status) == 0 ? Int(status.st_size) : 0
        case .memory(let bytes): return bytes.count
        }
    }

    /// The open file's descriptor, for readers that read ranges of it themselves (``EventsSplit``);
    /// `nil` for bytes in memory.
    var fileDescriptor: Int32? {
        if case .file(let handle) = backing { return handle.fileDescriptor }
        return nil
    }

    /// Takes the fingerprint of the whole file from a pass that read it itself (``EventsSplit``): the
    /// hashing thread's work is dropped, and ``finishFingerprint()`` returns `fingerprint`.
    func adoptFingerprint(_ fingerprint: FileFingerprint) {
        self.fingerprint = fingerprint
        fingerprinter = nil
    }

    /// Starts reading from the beginning again.
    func rewind() throws {
        if fingerprinter != nil { _ = try finishFingerprint() }
        try seekToStart()
    }

    private func seekToStart() throws {
        delivered = 0
        switch backing {
        case .file(let handle): try handle.seek(toOffset: 0)
        case .memory: memoryOffset = 0
        }
    }

    /// Starts reading from the beginning again with a fresh fingerprint, dropping the one under way (after
    /// ``InvalidUTF8``: the next pass reads the whole file anyway).
    func restart() throws {
        fingerprint = nil
        fingerprinter = hashFunction.map { Fingerprinter($0) }
        try seekToStart()
    }

    /// Every remaining byte (for small files such as YAML).
    func readAll() throws -> [UInt8] {
        var all: [UInt8] = []
        while let chunk = try nextChunk() { all += chunk }
        return all
    }

    /// Every remaining byte, or `nil` when there are more than `limit`.
    func readAll(upTo limit: Int) throws -> [UInt8]? {
        var all: [UInt8] = []
        while let chunk = try nextChunk() {
            all += chunk
            if all.count > limit { return nil }
        }
        return all
    }
}

/// What one pass over a file learns: its SHA-256 and whether it is UTF-8 (with or without BOM).
struct FileFingerprint: Sendable, Hashable {
    /// Lower-case hex SHA-256 of the bytes.
    var sha256: String
    /// How the text is decoded.
    var encoding: TextEncoding
    /// What the bytes are when they are not text Fokus can read (UTF-16, a gzip or ZIP file, binary data).
    var notText: NotText?

    /// Content that is not text in an encoding Fokus reads, recognised so that the message can say what it is.
    enum NotText: Sendable, Hashable {
        case utf16, gzip, zip, binary

        /// How messages in every language name it.
        var word: DiagnosticText.NotTextWord {
            switch self {
            case .utf16: .utf16
            case .gzip: .gzip
            case .zip: .zip
            case .binary: .binary
            }
        }
    }

    /// Reads `source` to its end (then rewinds it), hashing and validating UTF-8 at the same time.
    static func scan(_ source: ByteSource) throws -> FileFingerprint {
        var hasher = SHA256()
        var validator = UTF8Validator()
        var notText: NotText?
        var first = true
        while let chunk = try source.nextChunk() {
            if first {
                notText = Self.recognise(chunk)
                first = false
            } else if notText == nil, chunk.contains(0) {
                notText = .binary
            }
            chunk.withUnsafeBufferPointer { buffer in
                hasher.update(buffer)
                validator.feed(buffer)
            }
        }
        try source.rewind()
        return FileFingerprint(
            sha256: hasher.finalizeHex(), encoding: validator.finish() ? .utf8 : .windows1252, notText: notText)
    }

    /// What the first bytes of a file say about it, when it is not text.
    static func recognise(_ bytes: [UInt8]) -> NotText? {
        if bytes.starts(with: [0x1F, 0x8B]) { return .gzip }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .zip }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return .utf16 }
        guard bytes.contains(0) else { return nil }
        // UTF-16 without a byte-order mark: every other byte of ASCII text is 0.
        let sample = bytes.prefix(512)
        let zeros = sample.filter { $0 == 0 }.count
        if sample.count >= 4, zeros * 3 >= sample.count { return .utf16 }
        return .binary
    }
}
