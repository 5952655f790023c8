/// The weighted score of SPEC 4 "Score", before rules.
struct ScoreModel: Sendable {
    /// The normalised global weights.
    let globalWeights: FactorWeights
    /// The missing policy.
    let missing: MissingPolicy

    /// The area's weights: the normalised global ones with the area's overrides, normalised again.
    func weights(for area: Area) -> FactorWeights {
        guard !area.weightOverrides.isEmpty else { return globalWeights }
        var w = globalWeights
        for (factor, value) in area.weightOverrides { w[factor] = value }
        return w.normalised() ?? FactorWeights(crimeTrend: 0, citizenConcern: 0, resources: 0).aligned(to: w.signals.map(\.id))
    }

    /// `((((w_t·n_t + w_c·n_c) + w_r·n_r) + w_g1·n_g1) + …) / (w_t + w_c + w_r + w_g1 + …)` over the factors
    /// the policy counts (signals in declaration order, SPEC 4.3),
    /// and each factor's contribution to it (`nil` for a factor left out).
    /// - Throws: with `missing: error`, for a missing factor whose weight is > 0.
    func score(_ factors: AreaFactors, weights w: FactorWeights) throws(FokusError) -> (
        score: Double, contributions: [Factor: Double]
    ) {
        var terms: [(Factor, Double, Double)] = []  // factor, weight, value
        for factor in w.factors {
            let weight = w[factor]
            if let n = factors.n(factor) {
                terms.append((factor, weight, n))
                continue
            }
            switch missing {
            case .renormalise: continue
            case .zero: terms.append((factor, weight, 0))
            case .neutral: terms.append((factor, weight, 0.5))
            case .error:
                if weight > 0 {
                    throw FokusError([
                        .error(
                            DiagnosticText.evaluation(.missingValue(area: factors.area.id, factor: "\(factor)")),
                            at: factors.area.location)
                    ])
                }
            }
        }
        var numerator = 0.0
        var denominator = 0.0
        for (_, weight, value) in terms {
            numerator += weight * value
            denominator += weight
        }
        guard denominator > 0 else {
            return (0, Dictionary(uniqueKeysWithValues: terms.map { ($0.0, 0.0) }))
        }
        let contributions = Dictionary(uniqueKeysWithValues: terms.map { ($0.0, $0.1 * $0.2 / denominator) })
        return (numerator / denominator, contributions)
    }
}
