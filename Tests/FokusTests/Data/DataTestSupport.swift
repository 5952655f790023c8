import Foundation

@testable import Fokus

/// A temporary folder of data files, removed when the test is done with it.
final class TempDataFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("fokus-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes a file (creating its folders) from bytes.
    func write(_ path: String, bytes: [UInt8]) throws {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
    }

    /// Writes a UTF-8 text file.
    func write(_ path: String, _ text: String) throws {
        try write(path, bytes: Array(text.utf8))
    }

    /// Loads the folder as `data`.
    func load() throws -> Dataset {
        try DatasetLoader.load(from: url, displayPath: "data")
    }
}

extension Dataset {
    /// A crime count by names as written.
    func count(_ scope: String, _ period: Period, _ category: String) -> Int? {
        crime[NameKey(scope)]?.counts[period]?[NameKey(category)]
    }

    /// Every rejection diagnostic, rendered.
    var rejectionLines: [String] { rejected.flatMap(\.diagnostics).map(\.description) }

    /// The crime counts and present periods as text, in a fixed order (to compare two ways of reading).
    var crimeLines: [String] {
        var lines: [String] = []
        for (scope, crime) in crime.sorted(by: { $0.key < $1.key }) {
            for (period, counts) in crime.counts.sorted(by: { $0.key < $1.key }) {
                for (category, count) in counts.sorted(by: { $0.key < $1.key }) {
                    lines.append("\(scope) \(period) \(category) \(count)")
                }
            }
            lines.append("\(scope) present \(crime.presentPeriods.sorted().map(\.description))")
        }
        return lines
    }
}

/// All records of CSV bytes, read with tiny chunks to exercise every chunk boundary.
func csvRecords(_ bytes: [UInt8], chunkSize: Int = 3, encoding: TextEncoding = .utf8) throws -> [(
    line: Int, fields: [String]
)] {
    var reader = try CSVReader(source: ByteSource(bytes: bytes, chunkSize: chunkSize), encoding: encoding)
    reader.delimiter = CSVReader.detectDelimiter(in: try reader.peekLine())
    var records: [(Int, [String])] = []
    while try reader.readRecord() {
        records.append((reader.recordLine, (0..<reader.fieldCount).map { reader.rawString($0) }))
    }
    return records
}
