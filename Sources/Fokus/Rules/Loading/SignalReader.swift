/// Reads the top-level `signals:` list (SPEC 4.3) and finds the declared ids before the files are read,
/// so that weights, areas and `when:` anywhere in the rule set can name them.
enum SignalReader {
    static let keys = ["id", "name", "source", "description"]

    /// The ids a parsed rule file declares under `signals:`, as written; nothing when the shape is off
    /// (reading the file reports that).
    static func declaredIDs(in root: YAMLNode?) -> [String] {
        guard case .mapping(let pairs, _)? = root else { return [] }
        for pair in pairs {
            guard case .scalar(let key) = pair.key, key.value == "signals",
                case .sequence(let items, _) = pair.value
            else { continue }
            return items.compactMap(LoadContext.peekID)
        }
        return []
    }

    /// One item of `signals:`.
    static func read(_ node: YAMLNode, context: inout LoadContext) -> Signal? {
        let itemName = LoadContext.itemName("signal", node)
        guard let fields = context.fields(of: node, named: itemName, allowed: keys) else { return nil }
        guard let idNode = fields["id"] else {
            context.error(.noID(kind: "signal", example: "medarbetare"), at: fields.mark)
            return nil
        }
        guard let id = context.text(idNode, named: "the signal `id`") else { return nil }
        guard isSignalID(id) else {
            context.error(DiagnosticText.signal(.badID(id: id, suggestion: suggestion(for: id))), at: idNode)
            return nil
        }
        if Factor(key: id) != nil || ["trend", "concern", "n", "area", "score"].contains(id) {
            context.error(DiagnosticText.signal(.builtInName(id: id)), at: idNode)
            return nil
        }
        var signal = Signal(id: id, name: id, source: "", location: idNode.mark.location(in: context.file))
        if let value = fields["name"], let name = context.text(value, named: "`name`") { signal.name = name }
        if let value = fields["description"] { _ = context.text(value, named: "`description`") }
        guard let sourceNode = fields["source"] else {
            context.diagnostics.append(
                .error(DiagnosticText.signal(.noSource(id: id)), at: fields.mark.location(in: context.file)))
            return nil
        }
        guard let source = context.text(sourceNode, named: "`source`") else { return nil }
        if NameKey(source) == NameKey("survey") {
            context.error(DiagnosticText.signal(.surveySource(source: source)), at: sourceNode)
            return nil
        }
        signal.source = source
        return signal
    }

    /// Lower-case ASCII letters, digits and `_`, starting with a letter.
    static func isSignalID(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// `Medarbetare-Bild` → `medarbetare_bild`.
    static func suggestion(for text: String) -> String {
        var result = ""
        for scalar in NameKey.fold(text).unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9": result.unicodeScalars.append(scalar)
            case "å", "ä": result += "a"
            case "ö": result += "o"
            default: if !result.isEmpty, result.last != "_" { result += "_" }
            }
        }
        while result.last == "_" { result.removeLast() }
        while let first = result.first, !first.isLetter { result.removeFirst() }
        return result.isEmpty ? "signal_1" : result
    }
}
