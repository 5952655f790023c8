/// A reporting period: a year (`2023`), a quarter (`2023-Q4`) or a month (`2023-11`).
///
/// One rule set evaluates at one granularity; finer data is summed into it
/// (`converted(to:)`), coarser data cannot be split.
public struct Period: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// How long a period is. Finer granularities have larger raw values.
    public enum Granularity: Int, Sendable, Hashable, Comparable, CustomStringConvertible {
        case year = 0
        case quarter = 1
        case month = 2

        public static func < (lhs: Granularity, rhs: Granularity) -> Bool { lhs.rawValue < rhs.rawValue }

        /// `year`, `quarter` or `month`.
        public var description: String {
            switch self {
            case .year: "year"
            case .quarter: "quarter"
            case .month: "month"
            }
        }

        var monthsPerPeriod: Int {
            switch self {
            case .year: 12
            case .quarter: 3
            case .month: 1
            }
        }
    }

    /// The calendar year.
    public let year: Int
    /// The granularity.
    public let granularity: Granularity
    /// 1–4 for a quarter, 1–12 for a month, 0 for a year.
    public let index: Int

    /// A year.
    public static func year(_ year: Int) -> Period { Period(year: year, granularity: .year, index: 0) }
    /// A quarter, 1–4.
    public static func quarter(_ year: Int, _ quarter: Int) -> Period {
        Period(year: year, granularity: .quarter, index: quarter)
    }
    /// A month, 1–12.
    public static func month(_ year: Int, _ month: Int) -> Period {
        Period(year: year, granularity: .month, index: month)
    }

    private init(year: Int, granularity: Granularity, index: Int) {
        self.year = year
        self.granularity = granularity
        self.index = index
    }

    /// Parses `2023`, `2023-Q4` (or `2023-q4`, `2023Q4`) and `2023-11` (or `2023-1`).
    ///
    /// Returns `nil` for anything else, including years outside 1000–9999.
    public init?(parsing text: String) {
        // A period is ASCII: text holding anything else can only be one inside Unicode white space.
        var text = text
        if text.utf8.contains(where: { $0 >= 0x80 }) { text = text.trimmingSpaces() }
        guard let period = text.withUTF8({ Self.parsed($0) }) else { return nil }
        self = period
    }

    /// ``init(parsing:)`` byte by byte (data files hold a period on every row): ASCII digits, `-` and `Q`,
    /// inside ASCII white space.
    private static func parsed(_ bytes: UnsafeBufferPointer<UInt8>) -> Period? {
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (0x09...0x0D).contains(b) }
        func digit(_ b: UInt8) -> Int? { (0x30...0x39).contains(b) ? Int(b - 0x30) : nil }
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end && isSpace(bytes[start]) { start += 1 }
        while end > start && isSpace(bytes[end - 1]) { end -= 1 }
        guard end - start >= 4 else { return nil }
        var year = 0
        for i in start..<start + 4 {
            guard let d = digit(bytes[i]) else { return nil }
            year = year * 10 + d
        }
        guard year >= 1000 else { return nil }
        var i = start + 4
        if i == end { return Period(year: year, granularity: .year, index: 0) }
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        if i < end, bytes[i] == UInt8(ascii: "Q") || bytes[i] == UInt8(ascii: "q") {
            guard end - i == 2, let q = digit(bytes[i + 1]), (1...4).contains(q) else { return nil }
            return Period(year: year, granularity: .quarter, index: q)
        }
        guard (1...2).contains(end - i) else { return nil }
        var month = 0
        for j in i..<end {
            guard let d = digit(bytes[j]) else { return nil }
            month = month * 10 + d
        }
        guard (1...12).contains(month) else { return nil }
        return Period(year: year, granularity: .month, index: month)
    }

    /// Months since year 0 of this period's first month: how periods of different granularity compare.
    package var firstMonthOrdinal: Int {
        switch granularity {
        case .year: year * 12
        case .quarter: year * 12 + (index - 1) * 3
        case .month: year * 12 + index - 1
        }
    }

    /// Months since year 0 of this period's last month.
    package var lastMonthOrdinal: Int { firstMonthOrdinal + granularity.monthsPerPeriod - 1 }

    /// The month with this ordinal (months since year 0, as ``firstMonthOrdinal`` counts them).
    static func month(ordinal: Int) -> Period { .month(ordinal / 12, ordinal % 12 + 1) }

    /// This period expressed at a coarser (or the same) granularity; `nil` when `target` is finer.
    package func converted(to target: Granularity) -> Period? {
        guard target <= granularity else { return nil }
        let month0 = firstMonthOrdinal - year * 12  // 0-based month in the year
        switch target {
        case .year: return .year(year)
        case .quarter: return .quarter(year, month0 / 3 + 1)
        case .month: return .month(year, month0 + 1)
        }
    }

    /// The period `n` steps later (earlier for negative `n`) at the same granularity.
    package func advanced(by n: Int) -> Period {
        switch granularity {
        case .year:
            return .year(year + n)
        case .quarter:
            let ordinal = year * 4 + (index - 1) + n
            return .quarter(Int((Double(ordinal) / 4).rounded(.down)), ((ordinal % 4) + 4) % 4 + 1)
        case .month:
            let ordinal = year * 12 + (index - 1) + n
            return .month(Int((Double(ordinal) / 12).rounded(.down)), ((ordinal % 12) + 12) % 12 + 1)
        }
    }

    /// Orders by first month, then coarser before finer.
    public static func < (lhs: Period, rhs: Period) -> Bool {
        if lhs.firstMonthOrdinal != rhs.firstMonthOrdinal { return lhs.firstMonthOrdinal < rhs.firstMonthOrdinal }
        return lhs.granularity < rhs.granularity
    }

    /// `2023`, `2023-Q4` or `2023-11`.
    public var description: String {
        switch granularity {
        case .year: "\(year)"
        case .quarter: "\(year)-Q\(index)"
        case .month: index < 10 ? "\(year)-0\(index)" : "\(year)-\(index)"
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    /// Trims spaces, tabs and line breaks (no Foundation needed).
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[start...end])
    }
}
