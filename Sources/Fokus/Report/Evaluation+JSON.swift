extension Evaluation {
    /// The `report.json` document, schema version 1 (documented in the README).
    public func jsonReport() -> JSONValue {
        .object([
            ("schema_version", .integer(1)),
            ("rule_set", ruleSetName.map(JSONValue.string) ?? .null),
            ("scope", .string(scope)),
            ("period", .string(period.description)),
            ("weights", weights.json),
            ("missing", .string(missingPolicy.rawValue)),
            ("ranking", .array(ranking.map(\.json))),
            ("selected", .array(selected.map { .string($0.id) })),
            ("plan", plan.json),
            ("unmapped", .array(unmapped.map { .object([("category", .string($0.category)), ("count", .integer($0.count))]) })),
            ("data_periods", .object([
                ("crime", .array(dataPeriods.crime.map { .string($0.description) })),
                ("survey", dataPeriods.survey.map { .string($0.description) } ?? .null),
                ("resources", dataPeriods.resources.map { .string($0.description) } ?? .null),
            ])),
            ("warnings", .array(warnings.map(\.json))),
            ("inputs", .array(inputs.map { .object([("path", .string($0.path)), ("sha256", .string($0.sha256))]) })),
        ])
    }
}

extension FactorWeights {
    var json: JSONValue {
        .object(Factor.allCases.map { ($0.rawValue, .number(self[$0])) })
    }
}

extension AreaEvaluation {
    var json: JSONValue {
        .object([
            ("id", .string(id)),
            ("name", .string(name)),
            ("rank", .integer(rank)),
            ("score", .number(score)),
            ("weighted_score", .number(weightedScore)),
            ("selected", .bool(selected)),
            ("selection_reason", .string(selectionReason.rawValue)),
            ("factors", .object([
                ("trend", trend.map { t in
                    .object([
                        ("latest", .number(t.latest)), ("baseline", .number(t.baseline)), ("ratio", .number(t.ratio)),
                        ("z", .number(t.z)), ("n", .number(t.n)),
                        ("baseline_periods", .array(t.baselinePeriods.map { .string($0.description) })),
                        ("series", .array(t.series.map { .object([("period", .string($0.period.description)), ("count", $0.count.map(JSONValue.integer) ?? .null)]) })),
                    ])
                } ?? .null),
                ("concern", concern.map { c in
                    .object([
                        ("raw", .number(c.raw)), ("n", .number(c.n)), ("period", .string(c.period.description)),
                        ("items", .array(c.items.map { .object([("item", .string($0.item)), ("share", .number($0.share))]) })),
                    ])
                } ?? .null),
                ("resources", .object([
                    ("raw", .number(resources.raw)), ("n", .number(resources.n)),
                    ("best_measure", resources.bestMeasure.map(JSONValue.string) ?? .null),
                    ("overridden", .bool(resources.isOverridden)),
                    ("no_measures", .bool(resources.hasNoMeasures)),
                ])),
            ])),
            ("weights", weights.json),
            ("contributions", .object(Factor.allCases.compactMap { f in contributions[f].map { (f.rawValue, .number($0)) } })),
            ("rules_fired", .array(rules.fired.map { r in
                .object([
                    ("id", .string(r.id)), ("reason", r.reason.map(JSONValue.string) ?? .null),
                    ("score_before", .number(r.scoreBefore)), ("score_after", .number(r.scoreAfter)),
                ])
            })),
            ("notes", .array(rules.notes.map(JSONValue.string))),
            ("missing", .array(missingNotes.map(JSONValue.string))),
        ])
    }
}

extension MeasurePlan {
    var json: JSONValue {
        .object([
            ("measures", .array(measureIDs.map(JSONValue.string))),
            ("total_value", .number(totalValue)),
            ("remaining", .object(resources.map { ($0.resource, .number($0.remaining)) })),
            ("resources", .array(resources.map {
                .object([("resource", .string($0.resource)), ("available", .number($0.available)),
                         ("used", .number($0.used)), ("remaining", .number($0.remaining))])
            })),
            ("details", .array(measures.map { m in
                .object([
                    ("id", .string(m.id)), ("name", .string(m.name)), ("value", .number(m.value)),
                    ("areas", .array(m.selectedAreas.map(JSONValue.string))),
                    ("cost", .object(m.cost.map { ($0.resource, .number($0.amount)) })),
                ])
            })),
            ("candidates", .integer(candidateCount)),
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
