/// "Did you mean …?" suggestions for misspelt keys, ids and enum values.
enum Suggestion {
    /// Swedish words people are likely to write for a key, with the key Fokus expects.
    private static let swedishKeys: [String: String] = [
        "namn": "name", "beskrivning": "description", "omfång": "scope", "kommun": "scope",
        "vikter": "weights", "vikt": "weights", "områden": "areas", "omraden": "areas",
        "åtgärder": "measures", "atgarder": "measures", "regler": "rules", "kategorier": "categories",
        "brottskategorier": "categories", "enkätfrågor": "survey_items", "frågor": "survey_items",
        "ägare": "owners", "agare": "owners", "effekt": "effect", "kostnad": "cost", "kostnader": "cost",
        "evidens": "evidence", "adresserar": "addresses", "områdena": "addresses", "skäl": "reason",
        "motivering": "reason", "när": "when", "då": "then", "urval": "select",
        "stark": "strong", "måttlig": "moderate", "svag": "weak", "oprövad": "untested", "otestad": "untested",
        "medel": "mean", "medelvärde": "mean", "störst": "max", "noll": "zero", "neutral": "neutral",
    ]

    /// The candidate closest to `word`, when it is close enough to be a likely typo.
    ///
    /// Compares case-insensitively, with `-` and spaces read as `_`; a Swedish word for a key
    /// (`vikter`) suggests the English key (`weights`) when that key is a candidate.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let normalised = normalise(word)
        if let english = swedishKeys[normalised], candidates.contains(english) { return english }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let other = normalise(candidate)
            let limit = max(2, max(normalised.count, other.count) / 3)
            let distance = levenshtein(normalised, other)
            guard distance <= limit, distance < (best?.distance ?? .max) else { continue }
            best = (candidate, distance)
        }
        return best?.candidate
    }

    /// `; did you mean "x"?`, or an empty string when nothing is close.
    static func didYouMean(_ word: String, among candidates: [String]) -> String {
        guard let match = closest(to: word, among: candidates) else { return "" }
        return "; did you mean \"\(match)\"?"
    }

    private static func normalise(_ word: String) -> String {
        String(word.lowercased().map { $0 == "-" || $0 == " " ? "_" : $0 })
    }

    /// The edit distance (insertions, deletions, substitutions) between two strings, by character.
    static func levenshtein(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
