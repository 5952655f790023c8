import Testing

@testable import Fokus

/// Builds small in-memory rule sets and datasets for the scoring tests.
enum Build {
    static func dataset(
        scope: String = "Kungsör", counts: [(String, String, Int)], survey: [(String, String, Double)] = [],
        resources: [(String, String, Double)] = []
    ) -> Dataset {
        var d = Dataset()
        for (period, category, count) in counts {
            d.addCrimeCount(scope: scope, period: Period(parsing: period)!, category: category, count: count)
        }
        for (period, item, share) in survey {
            d.addSurveyShare(scope: scope, period: Period(parsing: period)!, item: item, share: share)
        }
        for (period, resource, amount) in resources {
            d.addResource(scope: scope, period: Period(parsing: period)!, resource: resource, available: amount)
        }
        return d
    }

    static func rules(_ areas: [Area], measures: [Measure] = [], rules: [Rule] = []) -> RuleSet {
        var r = RuleSet()
        r.scope = "Kungsör"
        r.areas = areas
        r.measures = measures
        r.rules = rules
        return r
    }
}

struct TrendTests {
    @Test func smallMunicipalityRiseIsNoise() throws {
        let data = Build.dataset(counts: [
            ("2020", "Stöld", 12), ("2021", "Stöld", 12), ("2022", "Stöld", 12), ("2023", "Stöld", 18),
        ])
        let e = try Engine(rules: Build.rules([Area(id: "stold", name: "Stöld", categories: ["stöld"])])).evaluate(data)
        let t = try #require(e.ranking[0].trend)
        #expect(t.latest == 18)
        #expect(t.baseline == 12)
        #expect(t.ratio == 1.48)
        #expect(abs(t.z - 1.3315923989817795) < 1e-12)
        #expect(abs(t.n - 0.7084211440409574) < 1e-12)
        #expect(t.baselinePeriods == [.year(2020), .year(2021), .year(2022)])
    }

    @Test func largeRiseIsSignificant() {
        let v = TrendFactor.compute(latest: 1800, baselineCounts: [1200, 1200, 1200], scale: 1.5)
        #expect(abs(v.z - 13.482972272610555) < 1e-10)
        #expect(abs(v.n - 0.9998751968663117) < 1e-12)
    }

    @Test func oneBaselinePeriodUsesKPrimeOfOne() throws {
        // Only 2022 is present before 2023: K' = 1.
        let data = Build.dataset(counts: [("2022", "Rån", 4), ("2023", "Rån", 7)])
        let e = try Engine(rules: Build.rules([Area(id: "ran", name: "Rån", categories: ["Rån"])])).evaluate(data)
        let t = try #require(e.ranking[0].trend)
        #expect(t.baseline == 4)
        #expect(abs(t.z - 0.8825329823844958) < 1e-12)
        #expect(abs(t.n - 0.6429876911816786) < 1e-12)
    }

    @Test func absentPeriodIsSkippedButAbsentCategoryCountsZero() throws {
        // 2021 has no crime rows at all (not present); in 2022 "Rån" has no row but the period is present.
        let data = Build.dataset(counts: [
            ("2020", "Rån", 3), ("2022", "Stöld", 1), ("2023", "Rån", 5), ("2023", "Stöld", 2),
        ])
        let e = try Engine(rules: Build.rules([Area(id: "ran", name: "Rån", categories: ["Rån"])])).evaluate(data)
        let t = try #require(e.ranking[0].trend)
        #expect(t.baselinePeriods == [.year(2020), .year(2022)])
        #expect(t.baseline == 1.5)
        #expect(abs(t.z - (-0.1721751318124569)) > 0)  // different inputs from the pinned case below
        let pinned = TrendFactor.compute(latest: 5, baselineCounts: [3, 8], scale: 1.5)
        #expect(abs(pinned.z - (-0.1721751318124569)) < 1e-12)
        #expect(abs(pinned.n - 0.47133560945986824) < 1e-12)
    }

