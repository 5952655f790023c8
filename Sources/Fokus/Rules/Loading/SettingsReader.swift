/// Reads the top-level settings blocks (`period`, `trend`, `weights`, `select`, `concern`, `sensitivity`).
enum SettingsReader {
    /// `latest` or a period such as `2023`, `"2023-Q4"`, `2023-11`.
    static func period(_ node: YAMLNode, context: inout LoadContext) -> PeriodChoice? {
        guard let text = context.text(node, named: "`period`") else { return nil }
        let trimmed = text.trimmingSpaces()
        if trimmed.lowercased() == "latest" { return .latest }
        if let period = Period(parsing: trimmed) { return .period(period) }
        context.error(.periodChoice(written: text), at: node)
        return nil
    }

    /// `trend: {baseline_periods, scale}`.
    static func trend(_ node: YAMLNode, context: inout LoadContext) -> TrendSettings? {
        guard let fields = context.fields(of: node, named: "`trend`", allowed: ["baseline_periods", "scale"])
        else { return nil }
        var trend = TrendSettings()
        if let value = fields["baseline_periods"],
            let count = context.wholeNumber(
                value, named: "`baseline_periods`", in: RuleLimits.baselinePeriods,
                hint: .baselinePeriods)
        {
            trend.baselinePeriods = count
        }
        if let value = fields["scale"],
            let scale = context.number(
                value, named: "`scale`", in: RuleLimits.trendScale, hint: .defaultIs("1.5"))
        {
            trend.scale = scale
        }
        return trend
    }

    /// The global `weights:`: a factor left out weighs 0; all-zero is an error; a sum other than 1 a warning.
    /// - Parameters:
    ///   - node: the `weights:` value.
    ///   - key: the `weights` key, where problems with the block as a whole are reported.
    static func globalWeights(_ node: YAMLNode, key: YAMLNode, context: inout LoadContext) -> FactorWeights? {
        let problemsBefore = context.diagnostics.count
        guard let given = weightEntries(node, named: "`weights`", context: &context) else { return nil }
        var weights = FactorWeights(crimeTrend: 0, citizenConcern: 0, resources: 0)
            .aligned(to: context.signalIDs)
        for (factor, weight) in given { weights[factor] = weight }
        guard let normalised = weights.normalised() else {
            if context.diagnostics.count == problemsBefore {
                let keys = weights.factors.map(\.key)
                context.error(.allWeightsZero(factors: keys), at: key)
            }
            return nil
        }
        if abs(weights.sum - 1) > 1e-9 {
            let shares = weights.factors.map { NumberText.compact(normalised[$0], decimals: 3) }
            context.diagnostics.append(
                .warning(
                    DiagnosticText.weightsNormalised(
                        sum: NumberText.compact(weights.sum, decimals: 6), shares: shares, factors: weights.factors.map(\.key)),
                    at: key.mark.location(in: context.file)))
        }
        return weights
    }

    /// The entries of a `weights:` mapping (global or per area): each a number ≥ 0.
    static func weightEntries(_ node: YAMLNode, named name: String, context: inout LoadContext)
        -> [Factor: Double]?
    {
        let keys = Factor.builtIn.map(\.key) + context.signalIDs
        guard let fields = context.fields(of: node, named: name, allowed: keys) else { return nil }
        var result: [Factor: Double] = [:]
        for entry in fields.entries {
            guard let factor = Factor(key: entry.key, signals: context.signalIDs),
                let weight = context.number(entry.value, named: "the weight `\(entry.key)`", in: RuleLimits.weight)
            else { continue }
            result[factor] = weight
        }
        return result
    }

    /// `select: {top, min_score}`; with only one given, only that limit applies.
    static func selection(_ node: YAMLNode, context: inout LoadContext) -> SelectionSettings? {
        guard let fields = context.fields(of: node, named: "`select`", allowed: ["top", "min_score"]) else {
            return nil
        }
        var selection = SelectionSettings()
        selection.top = nil
        if let value = fields["top"], let top = context.wholeNumber(value, named: "`top`") {
            if top >= 1 {
                selection.top = top
            } else {
                context.error(.topTooSmall(top: top), at: value)
            }
        }
        if let value = fields["min_score"] {
            selection.minScore = context.number(value, named: "`min_score`", in: RuleLimits.minScore)
        }
        if fields.entries.isEmpty {
            context.error(.selectNeedsLimit, at: node)
        }
        return selection
    }

    /// `concern: {aggregate: max | mean}`.
    static func concernAggregate(_ node: YAMLNode, context: inout LoadContext) -> ConcernAggregate? {
        guard let fields = context.fields(of: node, named: "`concern`", allowed: ["aggregate"]),
            let value = fields["aggregate"]
        else { return nil }
        return context.choice(value, named: "`aggregate`", as: ConcernAggregate.self)
    }

    /// `sensitivity: {samples, concentration, seed}`.
    static func sensitivity(_ node: YAMLNode, context: inout LoadContext) -> SensitivitySettings? {
        guard
            let fields = context.fields(
                of: node, named: "`sensitivity`", allowed: ["samples", "concentration", "seed", "vary"])
        else { return nil }
        var settings = SensitivitySettings()
        if let value = fields["samples"],
            let samples = context.wholeNumber(
                value, named: "`samples`", in: RuleLimits.samples, hint: .defaultIs("2000"))
        {
            settings.samples = samples
        }
        if let value = fields["concentration"],
            let concentration = context.number(
                value, named: "`concentration`", in: RuleLimits.concentration, hint: .defaultIs("50"))
        {
            settings.concentration = concentration
        }
        if let value = fields["vary"], let list = context.textList(value, named: "`vary`") {
            var vary = Set<SensitivitySource>()
            for item in list {
                if let source = SensitivitySource(rawValue: item.text) {
                    vary.insert(source)
                } else {
                    let names = SensitivitySource.allCases.map(\.rawValue)
                    context.diagnostics.append(
                        .error(
                            DiagnosticText.varyValue(
                                written: item.text, suggestion: Suggestion.closest(to: item.text, among: names)),
                            at: item.mark.location(in: context.file)))
                }
            }
            if list.isEmpty {
                context.error(DiagnosticText.varyValue(written: nil, suggestion: nil), at: value)
            }
            settings.vary = vary
        }
        if let value = fields["seed"], let seed = context.wholeNumber(value, named: "`seed`") {
            if seed >= 0 {
                settings.seed = UInt64(seed)
            } else {
                context.error(.seedNegative(seed: seed), at: value)
            }
        }
        return settings
    }
}

/// Numbers as messages show them.
enum NumberText {
    /// `x` rounded to at most `decimals` decimals, without trailing zeros (`0.333`, `0.25`, `2`).
    static func compact(_ x: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (x * scale).rounded() / scale
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        var text = String(rounded)
        if text.contains("e") { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
