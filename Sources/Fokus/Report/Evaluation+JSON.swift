extension Evaluation {
    /// The `report.json` document, schema version 1 (documented in the README).
    package func jsonReport(changes: ChangeSummary? = nil) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("schema_version", .integer(1)),
            ("rule_set", ruleSetName.map(JSONValue.string) ?? .null),
            ("scope", .string(scope)),
            ("period", .string(period.description)),
            ("weights", weights.json),
            ("missing", .string(missingPolicy.rawValue)),
        ]
        pairs.append(("changes", changes?.json ?? .null))  // leads, as in every format
        pairs.append(("compared_months", comparison.comparedMonths.map(JSONValue.integer) ?? .null))
        pairs.append(("baseline_periods", .array(comparison.baselinePeriods.map { .string($0.description) })))
        pairs.append(
            (
                "baseline_dropped",
                .array(
                    comparison.baselineDropped.map { drop in
                        .object([("period", .string(drop.period.description)), ("reason", .string(drop.reason.rawValue))])
                    })
            ))
        pairs.append(
            (
                "signals",
                .array(
                    signals.map { signal in
                        .object([("id", .string(signal.id)), ("name", .string(signal.name)), ("source", .string(signal.source))])
                    })
            ))
        pairs.append(("ranking", .array(ranking.map(\.json))))
        pairs.append(("selected", .array(selected.map { .string($0.id) })))
        pairs.append(("plan", plan.json))
        pairs.append(("stability", stability?.json ?? .null))
        pairs.append(("follow_up", .array(followUps.map(\.json))))
        let unmappedJSON = unmapped.map { u -> JSONValue in
            .object([("category", .string(u.category)), ("count", .integer(u.count))])
        }
        pairs.append(("unmapped", .array(unmappedJSON)))
        let periods: [(String, JSONValue)] = [
            ("crime", .array(dataPeriods.crime.map { .string($0.description) })),
            ("survey", dataPeriods.survey.map { .string($0.description) } ?? .null),
            ("resources", dataPeriods.resources.map { .string($0.description) } ?? .null),
        ]
        pairs.append(("data_periods", .object(periods)))
        let english = ReportStrings(.en)
        let noticeJSON = notices.map { notice -> JSONValue in
            .object([
                ("message", .string(english.notice(notice))), ("severity", .string("warning")), ("file", .null),
                ("line", .null), ("column", .null),
            ])
        }
        pairs.append(("warnings", .array(warnings.map(\.json) + noticeJSON)))
        let inputsJSON = inputs.map { i -> JSONValue in .object([("path", .string(i.path)), ("sha256", .string(i.sha256))]) }
        pairs.append(("inputs", .array(inputsJSON)))
        return .object(pairs)
    }
}

extension FactorWeights {
    var json: JSONValue {
        .object(factors.map { ($0.key, .number(self[$0])) })
    }
}

extension AreaEvaluation {
    var json: JSONValue {
        let contributionPairs: [(String, JSONValue)] = weights.factors.compactMap { f in
            contributions[f].map { (f.key, .number($0)) }
        }
        let firedJSON: [JSONValue] = rules.fired.map { r in
            .object([
                ("id", .string(r.id)), ("reason", r.reason.map(JSONValue.string) ?? .null),
                ("score_before", .number(r.scoreBefore)), ("score_after", .number(r.scoreAfter)),
            ])
        }
        let pairs: [(String, JSONValue)] = [
            ("id", .string(id)),
            ("name", .string(name)),
            ("rank", .integer(rank)),
            ("score", .number(score)),
            ("weighted_score", .number(weightedScore)),
            ("selected", .bool(selected)),
            ("selection_reason", .string(selectionReason.rawValue)),
            ("evidence", .bool(evidence)),
            ("factors", factorsJSON),
            ("weights", weights.json),
            ("contributions", .object(contributionPairs)),
            ("rules_fired", .array(firedJSON)),
            ("notes", .array(rules.notes.map(JSONValue.string))),
            ("missing", .array(missing.map { .string(ReportStrings(.en).missing($0)) })),
        ]
        return .object(pairs)
    }

    private var factorsJSON: JSONValue {
        let trendJSON: JSONValue =
            trend.map { t in
                let series: [JSONValue] = t.series.map {
                    .object([("period", .string($0.period.description)), ("count", $0.count.map(JSONValue.integer) ?? .null)])
                }
                return .object([
                    ("latest", .number(t.latest)), ("baseline", .number(t.baseline)), ("ratio", .number(t.ratio)),
                    ("z", .number(t.z)), ("n", .number(t.n)),
                    ("baseline_periods", .array(t.baselinePeriods.map { .string($0.description) })),
                    ("series", .array(series)),
                ])
            } ?? .null
        let concernJSON: JSONValue =
            concern.map { c in
                .object([
                    ("raw", .number(c.raw)), ("n", .number(c.n)), ("period", .string(c.period.description)),
                    ("items", Self.itemsJSON(c.items)),
                ])
            } ?? .null
        let resourcesJSON: JSONValue =
            resources.map { r in
                .object([
                    ("raw", .number(r.raw)), ("n", .number(r.n)),
                    ("best_measure", r.bestMeasure.map(JSONValue.string) ?? .null),
                    ("overridden", .bool(r.isOverridden)),
                    ("no_measures", .bool(r.hasNoMeasures)),
                ])
            } ?? .null
        var signalPairs: [(String, JSONValue)] = []
        for (factor, signal) in zip(weights.signals, signals) {
            let value: JSONValue = .object([
                ("raw", signal.map { .number($0.raw) } ?? .null), ("n", signal.map { .number($0.n) } ?? .null),
                ("period", signal.map { .string($0.period.description) } ?? .null),
                ("items", signal.map { Self.itemsJSON($0.items) } ?? .array([])),
            ])
            signalPairs.append((factor.id, value))
        }
        return .object([
            ("trend", trendJSON), ("concern", concernJSON), ("resources", resourcesJSON),
            ("signals", .object(signalPairs)),
        ])
    }

