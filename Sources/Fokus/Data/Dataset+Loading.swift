/// Helpers the loader uses to fill a ``Dataset`` in bulk.
extension Dataset {
    /// The key of a name, remembering its spelling when it is the first seen.
    mutating func rememberName(_ name: String) -> NameKey {
        let key = NameKey(name)
        if displayNames[key] == nil { displayNames[key] = name.trimmingSpaces() }
        return key
    }
}

/// Names already folded in one file: a file repeats the same few scopes and items on every row, and
/// folding (NFC, case folding) costs far more than looking the spelling up.
struct NameMemo {
    private var keys: [String: NameKey] = [:]

    /// The key of `name`, remembered in `dataset` as ``Dataset/rememberName(_:)`` does.
    mutating func key(_ name: String, in dataset: inout Dataset) -> NameKey {
        if let key = keys[name] { return key }
        let key = dataset.rememberName(name)
        keys[name] = key
        return key
    }
}
