import Foundation

/// Draws from the Gamma(shape, 1) distribution, consuming uniforms in a fixed, documented order.
///
/// Every uniform `U` below is one ``SeededGenerator/nextDouble()`` (`Double(next() >> 11) * 2⁻⁵³`), and draws
/// are consumed in exactly the order written; nothing is cached between calls.
///
/// - **Standard normal** — Marsaglia's polar method, keeping only the first of the pair:
///   ```
///   repeat: u = 2U − 1; v = 2U − 1; s = u² + v²   until 0 < s < 1
///   return u · √(−2 ln s / s)
///   ```
/// - **shape a ≥ 1** — Marsaglia and Tsang (2000), "A simple method for generating gamma variables":
///   ```
///   d = a − 1/3; c = 1 / √(9d)
///   loop:
///     repeat: x = normal(); v = 1 + c·x   until v > 0
///     v = v³; u = U
///     if u < 1 − 0.0331·x⁴: return d·v
///     if ln u < x²/2 + d·(1 − v + ln v): return d·v
///   ```
/// - **0 < a < 1** — the boost `Gamma(a) = Gamma(a + 1) · U^(1/a)`: first a Gamma(a + 1) draw as above,
///   then one `U`.
/// - **a = 0** — 0, consuming nothing.
package struct GammaSampler: Sendable, Hashable {
    /// The shape `a` (the scale is 1).
    package let shape: Double
    /// What the draws of this shape need, worked out once (the same expressions, so the same bits):
    /// Marsaglia–Tsang's `d` and `c` for `a` (or `a + 1` below 1), and `1/a` for the boost.
    private let d: Double
    private let c: Double
    private let exponent: Double

    /// Creates a sampler.
    /// - Parameter shape: A finite shape ≥ 0.
    package init(shape: Double) {
        precondition(shape >= 0 && shape.isFinite, "a gamma shape must be finite and ≥ 0, not \(shape)")
        self.shape = shape
        let tsangShape = shape >= 1 ? shape : shape + 1
        d = tsangShape - 1.0 / 3.0
        c = 1 / (9 * d).squareRoot()
        exponent = shape > 0 ? 1 / shape : 0
    }

    /// One Gamma(``shape``, 1) draw.
    @inline(__always)
    package func next<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        if shape == 0 { return 0 }
        if shape >= 1 { return marsagliaTsang(using: &generator) }
        let boosted = marsagliaTsang(using: &generator)
        return boost(boosted, generator.unitDouble())
    }

    /// Whether a draw ends with the boost (0 < ``shape`` < 1).
    var isBoosted: Bool { shape > 0 && shape < 1 }

    /// One draw in two parts, consuming the same uniforms as ``next(using:)``: for a boosted shape the
    /// Gamma(a + 1) draw and the boost's `U`, so that ``boost(_:_:)`` of them is the draw, exactly; for
    /// any other shape the draw itself and 0. The power, which decides nothing about the uniforms
    /// consumed, can so be taken later, on another thread.
    @inline(__always)
    func nextParts<G: RandomNumberGenerator>(using generator: inout G) -> (draw: Double, uniform: Double) {
        if shape == 0 { return (0, 0) }
        if shape >= 1 { return (marsagliaTsang(using: &generator), 0) }
        let boosted = marsagliaTsang(using: &generator)
        return (boosted, generator.unitDouble())
    }

    /// `Gamma(a + 1) · U^(1/a)`: a boosted draw from its parts.
    @inline(__always)
    func boost(_ boosted: Double, _ uniform: Double) -> Double {
        boosted * pow(uniform, exponent)
    }

    /// The natural logarithm of one draw, computed as `ln Gamma(a + 1) + ln(U) / a` for a < 1 so that tiny
    /// shapes do not underflow to 0. Consumes the same uniforms as ``next(using:)``; −∞ for shape 0.
    @inline(__always)
    func nextLogarithm<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        if shape == 0 { return -.infinity }
        if shape >= 1 { return log(marsagliaTsang(using: &generator)) }
        let boosted = marsagliaTsang(using: &generator)
        return log(boosted) + log(generator.unitDouble()) / shape
    }

    /// Marsaglia–Tsang for the shape ``shape`` (≥ 1) or ``shape`` + 1 (below 1), with its `d` and `c`.
    @inline(__always)
    private func marsagliaTsang<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        let d = self.d
        let c = self.c
        while true {
            var x: Double
            var v: Double
            repeat {
                x = Self.standardNormal(using: &generator)
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = generator.unitDouble()
            let x2 = x * x
            if u < 1 - 0.0331 * x2 * x2 { return d * v }
            if log(u) < 0.5 * x2 + d * (1 - v + log(v)) { return d * v }
        }
    }

    /// A standard normal draw by Marsaglia's polar method (the second value of the pair is discarded).
    @inline(__always)
    static func standardNormal<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        while true {
            let u = 2 * generator.unitDouble() - 1
            let v = 2 * generator.unitDouble() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 { return u * (-2 * log(s) / s).squareRoot() }
        }
    }
}
