/// Everything the engine knows from the data files, aggregated as it was read.
///
/// Rows are never kept: crime counts are summed per (scope, period, category) as files stream in,
/// events per calendar month. Build one from a folder with ``DatasetLoader`` or fill it in memory
/// with the `add…` methods. Names are compared as ``NameKey``s; the first spelling seen is kept
/// for display.
public struct Dataset: Sendable {
    /// Crime counts per scope.
    public internal(set) var crime: [NameKey: ScopeCrime] = [:]
    /// Survey-shaped rows per source (SPEC 4.3): ``SurveyTable/defaultSource`` for rows without a
    /// source, which feed citizen concern; any other source feeds the signals that name it.
    public internal(set) var surveySources: [NameKey: SurveyTable] = [:]
    /// Survey shares (0–1) per scope, period and item of the rows without a source; duplicates keep the largest.
    public var survey: [NameKey: [Period: [NameKey: Double]]] { surveySources[SurveyTable.defaultSource]?.shares ?? [:] }
    /// Available resources per scope, period and resource; duplicates are summed.
    public internal(set) var resources: [NameKey: [Period: [NameKey: Double]]] = [:]
    /// Population per scope and period (read and validated; not used by the default model).
    public internal(set) var population: [NameKey: [Period: Int]] = [:]
    /// The first spelling seen of each name.
    public internal(set) var displayNames: [NameKey: String] = [:]
    /// Files read successfully, in the order read.
    public internal(set) var inputs: [InputFile] = []
    /// Files rejected whole because of a bad row or an unreadable shape.
    public internal(set) var rejected: [RejectedFile] = []
    /// Warnings from reading (skipped files, duplicate event ids, …).
    public internal(set) var warnings: [Diagnostic] = []

    /// Creates an empty dataset.
    public init() {}

    /// Crime data of one scope.
    public struct ScopeCrime: Sendable {
        /// Periods (as read: years, quarters or months) in which any crime file has a row for the scope.
        public internal(set) var presentPeriods: Set<Period> = []
        /// Counts per period and category.
        public internal(set) var counts: [Period: [NameKey: Int]] = [:]
        /// Year-to-date counts (the statistics export's cumulative `Jan-jun`), per span and category.
        public internal(set) var yearToDate: [YearToDate: [NameKey: Int]] = [:]
    }

    /// The first months of a year, January to ``throughMonth``: what a cumulative count covers.
    public struct YearToDate: Sendable, Hashable, Comparable, CustomStringConvertible {
        /// The calendar year.
        public var year: Int
        /// The last month covered, 1–12.
        public var throughMonth: Int

        /// Creates a span.
        public init(year: Int, throughMonth: Int) {
            self.year = year
            self.throughMonth = throughMonth
        }

        /// Months since year 0 of January of the year.
        public var firstMonthOrdinal: Int { year * 12 }
        /// Months since year 0 of the last month covered.
        public var lastMonthOrdinal: Int { year * 12 + throughMonth - 1 }

        /// The span as a period of `granularity`, when it is exactly one: the year for January–December,
        /// the first quarter for January–March.
        public func converted(to granularity: Period.Granularity) -> Period? {
            switch granularity {
            case .year: .year(year)
            case .quarter: throughMonth == 3 ? .quarter(year, 1) : nil
            case .month: throughMonth == 1 ? .month(year, 1) : nil
            }
        }

        public static func < (lhs: Self, rhs: Self) -> Bool {
            (lhs.year, lhs.throughMonth) < (rhs.year, rhs.throughMonth)
        }

        /// `2026 (jan–jun)` style is the reports' business; this is `2026-01..06`.
        public var description: String { "\(year)-01..\(throughMonth < 10 ? "0" : "")\(throughMonth)" }
    }