    @Test func categoriesThatNeverOccurGiveZeroTrend() throws {
        let data = Build.dataset(counts: [("2021", "Stöld", 5), ("2022", "Stöld", 5), ("2023", "Stöld", 5)])
        let e = try Engine(rules: Build.rules([Area(id: "ran", name: "Rån", categories: ["Rån"])])).evaluate(data)
        let t = try #require(e.ranking[0].trend)
        #expect(t.latest == 0 && t.baseline == 0 && t.z == 0 && t.ratio == 1 && t.n == 0.5)
    }

    @Test func trendIsMissingWithoutCategoriesOrBaseline() throws {
        let data = Build.dataset(counts: [("2023", "Stöld", 5)])
        let e = try Engine(
            rules: Build.rules([
                Area(id: "a", name: "A", categories: ["Stöld"]), Area(id: "b", name: "B"),
            ])
        ).evaluate(data)
        #expect(e.area("a")?.trend == nil)  // no baseline period present
        #expect(e.area("b")?.trend == nil)  // no categories
        #expect(e.area("a")?.missing.first == .trendWithoutBaseline(baselinePeriods: 3, period: .year(2023)))
        #expect(e.area("b")?.missing.first == .trendWithoutCategories)
    }

    @Test func explicitPeriodNotPresentMakesTrendMissing() throws {
        let data = Build.dataset(counts: [("2021", "Stöld", 5), ("2022", "Stöld", 5)])
        let e = try Engine(rules: Build.rules([Area(id: "a", name: "A", categories: ["Stöld"])]))
            .evaluate(data, period: .period(.year(2024)))
        #expect(e.ranking[0].trend == nil)
        #expect(e.period == .year(2024))
    }

    @Test func monthsAreSummedIntoQuartersAndYearsAreTooCoarse() throws {
        var data = Build.dataset(counts: [
            ("2023-01", "Stöld", 2), ("2023-02", "Stöld", 3), ("2023-03", "Stöld", 0), ("2022-10", "Stöld", 1),
        ])
        let rules = Build.rules([Area(id: "a", name: "A", categories: ["Stöld"])])
        let e = try Engine(rules: rules).evaluate(data, period: .period(.quarter(2023, 1)))
        #expect(e.ranking[0].trend?.latest == 5)
        #expect(e.ranking[0].trend?.baseline == 1)
        data.addCrimeCount(scope: "Kungsör", period: .year(2021), category: "Stöld", count: 9)
        #expect(throws: FokusError.self) { try Engine(rules: rules).evaluate(data, period: .period(.quarter(2023, 1))) }
    }

    @Test func scopeWithoutCrimeRowsIsAnError() {
        let data = Build.dataset(counts: [("2023", "Stöld", 5)])
        #expect(throws: FokusError.self) {
            try Engine(rules: Build.rules([Area(id: "a", name: "A")])).evaluate(data, scope: "Arboga")
        }
    }
}

struct ScoreTests {
    static let counts: [(String, String, Int)] = [
        ("2020", "Stöld", 12), ("2021", "Stöld", 12), ("2022", "Stöld", 12), ("2023", "Stöld", 18),
    ]

    @Test func weightedScoreFollowsTheSpecArithmetic() throws {
        let data = Build.dataset(
            counts: Self.counts, survey: [("2023", "Stölder", 0.42)], resources: [("2023", "polis_timmar", 10)])
        let area = Area(id: "stold", name: "Stöld", categories: ["Stöld"], surveyItems: ["stölder"])
        let measure = Measure(
            id: "m", name: "M", addresses: ["stold"], cost: [ResourceCost(resource: "polis_timmar", amount: 20)], effect: 0.5)
        let e = try Engine(rules: Build.rules([area], measures: [measure])).evaluate(data)
        let a = e.ranking[0]
        #expect(a.resources?.raw == 0.5)
        #expect(a.concern?.raw == 0.42)
        #expect(abs(a.score - 0.555368457616383) < 1e-12)
    }

