import Foundation
import Testing

@testable import Fokus

/// The pinned values below were computed by an independent reimplementation of the documented algorithms
/// (SplitMix64, xoshiro256**, the polar method, Marsaglia–Tsang, the Dirichlet normalisation).
struct SeededGeneratorTests {
    @Test func splitMix64OfZeroStartsWithTheReferenceValue() {
        var state: UInt64 = 0
        #expect(SeededGenerator.splitMix64(&state) == 0xE220_A839_7B1D_CDAF)
        #expect(SeededGenerator.splitMix64(&state) == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test(arguments: [
        (
            UInt64(0),
            [
                0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0, 0x6AA5_94F1_262D_2D2C,
                0xBBA5_AD4A_1F84_2E59,
            ] as [UInt64]
        ),
        (
            UInt64(42),
            [
                0x1578_0B2E_0C2E_C716, 0x6104_D986_6D11_3A7E, 0xAE17_5332_39E4_99A1, 0xECB8_AD47_03B3_60A1,
                0xFDE6_DC7F_E2EC_5E64,
            ] as [UInt64]
        ),
    ])
    func firstOutputsArePinned(seed: UInt64, expected: [UInt64]) {
        var generator = SeededGenerator(seed: seed)
        #expect((0..<expected.count).map { _ in generator.next() } == expected)
    }

    @Test func doublesAreTheTop53BitsScaled() {
        var generator = SeededGenerator(seed: 0)
        #expect(generator.nextDouble() == 0.6012629994179048)
        #expect(generator.nextDouble() == 0.7477740925472398)
        #expect(generator.nextDouble() == 0.10301998939503632)
    }

    @Test func theSameSeedGivesTheSameSequence() {
        var first = SeededGenerator(seed: 2024)
        var second = SeededGenerator(seed: 2024)
        #expect((0..<1000).map { _ in first.next() } == (0..<1000).map { _ in second.next() })
        #expect(first == second)
    }

    @Test func differentSeedsGiveDifferentSequences() {
        var first = SeededGenerator(seed: 1)
        var second = SeededGenerator(seed: 2)
        let a = (0..<100).map { _ in first.next() }
        let b = (0..<100).map { _ in second.next() }
        #expect(zip(a, b).allSatisfy { $0 != $1 })
    }

    @Test func doublesStayInTheUnitInterval() {
        var generator = SeededGenerator(seed: 5)
        let draws = (0..<10_000).map { _ in generator.nextDouble() }
        #expect(draws.allSatisfy { $0 >= 0 && $0 < 1 })
        let mean = draws.reduce(0, +) / Double(draws.count)
        #expect(abs(mean - 0.5) < 0.015)
    }
}

struct GammaSamplerTests {
    @Test func standardNormalsArePinned() {
        var generator = SeededGenerator(seed: 0)
        let draws = (0..<3).map { _ in GammaSampler.standardNormal(using: &generator) }
        expectClose(draws, [0.5981026483626094, -0.8950525532379914, -2.415606685712082])
    }

    @Test(arguments: [
        (2.5, [3.1716757194083645, 7.16930489250924, 3.167313977084851]),
        (0.3, [0.09082185609942235, 1.567053451382327, 0.0032402866419204254]),
    ])
    func drawsArePinned(shape: Double, expected: [Double]) {
        var generator = SeededGenerator(seed: 0)
        let sampler = GammaSampler(shape: shape)
        expectClose((0..<3).map { _ in sampler.next(using: &generator) }, expected)
    }

    /// Rank stability keeps a boosted draw in two parts and takes the power later: the same bits, and the
    /// same uniforms consumed, as the draw in one go.
    @Test func aDrawInTwoPartsIsTheDrawToTheBit() {
        for shape in [0, 0.05, 0.3, 0.5, 0.999, 1, 4.2, 120.5] {
            var whole = SeededGenerator(seed: 5)
            var parted = SeededGenerator(seed: 5)
            let sampler = GammaSampler(shape: shape)
            #expect(sampler.isBoosted == (shape > 0 && shape < 1))
            for _ in 0..<500 {
                let value = sampler.next(using: &whole)
                let parts = sampler.nextParts(using: &parted)
                let joined = sampler.isBoosted ? sampler.boost(parts.draw, parts.uniform) : parts.draw
                #expect(joined.bitPattern == value.bitPattern, "shape \(shape)")
            }
            #expect(whole == parted, "shape \(shape)")
        }
    }

    @Test func shapeZeroIsZeroAndConsumesNothing() {
        var generator = SeededGenerator(seed: 3)
        let untouched = generator
        #expect(GammaSampler(shape: 0).next(using: &generator) == 0)
        #expect(generator == untouched)
    }

    @Test func theLogarithmicFormConsumesTheSameDraws() {
        for shape in [0.05, 0.3, 1, 4.2] {
            var direct = SeededGenerator(seed: 11)
            var logarithmic = SeededGenerator(seed: 11)
            let sampler = GammaSampler(shape: shape)
            for _ in 0..<50 {
                let value = sampler.next(using: &direct)
                let logarithm = sampler.nextLogarithm(using: &logarithmic)
                #expect(abs(log(value) - logarithm) <= 1e-9 * max(1, abs(logarithm)))
            }
            #expect(direct == logarithmic)
        }
    }

