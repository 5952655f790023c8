extension Evaluation {
    /// A condition evaluated for one area, as `fokus eval-expr` shows it.
    package struct ConditionResult: Sendable, Hashable {
        /// The area's id.
        package var areaID: String
        /// The condition part by part.
        package var trace: ConditionTrace

        /// `inbrott: inte uppfyllt — trend.z 2,30 ≥ 2 ✔, concern.raw 0,29 ≥ 0,30 ✘ (0,01 under)`.
        package func rendered(language: ReportLanguage = .sv) -> String {
            "\(areaID): \(ReportStrings(language).conditionHolds(trace.holds)) — \(trace.rendered(language: language))"
        }
    }

    /// `condition` evaluated for each area (or only `area`), in rank order, on what a rule placed after the
    /// rule set's own rules would see (`score` is the final score).
    package func conditionResults(_ condition: Expression, area: String? = nil) -> [ConditionResult] {
        ranking.compactMap { entry in
            guard area == nil || entry.id == area, let facts = entry.facts else { return nil }
            return ConditionResult(areaID: entry.id, trace: condition.trace(facts))
        }
    }
}