    @Test func missingConcernIsRenormalisedAway() throws {
        let data = Build.dataset(counts: Self.counts, resources: [("2023", "polis_timmar", 10)])
        let area = Area(id: "stold", name: "Stöld", categories: ["Stöld"], surveyItems: ["Stölder"])
        let measure = Measure(
            id: "m", name: "M", addresses: ["stold"], cost: [ResourceCost(resource: "polis_timmar", amount: 20)], effect: 0.5)
        let e = try Engine(rules: Build.rules([area], measures: [measure])).evaluate(data)
        #expect(e.ranking[0].concern == nil)
        #expect(abs(e.ranking[0].score - 0.6282591655636661) < 1e-12)
        #expect(e.ranking[0].contributions[.citizenConcern] == nil)
    }

    @Test(arguments: [(MissingPolicy.zero, 0.0), (.neutral, 0.5)])
    func missingPoliciesSubstituteInTheScoreOnly(policy: MissingPolicy, value: Double) throws {
        let data = Build.dataset(counts: Self.counts, resources: [("2023", "polis_timmar", 1)])
        var rules = Build.rules([Area(id: "stold", name: "Stöld", categories: ["Stöld"], surveyItems: ["x"])])
        rules.missing = policy
        let e = try Engine(rules: rules).evaluate(data)
        let nt = 0.7084211440409574
        #expect(abs(e.ranking[0].score - ((0.4 * nt + 0.35 * value) + 0.25 * 0)) < 1e-12)
        #expect(e.ranking[0].concern == nil)
    }

    @Test func missingErrorFailsOnlyForWeightedFactors() throws {
        let data = Build.dataset(counts: Self.counts, resources: [("2023", "polis_timmar", 1)])
        var rules = Build.rules([Area(id: "stold", name: "Stöld", categories: ["Stöld"], surveyItems: ["x"])])
        rules.missing = .error
        #expect(throws: FokusError.self) { try Engine(rules: rules).evaluate(data) }
        rules.weights = FactorWeights(crimeTrend: 1, citizenConcern: 0, resources: 1)
        _ = try Engine(rules: rules).evaluate(data)
    }

    @Test func perAreaWeightsRenormaliseAfterReplacing() {
        let model = ScoreModel(
            globalWeights: FactorWeights(crimeTrend: 2, citizenConcern: 1, resources: 1).normalised()!, missing: .renormalise)
        let w = model.weights(for: Area(id: "a", name: "A", weightOverrides: [.citizenConcern: 0.5]))
        #expect(abs(w.crimeTrend - 0.4) < 1e-15 && abs(w.citizenConcern - 0.4) < 1e-15 && abs(w.resources - 0.2) < 1e-15)
    }

    @Test func areaWithoutMeasuresHasResourcesZeroAndSaysSo() throws {
        let data = Build.dataset(counts: Self.counts, resources: [("2023", "polis_timmar", 1)])
        let e = try Engine(rules: Build.rules([Area(id: "stold", name: "Stöld", categories: ["Stöld"])])).evaluate(data)
        #expect(e.ranking[0].resources?.raw == 0 && e.ranking[0].resources?.hasNoMeasures == true)
        #expect(e.ranking[0].missing.contains(.resourcesWithoutMeasures))
        #expect(e.rendered(as: .text).contains("resurser 0: ingen åtgärd i katalogen gäller området"))
        #expect(e.rendered(as: .json).contains("resources 0: no measure in the catalogue addresses the area"))
    }

    @Test func fixedResourcesScoreOverrides() throws {
        let data = Build.dataset(counts: Self.counts)
        let e = try Engine(rules: Build.rules([Area(id: "s", name: "S", categories: ["Stöld"], resourcesScore: 0.6)])).evaluate(data)
        #expect(e.ranking[0].resources?.raw == 0.6 && e.ranking[0].resources?.isOverridden == true)
    }

    @Test func concernUsesLatestSurveyWithoutFallback() throws {
        let data = Build.dataset(
            counts: Self.counts,
            survey: [("2021", "Stölder", 0.9), ("2023", "Annat", 0.1), ("2024", "Stölder", 0.2), ("2021", "Stölder", 0.5)])
        let e = try Engine(rules: Build.rules([Area(id: "s", name: "S", categories: ["Stöld"], surveyItems: ["Stölder"])])).evaluate(data)
        #expect(e.ranking[0].concern == nil)  // 2023 is the latest ≤ T and did not ask
        #expect(e.dataPeriods.survey == .year(2023))
    }

