/// Ranking and selection (SPEC 4 "Ranking" and "Selection"), shared by the evaluation and the
/// rank-stability sampling.
enum Ranking {
    /// One area's place in a ranking.
    struct Entry: Sendable {
        /// Index into the evaluation's area list.
        var index: Int
        var id: String
        var score: Double
        /// n_concern, `nil` when missing (sorts after every present value).
        var nConcern: Double?
        var included: Bool
        var excluded: Bool
        /// Whether any data speaks for the area (SPEC 4.2).
        var evidence: Bool = true
    }

    /// Orders areas with evidence before those without (SPEC 4.2), then by score descending, then higher
    /// n_concern (missing last), then id by code point.
    static func isRankedBefore(_ a: Entry, _ b: Entry) -> Bool {
        if a.evidence != b.evidence { return a.evidence }
        if a.score != b.score { return a.score > b.score }
        switch (a.nConcern, b.nConcern) {
        case let (x?, y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.id.precedesByCodePoint(b.id)
        }
    }

    /// The entries in rank order.
    static func rank(_ entries: [Entry]) -> [Entry] {
        entries.sorted(by: isRankedBefore)
    }

    /// Which of the ranked entries are selected: those passing `top` and `min_score` (both when both
    /// are given), plus includes, minus excludes; an excluded area's place is not refilled. An area without
    /// evidence is selected only by a rule's `include` (SPEC 4.2).
    static func selection(of ranked: [Entry], settings: SelectionSettings) -> [Bool] {
        ranked.enumerated().map { position, entry in
            if entry.excluded { return false }
            if entry.included { return true }
            if !entry.evidence { return false }
            if let top = settings.top, position >= top { return false }
            if let minScore = settings.minScore, entry.score < minScore { return false }
            return true
        }
    }
}
