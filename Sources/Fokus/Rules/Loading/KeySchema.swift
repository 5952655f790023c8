/// The keys of one YAML mapping after checking them against the keys allowed there.
struct Fields {
    /// One key and its value, in the order written.
    struct Entry {
        var key: String
        var keyNode: YAMLNode
        var value: YAMLNode
    }

    /// The allowed entries, in the order written.
    var entries: [Entry]
    /// Where the mapping starts.
    var mark: YAMLMark

    /// The value of `key`, if given.
    subscript(key: String) -> YAMLNode? {
        entries.first { $0.key == key }?.value
    }

    /// The entry of `key`, if given.
    func entry(_ key: String) -> Entry? {
        entries.first { $0.key == key }
    }
}

extension LoadContext {
    /// Keys that belong one level down, for a hint when they are written at the top level.
    private static let nestedHome: [String: String] = [
        "baseline_periods": "trend", "scale": "trend", "crime_trend": "weights", "citizen_concern": "weights",
        "top": "select", "min_score": "select", "aggregate": "concern", "samples": "sensitivity",
        "concentration": "sensitivity", "seed": "sensitivity",
    ]

    /// Reads `node` as a mapping whose keys must be among `allowed`.
    ///
    /// Reports a node that is not a mapping, keys that are not plain text, and unknown keys
    /// (with a "did you mean" suggestion); returns the allowed entries, or `nil` when `node` is
    /// not a mapping.
    /// - Parameters:
    ///   - node: the value to read.
    ///   - name: how a message names the value (`` `trend` ``, `area "trafik"`).
    ///   - allowed: the keys allowed, in the order the documentation lists them.
    ///   - topLevel: whether this is the file's root (adds "belongs inside" hints).
    mutating func fields(of node: YAMLNode, named name: String, allowed: [String], topLevel: Bool = false)
        -> Fields?
    {
        guard case .mapping(let pairs, let mark) = node else {
            error(.notAMappingOfKeys(name: name, example: allowed[0], found: node.valueKind), at: node)
            return nil
        }
        var entries: [Fields.Entry] = []
        for pair in pairs where !overIndentedKeys.contains(pair.key.mark) {
            guard case .scalar(let scalar) = pair.key else {
                error(.keyNotAWord(name: name, found: pair.key.valueKind), at: pair.key)
                continue
            }
            let key = scalar.value
            guard allowed.contains(key) else {
                let hint: DiagnosticText.UnknownKeyHint
                if key == "<<" {
                    hint = .mergeKey
                } else if topLevel, let home = Self.nestedHome[key] {
                    hint = .belongsInside(home)
                } else if let match = Suggestion.closest(to: key, among: allowed) {
                    hint = .didYouMean(match)
                } else {
                    hint = .allowed(allowed)
                }
                diagnostics.append(
                    .error(
                        DiagnosticText.unknownKey(key: DataValues.abbreviated(key), place: name, hint: hint),
                        at: pair.key.mark.location(in: file)))
                continue
            }
            entries.append(Fields.Entry(key: key, keyNode: pair.key, value: pair.value))
        }
        entries += overIndentedEntries(in: pairs, named: name, allowed: allowed)
        return Fields(entries: entries, mark: mark)
    }
}

extension YAMLNode {
    /// What kind of value this is, as a message names it: "text", "a number", "a list", ….
    var kindDescription: String {
        switch self {
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .scalar(let scalar):
            guard scalar.style == .plain, scalar.tag == nil else { return "text" }
            if scalar.isNull { return "empty" }
            if PlainScalar.number(scalar.value) != nil { return "a number" }
            if PlainScalar.boolean(scalar.value) != nil { return "true/false" }
            return "text"
        }
    }
}

extension YAMLNode {
    /// The node's kind, as messages in every language name it.
    var valueKind: DiagnosticText.ValueKind { DiagnosticText.ValueKind(rawValue: kindDescription) ?? .text }
}

extension YAMLNode {
    /// A scalar's text as written, or the kind of a collection.
    var scalarText: String {
        if case .scalar(let scalar) = self { return scalar.value }
        return kindDescription
    }
}
