import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Counts a large events CSV file on every core: the rows after the header are cut into pieces at line
/// ends, each piece is counted into a tally of its own, and the tallies are merged in file order; the
/// file's SHA-256 is computed over the whole file, in order, as one more task.
///
/// Only for a file every row of which the plain path of ``CSVIngest/readEvents()`` takes: one line
/// ending in LF or CRLF, no quote, NUL or other CR, the header's number of fields, a date up to next year,
/// a valid scope and category, valid text in the file's encoding (UTF-8, or Windows-1252 once the file
/// has turned out not to be UTF-8); empty lines are passed over, as the ordinary reader does. On anything
/// else (a row with a problem, a row of empty cells, a quoted field, a lone CR, a byte sequence that is
/// not UTF-8 while the file is read as UTF-8) the split gives up and
/// the loader reads the file the ordinary way, row by row, from where the header ended: every
/// diagnostic, with its line, is then exactly what the serial reader reports. A split count never
/// reports anything itself.
struct EventsSplit: Sendable {
    /// Files with fewer bytes after the header are read the ordinary way.
    var minimumBytes: Int
    /// How many pieces the rows are cut into (a few per core, so that the cores finish together).
    var pieces: Int
    /// How many bytes a piece reads at a time.
    var chunkSize: Int

    /// The loader's settings: files of 4 MiB and more, four pieces a core, 1 MiB reads.
    static let standard = EventsSplit(
        minimumBytes: 4 << 20, pieces: 4 * max(1, ProcessInfo.processInfo.activeProcessorCount), chunkSize: 1 << 20)

    /// Never splits (the serial reader alone).
    static let never = EventsSplit(minimumBytes: .max, pieces: 1, chunkSize: 1 << 20)

    /// What a split count found: the file's tally and its fingerprint.
    struct Result {
        var tally: EventTally
        var fingerprint: FileFingerprint
    }

    /// The columns a piece reads.
    struct Columns: Sendable {
        var width: Int
        var date: Int
        var scope: Int
        var category: Int
        var delimiter: UInt8
        /// Rows dated after this year take the ordinary path (they are noted for a warning).
        var lastYear: Int
        /// How the file is read: UTF-8 (any other byte sequence gives the file up), or Windows-1252 (every
        /// byte is a character).
        var encoding: TextEncoding = .utf8
    }

    /// Counts the rows of the file open as `descriptor` from byte `start` (just after the header) to its
    /// end; `nil` when the file is too small to split or any row needs the ordinary reader.
    func count(descriptor: Int32, from start: Int, columns: Columns, sha256: SHA256Function) -> Result? {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        let size = Int(status.st_size)
        guard size - start >= minimumBytes, size > start else { return nil }
        guard let bounds = pieceBounds(descriptor: descriptor, from: start, to: size) else { return nil }
        let work = SplitWork(pieces: bounds.count - 1)
        let chunkSize = self.chunkSize
        // Task 0 hashes the whole file; task k counts piece k - 1.
        DispatchQueue.concurrentPerform(iterations: bounds.count) { task in
            if task == 0 {
                work.fingerprint = Self.fingerprint(
                    descriptor: descriptor, size: size, header: start, chunkSize: chunkSize, sha256: sha256,
                    encoding: columns.encoding, work: work)
            } else {
                var piece = EventsPiece(columns: columns)
                let counted = piece.count(
                    descriptor: descriptor, from: bounds[task - 1], to: bounds[task], atEnd: task == bounds.count - 1,
                    chunkSize: chunkSize, work: work)
                if counted { work.finished(task - 1, piece.tally) } else { work.giveUp() }
            }
        }
        guard !work.gaveUp, let fingerprint = work.fingerprint, let tally = work.merged else { return nil }
        return Result(tally: tally, fingerprint: fingerprint)
    }

