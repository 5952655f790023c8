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
/// ending in LF, no quote, CR or NUL, the header's number of fields, a date up to next year, a valid
/// scope and category, valid UTF-8. On anything else (a row with a problem, a blank line, a quoted
/// field, a CRLF file, a file that is not UTF-8) the split gives up and the loader reads the file the
/// ordinary way, row by row, from where the header ended: every diagnostic, with its line, is then
/// exactly what the serial reader reports. A split count never reports anything itself.
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
                    descriptor: descriptor, size: size, header: start, chunkSize: chunkSize, sha256: sha256, work: work)
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
    /// the split was given up.
    private static func fingerprint(
        descriptor: Int32, size: Int, header: Int, chunkSize: Int, sha256: SHA256Function, work: SplitWork
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
                if offset < header {
                    validator.feed(UnsafeBufferPointer(rebasing: bytes[0..<min(filled, header - offset)]))
                }
                return true
            }
            guard text else { return nil }
            offset += filled
        }
        guard validator.finish() else { return nil }
        return FileFingerprint(sha256: Fingerprinter.hex(hasher.finalize()), encoding: .utf8, notText: nil)
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
/// Per row: one scan for the delimiters and the line end (eight bytes at a time), the date's month
/// (the last date cell remembered, since rows come sorted by date), the scope and category cells
/// interned in two small tables and their pair looked up in a dense array, and one increment in a small
/// array of this month's counts, indexed by the pair; the array is added to the tally when the month
/// changes. UTF-8 is checked for
/// each (scope, category) spelling once and for the other cells on every row.
struct EventsPiece {
    let columns: EventsSplit.Columns
    var tally = EventTally()
    /// Scope and category spellings (a few hundred and a few dozen: small tables, kept in cache).
    private var scopeSpellings = ByteInterner()
    private var categorySpellings = ByteInterner()
    /// Per (scope spelling, category spelling): the pair's number plus one (0: not seen yet), a row of
    /// `pairStride` per scope spelling.
    private var pairOf: [Int32] = []
    private var pairStride = 64
    /// Per pair: the tally's packed (scope, category) key, or `UInt64.max` when either is not a name.
    private var pairKeys: [UInt64] = []
    /// This month's count per pair, and the pairs counted this month.
    private var monthCounts: [Int] = []
    private var monthPairs: [Int] = []
    private var month = -1
    /// The last date cell seen (its ten bytes) and its month's ordinal.
    private var lastDate: (UInt64, UInt16) = (0, 0)
    private var lastOrdinal = -1
    init(columns: EventsSplit.Columns) {
        self.columns = columns
    }

    /// Counts the rows in `[from, to)` (`to` is just after a line end, or the end of the file when
    /// `atEnd`); `false` as soon as a row needs the ordinary reader.
    mutating func count(
        descriptor: Int32, from: Int, to: Int, atEnd: Bool, chunkSize: Int, work: SplitWork
    ) -> Bool {
        var buffer = [UInt8](repeating: 0, count: chunkSize + CSVReader.plainLineLimit)
        var ends = [Int](repeating: 0, count: columns.width)
        var offset = from
        var kept = 0
        while offset < to {
            if work.gaveUp { return false }
            let wanted = min(buffer.count - kept, to - offset)
            let filled = buffer.withUnsafeMutableBytes {
                EventsSplit.readFully(descriptor, into: $0.baseAddress! + kept, at: offset, count: wanted)
            }
            guard filled == wanted else { return false }
            offset += filled
            let total = kept + filled
            let consumed: Int? = buffer.withUnsafeBufferPointer { all in
                // Quotes, CR and NUL mean the ordinary reader.
                let fresh = all.baseAddress! + kept
                guard memchr(fresh, 0x22, filled) == nil, memchr(fresh, 0x0D, filled) == nil, memchr(fresh, 0, filled) == nil
                else { return nil }
                return ends.withUnsafeMutableBufferPointer { ends in
                    countLines(
                        UnsafeBufferPointer(rebasing: all[0..<total]), final: atEnd && offset >= to,
                        ends: ends.baseAddress!)
                }
            }
            guard let consumed else { return false }
            kept = total - consumed
            guard kept < CSVReader.plainLineLimit else { return false }
            if kept > 0 {
                buffer.withUnsafeMutableBytes { raw in
                    _ = memmove(raw.baseAddress!, raw.baseAddress! + consumed, kept)
                }
            }
        }
        flushMonth()
        return kept == 0
    }

