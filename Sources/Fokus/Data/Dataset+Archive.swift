/// A compact binary form of one file's ``Dataset``, so a program that keeps data between runs (the
/// daemon's cache in the state database) can merge a file's aggregates without reading the file again.
///
/// The archive holds everything a file contributes: crime cells (with present periods and
/// year-to-date spans), survey and signal rows (with respondents), resources (as exact bit
/// patterns), population, display names, inputs and warnings. Decoding gives a dataset that merges
/// exactly as the one archived. Names are stored once each in a string table; numbers as
/// variable-length integers.
///
/// An archive starts with ``archiveFormatVersion`` and the year that decides which rows are "in the
/// future" (a file's warnings depend on it): when either differs, ``init(archive:)`` returns `nil`,
/// so a changed reader or a new year reads the file again.
extension Dataset {
    /// The version of the archive's layout and of what the readers put in a file's dataset: raise it
    /// whenever a reader's output for the same bytes changes.
    package static let archiveFormatVersion = 1

    /// The file's dataset as an archive, or `nil` when it holds something an archive does not
    /// keep (a rejected file, or a warning of a kind data files do not give): read such a file again.
    package func archived() -> [UInt8]? {
        guard rejected.isEmpty else { return nil }
        var writer = ArchiveWriter()
        writer.int(Self.archiveFormatVersion)
        writer.int(FuturePeriods.nextYear)
        // Names and other strings go to a table written after the body; the body refers to them by index.
        writer.int(displayNames.count)
        for (key, name) in displayNames.sorted(by: { $0.key < $1.key }) {
            writer.string(key.folded)
            writer.string(name)
        }
        writer.int(crime.count)
        for (scope, cells) in crime.sorted(by: { $0.key < $1.key }) {
            writer.string(scope.folded)
            writer.int(cells.presentPeriods.count)
            for period in cells.presentPeriods.sorted() { writer.period(period) }
            writer.int(cells.counts.count)
            for (period, categories) in cells.counts.sorted(by: { $0.key < $1.key }) {
                writer.period(period)
                writer.counts(categories)
            }
            writer.int(cells.yearToDate.count)
            for (span, categories) in cells.yearToDate.sorted(by: { $0.key < $1.key }) {
                writer.int(span.year)
                writer.int(span.throughMonth)
                writer.counts(categories)
            }
        }
        writer.int(surveySources.count)
        for (source, table) in surveySources.sorted(by: { $0.key < $1.key }) {
            writer.string(source.folded)
            writer.int(table.shares.count)
            for (scope, periods) in table.shares.sorted(by: { $0.key < $1.key }) {
                writer.string(scope.folded)
                writer.int(periods.count)
                for (period, items) in periods.sorted(by: { $0.key < $1.key }) {
                    writer.period(period)
                    writer.int(items.count)
                    for (item, share) in items.sorted(by: { $0.key < $1.key }) {
                        writer.string(item.folded)
                        writer.double(share)
                        let respondents = table.respondents[scope]?[period]?[item]
                        writer.int(respondents.map { $0 + 1 } ?? 0)
                    }
                }
            }
        }
        writer.int(resources.count)
        for (scope, periods) in resources.sorted(by: { $0.key < $1.key }) {
            writer.string(scope.folded)
            writer.int(periods.count)
            for (period, items) in periods.sorted(by: { $0.key < $1.key }) {
                writer.period(period)
                writer.int(items.count)
                for (item, amount) in items.sorted(by: { $0.key < $1.key }) {
                    writer.string(item.folded)
                    writer.double(amount)
                }
            }
        }
        writer.int(population.count)
        for (scope, periods) in population.sorted(by: { $0.key < $1.key }) {
            writer.string(scope.folded)
            writer.int(periods.count)
            for (period, value) in periods.sorted(by: { $0.key < $1.key }) {
                writer.period(period)
                writer.int(value)
            }
        }
        writer.int(inputs.count)
        for input in inputs {
            writer.string(input.path)
            writer.string(input.sha256)
            writer.string(input.kind.rawValue)
        }
        writer.int(warnings.count)
        for warning in warnings {
            guard writer.diagnostic(warning) else { return nil }
        }
        return writer.finished()
    }

