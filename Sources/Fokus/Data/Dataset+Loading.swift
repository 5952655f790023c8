/// Helpers the loader uses to fill a ``Dataset`` in bulk.
extension Dataset {
    /// The key of a name, remembering its spelling when it is the first seen.
    mutating func rememberName(_ name: String) -> NameKey {
        let key = NameKey(name)
        if displayNames[key] == nil { displayNames[key] = name.trimmingSpaces() }
        return key
    }
}
