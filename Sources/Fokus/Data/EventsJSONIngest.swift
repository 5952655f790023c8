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
                    if let id = event.id {
                        if seen.contains(id) || !newIDs.insert(id).inserted {
                            duplicates += 1
                            continue
                        }
                    }
                    future.note(event.period, line: line)
                    tally.add(scope: event.scope, category: event.category, period: event.period)
                case .failure(let problems):
                    for problem in problems.list { bad.add(line: line, column: problem.field, problem.reason) }
                }
            }
        } catch let error as JSONArrayStream.ShapeError {
            bad.add(line: error.line, column: nil, .eventsShape(error.shape))
        }
    }

    /// The one warning about repeated ids, if any.
    var duplicateWarning: Diagnostic? {
        guard duplicates > 0 else { return nil }
        return .warning(DiagnosticText.repeatedEventIDs(count: duplicates), at: SourceLocation(file: bad.path))
    }
}