    /// Decodes ``archived()``.
    /// - Returns: `nil` when the archive is damaged, or comes from another format version or year.
    package init?(archive: [UInt8]) {
        var reader = ArchiveReader(archive)
        guard reader.readTable(), let version = reader.int(), version == Self.archiveFormatVersion,
            let year = reader.int(), year == FuturePeriods.nextYear,
            let dataset = Self.decodeBody(&reader), reader.isAtEnd
        else { return nil }
        self = dataset
    }

    private static func decodeBody(_ reader: inout ArchiveReader) -> Dataset? {
        var dataset = Dataset()
        guard let names = reader.int() else { return nil }
        for _ in 0..<names {
            guard let key = reader.key(), let name = reader.string() else { return nil }
            dataset.displayNames[key] = name
        }
        guard let scopes = reader.int() else { return nil }
        for _ in 0..<scopes {
            guard let scope = reader.key(), let present = reader.int() else { return nil }
            var cells = ScopeCrime()
            for _ in 0..<present {
                guard let period = reader.period() else { return nil }
                cells.presentPeriods.insert(period)
            }
            guard let periods = reader.int() else { return nil }
            for _ in 0..<periods {
                guard let period = reader.period(), let counts = reader.counts() else { return nil }
                cells.counts[period] = counts
            }
            guard let spans = reader.int() else { return nil }
            for _ in 0..<spans {
                guard let year = reader.int(), let month = reader.int(), let counts = reader.counts() else { return nil }
                cells.yearToDate[YearToDate(year: year, throughMonth: month)] = counts
            }
            dataset.crime[scope] = cells
        }
        guard let sources = reader.int() else { return nil }
        for _ in 0..<sources {
            guard let source = reader.key(), let scopes = reader.int() else { return nil }
            var table = SurveyTable()
            for _ in 0..<scopes {
                guard let scope = reader.key(), let periods = reader.int() else { return nil }
                for _ in 0..<periods {
                    guard let period = reader.period(), let items = reader.int() else { return nil }
                    for _ in 0..<items {
                        guard let item = reader.key(), let share = reader.double(), let respondents = reader.int()
                        else { return nil }
                        table.shares[scope, default: [:]][period, default: [:]][item] = share
                        table.respondents[scope, default: [:]][period, default: [:]][item] =
                            respondents == 0 ? nil : respondents - 1
                    }
                }
            }
            dataset.surveySources[source] = table
        }
        guard let resourceScopes = reader.int() else { return nil }
        for _ in 0..<resourceScopes {
            guard let scope = reader.key(), let periods = reader.int() else { return nil }
            for _ in 0..<periods {
                guard let period = reader.period(), let items = reader.int() else { return nil }
                for _ in 0..<items {
                    guard let item = reader.key(), let amount = reader.double() else { return nil }
                    dataset.resources[scope, default: [:]][period, default: [:]][item] = amount
                }
            }
        }
        guard let populationScopes = reader.int() else { return nil }
        for _ in 0..<populationScopes {
            guard let scope = reader.key(), let periods = reader.int() else { return nil }
            for _ in 0..<periods {
                guard let period = reader.period(), let value = reader.int() else { return nil }
                dataset.population[scope, default: [:]][period] = value
            }
        }
        guard let inputs = reader.int() else { return nil }
        for _ in 0..<inputs {
            guard let path = reader.string(), let sha = reader.string(), let kindName = reader.string(),
                let kind = DataFileKind(rawValue: kindName)
            else { return nil }
            dataset.inputs.append(InputFile(path: path, sha256: sha, kind: kind))
        }
        guard let warnings = reader.int() else { return nil }
        for _ in 0..<warnings {
            guard let warning = reader.diagnostic() else { return nil }
            dataset.warnings.append(warning)
        }
        return dataset
    }
}

