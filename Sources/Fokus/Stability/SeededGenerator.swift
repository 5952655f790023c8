/// The random number generator behind the sensitivity analysis: xoshiro256** seeded through SplitMix64.
///
/// Fokus draws every sensitivity sample from this generator so that a report is exactly reproducible for a
/// seed (SPEC 4 "Sensitivity"). The algorithms, for anyone reimplementing them:
///
/// - **Seeding.** The four 64-bit state words `s0, s1, s2, s3` are four successive outputs of SplitMix64
///   started at `seed`. One SplitMix64 step (all arithmetic wrapping modulo 2⁶⁴):
///
///   ```
///   x += 0x9E3779B97F4A7C15
///   z = x
///   z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
///   z = (z ^ (z >> 27)) * 0x94D049BB133111EB
///   output z ^ (z >> 31)
///   ```
///
///   For seed 0 the first output is `0xE220A8397B1DCDAF`.
/// - **``next()``** is xoshiro256** (Blackman and Vigna, 2018):
///
///   ```
///   result = rotl(s1 * 5, 7) * 9
///   t = s1 << 17
///   s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
///   s2 ^= t
///   s3 = rotl(s3, 45)
///   output result
///   ```
///
///   For seed 0 the first outputs are `0x99EC5F36CB75F2B4`, `0xBF6E1F784956452A`, `0x1A5F849D4933E6E0`.
/// - **``nextDouble()``** is `Double(next() >> 11) * 2⁻⁵³`, uniform on [0, 1) in steps of 2⁻⁵³.
///
/// Swift's own `random(in:using:)` helpers are not used by Fokus: their mapping from bits to values is not
/// a documented contract.
package struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// Creates a generator whose state is four successive SplitMix64 outputs of `seed`.
    /// - Parameter seed: Any value; `sensitivity.seed` in a rule file (default 0).
    package init(seed: UInt64) {
        var state = seed
        s0 = Self.splitMix64(&state)
        s1 = Self.splitMix64(&state)
        s2 = Self.splitMix64(&state)
        s3 = Self.splitMix64(&state)
    }

    /// The next 64 random bits (xoshiro256**).
    @inline(__always)
    package mutating func next() -> UInt64 {
        let result = (s1 &* 5).rotatedLeft(by: 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3.rotatedLeft(by: 45)
        return result
    }

    /// A uniform draw from [0, 1): `Double(next() >> 11) * 2⁻⁵³`.
    package mutating func nextDouble() -> Double {
        unitDouble()
    }

    /// One SplitMix64 step: advances `state` and returns its output.
    static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension RandomNumberGenerator {
    /// A uniform draw from [0, 1): the top 53 bits of ``next()`` times 2⁻⁵³ (one `next()` per draw).
    @inline(__always)
    mutating func unitDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}

extension UInt64 {
    @inline(__always)
    fileprivate func rotatedLeft(by count: UInt64) -> UInt64 {
        (self << count) | (self >> (64 - count))
    }
}