    /// Where the pieces start: `start`, then the byte after the first LF at or after each even share of
    /// the file, then `size`; `nil` when a line is too long to find its end.
    func pieceBounds(descriptor: Int32, from start: Int, to size: Int) -> [Int]? {
        var bounds = [start]
        let share = (size - start) / max(1, pieces)
        var probe = [UInt8](repeating: 0, count: CSVReader.plainLineLimit)
        for k in 1..<max(1, pieces) {
            let nominal = start + k * share
            guard nominal > bounds[bounds.count - 1] else { continue }
            // The piece starts after the line end at or after the byte before `nominal`.
            let from = nominal - 1
            let read = probe.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(from)) }
            guard read > 0 else { return nil }
            guard let lf = probe[0..<read].firstIndex(of: 0x0A) else { return nil }
            let bound = from + lf + 1
            if bound < size && bound > bounds[bounds.count - 1] { bounds.append(bound) }
        }
        bounds.append(size)
        return bounds
    }

    /// The whole file's fingerprint, as ``Fingerprinter`` computes it, except that the UTF-8 check covers
    /// only the bytes before `header` (the pieces check the rest); `nil` when the file is not text or
    /// the split was given up. A file read as Windows-1252 is one that turned out not to be UTF-8.
    private static func fingerprint(
        descriptor: Int32, size: Int, header: Int, chunkSize: Int, sha256: SHA256Function, encoding: TextEncoding,
        work: SplitWork
    ) -> FileFingerprint? {
        var hasher = sha256.make()
        var validator = UTF8Validator()
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        var offset = 0
        while offset < size {
            if work.gaveUp { return nil }
            let filled = buffer.withUnsafeMutableBytes {
                readFully(descriptor, into: $0.baseAddress!, at: offset, count: min(chunkSize, size - offset))
            }
            guard filled > 0 else { return nil }
            let text: Bool = buffer.withUnsafeBufferPointer { all in
                let bytes = UnsafeBufferPointer(rebasing: all[0..<filled])
                // The first chunk is looked at as ``FileFingerprint/recognise(_:)`` does; NUL bytes anywhere are binary.
                if offset == 0, FileFingerprint.recognise(Array(bytes)) != nil { return false }
                if memchr(bytes.baseAddress!, 0, filled) != nil { return false }
                hasher.update(UnsafeRawBufferPointer(bytes))
                if offset < header && encoding == .utf8 {
                    validator.feed(UnsafeBufferPointer(rebasing: bytes[0..<min(filled, header - offset)]))
                }
                return true
            }
            guard text else { return nil }
            offset += filled
        }
        guard validator.finish() else { return nil }
        return FileFingerprint(sha256: Fingerprinter.hex(hasher.finalize()), encoding: encoding, notText: nil)
    }

    /// Reads `count` bytes at `offset` of the file into `buffer` (as many as there are); how many.
    static func readFully(_ descriptor: Int32, into buffer: UnsafeMutableRawPointer, at offset: Int, count: Int) -> Int {
        var filled = 0
        while filled < count {
            let n = pread(descriptor, buffer + filled, count - filled, off_t(offset + filled))
            if n > 0 {
                filled += n
            } else if n < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
        return filled
    }
}

/// What the tasks of one split count share: each writes only its own slot.
final class SplitWork: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    /// Pieces counted but not merged yet (a later piece finished before an earlier one).
    private var waiting: [EventTally?]
    /// The pieces before this one are merged.
    private var nextToMerge = 0
    private var mergedSoFar = EventTally()
    var fingerprint: FileFingerprint?

    init(pieces: Int) {
        waiting = Array(repeating: nil, count: pieces)
    }

    /// Takes piece `index`'s tally; merges, in file order, every piece whose predecessors are merged, so
    /// that few tallies are held at a time.
    func finished(_ index: Int, _ tally: EventTally) {
        lock.withLock {
            waiting[index] = tally
            while nextToMerge < waiting.count, let next = waiting[nextToMerge] {
                mergedSoFar.absorb(next)
                waiting[nextToMerge] = nil
                nextToMerge += 1
            }
        }
    }

    /// Every piece's tally merged in file order; `nil` until all pieces are counted.
    var merged: EventTally? {
        lock.withLock { nextToMerge == waiting.count ? mergedSoFar : nil }
    }

    /// Whether some task found a row for the ordinary reader (the others stop at their next chunk).
    var gaveUp: Bool { lock.withLock { stopped } }

    func giveUp() { lock.withLock { stopped = true } }
}