    @Test func concernTakesMaxOrMean() throws {
        let data = Build.dataset(counts: Self.counts, survey: [("2023", "A", 0.2), ("2023", "B", 0.6), ("2023", "a ", 0.3)])
        var rules = Build.rules([Area(id: "s", name: "S", categories: ["Stöld"], surveyItems: ["a", "b", "c"])])
        #expect(try Engine(rules: rules).evaluate(data).ranking[0].concern?.raw == 0.6)
        rules.concernAggregate = .mean
        #expect(try Engine(rules: rules).evaluate(data).ranking[0].concern?.raw == (0.3 + 0.6) / 2)
    }
}

struct RankingTests {
    @Test func tiesBreakByConcernThenMissingLastThenId() throws {
        // All trends equal (no categories → missing); resources 0: scores depend on concern only when present.
        let data = Build.dataset(counts: [("2023", "X", 1)], survey: [("2023", "q", 0.5)])
        var rules = Build.rules([
            Area(id: "c", name: "C", resourcesScore: 0.5),
            Area(id: "b", name: "B", resourcesScore: 0.5),
            Area(id: "a", name: "A", surveyItems: ["q"], resourcesScore: 0.5),
        ])
        rules.weights = FactorWeights(crimeTrend: 0, citizenConcern: 1, resources: 1)
        let e = try Engine(rules: rules).evaluate(data)
        // a: (0.5 + 0.5)/2 = 0.5; b, c: 0.5/1 = 0.5 → a first (concern present), then b, c by id.
        #expect(e.ranking.map(\.id) == ["a", "b", "c"])
        #expect(e.ranking.map(\.rank) == [1, 2, 3])
    }

    @Test func rulesApplyInOrderAndExcludedPlacesAreNotRefilled() throws {
        let data = Build.dataset(counts: [("2023", "X", 1)], survey: [("2023", "q", 0.5)])
        var rules = Build.rules(
            (1...5).map { Area(id: "a\($0)", name: "A\($0)", resourcesScore: Double($0) / 10) },
            rules: [
                Rule(id: "boost-then-scale", actions: [.boost(0.1), .scale(2)])
            ])
        rules.areas = rules.areas.map {
            var a = $0; a.surveyItems = ["q"]; return a
        }  // evidence: concern present
        rules.weights = FactorWeights(crimeTrend: 0, citizenConcern: 0, resources: 1)
        rules.selection.top = 2
        var e = try Engine(rules: rules).evaluate(data)
        #expect(abs(e.area("a1")!.score - (0.1 + 0.1) * 2) < 1e-15)
        #expect(e.selected.map(\.id) == ["a5", "a4"])
        rules.rules.append(Rule(id: "never", actions: [.exclude, .include, .note("utesluten")]))
        e = try Engine(rules: rules).evaluate(data)
        #expect(e.selected.isEmpty)
        #expect(e.area("a5")?.rules.notes == ["utesluten"])
    }

    @Test func topAndMinScoreMustBothPass() throws {
        let data = Build.dataset(counts: [("2023", "X", 1)], survey: [("2023", "q", 0.5)])
        var rules = Build.rules(
            (1...5).map { Area(id: "a\($0)", name: "A\($0)", surveyItems: ["q"], resourcesScore: Double($0) / 10) })
        rules.weights = FactorWeights(crimeTrend: 0, citizenConcern: 0, resources: 1)
        rules.selection.top = 3
        rules.selection.minScore = 0.35
        #expect(try Engine(rules: rules).evaluate(data).selected.map(\.id) == ["a5", "a4"])
        rules.selection.top = nil
        rules.selection.minScore = 0.2
        #expect(try Engine(rules: rules).evaluate(data).selected.map(\.id) == ["a5", "a4", "a3", "a2"])
    }
}
