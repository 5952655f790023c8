/// "Did you mean …?" help for misspelt names and functions.
enum Suggestion {
    /// The candidate closest to `name` by edit distance (ignoring case), when it is close enough to be a typo:
    /// at most 1 edit for names up to 4 characters, otherwise at most 2. Ties go to the earlier candidate.
    static func closest(to name: String, among candidates: [String]) -> String? {
        let limit = name.count <= 4 ? 1 : 2
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(name.lowercased(), candidate.lowercased())
            if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// The help after "unknown name `x`; ": the names of a group (`trend` → `trend.z`, …), a close match
    /// (`trend.zz` → `trend.z`), names ending in it (`z` → `trend.z`), or else every name.
    static func hint(for name: String) -> String {
        let names = Variable.allCases.map(\.rawValue)
        let lowered = name.lowercased()
        let group = names.filter { $0.hasPrefix(lowered + ".") }
        let close = closest(to: name, among: names).map { [$0] } ?? []
        let tail = names.filter { $0.hasSuffix("." + lowered) }
        for related in [group, close, tail] where !related.isEmpty {
            return related.count == 1
                ? "did you mean `\(related[0])`?"
                : "did you mean one of \(list(related))?"
        }
        return "the names are \(list(names))"
    }

    /// `` `a`, `b`, `c` ``.
    static func list(_ names: [String]) -> String {
        names.map { "`\($0)`" }.joined(separator: ", ")
    }

    /// `` `min`, `max`, `abs` ``.
    static func list(_ functions: [Function]) -> String {
        list(functions.map(\.rawValue))
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var row = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            row[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                row[j] = Swift.min(substitution, previous[j] + 1, row[j - 1] + 1)
            }
            swap(&previous, &row)
        }
        return previous[b.count]
    }
}
