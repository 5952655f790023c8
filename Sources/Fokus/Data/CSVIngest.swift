/// Reads one tabular data file into its own ``Dataset``, collecting bad rows.
///
/// The header has been matched (``DataFileLayout``); each kind's rows are validated and added in
/// `CSVIngest+Kinds.swift`. The caller merges ``dataset`` only when ``bad`` is empty.
struct CSVIngest {
    var reader: CSVReader
    let layout: DataFileLayout
    /// What the file adds, when it has no bad row.
    var dataset = Dataset()
    /// Events counted (event files only), added to the dataset when the file is accepted.
    var tally = EventTally()
    /// The file's bad rows.
    var bad: BadRows
    /// Rows skipped because their count or share cell is empty ("no value"): the column, the first
    /// such row's line and how many.
    var emptyValues: (column: String, line: Int, rows: Int)?
    /// Lines after the statistics export's table passed over as footnotes: the first one's line
    /// and text, and how many.
    var footnotes: (line: Int, text: String, lines: Int)?
    /// The current row's cells when a statistics export's `&nbsp;` was split at its `;`
    /// (`Skadegörelse&nbsp;genom&nbsp;brand` read as three fields), joined again; `nil` otherwise.
    private var joinedCells: [String]?
    /// The preliminary years of a statistics export (`2026 prel.`), and the first row marked so.
    var preliminary: (years: Set<Int>, line: Int)?
    /// Rows dated after next year.
    var future = FuturePeriods()

    init(reader: CSVReader, layout: DataFileLayout, path: String) {
        self.reader = reader
        self.layout = layout
        self.bad = BadRows(path: path)
    }

    /// Whether `12,5` means twelve and a half (the delimiter is not a comma).
    var decimalComma: Bool { reader.delimiter != UInt8(ascii: ",") }

    /// Reads the file's data rows (after the header) and adds them by its kind.
    mutating func run() throws {
        switch layout.kind {
        case .crimeCounts: try readCrimeCounts()
        case .crimeStatisticsExport: try readStatisticsExport()
        case .crimeEventsCSV: try readEvents()
        case .survey: try readSurvey()
        case .resourcesCSV: try readResources()
        case .population: try readPopulation()
        case .crimeEventsJSON, .resourcesYAML: break
        }
        addNotes()
    }

    /// Records a row skipped because its value cell (`role`) is empty.
    mutating func skipEmptyValue(_ role: DataFileLayout.Role) {
        if emptyValues == nil { emptyValues = (layout.name(role), reader.recordLine, 0) }
        emptyValues?.rows += 1
    }

    /// One warning per kind of row passed over, naming the file and the first line.
    private mutating func addNotes() {
        let path = bad.path
        if let empty = emptyValues {
            dataset.addWarning(
                .warning(
                    DiagnosticText.emptyValuesSkipped(rows: empty.rows, column: empty.column, firstLine: empty.line),
                    at: SourceLocation(file: path, line: empty.line)))
        }
        if let preliminary {
            let years = preliminary.years.sorted().map(String.init)
            dataset.addWarning(
                .warning(
                    DiagnosticText.preliminaryFigures(years: years),
                    at: SourceLocation(file: path, line: preliminary.line)))
        }
        if let footnotes {
            dataset.addWarning(
                .warning(
                    DiagnosticText.footnotePassedOver(text: footnotes.text, more: footnotes.lines - 1),
                    at: SourceLocation(file: path, line: footnotes.line)))
        }
    }

    /// Calls `body` for each data row whose shape is right; blank rows are skipped, rows with the
    /// wrong number of fields (extra empty fields at the end are fine) or an unclosed quote are
    /// reported.
    ///
    /// In the statistics export, lines after the table (after a blank line) that are not rows of
    /// the table are footnotes (`Källa: Brottsförebyggande rådet`): passed over with a note.
    mutating func forEachRow(_ body: (inout CSVIngest) -> Void) throws {
        var state = RowState(nextLine: reader.line)
        while true {
            do {
                guard try reader.readRecord() else { return }
            } catch let error as CSVReader.RecordTooLong {
                bad.add(line: error.line, column: nil, error.reason)
                return
            }
            handleRecord(&state, body)
        }
    }

    /// What ``handleRecord(_:_:)`` carries from one record to the next.
    struct RowState {
        /// The line after the previous record: a record starting later follows a blank line.
        var nextLine: Int
        /// Whether a blank line has ended the statistics export's table.
        var afterTable = false
    }

