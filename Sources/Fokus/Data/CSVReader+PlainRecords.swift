import Foundation

extension CSVReader {
    /// What ``nextPlainRecord(width:_:)`` did.
    enum PlainRecord {
        /// The record was plain and `body` took it: it is consumed.
        case taken
        /// The record is not plain (quotes, a CR not ending the line, a blank line, another number of fields, no line end
        /// before the end of the input, a very long line) or `body` declined it: nothing was consumed,
        /// and ``readRecord()`` reads it the general way.
        case declined
        /// The input is at its end.
        case end
    }

    /// Where in the source the next record starts: the unread bytes, past the LF of a CRLF line end that
    /// the last record read ended at its CR (when that LF is in hand).
    var nextRecordOffset: Int {
        let skipsLF = afterCR && window.pos < window.buffer.count && window.buffer[window.pos] == 0x0A
        return window.unreadOffset + (skipsLF ? 1 : 0)
    }

    /// The longest line the plain path takes; longer ones go the general way.
    static let plainLineLimit = 1 << 16

    /// Offers the next record to `body` without copying it, when it is *plain*: one line ending in LF or
    /// CRLF (files saved on Windows), without quotes or any other CR, with exactly `width` fields. `body`
    /// gets the line's bytes without its line end and the end offset of each field (fields are separated by
    /// one delimiter byte), and returns whether it took the record.
    ///
    /// The fast path of large files: almost every row of an events export is plain, and reading it
    /// costs one scan of its bytes. Everything else (and every row `body` declines, such as one with a
    /// problem to report) is left for ``readRecord()``, so diagnostics are exactly as before.
    mutating func nextPlainRecord(
        width: Int, ends: inout [Int], _ body: (UnsafeBufferPointer<UInt8>, [Int]) -> Bool
    ) throws -> PlainRecord {
        if window.pos >= window.buffer.count, try !window.refill() { return .end }
        // The general reader ends a CRLF record at its CR: the LF belongs to that line end.
        if afterCR && window.buffer[window.pos] == 0x0A {
            window.pos += 1
            afterCR = false
            if window.pos >= window.buffer.count, try !window.refill() { return .end }
        }
        let delimiter = self.delimiter
        while true {
            let start = window.pos
            // Find the line end and the fields within the bytes in hand.
            // `end`: where the line's content ends; `lf`: its line feed.
            let found: (end: Int, lf: Int, plain: Bool)? = window.buffer.withUnsafeBufferPointer { buf in
                guard let base = buf.baseAddress else { return nil }
                let limit = min(buf.count, start + CSVReader.plainLineLimit)
                ends.removeAll(keepingCapacity: true)
                var i = start
                var lf = -1
                while i < limit {
                    let c = base[i]
                    if c == 0x0A {
                        lf = i
                        break
                    }
                    if c == delimiter {
                        ends.append(i - start)
                    } else if c == 0x0D {
                        // A CR is plain only as the first half of a CRLF line end.
                        guard i + 1 < buf.count else { return nil }
                        guard base[i + 1] == 0x0A else { return (i, i, false) }
                        lf = i + 1
                        break
                    } else if c == 0x22 {
                        return (i, i, false)
                    }
                    i += 1
                }
                if lf < 0 { return limit - start >= CSVReader.plainLineLimit ? (i, i, false) : nil }
                ends.append(i - start)
                return (i, lf, i > start && ends.count == width)
            }
            guard let found else {
                // No line end in hand: bring in the next chunk, or leave the last line to readRecord.
                if try window.refill() { continue }
                return .declined
            }
            guard found.plain else { return .declined }
            let taken = window.buffer.withUnsafeBufferPointer { buf in
                body(UnsafeBufferPointer(rebasing: buf[start..<found.end]), ends)
            }
            guard taken else { return .declined }
            window.pos = found.lf + 1
            recordLine = line
            line += 1
            afterCR = false
            return .taken
        }
    }
}
