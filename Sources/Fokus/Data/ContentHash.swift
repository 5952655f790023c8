import Foundation

/// A streaming SHA-256, as the loader hashes every data file it reads (``InputFile/sha256``).
///
/// The engine brings its own (``SHA256Function/builtIn``, plain Swift); a program that links a
/// faster one (OpenSSL's libcrypto, swift-crypto) passes it to ``DatasetLoader`` instead. The `fokus`
/// command does: hashing 300 MB takes the built-in one about 1.3 s, libcrypto about 0.25 s.
public protocol SHA256Hashing {
    /// Adds bytes to the message.
    mutating func update(_ bytes: UnsafeRawBufferPointer)
    /// The 32-byte digest; call once.
    mutating func finalize() -> [UInt8]
}

/// How to make a fresh ``SHA256Hashing`` for each file.
public struct SHA256Function: Sendable {
    let make: @Sendable () -> any SHA256Hashing

    /// A function that makes hashers with `make`.
    public init(_ make: @escaping @Sendable () -> any SHA256Hashing) {
        self.make = make
    }

    /// The engine's own SHA-256 (FIPS 180-4 in Swift).
    public static let builtIn = SHA256Function { SHA256() }
}

extension SHA256: SHA256Hashing {
    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        update(bytes.bindMemory(to: UInt8.self))
    }
}

/// Hashes and validates (UTF-8) a source's chunks as they are read, on a thread of its own, so that a
/// file is read once and its hash costs no time on the parsing thread.
final class Fingerprinter: @unchecked Sendable {
    private let queue = DispatchQueue(label: "se.fokus.fingerprint")
    private var hasher: any SHA256Hashing
    private var validator = UTF8Validator()
    private var notText: FileFingerprint.NotText?
    private var sawFirstChunk = false
    private var result: FileFingerprint?
    /// Set (once, for good) by the hashing thread when a byte sequence is not UTF-8.
    private let invalidUTF8Seen = Flag()

    init(_ function: SHA256Function) {
        hasher = function.make()
    }

    /// Whether the chunks hashed so far hold a sequence that is not UTF-8: the file is then Windows-1252
    /// (SPEC 3.2), whatever follows. May lag the chunks fed by a few.
    var hasSeenInvalidUTF8: Bool { invalidUTF8Seen.isSet }

    /// Hands a chunk to the hashing thread.
    func feed(_ chunk: [UInt8]) {
        queue.async {
            if !self.sawFirstChunk {
                self.notText = FileFingerprint.recognise(chunk)
                self.sawFirstChunk = true
            } else if self.notText == nil, chunk.contains(0) {
                self.notText = .binary
            }
            chunk.withUnsafeBufferPointer { buffer in
                self.hasher.update(UnsafeRawBufferPointer(buffer))
                self.validator.feed(buffer)
            }
            if !self.validator.isValid { self.invalidUTF8Seen.set() }
        }
    }

    /// Waits for the chunks fed so far and returns the fingerprint (the same on every call).
    func finish() -> FileFingerprint {
        queue.sync {
            if let result { return result }
            let fingerprint = FileFingerprint(
                sha256: Fingerprinter.hex(hasher.finalize()), encoding: validator.finish() ? .utf8 : .windows1252,
                notText: notText)
            result = fingerprint
            return fingerprint
        }
    }

    /// A digest in lower-case hex.
    static func hex(_ digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in digest {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}

/// A flag one thread sets and another reads.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }
}
