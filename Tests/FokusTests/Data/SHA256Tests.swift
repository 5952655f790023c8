import Testing

@testable import Fokus

struct SHA256Tests {
    @Test func matchesTheStandardVectors() {
        #expect(SHA256.hex(of: [UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func hashesAMillionAsInAnyChunking() {
        var hasher = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 997)
        var left = 1_000_000
        while left > 0 {
            let n = min(left, chunk.count)
            hasher.update(chunk[0..<n])
            left -= n
        }
        #expect(hasher.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func fingerprintDetectsUTF8AndWindows1252() throws {
        let utf8 = try FileFingerprint.scan(ByteSource(bytes: Array("Kungsör;Köping".utf8), chunkSize: 5))
        #expect(utf8.encoding == .utf8)
        #expect(utf8.sha256 == SHA256.hex(of: Array("Kungsör;Köping".utf8)))
        let latin = try FileFingerprint.scan(ByteSource(bytes: [0x4B, 0x75, 0x6E, 0x67, 0x73, 0xF6, 0x72]))
        #expect(latin.encoding == .windows1252)
        // A sequence cut short at the end of the file is not UTF-8 either.
        #expect(try FileFingerprint.scan(ByteSource(bytes: [0x41, 0xC3])).encoding == .windows1252)
        // Overlong forms and surrogates are not UTF-8.
        #expect(try FileFingerprint.scan(ByteSource(bytes: [0xC0, 0xAF])).encoding == .windows1252)
        #expect(try FileFingerprint.scan(ByteSource(bytes: [0xED, 0xA0, 0x80])).encoding == .windows1252)
    }
}
