import Testing

@testable import Fokus

/// Rule-file problems with a message id read in Swedish and in English; the English `description`
/// stays what it was.
struct DiagnosticLanguageTests {
    private func problems(_ yaml: String) -> [Diagnostic] {
        do {
            _ = try RuleSetLoader.load(yaml: yaml, file: "r.yaml")
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func valueProblemsAreSwedishByIdAndEnglishInTheirDescription() {
        let found = problems(
            "areas: [{id: a, categories: Stöld}]\nmissing: renormalize\ntrend: {baseline_periods: \"3\", scale: 1.5}\nwieghts: {}\n")
        let swedish = found.map { $0.rendered(in: .sv) }
        #expect(
            swedish.contains("r.yaml:1:29: fel: `categories` ska vara en lista, inte text; skriv [Stöld], eller rader som börjar med ”- ”"),
            "\(swedish)")
        #expect(
            swedish.contains(
                "r.yaml:2:10: fel: `missing` ska vara något av renormalise, zero, neutral, error, inte ”renormalize”; menade du ”renormalise”?"
            ), "\(swedish)")
        #expect(
            swedish.contains("r.yaml:3:27: fel: `baseline_periods` ska vara ett heltal, inte text: ta bort citattecknen runt ”3”"),
            "\(swedish)")
        #expect(swedish.contains("r.yaml:4:1: fel: okänd nyckel \"wieghts\" i regelfilen; menade du \"weights\"?"), "\(swedish)")
        let english = found.map(\.description)
        #expect(
            english.contains(
                "r.yaml:2:10: error: `missing` must be one of renormalise, zero, neutral, error, not \"renormalize\"; did you mean \"renormalise\"?"
            ), "\(english)")
        #expect(english == found.map { $0.rendered(in: .en) })
    }

    @Test func countsAndNotesAreSwedish() {
        let errors = [Diagnostic.error("a"), .error("b"), .warning("c")]
        #expect(Diagnostic.summary(of: errors, in: .sv) == "2 fel")
        #expect(Diagnostic.summary(of: errors, in: .en) == "2 errors")
        #expect(Diagnostic.relatedNote("first written here", in: .sv) == "skrivet första gången här")
    }
}
