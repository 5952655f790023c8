/// The bad rows of one data file, collected so the whole file can be rejected with every reason.
///
/// Keeps the first ``listed`` diagnostics and counts the rest, which the rejection summarises
/// as "… and N more bad rows".
struct BadRows: Sendable {
    /// How many bad rows are listed one by one.
    static let listed = 50

    /// The file's path as shown.
    let path: String
    private var kept: [Diagnostic] = []
    /// How many bad rows were found.
    private(set) var count = 0

    init(path: String) { self.path = path }

    /// Whether no bad row was found.
    var isEmpty: Bool { count == 0 }

    /// A bad row: `file:line: column: reason`, or `file:line: error: reason` when no single
    /// column is to blame.
    mutating func add(line: Int, column: String?, _ reason: String) {
        add(.error(reason, at: SourceLocation(file: path, line: line), field: column))
    }

    /// A diagnostic found while reading the file.
    mutating func add(_ diagnostic: Diagnostic) {
        count += 1
        if kept.count < BadRows.listed { kept.append(diagnostic) }
    }

    /// The rejection of the file.
    var rejection: RejectedFile {
        // In line order (survey shares are checked after the whole file is read); stable otherwise.
        var diagnostics = kept.enumerated().sorted {
            ($0.element.location?.line ?? 0, $0.offset) < ($1.element.location?.line ?? 0, $1.offset)
        }.map(\.element)
        if count > kept.count {
            let more = count - kept.count
            diagnostics.append(
                .error("… and \(more) more bad \(more == 1 ? "row" : "rows")", at: SourceLocation(file: path)))
        }
        return RejectedFile(path: path, diagnostics: diagnostics)
    }
}
