extension LoadContext {
    /// Reads the required `id` of an area, measure or rule: letters, digits, `-` and `_`, starting with
    /// a letter or digit.
    /// - Parameters:
    ///   - fields: the item's checked keys.
    ///   - kind: `area`, `measure` or `rule`.
    ///   - example: an id to show when it is missing.
    mutating func identifier(in fields: Fields, kind: String, example: String) -> (id: String, mark: YAMLMark)? {
        guard let node = fields["id"] else {
            error(.noID(kind: kind, example: example), at: fields.mark)
            return nil
        }
        guard let id = text(node, named: "the \(kind) `id`") else { return nil }
        guard Self.isIdentifier(id) else {
            error(.badID(kind: kind, id: id, suggestion: Self.identifierSuggestion(for: id)), at: node)
            return nil
        }
        return (id, node.mark)
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter || first.isNumber else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }

    /// `"Trafik och olyckor!"` → `trafik-och-olyckor`.
    static func identifierSuggestion(for text: String) -> String {
        var result = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "_" {
                result.append(character)
            } else if !result.isEmpty, result.last != "-" {
                result.append("-")
            }
        }
        while result.last == "-" { result.removeLast() }
        return result.isEmpty ? "area-1" : result
    }

    /// The `id` written in a mapping, if any, before its keys are checked: names the item in messages.
    static func peekID(_ node: YAMLNode) -> String? {
        guard case .mapping(let pairs, _) = node else { return nil }
        for pair in pairs {
            if case .scalar(let key) = pair.key, key.value == "id", case .scalar(let value) = pair.value,
                !value.isNull
            {
                return value.value
            }
        }
        return nil
    }

    /// How messages name an item: `area "trafik"`, or `this area` before its id is known.
    static func itemName(_ kind: String, _ node: YAMLNode) -> String {
        peekID(node).map { "\(kind) \"\($0)\"" } ?? "this \(kind)"
    }
}