    /// Adds a crime count (summed with earlier rows for the same scope, period and category). Files give counts
    /// of at most 1 000 000 000 a row, so sums are exact; a cell stops at 2^48, and a negative count adds 0.
    public mutating func addCrimeCount(scope: String, period: Period, category: String, count: Int) {
        let scopeKey = remember(scope)
        let categoryKey = remember(category)
        crime[scopeKey, default: ScopeCrime()].presentPeriods.insert(period)
        crime[scopeKey, default: ScopeCrime()].counts[period, default: [:]][categoryKey, default: 0].addCapped(count)
    }

    /// Adds a year-to-date count: January to `throughMonth` of `year` (summed with earlier rows for the
    /// same scope, span and category). Under SPEC 4.2 it is month-resolved: it stands for the year's first
    /// `throughMonth` months.
    public mutating func addCrimeCountYearToDate(
        scope: String, year: Int, throughMonth: Int, category: String, count: Int
    ) {
        let scopeKey = remember(scope)
        let categoryKey = remember(category)
        let span = YearToDate(year: year, throughMonth: throughMonth)
        crime[scopeKey, default: ScopeCrime()].yearToDate[span, default: [:]][categoryKey, default: 0] += count
    }

    /// Marks a period as present for a scope without counting anything in it.
    public mutating func markCrimePeriodPresent(scope: String, period: Period) {
        crime[remember(scope), default: ScopeCrime()].presentPeriods.insert(period)
    }

    /// Adds a survey share, 0–1 (the maximum wins for a duplicate source, scope, period and item).
    /// - Parameters:
    ///   - respondents: how many answered, when known (used by rank stability's Beta draws, SPEC 4.2).
    ///   - source: the `source`/`källa` cell; `nil` or empty for an ordinary survey row (SPEC 4.3).
    public mutating func addSurveyShare(
        scope: String, period: Period, item: String, share: Double, respondents: Int? = nil, source: String? = nil
    ) {
        let scopeKey = remember(scope)
        let itemKey = remember(item)
        let sourceKey = source.flatMap { $0.trimmingSpaces().isEmpty ? nil : remember($0) } ?? SurveyTable.defaultSource
        surveySources[sourceKey, default: SurveyTable()].add(
            scope: scopeKey, period: period, item: itemKey, share: share, respondents: respondents)
    }

    /// Adds available resources (summed for a duplicate scope, period and resource).
    public mutating func addResource(scope: String, period: Period, resource: String, available: Double) {
        let scopeKey = remember(scope)
        let resourceKey = remember(resource)
        resources[scopeKey, default: [:]][period, default: [:]][resourceKey, default: 0] += available
    }

    /// Sets the population of a scope in a period.
    public mutating func addPopulation(scope: String, period: Period, population: Int) {
        self.population[remember(scope), default: [:]][period] = population
    }

    /// Records a file as read.
    public mutating func addInput(_ file: InputFile) { inputs.append(file) }

    /// Records a rejected file.
    public mutating func addRejected(_ file: RejectedFile) { rejected.append(file) }

    /// Adds a warning.
    public mutating func addWarning(_ warning: Diagnostic) { warnings.append(warning) }

    /// Adds everything in `other` to this dataset (counts summed, shares maxed, resources summed).
    public mutating func merge(_ other: Dataset) {
        for (key, name) in other.displayNames where displayNames[key] == nil { displayNames[key] = name }
        for (scope, scopeCrime) in other.crime {
            // A scope or source new to this dataset is taken over whole (the first file of a kind, mostly).
            guard var mine = crime[scope] else {
                crime[scope] = scopeCrime
                continue
            }
            mine.presentPeriods.formUnion(scopeCrime.presentPeriods)
            for (period, categories) in scopeCrime.counts {
                for (category, count) in categories {
                    mine.counts[period, default: [:]][category, default: 0].addCapped(count)
                }
            }
            for (span, categories) in scopeCrime.yearToDate {
                for (category, count) in categories { mine.yearToDate[span, default: [:]][category, default: 0] += count }
            }
            crime[scope] = mine
        }
        for (source, table) in other.surveySources {
            if surveySources[source] == nil {
                surveySources[source] = table
            } else {
                surveySources[source]!.merge(table)
            }
        }
        for (scope, periods) in other.resources {
            for (period, items) in periods {
                for (item, amount) in items { resources[scope, default: [:]][period, default: [:]][item, default: 0] += amount }
            }
        }
        for (scope, periods) in other.population {
            for (period, value) in periods { population[scope, default: [:]][period] = value }
        }
        inputs += other.inputs
        rejected += other.rejected
        warnings += other.warnings
    }

