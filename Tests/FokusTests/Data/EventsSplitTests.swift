import Foundation
import Testing

@testable import Fokus

/// An events CSV file counted on several cores (``EventsSplit``) gives exactly what the serial reader
/// gives: the same counts, names, hash and diagnostics (with their lines), whether the split count is
/// used or given up for the serial reader.
struct EventsSplitTests {
    /// Splits any file after its header, into `pieces`, reading `chunkSize` bytes at a time.
    static func splitting(_ pieces: Int, chunkSize: Int = 64) -> EventsSplit {
        EventsSplit(minimumBytes: 1, pieces: pieces, chunkSize: chunkSize)
    }

    /// Loads one events file with the given split settings.
    static func load(_ bytes: [UInt8], split: EventsSplit, name: String = "handelser.csv") throws -> Dataset {
        let folder = try TempDataFolder()
        try folder.write(name, bytes: bytes)
        var loader = DataFileLoader()
        loader.eventsSplit = split
        loader.readFile(at: folder.url.appendingPathComponent(name), path: "data/\(name)")
        return loader.dataset
    }

    /// Whether the split count takes the file (rather than leaving it to the serial reader).
    static func splitTakes(_ bytes: [UInt8], split: EventsSplit, encoding: TextEncoding = .utf8) throws -> Bool {
        let folder = try TempDataFolder()
        try folder.write("handelser.csv", bytes: bytes)
        let handle = try FileHandle(forReadingFrom: folder.url.appendingPathComponent("handelser.csv"))
        defer { try? handle.close() }
        let header = bytes.firstIndex(of: 0x0A)! + 1
        let columns = EventsSplit.Columns(
            width: 3, date: 0, scope: 1, category: 2, delimiter: UInt8(ascii: ";"), lastYear: FuturePeriods.nextYear,
            encoding: encoding)
        return split.count(descriptor: handle.fileDescriptor, from: header, columns: columns, sha256: .builtIn) != nil
    }

    /// Everything the loader found, in a fixed order, as text.
    static func summary(_ data: Dataset) -> [String] {
        var lines = data.crimeLines
        lines += data.displayNames.sorted { $0.key < $1.key }.map { "name \($0.key) \($0.value)" }
        lines += data.inputs.map { "input \($0.path) \($0.sha256) \($0.kind)" }
        lines += data.rejectionLines
        lines += data.warnings.map(\.description)
        return lines
    }

    /// A file of `rows` plain rows over a few scopes (spellings varying in case and spaces) and months.
    static func events(rows: Int, lineEnd: String = "\n") -> String {
        let scopes = ["Kungsör", "Köping", "KUNGSÖR", "Arboga", "Västerås"]
        let categories = ["Rån", "Stöld ur bil", "rån", "Skadegörelse genom brand", "Klotter"]
        var text = "datum;kommun;brottskategori\(lineEnd)"
        for i in 0..<rows {
            let month = 1 + (i * 7 / max(1, rows)) % 12
            let day = 1 + i % 28
            let date = "2023-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)\(i % 9 == 0 ? " 12:30" : "")"
            text += "\(date);\(scopes[(i * 3 + i / 7) % scopes.count]);\(categories[(i / 3) % categories.count])\(lineEnd)"
        }
        return text
    }

