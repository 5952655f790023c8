/// How the reader treats the statistics export's rows before their cells are read as values
/// (SPEC 3.2): preliminary years, yearly tables, labels.
extension StatisticsExport {
    /// The year and period cells of a row, ready for ``period(year:period:)``, and whether the
    /// figures are preliminary.
    ///
    /// A ` prel.` after the year (`2026 prel.`, in `År` or, in yearly tables, in `Period`) marks
    /// preliminary figures: the mark is dropped and reported. In yearly tables `År` holds the word
    /// `År` and the year stands in `Period` (`Kungsör;Stöld;År;2025;412;…`): the year is moved.
    static func yearAndPeriod(year yearCell: String, period periodCell: String) -> (
        year: String, period: String, preliminary: Bool
    ) {
        var year = yearCell
        var period = periodCell
        var preliminary = false
        if let bare = withoutPreliminaryMark(year) {
            year = bare
            preliminary = true
        }
        if let bare = withoutPreliminaryMark(period) {
            period = bare
            preliminary = true
        }
        if NameKey.fold(year) == "år", period.utf8.count == 4, period.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            year = period
            period = ""
        }
        return (year, period, preliminary)
    }

    /// `2026 prel.` → `2026` (also `2026 prel`, `2026 Prel.`, `2026prel.`); `nil` without the mark.
    static func withoutPreliminaryMark(_ text: String) -> String? {
        let folded = NameKey.fold(text)
        for mark in ["prel.", "prel"] where folded.hasSuffix(mark) {
            let rest = String(text.unicodeScalars.dropLast(mark.unicodeScalars.count)).trimmingSpaces()
            if rest.utf8.count == 4, rest.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return rest }
        }
        return nil
    }
}
