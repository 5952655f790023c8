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
    }

    /// Calls `body` for each data row whose shape is right; blank rows are skipped, rows with the
    /// wrong number of fields (extra empty fields at the end are fine) or an unclosed quote are
    /// reported.
    mutating func forEachRow(_ body: (inout CSVIngest) -> Void) throws {
        let width = layout.header.count
        while true {
            do {
                guard try reader.readRecord() else { return }
            } catch let error as CSVReader.RecordTooLong {
                bad.add(line: error.line, column: nil, error.reason)
                return
            }
            if reader.unclosedQuote {
                let column = reader.fieldCount <= width ? layout.header[reader.fieldCount - 1] : nil
                bad.add(line: reader.recordLine, column: column, "a quoted value is never closed; add the closing \"")
                continue
            }
            // Rows of empty cells (`;;;`, as spreadsheets save trailing rows) are blank lines too.
            if reader.isBlankRecord { continue }
            if reader.fieldCount != width {
                let extraIsBlank =
                    reader.fieldCount > width
                    && (width..<reader.fieldCount).allSatisfy { i in
                        reader.withField(i) { $0.allSatisfy { $0 == 0x20 } }
                    }
                if !extraIsBlank {
                    let separator =
                        reader.delimiter == 0x09 ? "tab" : "\"\(Character(Unicode.Scalar(reader.delimiter)))\""
                    bad.add(
                        line: reader.recordLine, column: nil,
                        "\(reader.fieldCount) \(reader.fieldCount == 1 ? "value" : "values") where the header has \(width) columns; check for a missing or extra \(separator)"
                    )
                    continue
                }
            }
            body(&self)
        }
    }

    /// The trimmed text of a role's cell in the current row.
    func cell(_ role: DataFileLayout.Role) -> String { reader.string(layout[role]) }

    /// The value of a check, or `nil` after reporting its problem against the role's column.
    mutating func check<T>(_ result: Result<T, DataValues.Problem>, _ role: DataFileLayout.Role) -> T? {
        switch result {
        case .success(let value): return value
        case .failure(let problem):
            bad.add(line: reader.recordLine, column: layout.name(role), problem.reason)
            return nil
        }
    }

    /// A required name cell (scope, category, item, resource).
    mutating func name(_ role: DataFileLayout.Role, what: String) -> String? {
        check(DataValues.name(cell(role), what: what), role)
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