    /// ``events(rows:lineEnd:)`` with some lines (0 is the header) replaced.
    static func events(rows: Int, replacing replaced: [Int: String]) -> [UInt8] {
        var lines = events(rows: rows).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, line) in replaced { lines[index] = line }
        return Array(lines.joined(separator: "\n").utf8)
    }

    @Test(arguments: [2, 3, 7])
    func splitCountEqualsSerialCount(pieces: Int) throws {
        let bytes = Array(Self.events(rows: 400).utf8)
        #expect(try Self.splitTakes(bytes, split: Self.splitting(pieces)))
        let serial = try Self.load(bytes, split: .never)
        #expect(serial.rejected.isEmpty)
        #expect(try Self.summary(Self.load(bytes, split: Self.splitting(pieces))) == Self.summary(serial))
        #expect(serial.count("Kungsör", .month(2023, 1), "rån") != nil)
    }

    @Test func scopeAndCategoryApartAndAFourthColumn() throws {
        // Scope and category not next to each other, and a place column with non-ASCII text.
        let places = ["Park", "Bostadsområde", "Skola"]
        var text = "kommun;datum;plats;brottskategori\n"
        for (i, line) in Self.events(rows: 300).split(separator: "\n").dropFirst().enumerated() {
            let cells = line.split(separator: ";", omittingEmptySubsequences: false)
            text += "\(cells[1]);\(cells[0]);\(places[i % 3]);\(cells[2])\n"
        }
        let bytes = Array(text.utf8)
        let serial = try Self.load(bytes, split: .never)
        #expect(serial.rejected.isEmpty && !serial.crime.isEmpty)
        let folder = try TempDataFolder()
        try folder.write("handelser.csv", bytes: bytes)
        let handle = try FileHandle(forReadingFrom: folder.url.appendingPathComponent("handelser.csv"))
        defer { try? handle.close() }
        let columns = EventsSplit.Columns(
            width: 4, date: 1, scope: 0, category: 3, delimiter: UInt8(ascii: ";"), lastYear: FuturePeriods.nextYear)
        #expect(
            Self.splitting(3).count(
                descriptor: handle.fileDescriptor, from: bytes.firstIndex(of: 0x0A)! + 1, columns: columns,
                sha256: .builtIn) != nil)
        #expect(try Self.summary(Self.load(bytes, split: Self.splitting(3))) == Self.summary(serial))
    }

    @Test func largeFileThroughTheLoadersDefaults() throws {
        // Above the standard threshold, so `DatasetLoader.load` splits it; the hash is the file's SHA-256.
        let rows = Self.events(rows: 2000).split(separator: "\n").dropFirst().joined(separator: "\n") + "\n"
        var text = "datum;kommun;brottskategori\n"
        while text.utf8.count < EventsSplit.standard.minimumBytes + 1000 { text += rows }
        let bytes = Array(text.utf8)
        #expect(try Self.splitTakes(bytes, split: .standard))
        let folder = try TempDataFolder()
        try folder.write("handelser.csv", bytes: bytes)
        let split = try folder.load()
        var hasher = SHA256()
        bytes.withUnsafeBufferPointer { hasher.update($0) }
        #expect(split.inputs.map(\.sha256) == [hasher.finalizeHex()])
        #expect(Self.summary(split) == Self.summary(try Self.load(bytes, split: .never)))
    }

    @Test func lastLineWithoutLineEndAndSmallFiles() throws {
        var text = Self.events(rows: 50)
        text.removeLast()
        let bytes = Array(text.utf8)
        #expect(try Self.splitTakes(bytes, split: Self.splitting(3)))
        #expect(try Self.summary(Self.load(bytes, split: Self.splitting(3))) == Self.summary(Self.load(bytes, split: .never)))
        // A file smaller than the threshold, and one with a single row, are read the ordinary way.
        let small = Array("datum;kommun;brottskategori\n2023-01-05;Kungsör;Rån\n".utf8)
        #expect(try !Self.splitTakes(small, split: EventsSplit(minimumBytes: 1 << 20, pieces: 4, chunkSize: 64)))
        #expect(try Self.splitTakes(small, split: Self.splitting(4)))
        #expect(
            try Self.summary(Self.load(small, split: Self.splitting(4)))
                == Self.summary(Self.load(small, split: .never)))
    }

    @Test func badRowInTheSecondHalfReportsItsLine() throws {
        let bytes = Self.events(rows: 300, replacing: [250: "2023-02-30;Kungsör;Rån", 261: "2023-03-01;;Rån"])
        #expect(try !Self.splitTakes(bytes, split: Self.splitting(2)))
        let split = try Self.load(bytes, split: Self.splitting(2))
        #expect(split.rejectionLines.count == 2)
        #expect(split.rejectionLines.first?.hasPrefix("data/handelser.csv:251: ") == true)
        #expect(split.rejectionLines.last?.hasPrefix("data/handelser.csv:262: ") == true)
        #expect(Self.summary(split) == Self.summary(try Self.load(bytes, split: .never)))
    }

    @Test func rowDatedAfterNextYearIsStillWarnedAbout() throws {
        let bytes = Self.events(rows: 200, replacing: [180: "2999-01-01;Kungsör;Rån"])
        let split = try Self.load(bytes, split: Self.splitting(3))
        #expect(split.rejected.isEmpty)
        #expect(split.warnings.map(\.description).contains { $0.hasPrefix("data/handelser.csv:181: warning:") })
        #expect(Self.summary(split) == Self.summary(try Self.load(bytes, split: .never)))
    }

    @Test func crlfFilesAndBlankLines() throws {
        // CRLF line ends (files saved on Windows) are split too, whatever the chunk boundaries cut.
        let crlf = Array(Self.events(rows: 120, lineEnd: "\r\n").utf8)
        for chunkSize in [16, 17, 64] {
            #expect(try Self.splitTakes(crlf, split: Self.splitting(3, chunkSize: chunkSize)))
            let data = try Self.load(crlf, split: Self.splitting(3, chunkSize: chunkSize))
            #expect(data.rejected.isEmpty)
            #expect(Self.summary(data) == Self.summary(try Self.load(crlf, split: .never)))
            let lf = try Self.load(Array(Self.events(rows: 120).utf8), split: .never)
            #expect(Self.summary(data).filter { !$0.hasPrefix("input") } == Self.summary(lf).filter { !$0.hasPrefix("input") })
        }
        // A CRLF file without a line end after its last row.
        let unended = Array(crlf.dropLast(2))
        #expect(try Self.splitTakes(unended, split: Self.splitting(3)))
        #expect(try Self.summary(Self.load(unended, split: Self.splitting(3))) == Self.summary(Self.load(unended, split: .never)))

        // A lone CR is a line break to the ordinary reader: the split gives up, and the lines are counted as it counts them.
        let loneBytes = Self.events(
            rows: 120, replacing: [60: "2023-03-01;Kungsör;Rån\r2023-03-02;Köping;Rån", 90: "2023-03-01;Kungsör;Rån;extra"])
        #expect(try !Self.splitTakes(loneBytes, split: Self.splitting(2)))
        let loneData = try Self.load(loneBytes, split: Self.splitting(2))
        #expect(loneData.rejectionLines.first?.hasPrefix("data/handelser.csv:92: error:") == true, "\(loneData.rejectionLines)")
        #expect(Self.summary(loneData) == Self.summary(try Self.load(loneBytes, split: .never)))

        // Empty lines (in the middle, several, at the end, CRLF too) are passed over as the ordinary reader
        // passes over them; a row of empty cells sends the file to the ordinary reader.
        var lines = Self.events(rows: 120).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.insert("", at: 100)
        lines.insert("", at: 50)
        lines.insert("", at: 50)
        let blank = Array((lines.joined(separator: "\n") + "\n\n").utf8)
        let blankCRLF = Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
        for bytes in [blank, blankCRLF] {
            #expect(try Self.splitTakes(bytes, split: Self.splitting(2)))
            #expect(try Self.summary(Self.load(bytes, split: Self.splitting(2))) == Self.summary(Self.load(bytes, split: .never)))
        }
        #expect(
            try Self.load(blank, split: Self.splitting(2)).crimeLines
                == Self.load(Array(Self.events(rows: 120).utf8), split: .never).crimeLines)
        lines[50] = ";;"
        let emptyCells = Array(lines.joined(separator: "\n").utf8)
        #expect(try !Self.splitTakes(emptyCells, split: Self.splitting(2)))
        #expect(
            try Self.summary(Self.load(emptyCells, split: Self.splitting(2))) == Self.summary(Self.load(emptyCells, split: .never)))
    }

    @Test func quotedFieldWithLineBreakNearTheSplitPoint() throws {
        // Around the middle of the file, where two pieces meet, and a bad row after it.
        let bytes = Self.events(
            rows: 200, replacing: [100: "2023-06-01;Kungsör;\"Stöld\nur bil\"", 150: "2023-06-01;Kungsör;Rån;extra"])
        for pieces in [2, 3, 5] {
            #expect(try !Self.splitTakes(bytes, split: Self.splitting(pieces)))
            let split = try Self.load(bytes, split: Self.splitting(pieces))
            #expect(
                split.rejectionLines == [
                    "data/handelser.csv:152: error: 4 values where the header has 3 columns; check for a missing or extra \";\""
                ])
            #expect(Self.summary(split) == Self.summary(try Self.load(bytes, split: .never)))
        }
    }

    @Test func notUTF8FilesAreReadAsWindows1252() throws {
        let text = Self.events(rows: 100)
        // Windows-1252: ö is one byte, 0xF6.
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars { bytes.append(scalar.value < 0x100 ? UInt8(scalar.value) : 0x3F) }
        // Read as UTF-8 the split gives up; read as Windows-1252 (the loader's second pass) it takes the file.
        #expect(try !Self.splitTakes(bytes, split: Self.splitting(2)))
        #expect(try Self.splitTakes(bytes, split: Self.splitting(2), encoding: .windows1252))
        let split = try Self.load(bytes, split: Self.splitting(2))
        #expect(split.rejected.isEmpty)
        #expect(split.crime[NameKey("Köping")] != nil)
        #expect(Self.summary(split) == Self.summary(try Self.load(bytes, split: .never)))
        // Windows-1252 with CRLF line ends, as spreadsheet programs on Windows save it.
        let windows = Array(bytes.split(separator: 0x0A, omittingEmptySubsequences: false).joined(separator: [0x0D, 0x0A]))
        #expect(try Self.splitTakes(windows, split: Self.splitting(3), encoding: .windows1252))
        #expect(try Self.summary(Self.load(windows, split: Self.splitting(3))) == Self.summary(Self.load(windows, split: .never)))
        #expect(
            try Self.summary(Self.load(windows, split: Self.splitting(3))).filter { !$0.hasPrefix("input") }
                == Self.summary(split).filter { !$0.hasPrefix("input") })
    }

    @Test func piecesStartAfterALineEnd() throws {
        let bytes = Array(Self.events(rows: 100).utf8)
        let folder = try TempDataFolder()
        try folder.write("e.csv", bytes: bytes)
        let handle = try FileHandle(forReadingFrom: folder.url.appendingPathComponent("e.csv"))
        defer { try? handle.close() }
        let start = bytes.firstIndex(of: 0x0A)! + 1
        let bounds = try #require(Self.splitting(6).pieceBounds(descriptor: handle.fileDescriptor, from: start, to: bytes.count))
        #expect(bounds.first == start && bounds.last == bytes.count && bounds.count == 7)
        #expect(zip(bounds, bounds.dropFirst()).allSatisfy { $0 < $1 })
        #expect(bounds.dropFirst().dropLast().allSatisfy { bytes[$0 - 1] == 0x0A })
    }
}
