/// Splits a JSON array into its elements while reading, so a large events file is never held
/// whole: each element's bytes are handed out one at a time, with the line it starts on.
///
/// Only the array's structure is checked here (strings, escapes, nesting); an element's own
/// syntax is checked by whoever decodes it.
struct JSONArrayStream {
    /// A problem with the file's structure: not an array, unbalanced, cut short.
    struct ShapeError: Error, Sendable {
        var line: Int
        var shape: DiagnosticText.EventsShape
        var message: String { shape.english }
    }

    private var window: ByteWindow
    private var line = 1
    private var started = false
    private var finished = false
    private var elementCount = 0

    init(source: ByteSource) {
        window = ByteWindow(source: source)
    }

    /// The largest array element read, in bytes: an event is a few hundred, so a larger one is not an event, and
    /// memory stays bounded whatever the file holds.
    static let maximumElementBytes = 1 << 20
    /// The deepest nesting of objects and arrays inside one element.
    static let maximumDepth = 32

    /// The next element's bytes and start line; `nil` after the closing `]`.
    mutating func next() throws -> (bytes: [UInt8], line: Int)? {
        if finished { return nil }
        if !started {
            guard let first = try skipSpace() else {
                throw ShapeError(line: line, shape: .empty)
            }
            guard first == UInt8(ascii: "[") else {
                throw ShapeError(line: line, shape: .notAnArray)
            }
            window.pos += 1
            started = true
        }
        guard var c = try skipSpace() else {
            throw ShapeError(line: line, shape: .endsInsideArray)
        }
        if elementCount > 0 {
            if c == UInt8(ascii: "]") { return try finish() }
            guard c == UInt8(ascii: ",") else {
                throw ShapeError(line: line, shape: .expectedCommaOrEnd(found: describe(c)))
            }
            window.pos += 1
            guard let after = try skipSpace() else {
                throw ShapeError(line: line, shape: .endsInsideArray)
            }
            c = after
        } else if c == UInt8(ascii: "]") {
            return try finish()
        }
        guard c != UInt8(ascii: "]"), c != UInt8(ascii: ",") else {
            throw ShapeError(line: line, shape: .expectedEvent(found: describe(c)))
        }
        elementCount += 1
        let startLine = line
        return (try readElement(), startLine)
    }

    /// Reads one element: an object or array up to its matching bracket, a string, or a bare
    /// scalar up to the next `,`, `]` or space.
    private mutating func readElement() throws -> [UInt8] {
        var element: [UInt8] = []
        var depth = 0
        var inString = false
        var escaped = false
        let startLine = line
        while true {
            if window.pos >= window.buffer.count, try !window.refill() {
                throw ShapeError(line: startLine, shape: .endsInsideEvent)
            }
            if element.count > Self.maximumElementBytes {
                throw ShapeError(line: startLine, shape: .eventTooLarge)
            }
            let c = window.buffer[window.pos]
            if c == 0x0A { line += 1 }
            if inString {
                if escaped {
                    escaped = false
                } else if c == UInt8(ascii: "\\") {
                    escaped = true
                } else if c == UInt8(ascii: "\"") {
                    inString = false
                    if depth == 0 {
                        element.append(c)
                        window.pos += 1
                        return element
                    }
                }
            } else {
                switch c {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                    if depth > Self.maximumDepth {
                        throw ShapeError(
                            line: line, shape: .nestedTooDeep(levels: Self.maximumDepth, eventLine: startLine))
                    }
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if depth == 0 { return element }  // the end of a bare scalar
                    depth -= 1
                    if depth == 0 {
                        element.append(c)
                        window.pos += 1
                        return element
                    }
                case UInt8(ascii: ","), 0x20, 0x09, 0x0A, 0x0D:
                    if depth == 0 { return element }
                default: break
                }
            }
            element.append(c)
            window.pos += 1
        }
    }

    private mutating func finish() throws -> (bytes: [UInt8], line: Int)? {
        window.pos += 1
        finished = true
        if let c = try skipSpace() {
            throw ShapeError(line: line, shape: .afterArray(found: describe(c)))
        }
        return nil
    }

    /// Skips JSON white space (and a UTF-8 byte-order mark at the start); returns the next byte.
    private mutating func skipSpace() throws -> UInt8? {
        while true {
            if window.pos >= window.buffer.count, try !window.refill() { return nil }
            let c = window.buffer[window.pos]
            if !started, line == 1, c == 0xEF, window.pos + 2 < window.buffer.count,
                window.buffer[window.pos + 1] == 0xBB, window.buffer[window.pos + 2] == 0xBF
            {
                window.pos += 3
                continue
            }
            switch c {
            case 0x0A: line += 1
            case 0x20, 0x09, 0x0D: break
            default: return c
            }
            window.pos += 1
        }
    }

    private func describe(_ c: UInt8) -> DiagnosticText.JSONByte {
        c >= 0x21 && c < 0x7F ? .character(String(Character(Unicode.Scalar(c)))) : .byte(String(c, radix: 16))
    }
}
