/// Keys indented too far: a key of an item written under the block mapping of the key above it, so that YAML
/// makes it part of that value (`effect:` two spaces too far under `cost:` becomes a cost).
///
/// ```yaml
/// - id: hastighet
///   cost:
///     polis_timmar: 120
///     effect: 0.35        # meant for the measure, read as a cost
/// ```
///
/// A key counts as meant for the outer mapping when the outer mapping allows it, does not have it already,
/// and the inner mapping is written in block style below its key. It is reported where it is written, read as
/// if it were in line with the outer keys (so the item does not also lack it), and left out of the inner
/// mapping.
extension LoadContext {
    /// The over-indented keys of `pairs` (an item's mapping), each reported and returned as an entry of the
    /// item.
    /// - Parameters:
    ///   - pairs: the outer mapping's pairs.
    ///   - name: how messages name the outer mapping (`measure "hastighet"`).
    ///   - allowed: the keys the outer mapping allows.
    mutating func overIndentedEntries(in pairs: [YAMLPair], named name: String, allowed: [String]) -> [Fields.Entry] {
        let present = Set(
            pairs.compactMap { pair -> String? in
                guard case .scalar(let key) = pair.key else { return nil }
                return key.value
            })
        var rescued: [Fields.Entry] = []
        var rescuedKeys: Set<String> = []
        for pair in pairs {
            guard case .scalar(let parentKey) = pair.key, case .mapping(let inner, let innerMark) = pair.value,
                innerMark.line > parentKey.mark.line, innerMark.column > parentKey.mark.column
            else { continue }
            for innerPair in inner {
                // A block mapping's keys all start in its own column; a flow mapping (`{ … }`) is no indentation.
                guard case .scalar(let key) = innerPair.key, key.style == .plain, key.mark.column == innerMark.column,
                    allowed.contains(key.value), !present.contains(key.value), !rescuedKeys.contains(key.value)
                else { continue }
                error(
                    .overIndented(
                        key: key.value, spaces: key.mark.column - parentKey.mark.column, name: name, parent: parentKey.value,
                        line: parentKey.mark.line),
                    at: key.mark)
                overIndentedKeys.insert(key.mark)
                rescuedKeys.insert(key.value)
                rescued.append(Fields.Entry(key: key.value, keyNode: innerPair.key, value: innerPair.value))
            }
        }
        return rescued
    }
}