    /// Mean and variance of Gamma(a, 1) are both a; with a fixed seed the check is deterministic.
    @Test(arguments: [0.1, 0.3, 0.9, 1, 2.5, 12.5, 50])
    func meanAndVarianceMatchTheShape(shape: Double) {
        var generator = SeededGenerator(seed: 99)
        let sampler = GammaSampler(shape: shape)
        let count = 20_000
        let draws = (0..<count).map { _ in sampler.next(using: &generator) }
        #expect(draws.allSatisfy { $0 >= 0 && $0.isFinite })
        let mean = draws.reduce(0, +) / Double(count)
        let variance = draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count - 1)
        // Five standard errors: of the mean, √(a/n); of the variance, √((2a² + 6a)/n).
        #expect(abs(mean - shape) < 5 * (shape / Double(count)).squareRoot())
        #expect(abs(variance - shape) < 5 * ((2 * shape * shape + 6 * shape) / Double(count)).squareRoot())
    }
}

struct DirichletSamplerTests {
    @Test func drawsArePinned() {
        var generator = SeededGenerator(seed: 0)
        let sampler = DirichletSampler(base: .default, concentration: 50)
        let first = weights(sampler.next(using: &generator))
        let second = weights(sampler.next(using: &generator))
        expectClose(first, [0.5230100270011886, 0.34795737167806934, 0.12903260132074207])
        expectClose(second, [0.5018642580978174, 0.3207401975156309, 0.17739554438655164])
    }

    @Test func smallShapesAndZeroWeightsArePinned() {
        var generator = SeededGenerator(seed: 7)
        let base = FactorWeights(crimeTrend: 0.4, citizenConcern: 0, resources: 0.6)
        let first = DirichletSampler.sampleWeights(base: base, concentration: 0.5, using: &generator)
        let second = DirichletSampler.sampleWeights(base: base, concentration: 0.5, using: &generator)
        expectClose(weights(first), [0.8861524950881569, 0, 0.11384750491184308])
        expectClose(weights(second), [0.22837971157616443, 0, 0.7716202884238356])
    }

    @Test func theSameSeedGivesTheSameWeights() {
        var first = SeededGenerator(seed: 123)
        var second = SeededGenerator(seed: 123)
        let sampler = DirichletSampler(base: .default, concentration: 50)
        for _ in 0..<100 {
            #expect(sampler.next(using: &first) == sampler.next(using: &second))
        }
    }

    /// Each component has mean w_f and variance w_f(1 − w_f)/(α + 1).
    @Test(arguments: [
        (FactorWeights.default, 50.0),
        (FactorWeights(crimeTrend: 2, citizenConcern: 1, resources: 1), 10.0),
        (FactorWeights(crimeTrend: 0.5, citizenConcern: 0, resources: 0.5), 50.0),
        (FactorWeights(crimeTrend: 0.02, citizenConcern: 0.49, resources: 0.49), 5.0),
    ])
    func sampleMomentsMatchTheBaseWeights(base: FactorWeights, concentration: Double) throws {
        var generator = SeededGenerator(seed: 0)
        let sampler = DirichletSampler(base: base, concentration: concentration)
        let expected = try #require(base.normalised())
        let count = 10_000
        let draws = (0..<count).map { _ in sampler.next(using: &generator) }
        for draw in draws {
            #expect(abs(draw.sum - 1) < 1e-12)
            #expect(Factor.builtIn.allSatisfy { draw[$0] >= 0 })
        }
        for factor in Factor.builtIn {
            let w = expected[factor]
            let values = draws.map { $0[factor] }
            let mean = values.reduce(0, +) / Double(count)
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count - 1)
            let expectedVariance = w * (1 - w) / (concentration + 1)
            if w == 0 {
                #expect(values.allSatisfy { $0 == 0 })
            } else {
                #expect(abs(mean - w) < 5 * (expectedVariance / Double(count)).squareRoot(), "\(factor)")
                #expect(abs(variance - expectedVariance) < 0.1 * expectedVariance, "\(factor)")
            }
        }
    }

    @Test func tinyShapesDoNotUnderflow() {
        var generator = SeededGenerator(seed: 1)
        let base = FactorWeights(crimeTrend: 0.001, citizenConcern: 0.001, resources: 0.998)
        let sampler = DirichletSampler(base: base, concentration: 0.01)
        for _ in 0..<1000 {
            let draw = sampler.next(using: &generator)
            #expect(abs(draw.sum - 1) < 1e-12)
            #expect(Factor.builtIn.allSatisfy { draw[$0].isFinite && draw[$0] >= 0 })
        }
    }

    @Test func baseWeightsAreNormalised() {
        let base = FactorWeights(crimeTrend: 2, citizenConcern: 1, resources: 1)
        let sampler = DirichletSampler(base: base, concentration: 50)
        #expect(sampler.base == FactorWeights(crimeTrend: 0.5, citizenConcern: 0.25, resources: 0.25))
    }
}

private func weights(_ weights: FactorWeights) -> [Double] {
    Factor.builtIn.map { weights[$0] }
}

private func expectClose(
    _ actual: [Double], _ expected: [Double], sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    #expect(actual.count == expected.count, sourceLocation: sourceLocation)
    for (a, e) in zip(actual, expected) {
        #expect(abs(a - e) <= 1e-12 * max(1, abs(e)), "\(a) vs \(e)", sourceLocation: sourceLocation)
    }
}