/// One piece of a split count: its rows counted straight from the bytes, as the plain path does.
///
/// Per row: one scan for the delimiters and the line end (eight bytes at a time, every separator in
/// a word taken from one bit mask), the date's month (the last date cell remembered, since rows come
/// sorted by date), the scope and category cells interned in two small tables, and one increment in
/// a small array of this month's counts, indexed by the two spellings' numbers; the array is added to
/// the tally when the month changes. Each scope and category spelling is checked (its encoding, a name)
/// and numbered in the tally once, when first seen; the other cells are checked as UTF-8 on every row
/// (nothing to check in Windows-1252).
struct EventsPiece {
    let columns: EventsSplit.Columns
    var tally = EventTally()
    /// Scope and category spellings (a few hundred and a few dozen: small tables, kept in cache).
    private var scopeSpellings = ByteInterner()
    private var categorySpellings = ByteInterner()
    /// Per scope spelling and per category spelling: the tally's number of its name.
    private var scopeNumbers: [Int] = []
    private var categoryNumbers: [Int] = []
    /// This month's count per (scope spelling, category spelling) cell, `scope << shift | category`,
    /// and the cells counted this month.
    private var monthCounts: [UInt32] = []
    private var shift = 4
    /// Bytes counted since the month's counts were last added to the tally (a bound on any count).
    private var countedSinceFlush = 0
    private var monthCells: [Int] = []
    private var month = -1
    /// The last date cell seen (its ten bytes) and its month's ordinal.
    private var lastDate: (UInt64, UInt16) = (0, 0)
    private var lastOrdinal = -1
    /// Whether a line that starts with the last date cell's ten bytes and a delimiter can be scanned
    /// from after them (none of the ten is a delimiter or LF).
    private var lastDateSkips = false
    /// The columns that are neither the date, the scope nor the category (checked as UTF-8 per row).
    private let otherColumns: [Int]
    /// Bytes readable after the end of the bytes a piece holds (``ByteInterner/intern(padded:count:)``
    /// and the separator scan read whole words).
    static let padding = 32

    init(columns: EventsSplit.Columns) {
        self.columns = columns
        otherColumns = (0..<columns.width).filter { $0 != columns.date && $0 != columns.scope && $0 != columns.category }
    }