/// Writes an archive: a body of variable-length integers that refer to a table of strings.
struct ArchiveWriter {
    private(set) var body: [UInt8] = []
    private var strings: [String] = []
    private var index: [String: Int] = [:]

    mutating func int(_ value: Int) {
        // Zig-zag, then 7 bits a byte.
        var v = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        while v >= 0x80 {
            body.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        body.append(UInt8(v))
    }

    mutating func string(_ text: String) {
        if let i = index[text] {
            int(i)
            return
        }
        index[text] = strings.count
        int(strings.count)
        strings.append(text)
    }

    mutating func double(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { body.append(contentsOf: $0) }
    }

    mutating func period(_ period: Period) {
        // The year, then 2 bits of granularity and 2 of the quarter (a month's number follows).
        int(period.year * 16 + period.granularity.rawValue * 4 + (period.granularity == .quarter ? period.index - 1 : 0))
        if period.granularity == .month { int(period.index) }
    }

    mutating func counts(_ counts: [NameKey: Int]) {
        int(counts.count)
        for (key, count) in counts.sorted(by: { $0.key < $1.key }) {
            string(key.folded)
            int(count)
        }
    }

    mutating func optionalString(_ text: String?) {
        if let text {
            int(1)
            string(text)
        } else {
            int(0)
        }
    }

    mutating func location(_ location: SourceLocation?) {
        guard let location else {
            int(0)
            return
        }
        int(1)
        string(location.file)
        int(location.line.map { $0 + 1 } ?? 0)
        int(location.column.map { $0 + 1 } ?? 0)
    }

    mutating func stringList(_ list: [String]) {
        int(list.count)
        for text in list { string(text) }
    }

    /// Writes a warning; `false` when its message id is not one data files give.
    mutating func diagnostic(_ diagnostic: Diagnostic) -> Bool {
        int(diagnostic.severity == .error ? 1 : 0)
        string(diagnostic.message)
        location(diagnostic.location)
        optionalString(diagnostic.field)
        location(diagnostic.related)
        string(diagnostic.relatedNote)
        int(diagnostic.countsAsErrors)
        optionalString(diagnostic.code?.rawValue)
        switch diagnostic.text {
        case nil:
            int(0)
        case .emptyValuesSkipped(let rows, let column, let firstLine):
            int(1)
            int(rows)
            string(column)
            int(firstLine)
        case .preliminaryFigures(let years):
            int(2)
            stringList(years)
        case .footnotePassedOver(let text, let more):
            int(3)
            string(text)
            int(more)
        case .unsupportedExtension:
            int(4)
        case .unknownHeader(let columns, let expectation):
            int(5)
            stringList(columns)
            string(expectation)
        case .emptyFile:
            int(6)
        case .repeatedEventIDs(let count):
            int(7)
            int(count)
        default:
            return false
        }
        return true
    }

    /// The archive: the string table (count, then each string's UTF-8 length and bytes), then the body.
    func finished() -> [UInt8] {
        finishedStrings(strings) + body
    }

    /// A string table of `strings` (for a body that refers to them by index itself).
    func finishedStrings(_ strings: [String]) -> [UInt8] {
        var table = ArchiveWriter()
        table.int(strings.count)
        for text in strings {
            let utf8 = Array(text.utf8)
            table.int(utf8.count)
            table.body += utf8
        }
        return table.body
    }
}

/// Reads an archive written by ``ArchiveWriter``; every read returns `nil` past the end or on damage.
struct ArchiveReader {
    private let bytes: [UInt8]
    private var offset = 0
    private(set) var strings: [String] = []
    private var keys: [NameKey?] = []

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func readTable() -> Bool {
        guard let count = int(), count >= 0, count <= bytes.count else { return false }
        strings.reserveCapacity(count)
        for _ in 0..<count {
            guard let length = int(), length >= 0, length <= bytes.count - offset else { return false }
            strings.append(String(decoding: bytes[offset..<offset + length], as: UTF8.self))
            offset += length
        }
        keys = Array(repeating: nil, count: count)
        return true
    }

