import Foundation

/// Rows dated after next year, noticed while a file is read: a mistyped date (`9999`, `2204`) would otherwise
/// silently become the evaluated period when the rules say `period: latest`.
struct FuturePeriods: Sendable {
    /// The last year a row may name without a warning: next year (plans and resources are written ahead).
    let lastYear: Int
    /// The first such row: its line and period.
    private(set) var first: (line: Int, period: Period)?
    /// How many rows name a later year.
    private(set) var count = 0

    init(lastYear: Int = FuturePeriods.nextYear) {
        self.lastYear = lastYear
    }

    /// Next calendar year, by the machine's clock.
    static var nextYear: Int {
        Calendar(identifier: .gregorian).component(.year, from: Date()) + 1
    }

    /// Notes a row's period.
    @inline(__always)
    mutating func note(_ period: Period, line: Int) {
        guard period.year > lastYear else { return }
        count += 1
        if first == nil { first = (line, period) }
    }

    /// The warning for the file at `path`, if any row named a later year.
    func warning(path: String) -> Diagnostic? {
        guard let first else { return nil }
        return .warning(
            DiagnosticText.dataFile(.futureRows(period: "\(first.period)", lastYear: lastYear - 1, more: count - 1)),
            at: SourceLocation(file: path, line: first.line))
    }
}
