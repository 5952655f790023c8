import Foundation
import Testing

@testable import Fokus

/// Mistakes new users make in rule files, each with the message and the place it must be reported at.
struct RuleMistakeTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Rules
        .deletingLastPathComponent()  // FokusTests
        .appendingPathComponent("Fixtures", isDirectory: true)

    /// The diagnostics of loading `Fixtures/mistakes/NAME`, with paths as `mistakes/NAME`.
    static func diagnostics(_ name: String) -> [String] {
        do {
            _ = try RuleSetLoader.load(from: URL(fileURLWithPath: "mistakes/\(name)", relativeTo: root))
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    static func load(_ name: String) throws -> RuleSet {
        try RuleSetLoader.load(from: URL(fileURLWithPath: "mistakes/\(name)", relativeTo: root))
    }

    @Test func aDecimalCommaInAFlowMappingSaysToWriteAPointAtTheNumber() {
        #expect(
            Self.diagnostics("decimal-comma.yaml") == [
                "mistakes/decimal-comma.yaml:2:25: error: `0,40`: write 0.40 with a point; inside { } and [ ] a comma separates entries, so YAML reads 0,40 as 0 and 40",
                "mistakes/decimal-comma.yaml:2:48: error: `0,35`: write 0.35 with a point; inside { } and [ ] a comma separates entries, so YAML reads 0,35 as 0 and 35",
                "mistakes/decimal-comma.yaml:2:65: error: `0,25`: write 0.25 with a point; inside { } and [ ] a comma separates entries, so YAML reads 0,25 as 0 and 25",
                "mistakes/decimal-comma.yaml:3:38: error: `1,5`: write 1.5 with a point; inside { } and [ ] a comma separates entries, so YAML reads 1,5 as 1 and 5",
            ])
    }

    @Test func aDecimalCommaInAFlowListIsFoundAndEqualDecimalsAreNotDuplicateKeys() throws {
        var repairs: [Diagnostic] = []
        let root = try YAMLParser.parse(
            "a: [0,5, 1]\nb: { x: 0,5, y: 0,5 }\nc: [2022,2023]\n", file: "t.yaml", repairs: &repairs)
        #expect(
            repairs.map(\.description) == [
                "t.yaml:1:5: error: `0,5`: write 0.5 with a point; inside { } and [ ] a comma separates entries, so YAML reads 0,5 as 0 and 5",
                "t.yaml:2:9: error: `0,5`: write 0.5 with a point; inside { } and [ ] a comma separates entries, so YAML reads 0,5 as 0 and 5",
                "t.yaml:2:17: error: `0,5`: write 0.5 with a point; inside { } and [ ] a comma separates entries, so YAML reads 0,5 as 0 and 5",
            ])
        guard case .mapping(let pairs, _) = try #require(root) else {
            Issue.record("expected a mapping")
            return
        }
        guard case .sequence(let items, _) = pairs[0].value, case .mapping(let b, _) = pairs[1].value,
            case .sequence(let c, _) = pairs[2].value
        else {
            Issue.record("unexpected shape")
            return
        }
        #expect(items.map(\.scalarText) == ["0.5", "1"])
        #expect(b.map(\.value.scalarText) == ["0.5", "0.5"])
        #expect(c.map(\.scalarText) == ["2022", "2023"])  // in a list only `0,5` is surely a decimal comma
        #expect(throws: FokusError.self) { try YAMLParser.parse("w: {a: 0,5}", file: "t.yaml") }
    }

    @Test func aFileThatIsNotUTF8StopsAtItsOwnErrorWithoutFollowOnErrors() {
        // 10-omraden.yaml is Latin-1; 20-atgarder.yaml addresses its areas and has one error of its own.
        #expect(
            Self.diagnostics("latin1") == [
                "mistakes/latin1/10-omraden.yaml:3:18: error: the rule file is not UTF-8 text: the byte 0xE4 here is \"ä\" in Latin-1 (Windows-1252), the encoding it was probably saved in; save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8)",
                "mistakes/latin1/20-atgarder.yaml:10:15: error: `evidence` must be one of strong, moderate, weak, untested, not \"stark\"; did you mean \"strong\"?",
            ])
    }

    @Test func firstInvalidByteCountsLinesAndCharacters() throws {
        let bytes = Array("å: 1\nnamn: Trafiks".utf8) + [0xE4] + Array("kerhet\n".utf8)
        let found = try #require(RuleFileEncoding.firstInvalidByte(in: bytes))
        #expect(found.byte == 0xE4)
        #expect(found.line == 2)
        #expect(found.column == 14)
        #expect(RuleFileEncoding.firstInvalidByte(in: Array("åäö: ✔\n".utf8)) == nil)
    }

    @Test func aKeyIndentedUnderTheMappingAboveIsReportedWhereItIsWritten() {
        #expect(
            Self.diagnostics("over-indented-mapping.yaml") == [
                "mistakes/over-indented-mapping.yaml:11:7: error: `effect` is indented 2 spaces more than the other keys of measure \"hastighet\": its indentation makes it part of `cost:` above it (line 9); move it 2 spaces left, in line with `cost:`",
                "mistakes/over-indented-mapping.yaml:17:7: error: `reason` is indented 2 spaces more than the other keys of rule \"okning\": its indentation makes it part of `then:` above it (line 15); move it 2 spaces left, in line with `then:`",
            ])
    }

    @Test func aKeyIndentedUnderAValueIsReportedAtTheIndentedLine() {
        #expect(
            Self.diagnostics("over-indented-value.yaml") == [
                "mistakes/over-indented-value.yaml:10:7: error: `effect` is indented 2 spaces more than `evidence` on the line above: its indentation makes it part of that line's value; move it 2 spaces left, in line with `evidence:`"
            ])
    }

    @Test func checkWarnsAboutTypographicQuotesAndCategoriesListedTwice() throws {
        let rules = try Self.load("categories.yaml")
        let file = "mistakes/categories.yaml"
        #expect(
            rules.advice().map(\.description) == [
                "\(file):4:31: warning: the category “Trafikolycka, personskada” in area \"trafik\" is written with typographic quotes, which become part of the name, so it matches no data (and inside [ ] its comma splits it into 2 categories); write straight quotes: \"Trafikolycka, personskada\"",
                "\(file):4:73: warning: the category \"rattfylleri\" is listed twice in area \"trafik\" (first as \"Rattfylleri\"); it counts once, so remove one of them",
                "\(file):8:9: warning: the category ”Viltolycka” in area \"olyckor\" is written with typographic quotes, which become part of the name, so it matches no data; write straight quotes: \"Viltolycka\"",
                "\(file):9:9: warning: the category \"Trafikbrott\" is in area \"trafik\" too: its crimes count twice, once for each area; if one area is meant, remove it from the other",
            ])
        #expect(
            rules.advice().map { $0.related?.description } == [
                nil, "\(file):4:60", nil, "\(file):4:18",
            ])
        #expect(rules.warnings.isEmpty)  // advice for `check`, not a warning in every report
    }

    @Test func theBundledRulesGetNoCategoryAdvice() throws {
        let bundled = Self.root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("rules")
        #expect(try RuleSetLoader.load(from: bundled).categoryAdvice().map(\.description) == [])
    }

    @Test(arguments: [
        ("Trafik", "no area `Trafik`; did you mean `trafik`?"),
        ("trafk", "no area `trafk`; did you mean `trafik`?"),
        ("ratfylleri", "no area `ratfylleri`; did you mean `trafik` (its categories include Rattfylleri)?"),
        ("hastighet", "no area `hastighet`; `hastighet` is a measure, for the area `trafik`"),
        ("zzz", "no area `zzz`; the areas are `trafik`, `bedrageri`"),
    ])
    func anUnknownAreaIDGetsTheIDMeant(_ id: String, _ expected: String) throws {
        let rules = try RuleSetLoader.load(
            yaml: """
                areas:
                  - { id: trafik, name: Trafik, categories: [Trafikbrott, Rattfylleri] }
                  - { id: bedrageri, name: Bedrägerier, categories: [Bedrägeri] }
                measures:
                  - { id: hastighet, name: Hastighet, addresses: [trafik], effect: 0.3 }
                """, file: "r.yaml")
        #expect(rules.unknownAreaMessage(id) == expected)
        #expect(rules.unknownAreaMessage("trafik") == nil)
        #expect(rules.unknownMeasureMessage("hastighett") == "no measure `hastighett`; did you mean `hastighet`?")
    }
}
