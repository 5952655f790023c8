import Testing

@testable import Fokus

/// Every mistake the lexer, parser and type checker of `when:` report has a message id: Swedish by default,
/// English as before.
struct ExpressionSwedishTests {
    /// A condition with a mistake, and a part of its Swedish message.
    static let cases: [(condition: String, swedish: String)] = [
        (".5 > 1", "skriv en siffra före decimalpunkten"),
        ("trend.z > 0,5", "använd decimalpunkt, `0.5`"),
        ("trend.z > 2.", "skriv en siffra efter decimalpunkten"),
        ("trend.z > 1e999", "`1e999` är inget tal som Fokus kan använda"),
        ("area.id == 'trafik", "texten saknar avslutande '"),
        ("trend.z = 2", "jämför med `==`"),
        ("!(trend.z > 2)", "skriv `not`"),
        ("trend.z > 2 & n.trend > 0", "bind ihop villkor med `and`"),
        ("trend.z > 2 | n.trend > 0", "bind ihop villkor med `or`"),
        ("area.id == \u{201C}trafik\u{201D}", "raka citattecken"),
        ("trend.z \u{2212} 1 > 0", "vanliga bindestrecket"),
        ("trend.z \u{2265} 2", "skriv `>=`"),
        ("trend.z > 2 $", "oväntat tecken `$`"),
        ("", "villkoret är tomt"),
        ("trend.z > 2 AND n.trend > 0", "skriv `and` med små bokstäver"),
        ("trend.z > 2 n.trend", "efter ett färdigt uttryck"),
        ("1 < trend.z < 3", "jämförelser kan inte kedjas"),
        ("true == not false", "sätt det inom parentes"),
        ("trend.z >", "villkoret tar slut för tidigt"),
        ("trend.z > )", "här ska det stå ett värde eller namn, men det står `)`"),
        ("(trend.z > 2", "`(` stängs aldrig; avslutande `)` saknas"),
        ("(trend.z > 2 3)", "här ska det stå `)` eller en operator"),
        ("area.id in [trend.z]", "en lista kan bara innehålla fasta värden"),
        ("area.id in ['a'", "`[` stängs aldrig"),
        ("trend.z(2) > 1", "`trend.z` är ingen funktion"),
        ("maxx(trend.z, 1) > 1", "okänd funktion `maxx`; menade du `max`?"),
        ("abs(trend.z, 1) > 1", "`abs` tar exakt ett argument, men fick 2"),
        ("max > 1", "`max` är en funktion; anropa den"),
        ("trend.zz > 1", "okänt namn `trend.zz`; menade du `trend.z`?"),
        ("trend > 1", "menade du något av"),
        ("trend.z", "`trend.z` är ett tal; ett villkor måste vara sant eller falskt"),
        ("area.id in [1, 'a']", "en lista innehåller värden av en och samma typ"),
        ("area.owners == ['polis']", "kan inte jämföra listor"),
        ("area.id == 2", "`==` jämför värden av samma typ, men `area.id` är en text och `2` är ett tal"),
        ("area.owners in ['polis']", "`in` prövar ett enda värde"),
        ("area.id in 'trafik'", "`in` behöver en lista till höger"),
        ("area.id in [1, 2]", "`area.id` är en text, men `[1, 2]` innehåller tal"),
        ("-area.id == 1", "`-` behöver ett tal, men `area.id` är en text"),
        ("not trend.z", "`not` behöver ett villkor, men `trend.z` är ett tal; jämför det"),
        ("area.id + 1 > 2", "`+` behöver tal"),
        ("max(area.id, 1) > 2", "`max` behöver tal"),
        ("area.id > 2", "`>` jämför tal"),
    ]

    @Test(arguments: zip(cases.map(\.condition), cases.map(\.swedish)))
    func aMistakeIsPhrasedInSwedishThroughItsID(_ condition: String, _ swedish: String) throws {
        let error = #expect(throws: ExpressionError.self) { try Expression.parse(condition) }
        let problem = try #require(error?.problem, "no message id: \(error?.message ?? "")")
        #expect(problem.message(in: .sv).contains(swedish), "\(problem.message(in: .sv))")
        #expect(problem.message(in: .en) == error?.message)
        #expect(problem.message(in: .sv) != problem.message(in: .en))
    }

    @Test func aRuleFileSaysWhereTheConditionIsWrongInEitherLanguage() throws {
        let yaml = "areas:\n  - id: trafik\n    categories: [Trafik]\nrules:\n  - id: r\n    when: trend.zz > 1\n    then: {boost: 0.1}\n"
        let error = #expect(throws: FokusError.self) { try RuleSetLoader.load(yaml: yaml, file: "regler.yaml") }
        let diagnostic = try #require(error?.diagnostics.first)
        #expect(diagnostic.rendered(in: .sv) == "regler.yaml:6:11: fel: i `when`: okänt namn `trend.zz`; menade du `trend.z`?")
        #expect(diagnostic.rendered(in: .en) == "regler.yaml:6:11: error: in `when`: unknown name `trend.zz`; did you mean `trend.z`?")
        #expect(diagnostic.description == diagnostic.rendered(in: .en))
    }
}