    /// Checks the record just read (``forEachRow(_:)``'s rules) and calls `body` when its shape is right.
    mutating func handleRecord(_ state: inout RowState, _ body: (inout CSVIngest) -> Void) {
        let width = layout.header.count
        let footnotesAllowed = layout.kind == .crimeStatisticsExport
        joinedCells = footnotesAllowed && reader.fieldCount > width ? entityJoinedCells() : nil
        if reader.recordLine > state.nextLine { state.afterTable = true }
        state.nextLine = reader.line
        if footnotesAllowed && state.afterTable && isFootnote(width: width) {
            if footnotes == nil {
                footnotes = (reader.recordLine, String(reader.rawString(0).trimmingSpaces().prefix(80)), 0)
            }
            footnotes?.lines += 1
            return
        }
        if reader.unclosedQuote {
            let column = reader.fieldCount <= width ? layout.header[reader.fieldCount - 1] : nil
            bad.add(line: reader.recordLine, column: column, .unclosedQuote)
            return
        }
        // Rows of empty cells (`;;;`, as spreadsheets save trailing rows) are blank lines too.
        if reader.isBlankRecord {
            state.afterTable = true
            return
        }
        if fieldCount != width {
            let extraIsBlank = fieldCount > width && (width..<fieldCount).allSatisfy(isBlankField)
            if !extraIsBlank {
                let separator = reader.delimiter == 0x09 ? nil : String(Character(Unicode.Scalar(reader.delimiter)))
                bad.add(line: reader.recordLine, column: nil, .fieldCount(values: fieldCount, columns: width, separator: separator))
                return
            }
        }
        body(&self)
    }

    /// Whether the current record is not a row of a `width`-column table: an unclosed quote, text
    /// in the first cell only (`Källa: Brå;;;;;`, as spreadsheets save a note), or another number
    /// of values (empty values at the end aside).
    private func isFootnote(width: Int) -> Bool {
        if reader.isBlankRecord { return false }
        if reader.unclosedQuote || fieldCount < width { return true }
        if (1..<fieldCount).allSatisfy(isBlankField) { return true }
        return !(width..<fieldCount).allSatisfy(isBlankField)
    }

    /// How many values the current row has (after joining a split `&nbsp;`).
    private var fieldCount: Int { joinedCells?.count ?? reader.fieldCount }

    /// Whether value `i` of the current row is empty or spaces.
    private func isBlankField(_ i: Int) -> Bool {
        if let joinedCells { return joinedCells[i].isEmpty }
        return reader.withField(i) { $0.allSatisfy { $0 == 0x20 } }
    }

    /// The row's cells with every field ending in a split entity (`…&nbsp`) joined to the next
    /// one again; `nil` when there is none.
    private func entityJoinedCells() -> [String]? {
        guard reader.delimiter == UInt8(ascii: ";") else { return nil }
        var cells: [String] = []
        var joined = false
        var i = 0
        while i < reader.fieldCount {
            var text = reader.rawString(i)
            while i + 1 < reader.fieldCount, CrimeLabel.endsInSplitEntity(text) {
                i += 1
                text += ";" + reader.rawString(i)
                joined = true
            }
            cells.append(text.trimmingSpaces())
            i += 1
        }
        return joined ? cells : nil
    }

    /// The trimmed text of a role's cell in the current row.
    func cell(_ role: DataFileLayout.Role) -> String {
        if let joinedCells { return joinedCells[layout[role]] }
        return reader.string(layout[role])
    }

    /// The value of a check, or `nil` after reporting its problem against the role's column.
    mutating func check<T>(_ result: Result<T, DataValues.Problem>, _ role: DataFileLayout.Role) -> T? {
        switch result {
        case .success(let value): return value
        case .failure(let problem):
            bad.add(line: reader.recordLine, column: layout.name(role), problem.reason, text: problem.text)
            return nil
        }
    }

    /// A required name cell (scope, category, item, resource).
    mutating func name(_ role: DataFileLayout.Role, what: String) -> String? {
        check(DataValues.name(cell(role), what: what), role)
    }

    /// A crime category cell, without a crime code or `&nbsp;` (``CrimeLabel``).
    mutating func category(_ role: DataFileLayout.Role) -> String? {
        check(DataValues.name(CrimeLabel.normalised(cell(role)), what: "a crime category"), role)
    }

    /// The scope cell, which every tabular kind has.
    mutating func scope() -> String? {
        name(.scope, what: "a scope (municipality or police area)")
    }

    /// A period cell.
    mutating func period(_ role: DataFileLayout.Role = .period) -> Period? {
        let period = check(DataValues.period(cell(role)), role)
        if let period { future.note(period, line: reader.recordLine) }
        return period
    }
}
