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

    /// ASCII text is parsed byte by byte; the same text with a no-break space around it takes the general
    /// path, which must agree on every shape, good or bad.
    @Test func asciiAndGeneralParsingAgree() {
        let texts = [
            "2023", " 2023\t", "2023-Q4", "2023Q1", "2023-q2", "2023-Q0", "2023-Q5", "2023-Q", "2023-Q12", "2023-11",
            "2023-1", "202311", "2023-01", "2023-001", "2023-13", "2023-00", "2023-", "2023--1", "0999", "999",
            "1000", "9999-12", "20a3", "2023-1a", "2023 11", "2023-+1", "+2023", "abc", "", " ", "2023\r\n",
        ]
        for text in texts {
            #expect(Period(parsing: text) == Period(parsing: "\u{A0}" + text + "\u{A0}"), "\(text.debugDescription)")
        }
        #expect(Period(parsing: " 2023-Q4 ") == .quarter(2023, 4))
        #expect(Period(parsing: "2023-1") == .month(2023, 1))
        #expect(Period(parsing: "２０２３") == nil)
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