    /// The display name for a key: the first spelling seen, else the folded form.
    public func displayName(_ key: NameKey) -> String { displayNames[key] ?? key.folded }

    private mutating func remember(_ name: String) -> NameKey {
        let key = NameKey(name)
        if displayNames[key] == nil { displayNames[key] = name.trimmingSpaces() }
        return key
    }
}

/// The survey-shaped rows of one source: shares (0–1) and respondents per scope, period and item.
public struct SurveyTable: Sendable {
    /// The source of rows without a `source`/`källa` cell: ordinary surveys, which feed citizen concern.
    public static let defaultSource = NameKey("survey")

    /// Shares per scope, period and item; a duplicate row keeps the largest share.
    public internal(set) var shares: [NameKey: [Period: [NameKey: Double]]] = [:]
    /// Respondents of the row whose share was kept, where the file gives them.
    public internal(set) var respondents: [NameKey: [Period: [NameKey: Int]]] = [:]

    /// Creates an empty table.
    public init() {}

    mutating func add(scope: NameKey, period: Period, item: NameKey, share: Double, respondents count: Int?) {
        if let old = shares[scope]?[period]?[item], old >= share { return }
        shares[scope, default: [:]][period, default: [:]][item] = share
        respondents[scope, default: [:]][period, default: [:]][item] = count
    }

    mutating func merge(_ other: SurveyTable) {
        for (scope, periods) in other.shares {
            for (period, items) in periods {
                for (item, share) in items {
                    add(
                        scope: scope, period: period, item: item, share: share,
                        respondents: other.respondents[scope]?[period]?[item])
                }
            }
        }
    }
}

/// A data file that was read: its path and the SHA-256 of its bytes.
public struct InputFile: Sendable, Hashable {
    /// The path as given.
    public var path: String
    /// Lower-case hex SHA-256 of the file's content.
    public var sha256: String
    /// Which kind of data it held.
    public var kind: DataFileKind

    /// Creates an input record.
    public init(path: String, sha256: String, kind: DataFileKind) {
        self.path = path
        self.sha256 = sha256
        self.kind = kind
    }
}

/// A data file rejected whole, with every reason.
public struct RejectedFile: Sendable, Hashable {
    /// The path as given.
    public var path: String
    /// Why: bad rows as `file:line: column: reason`, or a file-level problem.
    public var diagnostics: [Diagnostic]

    /// Creates a rejection.
    public init(path: String, diagnostics: [Diagnostic]) {
        self.path = path
        self.diagnostics = diagnostics
    }
}

/// The kinds of data file Fokus recognises (SPEC 3.2).
public enum DataFileKind: String, Sendable, Hashable, CaseIterable {
    /// Crime counts per period, scope and category (CSV).
    case crimeCounts = "crime-counts"
    /// The national crime statistics database's export (`Region;Brott;År;Period;Antal;…`).
    case crimeStatisticsExport = "crime-statistics-export"
    /// One row a reported crime (CSV).
    case crimeEventsCSV = "crime-events-csv"
    /// The police's public events API shape (JSON).
    case crimeEventsJSON = "crime-events-json"
    /// Survey shares per item (CSV).
    case survey = "survey"
    /// Available resources (CSV).
    case resourcesCSV = "resources-csv"
    /// Available resources (YAML).
    case resourcesYAML = "resources-yaml"
    /// Population (CSV).
    case population = "population"
}
