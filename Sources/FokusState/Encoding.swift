internal import Foundation

/// How values are written to and read from text columns.
enum Encoding {
    /// ISO-8601 in UTC with milliseconds: `2024-03-01T09:30:00.000Z`. Fixed width, so text order
    /// is time order (which `dueMail` relies on).
    private static let timestampStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    static func timestamp(_ date: Date) -> String {
        date.formatted(timestampStyle)
    }

    static func date(_ text: String, column: String) throws -> Date {
        do {
            return try timestampStyle.parse(text)
        } catch {
            throw StateError(.mismatch, "column \(column) holds a time that is not ISO-8601")
        }
    }

    static func optionalDate(_ text: String?, column: String) throws -> Date? {
        try text.map { try date($0, column: column) }
    }

    /// A JSON array of strings.
    static func json(_ strings: [String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        // Encoding an array of strings cannot fail.
        let data = (try? encoder.encode(strings)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func strings(_ json: String, column: String) throws -> [String] {
        do {
            return try JSONDecoder().decode([String].self, from: Data(json.utf8))
        } catch {
            throw StateError(.mismatch, "column \(column) does not hold a JSON array of strings")
        }
    }

    /// The Unicode NFC form of an identifier, so that precomposed and decomposed spellings of
    /// `ö` find the same row (SQLite compares text byte by byte).
    static func key(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }
}
