import Testing

@testable import Fokus

struct TextLayoutTests {
    @Test func wrappingKeepsEveryWordAndAHangingIndent() {
        let lines = TextWrap.wrap("ett två tre fyra fem sex sju", width: 12, first: "- ", rest: "  ")
        #expect(lines == ["- ett två", "  tre fyra", "  fem sex", "  sju"])
        #expect(TextWrap.wrap("", width: 10) == [""])
    }

    @Test func aWordLongerThanTheLineIsBrokenNotCut() {
        let lines = TextWrap.wrap("abcdefghijkl", width: 5)
        #expect(lines == ["abcde", "fghij", "kl"])
    }

    @Test func aTableNarrowsItsNameColumnToFitAndWrapsTheNames() {
        var table = TextTable(["#", "Område", "Poäng"], alignments: [.right, .left, .right])
        table.add(["1", "Trafiksäkerhet och trafikrelaterad brottslighet", "0,606"])
        table.add(["2", "Inbrott", "0,525"])
        let lines = table.rendered(width: 30).components(separatedBy: "\n")
        #expect(lines.allSatisfy { $0.count <= 30 }, "\(lines)")
        #expect(
            lines == [
                "  #  Område              Poäng",
                "  ─  ──────────────────  ─────",
                "  1  Trafiksäkerhet och  0,606",
                "     trafikrelaterad",
                "     brottslighet",
                "  2  Inbrott             0,525",
            ])
    }

    @Test func aTableThatFitsIsUnchanged() {
        var table = TextTable(["id", "P"], alignments: [.left, .right])
        table.add(["trafik", "4 %"])
        #expect(table.rendered(width: 100) == table.rendered())
        #expect(table.rendered() == "  id        P\n  ──────  ───\n  trafik  4 %")
    }

    @Test func sparklinesScaleBetweenTheLowestAndHighestCount() {
        #expect(Sparkline.blocks([0, 50, 100]) == "▁▅█")
        #expect(Sparkline.blocks([nil, 3, 3]) == " ▄▄")
        #expect(Sparkline.blocks([nil]) == " ")
    }
}
