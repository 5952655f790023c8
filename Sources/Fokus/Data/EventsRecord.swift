/// The well-formed events of one police events JSON file, in file order: each event's id, scope,
/// category, month and line, without the JSON around them.
///
/// What such a file contributes depends on the files read before it (SPEC 3.2: an event id counts
/// once across files), so its aggregates alone cannot be kept; its events can. Replaying them
/// (``DatasetLoader/Session/replay(_:input:)``) counts exactly what reading the file again would,
/// against whatever ids the earlier files hold now, without parsing JSON.
package struct EventsRecord: Sendable, Equatable {
    struct Event: Sendable, Equatable {
        /// Index into ``strings``, or -1 for an event without an id.
        var id: Int32
        var scope: Int32
        var category: Int32
        var period: Period
        var line: Int
    }

    /// Ids, scopes and categories as written, each once.
    private(set) var strings: [String] = []
    private var index: [String: Int32] = [:]
    private(set) var events: [Event] = []

    /// How many events there are.
    package var count: Int { events.count }

    init() {}

    private mutating func intern(_ text: String) -> Int32 {
        if let i = index[text] { return i }
        let i = Int32(strings.count)
        strings.append(text)
        index[text] = i
        return i
    }

    mutating func add(id: String?, scope: String, category: String, period: Period, line: Int) {
        events.append(
            Event(
                id: id.map { intern($0) } ?? -1, scope: intern(scope), category: intern(category), period: period,
                line: line))
    }

    package static func == (a: EventsRecord, b: EventsRecord) -> Bool {
        a.strings == b.strings && a.events == b.events
    }

    /// The record as bytes, tagged with ``Dataset/archiveFormatVersion``.
    package func archived() -> [UInt8] {
        var writer = ArchiveWriter()
        writer.int(Dataset.archiveFormatVersion)
        writer.int(events.count)
        var line = 0
        for event in events {
            writer.int(Int(event.id) + 1)
            writer.int(Int(event.scope))
            writer.int(Int(event.category))
            writer.period(event.period)
            writer.int(event.line - line)
            line = event.line
        }
        // The strings in order of first use, so indexes in the body and the table agree.
        var bytes = writer.finishedStrings(strings)
        bytes += writer.body
        return bytes
    }

    /// Decodes ``archived()``; `nil` when damaged or of another format version.
    package init?(archive: [UInt8]) {
        var reader = ArchiveReader(archive)
        guard reader.readTable(), let version = reader.int(), version == Dataset.archiveFormatVersion,
            let count = reader.int(), count >= 0, count <= archive.count
        else { return nil }
        strings = reader.strings
        for (i, text) in strings.enumerated() { index[text] = Int32(i) }
        events.reserveCapacity(count)
        var line = 0
        for _ in 0..<count {
            guard let id = reader.int(), let scope = reader.int(), let category = reader.int(),
                let period = reader.period(), let delta = reader.int(),
                (0...strings.count).contains(id), strings.indices.contains(scope), strings.indices.contains(category)
            else { return nil }
            line += delta
            events.append(Event(id: Int32(id - 1), scope: Int32(scope), category: Int32(category), period: period, line: line))
        }
        guard reader.isAtEnd else { return nil }
    }
}
