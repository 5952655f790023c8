/// The conventions of the national crime statistics database's export
/// (`Region;Brott;År;Period;Antal;/100 000 inv`, SPEC 3.2).
enum StatisticsExport {
    /// `Antal` for "not applicable": the row is ignored and does not make its period present.
    static let notApplicable = ".."

    /// The region without a leading municipality code: `0207 Kungsör` → `Kungsör`.
    static func region(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let firstNonDigit = scalars.firstIndex(where: { !("0"..."9").contains($0) }),
            firstNonDigit != scalars.startIndex,
            scalars[firstNonDigit].properties.isWhitespace
        else { return text }
        let rest = String(scalars[firstNonDigit...]).trimmingSpaces()
        return rest.isEmpty ? text : rest
    }

    /// The period a row stands for, from its `År` and `Period` cells.
    ///
    /// `Period` empty or a whole-year word (`Helår`, `Hela året`, `År`, `Totalt`) gives the year;
    /// a Swedish month name (`januari`, or `jan`) that month; a quarter (`Kvartal 1`, `kv 1`,
    /// `Q1`, `januari-mars`, `jan-mar`) that quarter. `2023-Q1` and `2023-01` are read as periods.
    /// What a row's `År` and `Period` cells stand for.
    enum RowPeriod: Equatable {
        /// A year, quarter or month.
        case period(Period)
        /// The cumulative `Jan-jun`: January to the given month.
        case yearToDate(year: Int, throughMonth: Int)
    }

    /// The period a row stands for: as ``period(year:period:)``, except that the cumulative
    /// `Jan-mar`, `Jan-jun` and `Jan-sep` (any range starting in January and ending before December)
    /// are year-to-date spans, which SPEC 4.2 compares with the same months of other years.
    static func rowPeriod(year yearText: String, period periodText: String) -> Result<RowPeriod, DataValues.Problem> {
        if let year = Int(yearText), yearText.utf8.count == 4, year >= 1000 {
            let parts = compact(periodText).split(separator: "-", omittingEmptySubsequences: false)
            if parts.count == 2, monthNumber(parts[0]) == 1, let last = monthNumber(parts[1]), (1...11).contains(last) {
                return .success(.yearToDate(year: year, throughMonth: last))
            }
        }
        return period(year: yearText, period: periodText).map(RowPeriod.period)
    }

    private static func monthNumber(_ part: Substring) -> Int? {
        months.firstIndex { $0.full == part || $0.short == part }.map { $0 + 1 }
    }

    static func period(year yearText: String, period periodText: String) -> Result<Period, DataValues.Problem> {
        guard yearText.utf8.count == 4, let year = Int(yearText), year >= 1000 else {
            return .failure(
                DataValues.Problem(
                    yearText.isEmpty ? DataRowReason.emptyYear : .notAYear(text: DataValues.abbreviated(yearText))))
        }
        let word = compact(periodText)
        if word.isEmpty || wholeYear.contains(word) { return .success(.year(year)) }
        if let month = months.firstIndex(where: { $0.full == word || $0.short == word }) {
            return .success(.month(year, month + 1))
        }
        if let quarter = quarter(word) { return .success(.quarter(year, quarter)) }
        if let period = Period(parsing: periodText), period.year == year { return .success(period) }
        return .failure(
            DataValues.Problem(DataRowReason.notAnExportPeriod(text: DataValues.abbreviated(periodText))))
    }

    private static let wholeYear: Set<String> = [
        "helår", "helar", "heltår", "helaåret", "år", "ar", "totalt", "jan-dec", "januari-december",
    ]

    private static let months: [(full: String, short: String)] = [
        ("januari", "jan"), ("februari", "feb"), ("mars", "mar"), ("april", "apr"), ("maj", "maj"), ("juni", "jun"),
        ("juli", "jul"), ("augusti", "aug"), ("september", "sep"), ("oktober", "okt"), ("november", "nov"),
        ("december", "dec"),
    ]

    /// Folded, without spaces and with dashes unified, so `Kvartal 1`, `kv1` and `jan – mar` compare.
    private static func compact(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in NameKey.fold(text).unicodeScalars {
            switch scalar {
            case " ", "\u{00A0}", "\u{202F}", "\t", ".": continue
            case "\u{2013}", "\u{2014}", "\u{2212}": out.append("-")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    private static func quarter(_ word: String) -> Int? {
        for prefix in ["kvartal", "kv", "q"] where word.hasPrefix(prefix) {
            let rest = word.dropFirst(prefix.count)
            if rest.count == 1, let q = Int(rest), (1...4).contains(q) { return q }
        }
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        func month(_ part: Substring) -> Int? {
            months.firstIndex { $0.full == part || $0.short == part }.map { $0 + 1 }
        }
        guard let first = month(parts[0]), let last = month(parts[1]), first % 3 == 1, last == first + 2 else {
            return nil
        }
        return (first - 1) / 3 + 1
    }
}
