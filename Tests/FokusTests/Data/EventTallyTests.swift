import Testing

@testable import Fokus

/// ``EventTally/move(into:)`` puts in the dataset exactly what adding each event to it one at a time
/// would: per scope, month and category, with spellings that fold to one name summed, counts the
/// dataset held before kept, and the tallies of several pieces (``EventTally/absorb(_:)``) added up.
struct EventTallyTests {
    /// A small deterministic generator (a linear congruential one), so that a failure repeats.
    struct Numbers {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
    }

    /// Scopes and categories, some spelt two ways that fold to one name.
    static let scopes = ["Kungsör", "KUNGSÖR", "Köping", "Arboga", "ARBOGA", "Västerås"] + (1...74).map { "Kommun \($0)" }
    static let categories = [
        "Rån", "rån", "Stöld", "Klotter", "Skadegörelse", "Bedrägeri mot äldre", "Trafikolycka, personskada",
        "Cykelstöld", "Misshandel", "Olaga hot",
    ]

    // 2 000 events fill a few hundred cells (one task); 150 000 fill most of the 80 × 9 × 30 cells,
    // past the size at which the scopes are made on every core.
    @Test(arguments: [2_000, 150_000])
    func moveEqualsAddingEachEvent(events: Int) {
        var numbers = Numbers(state: UInt64(events))
        // Counts from another file, for scopes this tally also counts (and a year, which it does not).
        var dataset = Dataset()
        var expected = Dataset()
        for data in [0, 1] {
            var target = data == 0 ? dataset : expected
            target.addCrimeCount(scope: "Köping", period: .month(2023, 2), category: "Rån", count: 5)
            target.addCrimeCount(scope: "Arboga", period: .year(2022), category: "Klotter", count: 3)
            target.addCrimeCount(scope: "Kommun 3", period: .month(2024, 6), category: "Stöld", count: 11)
            if data == 0 { dataset = target } else { expected = target }
        }
        // The events in three pieces, counted each in its own tally, as a split count does.
        var pieces = [EventTally(), EventTally(), EventTally()]
        var cells: [String: Int] = [:]
        for event in 0..<events {
            let scope = Self.scopes[numbers.next(Self.scopes.count)]
            let category = Self.categories[numbers.next(Self.categories.count)]
            let month = 2022 * 12 + numbers.next(30)
            var piece = pieces[event * 3 / events]
            piece.add(scope: piece.index(scope: scope), category: piece.index(category: category), monthOrdinal: month)
            pieces[event * 3 / events] = piece
            cells["\(scope)|\(month)|\(category)", default: 0] += 1
        }
        for (cell, count) in cells {
            let parts = cell.split(separator: "|").map(String.init)
            expected.addCrimeCount(
                scope: parts[0], period: .month(ordinal: Int(parts[1])!), category: parts[2], count: count)
        }
        var tally = pieces[0]
        tally.absorb(pieces[1])
        tally.absorb(pieces[2])
        tally.move(into: &dataset)
        #expect(tally.isEmpty)
        #expect(dataset.crimeLines == expected.crimeLines)
        // 80 spellings of 78 scopes.
        #expect(dataset.crime.count == 78)
        #expect(dataset.count("Köping", .month(2023, 2), "rån")! >= 5)
        #expect(dataset.count("Arboga", .year(2022), "Klotter") == 3)
    }
}