    /// Counts the complete lines in `bytes` (and, when `final`, the last line without its line end);
    /// how many bytes they take, or `nil` when a line needs the ordinary reader. Quotes and CR are
    /// already ruled out: only delimiters and LF are looked for.
    private mutating func countLines(
        _ bytes: UnsafeBufferPointer<UInt8>, final: Bool, ends: UnsafeMutablePointer<Int>
    ) -> Int? {
        guard let base = bytes.baseAddress else { return 0 }
        let count = bytes.count
        let width = columns.width
        let delimiter = columns.delimiter
        let delimiters = UInt64(delimiter) &* 0x0101_0101_0101_0101
        var lineStart = 0
        var fields = 0
        var p = 0
        while true {
            let q = Self.nextSeparator(base, from: p, count: count, delimiters: delimiters)
            if q == count { break }
            ends[fields] = q
            if base[q] == delimiter {
                fields += 1
                guard fields < width else { return nil }
            } else {
                guard fields + 1 == width, q > lineStart, countLine(base, lineStart, ends) else { return nil }
                lineStart = q + 1
                fields = 0
            }
            p = q + 1
        }
        if final && lineStart < count {
            ends[fields] = count
            guard fields + 1 == width, countLine(base, lineStart, ends) else { return nil }
            lineStart = count
        }
        return lineStart
    }

    /// The offset of the first delimiter or LF at or after `from`, or `count`: eight bytes at a time,
    /// each word tested for both bytes at once (0x80 in each byte that matches, exact: no borrow
    /// between bytes).
    @inline(__always)
    private static func nextSeparator(
        _ base: UnsafePointer<UInt8>, from: Int, count: Int, delimiters: UInt64
    ) -> Int {
        let lineFeeds: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        var i = from
        while i + 8 <= count {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            let d = word ^ delimiters
            let l = word ^ lineFeeds
            let hits = ~(((d & low) &+ low) | d | low) | ~(((l & low) &+ low) | l | low)
            if hits != 0 { return i + hits.trailingZeroBitCount >> 3 }
            i += 8
        }
        let delimiter = UInt8(truncatingIfNeeded: delimiters)
        while i < count {
            if base[i] == delimiter || base[i] == 0x0A { return i }
            i += 1
        }
        return count
    }

