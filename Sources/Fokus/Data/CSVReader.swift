/// A streaming, byte-level RFC 4180 reader.
///
/// Reads its ``ByteSource`` a chunk at a time and hands out one record at a time; fields are
/// kept as bytes and decoded only when asked for. Handles quoted fields with embedded
/// delimiters, doubled quotes (`""`) and line breaks; LF, CRLF and lone CR line ends. Blank
/// lines are skipped. Each record knows the physical line it starts on, counting the line
/// breaks inside quoted fields, so later rows still point at the line an editor shows.
///
/// Lenient where RFC 4180 is strict and a spreadsheet export is not: a quote inside an
/// unquoted field is kept as text, and text after a closing quote is appended to the field.
/// A quoted field still open at the end of the file is reported through ``unclosedQuote``.
struct CSVReader {
    private static let lf: UInt8 = 0x0A
    private static let cr: UInt8 = 0x0D
    private static let quote: UInt8 = 0x22

    /// The longest record read, in bytes (1 MiB): far above any real row, and it keeps memory bounded whatever
    /// a file holds.
    static let maximumRecordBytes = 1 << 20

    /// A record longer than ``maximumRecordBytes``, starting on `line`.
    struct RecordTooLong: Error, Sendable {
        var line: Int
        /// The reason, phrased as the end of `file:line: reason`.
        var reason: DataRowReason { .rowTooLong }
    }

    var window: ByteWindow
    var afterCR = false
    /// The physical line (1-based) of the next unread byte.
    var line = 1

    /// The field separator; ``detectDelimiter(in:)`` finds it from a header line.
    var delimiter: UInt8
    /// How field bytes are decoded.
    let encoding: TextEncoding

    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    /// The physical line where the current record starts.
    var recordLine = 0
    /// Whether the current record's last field opened a quote that the file never closed.
    private(set) var unclosedQuote = false

    /// Starts reading `source`; a UTF-8 byte-order mark is skipped.
    init(source: ByteSource, encoding: TextEncoding, delimiter: UInt8 = UInt8(ascii: ",")) throws {
        window = ByteWindow(source: source)
        self.encoding = encoding
        self.delimiter = delimiter
        bytes.reserveCapacity(4096)
        ends.reserveCapacity(64)
        _ = try window.refill()
        if encoding == .utf8, window.buffer.starts(with: [0xEF, 0xBB, 0xBF]) { window.pos = 3 }
    }

    // MARK: Records

    /// How many fields the current record has.
    var fieldCount: Int { ends.count }

    /// Reads the next record; `false` at the end of the input.
    mutating func readRecord() throws -> Bool {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        unclosedQuote = false
        guard try skipBlankLines() else { return false }
        recordLine = line
        let delimiter = self.delimiter
        while true {
            // At the start of a field.
            if window.pos >= window.buffer.count, try !window.refill() {
                ends.append(bytes.count)
                return true
            }
            if window.buffer[window.pos] == CSVReader.quote {
                window.pos += 1
                guard try readQuotedPart() else {
                    unclosedQuote = true
                    ends.append(bytes.count)
                    return true
                }
            }
            // Unquoted text (or what follows a closing quote), up to a delimiter or line end.
            while true {
                if window.pos >= window.buffer.count, try !window.refill() {
                    ends.append(bytes.count)
                    return true
                }
                let start = window.pos
                let stop = window.buffer.withUnsafeBufferPointer { buf -> Int in
                    var i = start
                    while i < buf.count {
                        let c = buf[i]
                        if c == delimiter || c == CSVReader.lf || c == CSVReader.cr { break }
                        i += 1
                    }
                    return i
                }
                if stop > start { bytes.append(contentsOf: window.buffer[start..<stop]) }
                if bytes.count > CSVReader.maximumRecordBytes { throw RecordTooLong(line: recordLine) }
                window.pos = stop
                guard stop < window.buffer.count else { continue }
                let c = window.buffer[stop]
                window.pos += 1
                ends.append(bytes.count)
                if c == delimiter { break }
                line += 1
                afterCR = c == CSVReader.cr
                return true
            }
        }
    }

