import Testing

@testable import Fokus

struct PeriodTests {
    @Test func parsesYearsQuartersAndMonths() {
        #expect(Period(parsing: "2023") == .year(2023))
        #expect(Period(parsing: "2023-Q4") == .quarter(2023, 4))
        #expect(Period(parsing: "2023-11") == .month(2023, 11))
        #expect(Period(parsing: "2023-13") == nil)
        #expect(Period(parsing: "abc") == nil)
    }

    @Test func stepsAcrossYearBoundaries() {
        #expect(Period.quarter(2023, 1).advanced(by: -1) == .quarter(2022, 4))
        #expect(Period.month(2023, 1).advanced(by: -13) == .month(2021, 12))
        #expect(Period.month(2023, 11).converted(to: .quarter) == .quarter(2023, 4))
        #expect(Period.year(2023).converted(to: .month) == nil)
    }

    @Test func foldsNamesFully() {
        #expect(NameKey("Straße ") == NameKey("STRASSE"))
        #expect(NameKey("Kungsör") == NameKey("KUNGSÖR"))
        #expect(NameKey("Kungso\u{308}r") == NameKey("Kungsör"))
    }
}