    /// Counts the line starting at `start` whose fields end at `ends`; `false` when it needs the
    /// ordinary reader (a date that is not one or after next year, a scope or category that is not a
    /// name, a cell that is not UTF-8).
    @inline(__always)
    private mutating func countLine(_ base: UnsafePointer<UInt8>, _ start: Int, _ ends: UnsafeMutablePointer<Int>)
        -> Bool
    {
        @inline(__always)
        func field(_ i: Int) -> UnsafeBufferPointer<UInt8> {
            let from = i == 0 ? start : ends[i - 1] + 1
            return UnsafeBufferPointer(start: base + from, count: ends[i] - from)
        }
        // The date: its first ten bytes are ASCII when it is one; what follows them is checked as UTF-8.
        let date = field(columns.date)
        let ordinal: Int
        if date.count >= 10 {
            let raw = UnsafeRawPointer(date.baseAddress!)
            let key = (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self))
            if key == lastDate && lastOrdinal >= 0 && (date.count == 10 || Self.timeFollows(date)) {
                ordinal = lastOrdinal
            } else {
                guard let month = DataValues.eventMonth(utf8: date), month.year <= columns.lastYear else { return false }
                ordinal = month.firstMonthOrdinal
                lastDate = key
                lastOrdinal = ordinal
            }
            if date.count > 10 && !Self.isUTF8(UnsafeBufferPointer(rebasing: date[10...])) { return false }
        } else {
            return false
        }
        // The other cells (not the scope or the category, checked once per spelling).
        for i in 0..<columns.width where i != columns.date && i != columns.scope && i != columns.category {
            guard Self.isUTF8(field(i)) else { return false }
        }
        let pair = internPair(field(columns.scope), field(columns.category))
        guard pair >= 0 else { return false }
        let key = pairKeys[pair]
        guard key != .max else { return false }
        if ordinal != month {
            flushMonth()
            month = ordinal
        }
        if monthCounts[pair] == 0 { monthPairs.append(pair) }
        monthCounts[pair] += 1
        return true
    }

    /// Whether a date cell longer than ten bytes has the time after a space or `T`, as
    /// ``DataValues/eventMonth(utf8:)`` requires.
    @inline(__always)
    private static func timeFollows(_ date: UnsafeBufferPointer<UInt8>) -> Bool {
        let next = date[10]
        return next == UInt8(ascii: " ") || next == UInt8(ascii: "T") || next == UInt8(ascii: "t")
    }

    /// Whether bytes are whole UTF-8: ASCII eight bytes at a time, the validator for the rest.
    @inline(__always)
    private static func isUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var i = 0
        while i + 8 <= bytes.count {
            if UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
            i += 8
        }
        while i < bytes.count && base[i] < 0x80 { i += 1 }
        if i == bytes.count { return true }
        var validator = UTF8Validator()
        validator.feed(UnsafeBufferPointer(rebasing: bytes[i...]))
        return validator.finish()
    }

    /// The number of a (scope, category) pair of cells, or -1 when there are too many spellings; a new
    /// pair's spellings are checked as the ordinary reader checks them, and named in the tally.
    @inline(__always)
    private mutating func internPair(_ scope: UnsafeBufferPointer<UInt8>, _ category: UnsafeBufferPointer<UInt8>)
        -> Int
    {
        let s = scopeSpellings.intern(scope)
        let c = categorySpellings.intern(category)
        if c >= pairStride || (s + 1) * pairStride > pairOf.count {
            guard growPairs(scopes: s + 1, categories: c + 1) else { return -1 }
        }
        let known = Int(pairOf[s * pairStride + c])
        if known > 0 { return known - 1 }
        let pair = pairKeys.count
        pairOf[s * pairStride + c] = Int32(pair + 1)
        pairKeys.append(newPairKey(scope, category))
        monthCounts.append(0)
        return pair
    }

    /// Makes room in `pairOf` for `scopes` scope spellings and `categories` category spellings; `false`
    /// past four million cells (thousands of spellings of each: the ordinary reader takes such a file).
    private mutating func growPairs(scopes: Int, categories: Int) -> Bool {
        let stride = categories > pairStride ? max(2 * pairStride, categories) : pairStride
        let rows = max(scopes, pairOf.count / pairStride)
        guard max(2 * rows, 16) * stride <= 1 << 22 else { return false }
        var grown = [Int32](repeating: 0, count: max(2 * rows, 16) * stride)
        for row in 0..<(pairOf.count / pairStride) {
            for column in 0..<pairStride { grown[row * stride + column] = pairOf[row * pairStride + column] }
        }
        pairOf = grown
        pairStride = stride
        return true
    }

    /// The tally's packed key of a new (scope, category) pair, or `UInt64.max` when a cell is not UTF-8
    /// or not a name.
    private mutating func newPairKey(_ scope: UnsafeBufferPointer<UInt8>, _ category: UnsafeBufferPointer<UInt8>)
        -> UInt64
    {
        guard Self.isUTF8(scope), Self.isUTF8(category),
            case .success(let scopeName) = DataValues.name(
                CSVReader.cellText(scope, encoding: .utf8), what: "a scope (municipality or police area)"),
            case .success(let categoryName) = DataValues.name(
                CrimeLabel.normalised(CSVReader.cellText(category, encoding: .utf8)), what: "a crime category")
        else { return .max }
        return EventTally.packed(scope: tally.index(scope: scopeName), category: tally.index(category: categoryName))
    }

    /// Adds this month's counts to the tally.
    private mutating func flushMonth() {
        guard month >= 0 else { return }
        for pair in monthPairs {
            tally.add(packed: pairKeys[pair], monthOrdinal: month, count: monthCounts[pair])
            monthCounts[pair] = 0
        }
        monthPairs.removeAll(keepingCapacity: true)
    }
}
