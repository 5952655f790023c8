/// A declared signal (SPEC 4.3): a further factor read from survey-shaped rows of one source, such as
/// a staff survey (`Medarbetarenkät`) or a citizen dialogue (`Medborgardialog`).
public struct Signal: Sendable, Hashable, Identifiable {
    /// The id used in weights, areas and `when:` (`medarbetare`): lower-case letters, digits and `_`.
    public internal(set) var id: String
    /// The display name (`Medarbetarnas bild`).
    public internal(set) var name: String
    /// The value of the data's `source`/`källa` column whose rows feed the signal, matched as a ``NameKey``.
    public internal(set) var source: String { didSet { sourceKey = NameKey(source) } }
    /// ``source``'s key.
    package private(set) var sourceKey: NameKey
    /// Where the signal is declared.
    public internal(set) var location: SourceLocation?

    /// Creates a signal.
    package init(id: String, name: String, source: String, location: SourceLocation? = nil) {
        self.id = id
        self.name = name
        self.source = source
        self.location = location
        sourceKey = NameKey(source)
    }
}

extension Signal {
    /// Where the signal is declared, or an unknown place.
    var locationOrUnknown: SourceLocation { location ?? SourceLocation(file: "") }
}
