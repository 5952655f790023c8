/// "Did you mean …?" help for misspelt names and functions in `when:` expressions.
///
/// Stricter than ``Suggestion`` (names here are short): at most one edit for names up to four characters.
enum ExpressionHint {
    /// The candidate closest to `name` by edit distance (ignoring case), when it is close enough to be a typo:
    /// at most 1 edit for names up to 4 characters, otherwise at most 2. Ties go to the earlier candidate.
    static func closest(to name: String, among candidates: [String]) -> String? {
        let limit = name.count <= 4 ? 1 : 2
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = Suggestion.levenshtein(name.lowercased(), candidate.lowercased())
            if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// The help after "unknown name `x`; ": the names of a group (`trend` → `trend.z`, …), a close match
    /// (`trend.zz` → `trend.z`), names ending in it (`z` → `trend.z`), or else every name.
    static func nameHint(for name: String, signals: [String] = []) -> DiagnosticText.NameHint {
        let names = Variable.names(signals: signals)
        let lowered = name.lowercased()
        let group = names.filter { $0.hasPrefix(lowered + ".") }
        let close = closest(to: name, among: names).map { [$0] } ?? []
        let tail = names.filter { $0.hasSuffix("." + lowered) }
        for related in [group, close, tail] where !related.isEmpty {
            return related.count == 1 ? .one(related[0]) : .oneOf(related)
        }
        return .all(names)
    }

    /// `` `a`, `b`, `c` ``.
    static func list(_ names: [String]) -> String {
        names.map { "`\($0)`" }.joined(separator: ", ")
    }

    /// `` `min`, `max`, `abs` ``.
    static func list(_ functions: [Function]) -> String {
        list(functions.map(\.rawValue))
    }
}