    mutating func int() -> Int? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count, shift < 64 {
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 {
                let zigzag = Int64(bitPattern: value)
                return Int((zigzag >> 1) ^ -(zigzag & 1))
            }
            shift += 7
        }
        return nil
    }

    mutating func string() -> String? {
        guard let i = int(), i >= 0, i < strings.count else { return nil }
        return strings[i]
    }

    /// A name key stored as its folded form (folded already, so it is taken as it is).
    mutating func key() -> NameKey? {
        guard let i = int(), i >= 0, i < strings.count else { return nil }
        if let key = keys[i] { return key }
        let key = NameKey(alreadyFolded: strings[i])
        keys[i] = key
        return key
    }

    mutating func double() -> Double? {
        guard bytes.count - offset >= 8 else { return nil }
        var bits: UInt64 = 0
        for i in 0..<8 { bits |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
        offset += 8
        return Double(bitPattern: bits)
    }

    mutating func period() -> Period? {
        guard let packed = int() else { return nil }
        let year = packed >> 4
        switch (packed >> 2) & 3 {
        case 0: return packed & 3 == 0 ? .year(year) : nil
        case 1: return .quarter(year, (packed & 3) + 1)
        case 2:
            guard let month = int(), (1...12).contains(month) else { return nil }
            return .month(year, month)
        default: return nil
        }
    }

    mutating func counts() -> [NameKey: Int]? {
        guard let count = int(), count >= 0 else { return nil }
        var counts: [NameKey: Int] = [:]
        counts.reserveCapacity(count)
        for _ in 0..<count {
            guard let key = key(), let value = int() else { return nil }
            counts[key] = value
        }
        return counts
    }

    mutating func optionalString() -> String?? {
        guard let flag = int() else { return nil }
        if flag == 0 { return .some(nil) }
        guard let text = string() else { return nil }
        return .some(text)
    }

    mutating func location() -> SourceLocation?? {
        guard let flag = int() else { return nil }
        if flag == 0 { return .some(nil) }
        guard let file = string(), let line = int(), let column = int() else { return nil }
        return .some(SourceLocation(file: file, line: line == 0 ? nil : line - 1, column: column == 0 ? nil : column - 1))
    }

    mutating func stringList() -> [String]? {
        guard let count = int(), count >= 0 else { return nil }
        var list: [String] = []
        for _ in 0..<count {
            guard let text = string() else { return nil }
            list.append(text)
        }
        return list
    }

    mutating func diagnostic() -> Diagnostic? {
        guard let severity = int(), let message = string(), let place = location(), let field = optionalString(),
            let related = location(), let relatedNote = string(), let countsAsErrors = int(),
            let code = optionalString(), let textKind = int()
        else { return nil }
        var diagnostic = Diagnostic(severity == 1 ? .error : .warning, message, at: place, field: field, related: related)
        diagnostic.relatedNote = relatedNote
        diagnostic.countsAsErrors = countsAsErrors
        diagnostic.code = code.map { Diagnostic.Code(rawValue: $0) }
        switch textKind {
        case 0: break
        case 1:
            guard let rows = int(), let column = string(), let firstLine = int() else { return nil }
            diagnostic.text = .emptyValuesSkipped(rows: rows, column: column, firstLine: firstLine)
        case 2:
            guard let years = stringList() else { return nil }
            diagnostic.text = .preliminaryFigures(years: years)
        case 3:
            guard let text = string(), let more = int() else { return nil }
            diagnostic.text = .footnotePassedOver(text: text, more: more)
        case 4: diagnostic.text = .unsupportedExtension
        case 5:
            guard let columns = stringList(), let expectation = string() else { return nil }
            diagnostic.text = .unknownHeader(columns: columns, expectation: expectation)
        case 6: diagnostic.text = .emptyFile
        case 7:
            guard let count = int() else { return nil }
            diagnostic.text = .repeatedEventIDs(count: count)
        default: return nil
        }
        return diagnostic
    }
}
