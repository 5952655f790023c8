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
    /// The scope has no resource rows in any period up to T (SPEC 4.2).
    case resourcesWithoutData(period: Period, scope: String)
    /// The area lists no items for the signal.
    case signalWithoutItems(signal: String)
    /// The signal's latest period did not ask about the area's items.
    case signalNotAsked(signal: String, period: Period)
    /// The signal's source has no rows up to T for the scope.
    case signalWithoutData(signal: String, source: String)
}