    private static func itemsJSON(_ items: [ConcernFactor.ItemShare]) -> JSONValue {
        .array(items.map { .object([("item", .string($0.item)), ("share", .number($0.share))]) })
    }
}

extension MeasurePlan {
    var json: JSONValue {
        .object([
            ("measures", .array(measureIDs.map(JSONValue.string))),
            ("total_value", .number(totalValue)),
            ("remaining", .object(resources.map { ($0.resource, .number($0.remaining)) })),
            (
                "resources",
                .array(
                    resources.map {
                        .object([
                            ("resource", .string($0.resource)), ("available", .number($0.available)),
                            ("used", .number($0.used)), ("remaining", .number($0.remaining)),
                        ])
                    })
            ),
            (
                "details",
                .array(
                    measures.map { m in
                        .object([
                            ("id", .string(m.id)), ("name", .string(m.name)), ("value", .number(m.value)),
                            ("areas", .array(m.selectedAreas.map(JSONValue.string))),
                            ("cost", .object(m.cost.map { ($0.resource, .number($0.amount)) })),
                        ])
                    })
            ),
            ("candidates", .integer(candidateCount)),
            ("proven_optimal", .bool(isProvenOptimal)),
            ("upper_bound", .number(upperBound)),
        ])
    }
}

extension Diagnostic {
    var json: JSONValue {
        .object([
            ("message", .string(field.map { "\($0): \(message)" } ?? message)),
            ("severity", .string(severity.rawValue)),
            ("file", location.map { .string($0.file) } ?? .null),
            ("line", location?.line.map(JSONValue.integer) ?? .null),
            ("column", location?.column.map(JSONValue.integer) ?? .null),
        ])
    }
}

extension RankStability {
    var json: JSONValue {
        .object([
            ("samples", .integer(settings.samples)),
            ("concentration", .number(settings.concentration)),
            ("seed", .string(String(settings.seed))),
            ("vary", .array(vary.map { .string($0.rawValue) })),
            ("single_factor", .bool(singleFactor)),
            ("few_crimes", .array(fewCrimes.map(JSONValue.string))),
            ("selection_holds", .number(selectionHolds)),
            ("verdict", .string(verdict)),
            (
                "most_frequent_swap",
                mostFrequentSwap.map { s in
                    .object([("higher", .string(s.higher)), ("lower", .string(s.lower)), ("share", .number(s.share))])
                } ?? .null
            ),
            (
                "areas",
                .array(
                    areas.map { a in
                        .object([
                            ("id", .string(a.id)), ("p_rank1", .number(a.pFirst)), ("p_selected", .number(a.pSelected)),
                            ("mean_rank", .number(a.meanRank)),
                        ])
                    })
            ),
        ])
    }
}

extension FollowUp {
    var json: JSONValue {
        .object([
            ("id", .string(adoption.areaID)),
            ("name", .string(areaName)),
            ("from", .string(adoption.from.description)),
            ("measures", .array(adoption.measures.map(JSONValue.string))),
            ("note", adoption.note.map(JSONValue.string) ?? .null),
            ("verdict", .string(verdict.rawValue)),
            ("baseline_periods", .array(baselinePeriods.map { .string($0.description) })),
            ("baseline", .number(baseline)),
            (
                "since",
                .array(
                    since.map {
                        .object([("period", .string($0.period.description)), ("count", $0.count.map(JSONValue.integer) ?? .null)])
                    })
            ),
            ("mean_since", .number(meanSince)),
            ("z", .number(z)),
            ("concern_before", .number(concernBefore)),
            ("concern_now", .number(concernNow)),
            ("concern_change_points", .number(concernChangePoints)),
        ])
    }
}

extension ChangeSummary {
    var json: JSONValue {
        let strings = { (list: [String]) in JSONValue.array(list.map(JSONValue.string)) }
        return .object([
            ("previous_period", previousPeriod.map(JSONValue.string) ?? .null),
            (
                "areas",
                .array(
                    areas.map { a in
                        .object([
                            ("id", .string(a.id)),
                            ("previous_rank", a.previousRank.map(JSONValue.integer) ?? .null),
                            ("rank", a.rank.map(JSONValue.integer) ?? .null),
                            ("previous_score", .number(a.previousScore)),
                            ("score", .number(a.score)),
                            ("score_change", .number(a.scoreDelta)),
                            ("most_moved_factor", a.mostMovedFactor.map { .string($0.factor.key) } ?? .null),
                        ])
                    })
            ),
            ("entered_selection", strings(enteredSelection)),
            ("left_selection", strings(leftSelection)),
            ("measures_added", strings(measuresAdded)),
            ("measures_removed", strings(measuresRemoved)),
            ("files_added", strings(filesAdded)),
            ("files_changed", strings(filesChanged)),
            ("files_removed", strings(filesRemoved)),
        ])
    }
}
