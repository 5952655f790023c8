/// Reads resources written in YAML: a mapping, or a list of mappings, such as
/// `{period: 2024, scope: Kungsör, available: {polis_timmar: 400, kommun_timmar: 600}}`.
///
/// Keys may be Swedish (`år`, `kommun`, `tillgängligt`). Problems are reported at the
/// `file:line:column` of the node at fault.
enum ResourcesYAML {
    private enum Key { case period, scope, available }

    private static func key(_ text: String) -> Key? {
        switch NameKey.fold(text) {
        case "period", "år", "year": .period
        case "scope", "kommun", "municipality": .scope
        case "available", "tillgängligt", "tillgänglig", "resources", "resurser": .available
        default: nil
        }
    }

    /// Adds the resources in `root` to `dataset`; problems go to `bad`.
    static func read(_ root: YAMLNode?, into dataset: inout Dataset, bad: inout BadRows) {
        guard let root else { return }
        switch root {
        case .mapping:
            readEntry(root, into: &dataset, bad: &bad)
        case .sequence(let entries, _):
            for entry in entries { readEntry(entry, into: &dataset, bad: &bad) }
        case .scalar(let scalar):
            report(.resourcesNotAnEntry, at: scalar.mark, &bad)
        }
    }

    private static func readEntry(_ node: YAMLNode, into dataset: inout Dataset, bad: inout BadRows) {
        guard case .mapping(let pairs, let mark) = node else {
            report(.resourcesEntryNotAMapping, at: node.mark, &bad)
            return
        }
        var period: Period?
        var scope: String?
        var amounts: [(String, Double)] = []
        var seen: Set<Key> = []
        var ok = true
        for pair in pairs {
            guard case .scalar(let keyScalar) = pair.key, let key = key(keyScalar.value) else {
                report(.resourcesUnknownKey(shown(pair.key)), at: pair.key.mark, &bad)
                ok = false
                continue
            }
            seen.insert(key)
            switch key {
            case .period:
                guard case .scalar(let value) = pair.value, let parsed = Period(parsing: value.value) else {
                    report(.resourcesBadPeriod(shown(pair.value)), at: pair.value.mark, &bad)
                    ok = false
                    continue
                }
                period = parsed
            case .scope:
                guard case .scalar(let value) = pair.value, !value.value.trimmingSpaces().isEmpty else {
                    report(.resourcesScopeName, at: pair.value.mark, &bad)
                    ok = false
                    continue
                }
                scope = value.value.trimmingSpaces()
            case .available:
                guard case .mapping(let resources, _) = pair.value else {
                    report(.resourcesAvailable, at: pair.value.mark, &bad)
                    ok = false
                    continue
                }
                for resource in resources {
                    guard case .scalar(let name) = resource.key, !name.value.trimmingSpaces().isEmpty else {
                        report(.resourcesNoName, at: resource.key.mark, &bad)
                        ok = false
                        continue
                    }
                    guard case .scalar(let amount) = resource.value,
                        amount.style == .plain || amount.style == .singleQuoted || amount.style == .doubleQuoted,
                        case .success(let value) = DataValues.nonNegative(
                            amount.value.trimmingSpaces(), decimalComma: false)
                    else {
                        report(.resourcesBadAmount(shown(resource.value), resource: name.value), at: resource.value.mark, &bad)
                        ok = false
                        continue
                    }
                    amounts.append((name.value.trimmingSpaces(), value))
                }
            }
        }
        for (missing, what) in [(Key.period, "period"), (.scope, "scope"), (.available, "available")]
        where !seen.contains(missing) {
            report(.resourcesMissing(key: what), at: mark, &bad)
            ok = false
        }
        guard ok, let period, let scope else { return }
        for (resource, amount) in amounts {
            dataset.addResource(scope: scope, period: period, resource: resource, available: amount)
        }
    }

    private static func shown(_ node: YAMLNode) -> DiagnosticText.ShownValue {
        if case .scalar(let scalar) = node { return .text(DataValues.abbreviated(scalar.value)) }
        if case .mapping = node { return .mapping }
        return .list
    }

    private static func report(_ problem: DiagnosticText.DataFileProblem, at mark: YAMLMark, _ bad: inout BadRows) {
        bad.add(.error(DiagnosticText.dataFile(problem), at: mark.location(in: bad.path)))
    }
}