    /// Reads a quoted field's content after its opening quote, up to and including the closing
    /// quote; `false` when the input ends first.
    private mutating func readQuotedPart() throws -> Bool {
        while true {
            if window.pos >= window.buffer.count, try !window.refill() { return false }
            let start = window.pos
            var line = self.line
            var afterCR = self.afterCR
            let stop = window.buffer.withUnsafeBufferPointer { buf -> Int in
                var i = start
                while i < buf.count {
                    let c = buf[i]
                    if c == CSVReader.quote { break }
                    CSVReader.countLineEnd(c, line: &line, afterCR: &afterCR)
                    i += 1
                }
                return i
            }
            self.line = line
            self.afterCR = afterCR
            if stop > start { bytes.append(contentsOf: window.buffer[start..<stop]) }
            if bytes.count > CSVReader.maximumRecordBytes { throw RecordTooLong(line: recordLine) }
            window.pos = stop
            guard stop < window.buffer.count else { continue }
            // A quote: doubled means a literal quote, otherwise the field's quoted part ends.
            if stop + 1 >= window.buffer.count, try !window.refill() {
                window.pos += 1
                return true
            }
            self.afterCR = false
            if window.buffer[window.pos + 1] == CSVReader.quote {
                bytes.append(CSVReader.quote)
                window.pos += 2
            } else {
                window.pos += 1
                return true
            }
        }
    }

    /// Skips line ends until a byte that starts a record; `false` at the end of the input.
    private mutating func skipBlankLines() throws -> Bool {
        while true {
            if window.pos >= window.buffer.count, try !window.refill() { return false }
            guard CSVReader.countLineEnd(window.buffer[window.pos], line: &line, afterCR: &afterCR) else { return true }
            window.pos += 1
        }
    }

    /// Counts byte `c` towards the line number: LF, CR and CRLF each end one line, so an LF right
    /// after a CR (`afterCR`) does not count again. Returns whether `c` is a line end.
    @inline(__always) @discardableResult
    private static func countLineEnd(_ c: UInt8, line: inout Int, afterCR: inout Bool) -> Bool {
        if c == lf {
            if !afterCR { line += 1 }
            afterCR = false
            return true
        }
        if c == cr {
            line += 1
            afterCR = true
            return true
        }
        afterCR = false
        return false
    }

    // MARK: Header lines

    /// The bytes of the next non-blank line (up to its end outside quotes), without consuming them.
    mutating func peekLine() throws -> [UInt8] {
        guard try skipBlankLines() else { return [] }
        var inQuotes = false
        var i = window.pos
        while true {
            if i >= window.buffer.count {
                let offset = i - window.pos
                guard offset < 4 << 20, try window.refill() else {
                    return Array(window.buffer[window.pos..<window.buffer.count])
                }
                i = window.pos + offset
                continue
            }
            let c = window.buffer[i]
            if c == CSVReader.quote {
                inQuotes.toggle()
            } else if !inQuotes && (c == CSVReader.lf || c == CSVReader.cr) {
                return Array(window.buffer[window.pos..<i])
            }
            i += 1
        }
    }

    /// The delimiter a header line uses: whichever of `;`, tab and `,` occurs most often outside
    /// quotes (ties go to `;`, then tab, then `,`).
    static func detectDelimiter(in line: [UInt8]) -> UInt8 {
        var semicolons = 0
        var tabs = 0
        var commas = 0
        var inQuotes = false
        for c in line {
            switch c {
            case quote: inQuotes.toggle()
            case UInt8(ascii: ";") where !inQuotes: semicolons += 1
            case UInt8(ascii: "\t") where !inQuotes: tabs += 1
            case UInt8(ascii: ",") where !inQuotes: commas += 1
            default: break
            }
        }
        if semicolons >= tabs && semicolons >= commas { return UInt8(ascii: ";") }
        if tabs >= commas { return UInt8(ascii: "\t") }
        return UInt8(ascii: ",")
    }

    // MARK: Fields

    /// Calls `body` with field `index`'s bytes (unescaped, not trimmed).
    func withField<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let start = index == 0 ? 0 : ends[index - 1]
        let end = ends[index]
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// Field `index` decoded, as written (not trimmed).
    func rawString(_ index: Int) -> String {
        withField(index) { encoding.decode($0) }
    }

    /// Field `index` decoded and trimmed of spaces and line breaks.
    func string(_ index: Int) -> String {
        withField(index) { CSVReader.cellText($0, encoding: encoding) }
    }

    /// A field's bytes decoded and trimmed of spaces and line breaks, as ``string(_:)`` gives them.
    static func cellText(_ field: UnsafeBufferPointer<UInt8>, encoding: TextEncoding) -> String {
        guard let first = field.first, let last = field.last else { return "" }
        let text = encoding.decode(field)
        if first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F { return text }
        return text.trimmingSpaces()
    }

    /// Whether every field of the current record is empty or spaces only.
    var isBlankRecord: Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == CSVReader.lf || $0 == CSVReader.cr }
    }

    /// All fields of the current record, decoded and trimmed.
    var strings: [String] { (0..<fieldCount).map { string($0) } }
}
