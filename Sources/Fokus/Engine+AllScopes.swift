import Foundation

/// Which scopes ``Engine/evaluateAll(_:level:period:sensitivity:progress:)`` evaluates.
public enum ScopeLevel: String, Sendable, CaseIterable {
    /// Every scope with crime data that is not a county (municipalities, police areas, …).
    case municipality
    /// Every county of the bundled municipality table with crime data in it, as the sum of its municipalities.
    case county
}

/// One scope's outcome in an all-scopes run.
public struct ScopeEvaluation: Sendable {
    /// The scope as evaluated (the county's or municipality's name).
    public internal(set) var scope: String
    /// The official code, when the scope is in the bundled municipality table.
    public internal(set) var code: String?
    /// The evaluation, or why the scope could not be evaluated.
    public internal(set) var result: Result<Evaluation, FokusError>
}

extension Engine {
    /// The scopes of `level` in `dataset`, in order: municipalities by official code (scopes outside the
    /// table after them, by code point), counties by code.
    package static func scopes(in dataset: Dataset, level: ScopeLevel) -> [(name: String, code: String?)] {
        let table = MunicipalityTable.sweden
        switch level {
        case .municipality:
            var known: [(name: String, code: String?)] = []
            var other: [String] = []
            for key in dataset.crime.keys {
                let name = dataset.displayName(key)
                switch table.place(name) {
                case .county: continue
                case .municipality(let m): known.append((name, m.code))
                case nil: other.append(name)
                }
            }
            known.sort { $0.code! < $1.code! }
            return known + other.sorted { $0.precedesByCodePoint($1) }.map { ($0, nil) }
        case .county:
            return table.counties.filter { county in
                dataset.crime[NameKey(county.name)] != nil
                    || county.municipalities.contains { dataset.crime[NameKey($0.name)] != nil }
            }.map { ($0.name, $0.code) }
        }
    }

    /// Evaluates every scope of `level` in one go, over one dataset read once.
    ///
    /// What every scope shares (S and E of SPEC 4.2, the data's names) is computed once; scopes are
    /// evaluated on every core. Each result is the same as ``evaluate(_:scope:period:sensitivity:adoptions:)``
    /// for that scope alone.
    /// - Parameter progress: called with (done, total) after each scope, from any thread.
    public func evaluateAll(
        _ dataset: Dataset, level: ScopeLevel = .municipality, period: PeriodChoice? = nil,
        sensitivity: SensitivitySettings? = nil, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> [ScopeEvaluation] {
        let scopes = Engine.scopes(in: dataset, level: level)
        let overview = DatasetOverview(dataset, rules: rules)
        let results = ConcurrentSlots<ScopeEvaluation>(count: scopes.count)
        DispatchQueue.concurrentPerform(iterations: scopes.count) { i in
            let result: Result<Evaluation, FokusError>
            do throws(FokusError) {
                result = .success(
                    try evaluate(dataset, scope: scopes[i].name, period: period, sensitivity: sensitivity, overview: overview))
            } catch {
                result = .failure(error)
            }
            let done = results.set(i, ScopeEvaluation(scope: scopes[i].name, code: scopes[i].code, result: result))
            progress?(done, scopes.count)
        }
        return results.all.map { $0! }
    }
}
