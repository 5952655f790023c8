/// The bad rows of one data file, collected so the whole file can be rejected with every reason.
///
/// Rows with the same problem (the same column and the same reason, such as one unknown `Period`
/// value on 26 rows) are one error that counts the rows and names the first lines. The first
/// ``listed`` errors are kept; the rest are counted, and the rejection summarises them as
/// "… and N more errors".
struct BadRows: Sendable {
    /// How many errors are listed one by one.
    static let listed = 50
    /// How many line numbers an error shared by several rows names.
    static let linesNamed = 5
    /// How many unlisted problems are remembered so that their further rows are not counted as new
    /// errors (beyond this, every unlisted row counts as an error of its own).
    static let unlistedRemembered = 10_000

    /// The file's path as shown.
    let path: String

    private struct Problem: Hashable, Sendable {
        var column: String?
        var reason: String
    }

    private struct Entry: Sendable {
        var diagnostic: Diagnostic
        var lines: [Int] = []
        var rows = 1
    }

    private var kept: [Entry] = []
    private var keptIndex: [Problem: Int] = [:]
    private var unlisted: Set<Problem> = []
    /// How many distinct errors were found (rows with the same problem count once).
    private(set) var count = 0
    /// How many bad rows were found.
    private(set) var rows = 0

    init(path: String) { self.path = path }

    /// Whether no bad row was found.
    var isEmpty: Bool { rows == 0 }

    /// A bad row: `file:line: column: reason`, or `file:line: error: reason` when no single
    /// column is to blame. The same column and reason on a later row adds to the first one.
    mutating func add(line: Int, column: String?, _ reason: String, text: DataRowReason? = nil) {
        rows += 1
        let problem = Problem(column: column, reason: reason)
        if let index = keptIndex[problem] {
            kept[index].rows += 1
            if kept[index].lines.count < BadRows.linesNamed { kept[index].lines.append(line) }
            return
        }
        if unlisted.contains(problem) { return }
        count += 1
        if kept.count < BadRows.listed {
            keptIndex[problem] = kept.count
            var diagnostic = Diagnostic.error(reason, at: SourceLocation(file: path, line: line), field: column)
            diagnostic.text = text.map { DiagnosticText.dataRow($0, rows: 1, lines: [line]) }
            kept.append(Entry(diagnostic: diagnostic, lines: [line]))
        } else if unlisted.count < BadRows.unlistedRemembered {
            unlisted.insert(problem)
        }
    }

    /// A bad row whose reason has a message id (see ``add(line:column:_:text:)``).
    mutating func add(line: Int, column: String?, _ reason: DataRowReason) {
        add(line: line, column: column, reason.message(in: .en), text: reason)
    }

    /// A diagnostic found while reading the file, listed as it is.
    mutating func add(_ diagnostic: Diagnostic) {
        rows += 1
        count += 1
        if kept.count < BadRows.listed { kept.append(Entry(diagnostic: diagnostic)) }
    }

    /// The rejection of the file.
    var rejection: RejectedFile {
        // In line order (survey shares are checked after the whole file is read); stable otherwise.
        var diagnostics = kept.enumerated().sorted {
            ($0.element.diagnostic.location?.line ?? 0, $0.offset) < ($1.element.diagnostic.location?.line ?? 0, $1.offset)
        }.map { entry in
            var diagnostic = entry.element.diagnostic
            if entry.element.rows > 1 {
                let lines = entry.element.lines.map(String.init).joined(separator: ", ")
                diagnostic.message +=
                    " (\(entry.element.rows) rows like this, on lines \(lines)"
                    + (entry.element.rows > entry.element.lines.count ? ", …)" : ")")
                if case .dataRow(let reason, _, _) = diagnostic.text {
                    diagnostic.text = .dataRow(reason, rows: entry.element.rows, lines: entry.element.lines)
                }
            }
            return diagnostic
        }
        if count > kept.count {
            let more = count - kept.count
            var omitted = Diagnostic.omitted(more, "… and \(more) more \(more == 1 ? "error" : "errors")", at: SourceLocation(file: path))
            omitted.text = .moreErrors(more)
            diagnostics.append(omitted)
        }
        return RejectedFile(path: path, diagnostics: diagnostics)
    }
}
