/// Reading the values of data cells: numbers, shares, dates and periods, each with the reason a
/// person sees when a cell cannot be read (SPEC 4.1).
enum DataValues {
    /// Why a cell could not be read, phrased as the end of `file:line: column: reason`.
    struct Problem: Error, Sendable, Hashable {
        var reason: String
        /// The reason as an id, phrased in every language.
        var text: DataRowReason?
        init(_ reason: String) { self.reason = reason }
        init(_ text: DataRowReason) {
            reason = text.message(in: .en)
            self.text = text
        }
    }

    /// A decimal number: an optional sign, digits, and a decimal point (also a decimal comma when
    /// `decimalComma`); spaces (also no-break spaces) inside the number separate thousands.
    static func decimal(_ text: String, decimalComma: Bool) -> Double? {
        var scalars = String.UnicodeScalarView()
        var sawDigit = false
        var sawSeparator = false
        var sawExponent = false
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ", "\u{00A0}", "\u{202F}":
                // A thousands separator only between digits.
                guard let previous, ("0"..."9").contains(previous), !sawSeparator, !sawExponent else { return nil }
                continue
            case "0"..."9":
                sawDigit = true
                scalars.append(scalar)
            case "+", "-":
                guard previous == nil || previous == "e" || previous == "E" else { return nil }
                scalars.append(scalar)
            case ".", ",":
                guard scalar == "." || decimalComma, !sawSeparator, !sawExponent else { return nil }
                sawSeparator = true
                scalars.append(".")
            case "e", "E":
                guard sawDigit, !sawExponent else { return nil }
                sawExponent = true
                scalars.append("e")
            default:
                return nil
            }
            previous = scalar
        }
        guard sawDigit, let last = scalars.last, last != "e", last != "+", last != "-" else { return nil }
        return Double(String(scalars))
    }

    /// The largest whole number a cell may hold (counts, respondents, populations): a billion. Far above any
    /// real figure, and low enough that summing every row of any file that fits on a disk cannot overflow.
    static let maximumWhole = 1_000_000_000

    /// A whole number ≥ 0 and ≤ ``maximumWhole`` (`12`, `12.0`, `12,0` when `decimalComma`, `1 234`).
    /// - Parameter noun: what the column holds, plural, for the reason (`counts`).
    static func whole(_ text: String, decimalComma: Bool, noun: String) -> Result<Int, Problem> {
        if text.isEmpty { return .failure(Problem(.emptyWhole(noun: noun))) }
        let shown = Self.abbreviated(text)
        let tooLarge = Problem(.tooLargeWhole(text: shown, noun: noun))
        if text.utf8.count <= 18, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int(text) {
            return value <= maximumWhole ? .success(value) : .failure(tooLarge)
        }
        guard let value = decimal(text, decimalComma: decimalComma) else {
            return .failure(Problem(.notANumberWhole(text: shown, noun: noun)))
        }
        guard value >= 0 else { return .failure(Problem(.negativeWhole(text: shown, noun: noun))) }
        guard value.isFinite, value <= Double(maximumWhole) else { return .failure(tooLarge) }
        guard value == value.rounded() else {
            return .failure(Problem(.notWhole(text: shown, noun: noun)))
        }
        return .success(Int(value))
    }

    /// At most `limit` characters of a cell for a message, with `…` and the full length when cut, so that a
    /// huge field is never echoed whole.
    static func abbreviated(_ text: String, limit: Int = 60) -> String {
        guard text.utf8.count > limit else { return text }
        let count = text.count
        guard count > limit else { return text }
        return String(text.prefix(limit)) + "… (\(count) characters)"
    }

    /// A number ≥ 0 (resources available).
    static func nonNegative(_ text: String, decimalComma: Bool) -> Result<Double, Problem> {
        if text.isEmpty { return .failure(Problem(.emptyAmount)) }
        guard let value = decimal(text, decimalComma: decimalComma), value.isFinite else {
            return .failure(Problem(.notAnAmount(text: Self.abbreviated(text))))
        }
        guard value >= 0 else { return .failure(Problem(.negativeAmount(text: Self.abbreviated(text)))) }
        guard RuleLimits.amount.contains(value) else {
            return .failure(Problem(.tooLargeAmount(text: Self.abbreviated(text))))
        }
        return .success(value)
    }

    /// A share as written: its number and whether it ended in `%` (already divided by 100).
    static func share(_ text: String, decimalComma: Bool) -> Result<(value: Double, percent: Bool), Problem> {
        if text.isEmpty { return .failure(Problem(.emptyShare)) }
        var number = text
        var percent = false
        if number.hasSuffix("%") {
            number.removeLast()
            number = number.trimmingSpaces()
            percent = true
        }
        guard let value = decimal(number, decimalComma: decimalComma), value.isFinite else {
            return .failure(Problem(.notAShare(text: Self.abbreviated(text))))
        }
        return .success((percent ? value / 100 : value, percent))
    }

    /// A period column's value: `2023`, `2023-Q4` or `2023-11`.
    static func period(_ text: String) -> Result<Period, Problem> {
        if text.isEmpty { return .failure(Problem(.emptyPeriod)) }
        guard let period = Period(parsing: text) else {
            return .failure(Problem(.notAPeriod(text: Self.abbreviated(text))))
        }
        return .success(period)
    }

    /// A scope, category, item or resource name: anything but empty.
    static func name(_ text: String, what: String) -> Result<String, Problem> {
        text.isEmpty ? .failure(Problem(.emptyName(what: what))) : .success(text)
    }

    /// The calendar month of an event date: `YYYY-MM-DD`, optionally followed by a time
    /// (after a space or `T`). The date is used as written, without any time-zone shift.
    static func eventMonth(_ text: String) -> Result<Period, Problem> {
        if let month = Array(text.utf8).withUnsafeBufferPointer({ eventMonth(utf8: $0) }) { return .success(month) }
        return .failure(
            Problem(text.isEmpty ? DataRowReason.emptyDate : .notADate(text: Self.abbreviated(text))))
    }

    /// The month of a date's UTF-8 bytes, as ``eventMonth(_:)`` reads it; `nil` when it is not one.
    static func eventMonth(utf8: UnsafeBufferPointer<UInt8>) -> Period? {
        guard utf8.count >= 10 else { return nil }
        if utf8.count > 10 {
            let next = utf8[10]
            guard next == UInt8(ascii: " ") || next == UInt8(ascii: "T") || next == UInt8(ascii: "t") else {
                return nil
            }
        }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                guard utf8[i] >= 0x30 && utf8[i] <= 0x39 else { return nil }
                value = value * 10 + Int(utf8[i] - 0x30)
            }
            return value
        }
        guard utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-"),
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            year >= 1000, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        return .month(year, month)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension Int {
    /// The most crimes one dataset cell (scope, period, category) holds: 2^48, far above any real count, and low
    /// enough that the engine's sums over months, categories and baseline periods can never overflow.
    static let maximumCellCount = 1 << 48

    /// Adds `other` (taken as 0 when negative) to a cell, stopping at ``maximumCellCount`` instead of trapping.
    mutating func addCapped(_ other: Int) {
        let add = Swift.min(Swift.max(other, 0), Int.maximumCellCount)
        self = Swift.min(Swift.max(self, 0) + add, Int.maximumCellCount)
    }
}