    /// Counts the rows in `[from, to)` (`to` is just after a line end, or the end of the file when
    /// `atEnd`); `false` as soon as a row needs the ordinary reader.
    mutating func count(
        descriptor: Int32, from: Int, to: Int, atEnd: Bool, chunkSize: Int, work: SplitWork
    ) -> Bool {
        let capacity = chunkSize + CSVReader.plainLineLimit
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity + Self.padding)
        buffer.initialize(repeating: 0, count: capacity + Self.padding)
        defer { buffer.deallocate() }
        let ends = UnsafeMutablePointer<Int>.allocate(capacity: columns.width)
        ends.initialize(repeating: 0, count: columns.width)
        defer { ends.deallocate() }
        var offset = from
        var kept = 0
        while offset < to {
            if work.gaveUp { return false }
            let wanted = min(capacity - kept, to - offset)
            let filled = EventsSplit.readFully(descriptor, into: buffer + kept, at: offset, count: wanted)
            guard filled == wanted else { return false }
            offset += filled
            let total = kept + filled
            // Quotes and NUL mean the ordinary reader (a CR, unless it ends a line, too: see countLines).
            let fresh = buffer + kept
            guard memchr(fresh, 0x22, filled) == nil, memchr(fresh, 0, filled) == nil else { return false }
            guard let consumed = countLines(buffer, count: total, final: atEnd && offset >= to, ends: ends) else {
                return false
            }
            kept = total - consumed
            guard kept < CSVReader.plainLineLimit else { return false }
            // A count is at most the bytes counted: added to the tally well before it could overflow.
            countedSinceFlush += consumed
            if countedSinceFlush > 1 << 31 { flushMonth() }
            if kept > 0 { memmove(buffer, buffer + consumed, kept) }
        }
        flushMonth()
        return kept == 0
    }

    /// Counts the complete lines in the `count` bytes at `base` (and, when `final`, the last line
    /// without its line end); how many bytes they take, or `nil` when a line needs the ordinary
    /// reader. Quotes are already ruled out: only delimiters, LF and CR are looked for, eight bytes at a
    /// time, every match of a word taken from one mask; a CR must be the first half of a CRLF line end.
    /// `padding` bytes after the end are readable (not looked at).
    private mutating func countLines(
        _ base: UnsafeMutablePointer<UInt8>, count: Int, final: Bool, ends: UnsafeMutablePointer<Int>
    ) -> Int? {
        // The last line without its line end, at the end of the file, is given one in the padding (the
        // loop then ends every line the same way).
        var count = count
        let unended = final && count > 0 && base[count - 1] != 0x0A
        if unended {
            base[count] = 0x0A
            count += 1
        }
        let width = columns.width
        let delimiter = columns.delimiter
        let delimiters = UInt64(delimiter) &* 0x0101_0101_0101_0101
        let lineFeeds: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
        let carriageReturns: UInt64 = 0x0D0D_0D0D_0D0D_0D0D
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        // Rows come sorted by date: a line that starts with the last date, when the date is the first
        // column, is scanned from after it.
        let skipsDates = columns.date == 0 && width > 1
        var lineStart = 0
        var fields = 0
        var i = 0
        @inline(__always)
        func skipDate() -> Bool {
            guard skipsDates, lastDateSkips, lineStart &+ 11 <= count, base[lineStart &+ 10] == delimiter else {
                return false
            }
            let raw = UnsafeRawPointer(base + lineStart)
            guard raw.loadUnaligned(as: UInt64.self) == lastDate.0,
                raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self) == lastDate.1
            else { return false }
            ends[0] = lineStart &+ 10
            fields = 1
            i = lineStart &+ 11
            return true
        }
        _ = skipDate()
        while i < count {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            let d = word ^ delimiters
            let l = word ^ lineFeeds
            let r = word ^ carriageReturns
            // 0x80 in every byte that is a delimiter, LF or CR, and possibly in a byte just above one (a
            // borrow): every bit is checked against its byte, and the lowest is always a true match.
            var hits = ((d &- ones) & ~d | (l &- ones) & ~l | (r &- ones) & ~r) & highs
            // The last word: only the bytes before `count`.
            if i &+ 8 > count { hits &= (1 &<< UInt64(truncatingIfNeeded: 8 &* (count &- i))) &- 1 }
            let word0 = i
            i &+= 8
            while hits != 0 {
                let q = word0 &+ hits.trailingZeroBitCount &>> 3
                hits &= hits &- 1
                let byte = base[q]
                if byte == delimiter {
                    ends[fields] = q
                    fields += 1
                    guard fields < width else { return nil }
                } else if byte == 0x0D {
                    // The first half of a CRLF line end, or a line break the ordinary reader counts.
                    guard q &+ 1 < count else { return unended ? nil : lineStart }
                    guard base[q &+ 1] == 0x0A else { return nil }
                } else if byte == 0x0A {
                    let end = q > lineStart && base[q &- 1] == 0x0D ? q &- 1 : q
                    if end == lineStart {
                        // A blank line: no record (the ordinary reader passes over it too).
                        lineStart = q + 1
                        fields = 0
                        if skipDate() { break }
                        continue
                    }
                    ends[fields] = end
                    guard fields + 1 == width, countLine(base, lineStart, ends) else { return nil }
                    lineStart = q + 1
                    fields = 0
                    // The rest of this word is in the skipped date.
                    if skipDate() { break }
                }
            }
        }
        return unended ? min(lineStart, count - 1) : lineStart
    }

    /// Counts the line starting at `start` whose fields end at `ends`; `false` when it needs the
    /// ordinary reader (a date that is not one or after next year, a scope or category that is not a
    /// name, a cell that is not UTF-8).
    @inline(__always)
    private mutating func countLine(_ base: UnsafePointer<UInt8>, _ start: Int, _ ends: UnsafeMutablePointer<Int>)
        -> Bool
    {
        @inline(__always)
        func from(_ i: Int) -> Int { i == 0 ? start : ends[i - 1] + 1 }
        // The date: its first ten bytes are ASCII when it is one; what follows them is checked as UTF-8.
        let dateStart = from(columns.date)
        let dateCount = ends[columns.date] - dateStart
        guard dateCount >= 10 else { return false }
        let ordinal: Int
        let raw = UnsafeRawPointer(base + dateStart)
        let key = (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self))
        if key == lastDate && lastOrdinal >= 0 && (dateCount == 10 || Self.timeFollows(base[dateStart + 10])) {
            ordinal = lastOrdinal
        } else {
            guard let month = DataValues.eventMonth(utf8: UnsafeBufferPointer(start: base + dateStart, count: dateCount)),
                month.year <= columns.lastYear
            else { return false }
            ordinal = month.firstMonthOrdinal
            lastDate = key
            lastOrdinal = ordinal
            lastDateSkips = !(0..<10).contains { base[dateStart + $0] == columns.delimiter || base[dateStart + $0] == 0x0A }
        }
        if dateCount > 10 && !isText(base + dateStart + 10, dateCount - 10) { return false }
        // The other cells (not the scope or the category, checked once per spelling).
        for i in otherColumns {
            let cellStart = from(i)
            let cellCount = ends[i] - cellStart
            if cellCount <= 16 {
                // ASCII in two masked words (the bytes after the cell can be read).
                let raw = UnsafeRawPointer(base + cellStart)
                let bits = cellCount &* 8
                let first = bits >= 64 ? UInt64.max : (1 &<< UInt64(truncatingIfNeeded: bits)) &- 1
                let second = bits >= 128 ? UInt64.max : bits <= 64 ? 0 : (1 &<< UInt64(truncatingIfNeeded: bits &- 64)) &- 1
                let words = raw.loadUnaligned(as: UInt64.self) & first | raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self) & second
                if words & 0x8080_8080_8080_8080 == 0 { continue }
            }
            guard isText(base + cellStart, cellCount) else { return false }
        }
        let scopeStart = from(columns.scope)
        let s = scopeSpellings.intern(padded: base + scopeStart, count: ends[columns.scope] - scopeStart)
        if s == scopeNumbers.count {
            guard newScope(UnsafeBufferPointer(start: base + scopeStart, count: ends[columns.scope] - scopeStart))
            else { return false }
        }
        let categoryStart = from(columns.category)
        let c = categorySpellings.intern(padded: base + categoryStart, count: ends[columns.category] - categoryStart)
        if c == categoryNumbers.count {
            guard
                newCategory(
                    UnsafeBufferPointer(start: base + categoryStart, count: ends[columns.category] - categoryStart))
            else { return false }
        }
        if ordinal != month {
            flushMonth()
            month = ordinal
        }
        let cell = s << shift | c
        if monthCounts[cell] == 0 { monthCells.append(cell) }
        monthCounts[cell] += 1
        return true
    }

    /// Whether the byte after a date cell's ten bytes starts its time, as
    /// ``DataValues/eventMonth(utf8:)`` requires (a space or `T`).
    @inline(__always)
    private static func timeFollows(_ next: UInt8) -> Bool {
        next == UInt8(ascii: " ") || next == UInt8(ascii: "T") || next == UInt8(ascii: "t")
    }

    /// Whether `count` bytes are text in the file's encoding: any bytes in Windows-1252, else ``isUTF8(_:_:)``.
    @inline(__always)
    private func isText(_ base: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        columns.encoding == .windows1252 || Self.isUTF8(base, count)
    }

    /// Whether `count` bytes are whole UTF-8: ASCII eight bytes at a time, two-byte sequences (Swedish
    /// letters) inline, the validator for the rest.
    @inline(__always)
    private static func isUTF8(_ base: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        var i = 0
        while i + 8 <= count {
            if UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
            i += 8
        }
        while i < count {
            let byte = base[i]
            if byte < 0x80 {
                i += 1
            } else if byte >= 0xC2 && byte <= 0xDF && i + 1 < count && base[i + 1] & 0xC0 == 0x80 {
                i += 2
            } else {
                var validator = UTF8Validator()
                validator.feed(UnsafeBufferPointer(start: base + i, count: count - i))
                return validator.finish()
            }
        }
        return true
    }

    /// Numbers a scope spelling seen for the first time (the next spelling number) in the tally;
    /// `false` when it is not text in the file's encoding or not a name.
    private mutating func newScope(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard isText(bytes.baseAddress!, bytes.count),
            case .success(let name) = DataValues.name(
                CSVReader.cellText(bytes, encoding: columns.encoding), what: "a scope (municipality or police area)")
        else { return false }
        let rows = scopeNumbers.count + 1
        if rows << shift > monthCounts.count {
            guard max(2 * rows, 16) << shift <= 1 << 22 else { return false }
            monthCounts += repeatElement(0, count: (max(2 * rows, 16) << shift) - monthCounts.count)
        }
        scopeNumbers.append(tally.index(scope: name))
        return true
    }

    /// Numbers a category spelling seen for the first time in the tally; `false` when it is not text
    /// or not a name, or past thousands of spellings (the ordinary reader takes such a file).
    private mutating func newCategory(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard isText(bytes.baseAddress!, bytes.count),
            case .success(let name) = DataValues.name(
                CrimeLabel.normalised(CSVReader.cellText(bytes, encoding: columns.encoding)), what: "a crime category")
        else { return false }
        if categoryNumbers.count + 1 > 1 << shift {
            // Wider rows: this month's counts are added to the tally first, so that none is moved.
            flushMonth()
            let rows = max(monthCounts.count >> shift, 16)
            guard rows << (shift + 1) <= 1 << 22 else { return false }
            shift += 1
            monthCounts = [UInt32](repeating: 0, count: rows << shift)
        }
        categoryNumbers.append(tally.index(category: name))
        return true
    }

    /// Adds this month's counts to the tally.
    private mutating func flushMonth() {
        guard month >= 0 else { return }
        let mask = 1 << shift - 1
        for cell in monthCells {
            tally.append(
                scope: scopeNumbers[cell >> shift], category: categoryNumbers[cell & mask], monthOrdinal: month,
                count: Int(monthCounts[cell]))
            monthCounts[cell] = 0
        }
        countedSinceFlush = 0
        monthCells.removeAll(keepingCapacity: true)
    }
}
