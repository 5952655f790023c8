import Testing

@testable import Fokus

struct NumberFormattingTests {
    let sv = NumberFormatting(language: .sv)
    let en = NumberFormatting(language: .en)
    let nbsp = "\u{00A0}"

    @Test func swedishWritesDecimalCommasAndSpacedPercentSigns() {
        #expect(sv.fixed(0.8237) == "0,824")
        #expect(sv.fixed(nil) == "–")
        #expect(sv.signed(-0.06) == "−0,06")
        #expect(sv.signed(3.77) == "+3,77")
        #expect(sv.percent(0.56) == "56\(nbsp)%")
        #expect(sv.sampleShare(0.004) == "<1\(nbsp)%")
        #expect(sv.sampleShare(0.996) == ">99\(nbsp)%")
        #expect(sv.sampleShare(0.6) == "60\(nbsp)%")
    }

    @Test func swedishGroupsAmountsOfFiveDigitsOrMore() {
        #expect(sv.amount(400_000) == "400\(nbsp)000")
        #expect(sv.amount(1_234_567) == "1\(nbsp)234\(nbsp)567")
        #expect(sv.amount(20_000) == "20\(nbsp)000")
        #expect(sv.amount(2000) == "2000")
        #expect(sv.amount(86.666) == "86,67")
        #expect(sv.amount(12_345.5) == "12\(nbsp)345,50")
        #expect(sv.amount(-30_000) == "-30\(nbsp)000")
    }

    @Test func englishIsUnchanged() {
        #expect(en.fixed(0.8237) == "0.824")
        #expect(en.signed(-0.06) == "−0.06")
        #expect(en.percent(0.56) == "56%")
        #expect(en.amount(400_000) == "400000")
        #expect(en.amount(86.666) == "86.67")
        #expect(en.sampleShare(0.004) == "<1%")
        #expect(en.sampleShare(1) == "100%")
    }
}

struct ReportStringsTests {
    @Test func everyLanguageNamesEveryFactorAndVerdict() {
        for language in ReportLanguage.allCases {
            let s = ReportStrings(language)
            #expect(Set(Factor.builtIn.map(s.factor)).count == Factor.builtIn.count)
            let verdicts: [FollowUp.Verdict] = [.improving, .worsening, .noClearChange, .noDataYet, .noBaseline]
            #expect(Set(verdicts.map(s.verdict)).count == verdicts.count)
        }
        let sv = ReportStrings(.sv)
        #expect(Factor.builtIn.map(sv.factor) == ["brottsutveckling", "medborgarnas oro", "resurser"])
        #expect(sv.verdict(.noDataYet) == "inga data ännu")
        #expect(sv.verdict(.noBaseline) == "ingen jämförelseperiod")
    }

    @Test func stabilityVerdictReadsNaturallyInBothLanguages() {
        let s = RankStability(
            settings: SensitivitySettings(), areas: [], selectionHolds: 0.6,
            mostFrequentSwap: .init(higher: "trafik", lower: "stold", share: 0.4), selectedCount: 3)
        #expect(
            s.verdict(in: .sv)
                == "Urvalet (3 områden) håller i 60\u{00A0}% av 2000 rimliga viktningar; trafik och stold byter plats i 40\u{00A0}%.")
        #expect(
            s.verdict(in: .en) == "The selection (3 areas) holds in 60% of 2000 plausible weightings; trafik and stold swap places in 40%.")
        #expect(s.verdict == s.verdict(in: .en))
        var one = s
        one.selectedCount = 1
        one.mostFrequentSwap = nil
        #expect(one.verdict(in: .sv) == "Urvalet (1 område) håller i 60\u{00A0}% av 2000 rimliga viktningar; rangordningen ändras aldrig.")
    }
}
