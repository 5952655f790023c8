import Foundation

/// Draws factor-weight vectors from Dirichlet(α·w) for the sensitivity analysis (SPEC 4 "Sensitivity").
///
/// One draw, for base weights `w` normalised to sum 1 (``FactorWeights/normalised()``) and concentration α:
///
/// 1. For each factor in the order crime_trend, citizen_concern, resources, then the signals in declaration
///    order (SPEC 4.3), **whose weight is > 0**, draw
///    `g_f ~ Gamma(α·w_f, 1)` with ``GammaSampler`` (factors with weight 0 draw nothing and stay 0).
/// 2. Return `g_f / Σ g` (the sum taken in the same order).
///
/// Step 2 is computed in log space, `exp(ln g_f − m) / Σ exp(ln g − m)` with `m = max ln g`, using
/// ``GammaSampler``'s logarithmic form for shapes below 1, so that very small shapes (α·w_f ≪ 1) cannot
/// underflow every `g_f` to 0. Mathematically this is `g_f / Σ g`; numerically it agrees to rounding.
///
/// Each sample's mean is `w`, and `Var(W_f) = w_f(1 − w_f)/(α + 1)`: a larger α keeps draws closer to `w`.
package struct DirichletSampler: Sendable, Hashable {
    /// The base weights, normalised to sum 1.
    package let base: FactorWeights
    /// The concentration α (`sensitivity.concentration`, default 50).
    package let concentration: Double
    /// Per factor in ``FactorWeights/factors`` order, its `Gamma(α·w_f, 1)` sampler; `nil` for weight 0.
    private let samplers: [GammaSampler?]

    /// Creates a sampler.
    /// - Parameters:
    ///   - base: Weights ≥ 0 with a positive sum; they are normalised here.
    ///   - concentration: A finite α > 0.
    package init(base: FactorWeights, concentration: Double) {
        precondition(concentration > 0 && concentration.isFinite, "the concentration must be > 0, not \(concentration)")
        guard let normalised = base.normalised(), base.factors.allSatisfy({ base[$0] >= 0 }) else {
            preconditionFailure("base weights must be ≥ 0 with a positive sum, not \(base)")
        }
        self.base = normalised
        self.concentration = concentration
        samplers = (0..<(3 + normalised.signals.count)).map { slot in
            let weight = normalised.weight(atSlot: slot)
            return weight > 0 ? GammaSampler(shape: concentration * weight) : nil
        }
    }

    /// One weight vector; its entries are ≥ 0 and sum to 1 (to rounding).
    package func next(using generator: inout some RandomNumberGenerator) -> FactorWeights {
        let factors = base.factors
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: factors.count) { row in
            next(into: row.baseAddress!, using: &generator)
            var weights = base
            for (slot, factor) in factors.enumerated() { weights[factor] = row[slot] }
            return weights
        }
    }

    /// One weight vector written to `row`: one number per factor in ``FactorWeights/factors`` order
    /// (crime trend, citizen concern, resources, then the signals); the same draws and arithmetic as
    /// ``next(using:)``, without allocating.
    func next<G: RandomNumberGenerator>(into row: UnsafeMutablePointer<Double>, using generator: inout G) {
        let count = samplers.count
        withUnsafeTemporaryAllocation(of: Double.self, capacity: count) { logarithms in
            // The largest logarithm as `max()` finds it; −∞ when nothing is drawn.
            var largest = -Double.infinity
            for slot in 0..<count {
                guard let sampler = samplers[slot] else { continue }
                logarithms[slot] = sampler.nextLogarithm(using: &generator)
                if largest < logarithms[slot] { largest = logarithms[slot] }
            }
            // Only when every draw is exactly 0 (probability ~2⁻⁵³ per factor): keep the base weights.
            guard largest.isFinite else {
                for slot in 0..<count { row[slot] = base.weight(atSlot: slot) }
                return
            }
            var total = 0.0
            for slot in 0..<count {
                guard base.weight(atSlot: slot) > 0 else {
                    row[slot] = 0
                    continue
                }
                row[slot] = exp(logarithms[slot] - largest)
                total += row[slot]
            }
            for slot in 0..<count where base.weight(atSlot: slot) > 0 { row[slot] /= total }
        }
    }

    /// One Dirichlet(α·w) weight vector; see ``DirichletSampler`` for the algorithm.
    /// - Parameters:
    ///   - base: Weights ≥ 0 with a positive sum.
    ///   - concentration: α > 0.
    ///   - generator: Usually a ``SeededGenerator``, for reproducible reports.
    package static func sampleWeights(
        base: FactorWeights, concentration: Double, using generator: inout some RandomNumberGenerator
    ) -> FactorWeights {
        DirichletSampler(base: base, concentration: concentration).next(using: &generator)
    }
}

extension FactorWeights {
    /// The weight of the factor at `slot` in ``factors`` order.
    @inline(__always)
    func weight(atSlot slot: Int) -> Double {
        switch slot {
        case 0: crimeTrend
        case 1: citizenConcern
        case 2: resources
        default: signals[slot - 3].weight
        }
    }
}
