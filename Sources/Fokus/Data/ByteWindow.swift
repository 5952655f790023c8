/// The unread part of a ``ByteSource``, a chunk at a time: what the streaming readers
/// (``CSVReader``, ``JSONArrayStream``) index byte by byte.
///
/// Readers index `buffer` directly from `pos` on and call ``refill()`` when they run out, so
/// the per-byte loops stay plain array accesses.
struct ByteWindow {
    private let source: ByteSource
    /// The bytes in hand; those before `pos` are already read.
    var buffer: [UInt8] = []
    /// The index in `buffer` of the next unread byte.
    var pos = 0
    private var atEOF = false

    /// The offset in the source of the next unread byte.
    var unreadOffset: Int { source.delivered - (buffer.count - pos) }

    init(source: ByteSource) {
        self.source = source
    }

    /// Appends the next chunk to what is left unread, which moves to the front of `buffer`
    /// (so `pos` becomes 0); `false` at the end of the input.
    mutating func refill() throws -> Bool {
        if atEOF { return false }
        guard let chunk = try source.nextChunk() else {
            atEOF = true
            return false
        }
        if pos < buffer.count {
            buffer.removeSubrange(0..<pos)
            buffer.append(contentsOf: chunk)
        } else {
            buffer = chunk
        }
        pos = 0
        return true
    }
}
