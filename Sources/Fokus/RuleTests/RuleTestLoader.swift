import Foundation

/// Reads rule-test files: `tests: [{name, data | records, scope, period, expect}]`.
public enum RuleTestLoader: Sendable {
    /// The test files for a rule file or folder: `RULES/tests/*.yaml` (or beside a single file), in name order.
    public static func testFiles(forRules rulesPath: String) -> [String] {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: rulesPath, isDirectory: &isFolder)
        let base = !exists || isFolder.boolValue ? rulesPath : (rulesPath as NSString).deletingLastPathComponent
        let folder = base.isEmpty ? "tests" : (base.hasSuffix("/") ? base + "tests" : base + "/tests")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }
            .sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            .map { folder + "/" + $0 }
    }

    /// Loads the tests in one file, checking area and measure ids against `rules`.
    /// - Throws: ``FokusError`` with every problem, each at `file:line:column`.
    public static func load(file: String, rules: RuleSet) throws(FokusError) -> [RuleTest] {
        let data = try SmallFile.read(file, what: "the test file")
        guard let text = String(data: data, encoding: .utf8) else {
            throw FokusError([.error(DiagnosticText.ruleTest(.notUTF8), at: SourceLocation(file: file))])
        }
        guard let root = try YAMLParser.parse(text, file: file) else {
            throw FokusError([.error(DiagnosticText.ruleTest(.emptyFile), at: SourceLocation(file: file))])
        }
        var reader = RuleTestReader(context: LoadContext(file: file), rules: rules, folder: (file as NSString).deletingLastPathComponent)
        let tests = reader.read(root)
        if reader.context.hasErrors {
            throw FokusError(
                reader.context.diagnostics.sorted {
                    ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0)
                })
        }
        return tests
    }
}

/// Reads one test file's YAML into ``RuleTest``s.
struct RuleTestReader {
    var context: LoadContext
    let rules: RuleSet
    let folder: String

    mutating func read(_ root: YAMLNode) -> [RuleTest] {
        guard let top = context.fields(of: root, named: "the test file", allowed: ["tests", "description"], topLevel: true)
        else { return [] }
        guard let list = top["tests"] else {
            context.error(.ruleTest(.needsTests), at: root)
            return []
        }
        guard case .sequence(let items, _) = list else {
            context.error(.ruleTest(.testsNotAList), at: list)
            return []
        }
        return items.compactMap { readTest($0) }
    }

    private mutating func readTest(_ node: YAMLNode) -> RuleTest? {
        let allowed = ["name", "description", "data", "records", "scope", "period", "expect"]
        guard let fields = context.fields(of: node, named: "a test", allowed: allowed) else { return nil }
        let name = fields["name"].flatMap { context.text($0, named: "`name`") } ?? "test at line \(node.mark.line)"
        var source: RuleTest.DataSource?
        if let data = fields["data"], let path = context.text(data, named: "`data`") {
            let resolved = path.hasPrefix("/") ? path : (folder.isEmpty ? path : folder + "/" + path)
            if FileManager.default.fileExists(atPath: resolved) {
                source = .path(resolved: resolved, written: path)
            } else {
                context.error(.ruleTest(.dataFolderMissing(path: path)), at: data)
            }
        }
        if let records = fields["records"] {
            if fields["data"] != nil { context.error(.ruleTest(.dataAndRecords), at: records) }
            source = readRecords(records).map(RuleTest.DataSource.records)
        }
        if fields["data"] == nil && fields["records"] == nil {
            context.error(.ruleTest(.needsData(test: name)), at: node)
        }
        let scope = fields["scope"].flatMap { context.text($0, named: "`scope`") }
        var period: PeriodChoice?
        if let p = fields["period"], let text = context.text(p, named: "`period`") {
            if text == "latest" {
                period = .latest
            } else if let parsed = Period(parsing: text) {
                period = .period(parsed)
            } else {
                context.error(.ruleTest(.periodChoice(written: text)), at: p)
            }
        }
        var expectations: [RuleTest.Expectation] = []
        if let expect = fields["expect"] {
            expectations = readExpectations(expect)
        } else {
            context.error(.ruleTest(.noExpect(test: name)), at: node)
        }
        guard let source else { return nil }
        return RuleTest(
            name: name, location: node.mark.location(in: context.file), data: source, scope: scope, period: period,
            expectations: expectations)
    }

