/// Why an area lacks a factor (or has resources 0), for its explanation.
public enum MissingReason: Sendable, Hashable {
    /// The area lists no categories.
    case trendWithoutCategories
    /// The evaluated period has no crime data for the scope.
    case trendPeriodWithoutData(Period)
    /// None of the K baseline periods before T has crime data.
    case trendWithoutBaseline(baselinePeriods: Int, period: Period)
    /// The area lists no survey items.
    case concernWithoutItems
    /// The survey used did not ask about the area's items (no fallback to older surveys).
    case concernNotAsked(survey: Period)
    /// No survey up to T for the scope.
    case concernWithoutSurvey(period: Period, scope: String)
    /// No measure in the catalogue addresses the area, so its resources score is 0.
    case resourcesWithoutMeasures
}
