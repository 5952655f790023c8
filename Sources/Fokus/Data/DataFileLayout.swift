/// What a tabular data file's header says about it: its kind and which column holds what.
struct DataFileLayout: Sendable {
    /// What a column holds.
    enum Role: Sendable, Hashable, CaseIterable {
        case period, scope, category, count, date, item, share, respondents, source, resource, available, population
        /// The statistics export's own columns.
        case region, crime, year, exportPeriod, rate

        /// The column names that mean this role, folded (SPEC 3.2; Swedish or English).
        var names: Set<String> {
            switch self {
            case .period: ["period", "år", "year"]
            case .scope: ["scope", "kommun", "municipality"]
            case .category: ["category", "brottskategori", "brottstyp", "typ", "type"]
            case .count: ["count", "antal"]
            case .date: ["date", "datum"]
            case .item: ["item", "fråga"]
            case .share: ["share", "andel"]
            case .respondents: ["respondents", "svarande"]
            case .source: ["source", "källa"]
            case .resource: ["resource", "resurs"]
            case .available: ["available", "tillgängligt", "tillgänglig"]
            case .population: ["population", "befolkning", "invånare"]
            case .region: ["region"]
            case .crime: ["brott"]
            case .year: ["år"]
            case .exportPeriod: ["period"]
            case .rate: ["/100 000 inv", "/100000 inv", "per 100 000 inv"]
            }
        }

        /// What the role's column holds, for messages (`the count`).
        var what: String {
            switch self {
            case .period, .exportPeriod: "the period"
            case .scope: "the scope"
            case .category, .crime: "the crime category"
            case .count: "the count"
            case .date: "the date"
            case .item: "the survey item"
            case .share: "the share"
            case .respondents: "the respondents"
            case .source: "the source"
            case .resource: "the resource"
            case .available: "the amount available"
            case .population: "the population"
            case .region: "the region"
            case .year: "the year"
            case .rate: "the rate per 100 000 inhabitants"
            }
        }
    }

    /// The kind of file.
    let kind: DataFileKind
    /// Roles that more than one column of the header names (`antal;antal`, `antal;count`), with
    /// those columns' indices: a bad header, since Fokus cannot tell which one is meant.
    var duplicates: [(role: Role, columns: [Int])] = []
    /// The header's cells as written (trimmed), for diagnostics.
    let header: [String]
    /// Which column holds each role the kind uses.
    let columns: [Role: Int]

    /// Creates a layout.
    init(kind: DataFileKind, header: [String], columns: [Role: Int]) {
        self.kind = kind
        self.header = header
        self.columns = columns
    }

    /// The column index of a role the kind requires.
    subscript(role: Role) -> Int { columns[role]! }

    /// The header name of a role's column, as written.
    func name(_ role: Role) -> String { header[self[role]] }

    /// The tabular kinds, in the order a header is tried, with their required and optional roles.
    static let kinds: [(kind: DataFileKind, required: [Role], optional: [Role])] = [
        (.crimeStatisticsExport, [.region, .crime, .year, .exportPeriod, .count], [.rate]),
        (.crimeCounts, [.period, .scope, .category, .count], []),
        (.crimeEventsCSV, [.date, .scope, .category], []),
        (.survey, [.period, .scope, .item, .share], [.respondents, .source]),
        (.resourcesCSV, [.period, .scope, .resource, .available], []),
        (.population, [.period, .scope, .population], []),
    ]

    /// Matches a header line against every tabular kind; `nil` when none fits.
    static func match(header: [String]) -> DataFileLayout? {
        let folded = header.map { NameKey.fold($0) }
        for candidate in kinds {
            var columns: [Role: Int] = [:]
            var used = Set<Int>()
            var complete = true
            for role in candidate.required + candidate.optional {
                if let index = folded.indices.first(where: { !used.contains($0) && role.names.contains(folded[$0]) }) {
                    columns[role] = index
                    used.insert(index)
                } else if candidate.required.contains(role) {
                    complete = false
                    break
                }
            }
            guard complete else { continue }
            var layout = DataFileLayout(kind: candidate.kind, header: header, columns: columns)
            for role in candidate.required + candidate.optional {
                let named = folded.indices.filter { role.names.contains(folded[$0]) }
                if named.count > 1 { layout.duplicates.append((role, named)) }
            }
            return layout
        }
        return nil
    }

    /// What Fokus expects of a tabular header, for the warning about a file that matches nothing.
    static let expectation = """
        crime counts (period, scope, category, count), crime events (date, scope, category), \
        survey (period, scope, item, share), resources (period, scope, resource, available), \
        population (period, scope, population) or the crime statistics export \
        (Region, Brott, År, Period, Antal); Swedish names such as år, kommun, brottskategori, \
        antal, datum, fråga, andel work too
        """
}

extension DataFileKind {
    /// How files with a given extension are read.
    enum Family: Sendable {
        /// CSV-like text (`.csv`, `.tsv`, `.txt`): the header decides the kind.
        case table
        /// The police events API's JSON.
        case eventsJSON
        /// Resources YAML.
        case resourcesYAML
    }

    /// The family for a file name's extension, `nil` for a file Fokus does not read.
    static func family(forFileName name: String) -> Family? {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "csv", "tsv", "txt": return .table
        case "json": return .eventsJSON
        case "yaml", "yml": return .resourcesYAML
        default: return nil
        }
    }
}