    private mutating func readExpectations(_ node: YAMLNode) -> [RuleTest.Expectation] {
        let allowed = ["top", "rank", "selected", "not_selected", "score", "measures_include", "warnings_include"]
        guard let fields = context.fields(of: node, named: "`expect`", allowed: allowed) else { return [] }
        var result: [RuleTest.Expectation] = []
        for entry in fields.entries {
            let at = entry.keyNode.mark.location(in: context.file)
            switch entry.key {
            case "top":
                if let ids = areaIDs(entry.value, named: "`top`") { result.append(RuleTest.Expectation(kind: .top(ids), location: at)) }
            case "selected":
                if let ids = areaIDs(entry.value, named: "`selected`") {
                    result.append(RuleTest.Expectation(kind: .selected(ids), location: at))
                }
            case "not_selected":
                if let ids = areaIDs(entry.value, named: "`not_selected`") {
                    result.append(RuleTest.Expectation(kind: .notSelected(ids), location: at))
                }
            case "measures_include":
                if let ids = measureIDs(entry.value) { result.append(RuleTest.Expectation(kind: .measuresInclude(ids), location: at)) }
            case "warnings_include":
                if let texts = context.textList(entry.value, named: "`warnings_include`") {
                    result.append(RuleTest.Expectation(kind: .warningsInclude(texts.map(\.text)), location: at))
                }
            case "rank":
                guard case .mapping(let pairs, _) = entry.value else {
                    context.error(.ruleTest(.rankNotAMapping), at: entry.value)
                    continue
                }
                for pair in pairs {
                    guard let id = areaID(pair.key), let rank = context.wholeNumber(pair.value, named: "the rank of \(id)") else {
                        continue
                    }
                    result.append(RuleTest.Expectation(kind: .rank(id: id, rank: rank), location: pair.key.mark.location(in: context.file)))
                }
            case "score":
                guard case .mapping(let pairs, _) = entry.value else {
                    context.error(.ruleTest(.scoreNotAMapping), at: entry.value)
                    continue
                }
                for pair in pairs {
                    guard let id = areaID(pair.key) else { continue }
                    var value: Double?
                    var tolerance = 1e-6
                    if case .mapping = pair.value {
                        if let f = context.fields(of: pair.value, named: "the score of \(id)", allowed: ["value", "tolerance"]) {
                            value = f["value"].flatMap { context.number($0, named: "`value`") }
                            if f["value"] == nil { context.error(.ruleTest(.scoreNeedsValue(area: id)), at: pair.value) }
                            if let t = f["tolerance"].flatMap({ context.number($0, named: "`tolerance`") }) { tolerance = t }
                        }
                    } else {
                        value = context.number(pair.value, named: "the score of \(id)")
                    }
                    if let value {
                        result.append(
                            RuleTest.Expectation(
                                kind: .score(id: id, value: value, tolerance: tolerance), location: pair.key.mark.location(in: context.file)
                            ))
                    }
                }
            default:
                break
            }
        }
        return result
    }

    private mutating func areaID(_ node: YAMLNode) -> String? {
        guard let id = context.text(node, named: "an area id") else { return nil }
        let known = rules.areas.map(\.id)
        guard known.contains(id) else {
            context.diagnostics.append(
                .error(
                    DiagnosticText.unknownID(kind: .area, id: id, suggestion: Suggestion.closest(to: id, among: known)),
                    at: node.mark.location(in: context.file)))
            return nil
        }
        return id
    }

    private mutating func areaIDs(_ node: YAMLNode, named name: String) -> [String]? {
        guard case .sequence(let items, _) = node else {
            context.error(.ruleTest(.notAListOfAreas(name: name)), at: node)
            return nil
        }
        let ids = items.map { areaID($0) }
        return ids.contains(nil) ? nil : ids.compactMap { $0 }
    }

    private mutating func measureIDs(_ node: YAMLNode) -> [String]? {
        guard let items = context.textList(node, named: "`measures_include`") else { return nil }
        let known = rules.measures.map(\.id)
        var ok = true
        for item in items where !known.contains(item.text) {
            context.diagnostics.append(
                .error(
                    DiagnosticText.unknownID(kind: .measure, id: item.text, suggestion: Suggestion.closest(to: item.text, among: known)),
                    at: item.mark.location(in: context.file)))
            ok = false
        }
        return ok ? items.map(\.text) : nil
    }

    private mutating func readRecords(_ node: YAMLNode) -> Dataset? {
        guard let fields = context.fields(of: node, named: "`records`", allowed: ["crime", "survey", "resources"]) else { return nil }
        var dataset = Dataset()
        for entry in fields.entries {
            guard case .sequence(let rows, _) = entry.value else {
                context.error(.ruleTest(.recordsNotAList(key: entry.key)), at: entry.value)
                continue
            }
            let columns: [String] =
                switch entry.key {
                case "crime": ["period", "scope", "category", "count"]
                case "survey": ["period", "scope", "item", "share"]
                default: ["period", "scope", "resource", "available"]
                }
            for row in rows {
                guard let f = context.fields(of: row, named: "a `\(entry.key)` row", allowed: columns) else { continue }
                let missing = columns.filter { f[$0] == nil }
                guard missing.isEmpty, let periodNode = f["period"], let scopeNode = f["scope"],
                    let nameNode = f[columns[2]], let valueNode = f[columns[3]]
                else {
                    context.error(.ruleTest(.rowNeeds(columns: missing)), at: row)
                    continue
                }
                guard let periodText = context.text(periodNode, named: "`period`"),
                    let scope = context.text(scopeNode, named: "`scope`"),
                    let name = context.text(nameNode, named: "`\(columns[2])`")
                else { continue }
                guard let period = Period(parsing: periodText) else {
                    context.error(.ruleTest(.notAPeriod(written: periodText)), at: periodNode)
                    continue
                }
                switch entry.key {
                case "crime":
                    guard let count = context.wholeNumber(valueNode, named: "`count`") else { continue }
                    guard count >= 0 else { context.error(.ruleTest(.notNegative(name: "count")), at: valueNode); continue }
                    dataset.addCrimeCount(scope: scope, period: period, category: name, count: count)
                case "survey":
                    guard let share = context.number(valueNode, named: "`share`") else { continue }
                    guard (0...1).contains(share) else { context.error(.ruleTest(.shareRange), at: valueNode); continue }
                    dataset.addSurveyShare(scope: scope, period: period, item: name, share: share)
                default:
                    guard let amount = context.number(valueNode, named: "`available`") else { continue }
                    guard amount >= 0 else { context.error(.ruleTest(.notNegative(name: "available")), at: valueNode); continue }
                    dataset.addResource(scope: scope, period: period, resource: name, available: amount)
                }
            }
        }
        return dataset
    }
}
