/// What changed between a previous evaluation and this one: rank moves, score deltas with the
/// factor that moved most, areas entering or leaving the selection, plan changes and input files
/// added, changed or removed (by content hash).
public struct ChangeSummary: Sendable, Hashable {
    /// One area's move.
    public struct AreaChange: Sendable, Hashable {
        /// The area's id.
        public internal(set) var id: String
        /// Its name.
        public internal(set) var name: String
        /// The previous rank, `nil` for an area new to the rules.
        public internal(set) var previousRank: Int?
        /// The current rank, `nil` for an area no longer in the rules.
        public internal(set) var rank: Int?
        /// The previous score, `nil` for a new area.
        public internal(set) var previousScore: Double?
        /// The current score, `nil` for a removed area.
        public internal(set) var score: Double?
        /// The factor whose contribution moved most, and by how much.
        package var mostMovedFactor: (factor: Factor, delta: Double)?

        /// Positive when the area climbed.
        public var rankMove: Int? {
            guard let previousRank, let rank else { return nil }
            return previousRank - rank
        }

        /// score − previous score, when both exist.
        public var scoreDelta: Double? {
            guard let previousScore, let score else { return nil }
            return score - previousScore
        }

        public static func == (lhs: AreaChange, rhs: AreaChange) -> Bool {
            lhs.id == rhs.id && lhs.previousRank == rhs.previousRank && lhs.rank == rhs.rank
                && lhs.previousScore == rhs.previousScore && lhs.score == rhs.score
        }

        public func hash(into hasher: inout Hasher) { hasher.combine(id) }
    }

    /// Areas whose rank or score changed, in current rank order (removed areas last).
    public internal(set) var areas: [AreaChange]
    /// Areas selected now but not before.
    public internal(set) var enteredSelection: [String]
    /// Areas selected before but not now.
    public internal(set) var leftSelection: [String]
    /// Measures added to the plan.
    public internal(set) var measuresAdded: [String]
    /// Measures dropped from the plan.
    public internal(set) var measuresRemoved: [String]
    /// Input files new since the previous evaluation.
    public internal(set) var filesAdded: [String]
    /// Input files whose content changed.
    public internal(set) var filesChanged: [String]
    /// Input files no longer read.
    public internal(set) var filesRemoved: [String]
    /// The previous evaluation's period, when it differs.
    public internal(set) var previousPeriod: String?

    /// Whether nothing at all changed.
    public var isEmpty: Bool {
        areas.isEmpty && enteredSelection.isEmpty && leftSelection.isEmpty && measuresAdded.isEmpty
            && measuresRemoved.isEmpty && filesAdded.isEmpty && filesChanged.isEmpty && filesRemoved.isEmpty
            && previousPeriod == nil
    }

    /// Compares two snapshots.
    public init(from previous: EvaluationSnapshot, to current: EvaluationSnapshot) {
        let before = Dictionary(previous.areas.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let now = Set(current.areas.map(\.id))
        var areas: [AreaChange] = []
        for area in current.areas {
            let old = before[area.id]
            guard old?.rank != area.rank || old?.score != area.score else { continue }
            var moved: (Factor, Double)?
            if let old {
                let signals = Set(area.contributions.keys.compactMap(\.signalID))
                    .union(old.contributions.keys.compactMap(\.signalID))
                for factor in Factor.builtIn + signals.sorted().map(Factor.signal) {
                    let delta = (area.contributions[factor] ?? 0) - (old.contributions[factor] ?? 0)
                    if delta != 0, moved == nil || abs(delta) > abs(moved!.1) { moved = (factor, delta) }
                }
            }
            areas.append(
                AreaChange(
                    id: area.id, name: area.name, previousRank: old?.rank, rank: area.rank, previousScore: old?.score,
                    score: area.score, mostMovedFactor: moved))
        }
        for old in previous.areas where !now.contains(old.id) {
            areas.append(
                AreaChange(id: old.id, name: old.name, previousRank: old.rank, rank: nil, previousScore: old.score, score: nil))
        }
        self.areas = areas
        let wasSelected = Set(previous.areas.filter(\.selected).map(\.id))
        let isSelected = Set(current.areas.filter(\.selected).map(\.id))
        enteredSelection = current.areas.filter { $0.selected && !wasSelected.contains($0.id) }.map(\.id)
        leftSelection = previous.areas.filter { $0.selected && !isSelected.contains($0.id) }.map(\.id)
        measuresAdded = current.measures.filter { !previous.measures.contains($0) }
        measuresRemoved = previous.measures.filter { !current.measures.contains($0) }
        let sortedPaths = { (paths: [String]) in paths.sorted { $0.precedesByCodePoint($1) } }
        filesAdded = sortedPaths(current.inputs.keys.filter { previous.inputs[$0] == nil })
        filesChanged = sortedPaths(current.inputs.keys.filter { previous.inputs[$0] != nil && previous.inputs[$0] != current.inputs[$0] })
        filesRemoved = sortedPaths(previous.inputs.keys.filter { current.inputs[$0] == nil })
        previousPeriod = previous.period == current.period ? nil : previous.period
    }
}
