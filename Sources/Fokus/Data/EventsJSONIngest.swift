/// Reads a police events JSON file into its own ``Dataset``, one array element at a time.
struct EventsJSONIngest {
    /// The events counted, added to the dataset when the file is accepted.
    var tally = EventTally()
    /// The file's bad events (or its structural problem).
    var bad: BadRows
    /// Ids first read in this file (remembered by the loader only if the file is accepted).
    var newIDs: Set<String> = []
    /// Events whose id was read before, here or in an earlier file.
    var duplicates = 0
    /// Events dated after next year.
    var future = FuturePeriods()
    /// Every well-formed event in file order, when the caller keeps them (``DatasetLoader/Session``).
    var record: EventsRecord?

    init(path: String) {
        bad = BadRows(path: path)
    }

    /// Streams the events of `source`; `seen` holds the ids of files read before.
    mutating func run(_ source: ByteSource, seen: Set<String>) throws {
        var stream = JSONArrayStream(source: source)
        do {
            while let (bytes, line) = try stream.next() {
                switch PoliceEvent.decode(bytes) {
                case .success(let event):
                    record?.add(id: event.id, scope: event.scope, category: event.category, period: event.period, line: line)
                    count(id: event.id, scope: event.scope, category: event.category, period: event.period, line: line, seen: seen)
                case .failure(let problems):
                    for problem in problems.list { bad.add(line: line, column: problem.field, problem.reason) }
                }
            }
        } catch let error as JSONArrayStream.ShapeError {
            bad.add(line: error.line, column: nil, .eventsShape(error.shape))
        }
    }

    /// Counts one well-formed event, unless its id was read before (in `seen`, or earlier in this file).
    mutating func count(id: String?, scope: String, category: String, period: Period, line: Int, seen: Set<String>) {
        if let id {
            if seen.contains(id) || !newIDs.insert(id).inserted {
                duplicates += 1
                return
            }
        }
        future.note(period, line: line)
        tally.add(scope: scope, category: category, period: period)
    }

    /// Counts the events of a file read before, as ``run(_:seen:)`` counted them.
    mutating func replay(_ record: EventsRecord, seen: Set<String>) {
        for event in record.events {
            count(
                id: event.id < 0 ? nil : record.strings[Int(event.id)], scope: record.strings[Int(event.scope)],
                category: record.strings[Int(event.category)], period: event.period, line: event.line, seen: seen)
        }
    }

    /// The one warning about repeated ids, if any.
    var duplicateWarning: Diagnostic? {
        guard duplicates > 0 else { return nil }
        return .warning(DiagnosticText.repeatedEventIDs(count: duplicates), at: SourceLocation(file: bad.path))
    }
}
