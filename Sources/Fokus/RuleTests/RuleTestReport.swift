/// The results of a run of rule tests, with each test's time, in the forms `fokus test` prints: text, JSON and
/// JUnit XML (which CI systems read).
public struct RuleTestReport: Sendable {
    /// One test's outcome and how long it took.
    public struct Entry: Sendable {
        /// The outcome.
        public internal(set) var result: RuleTestResult
        /// Wall-clock seconds the test took (loading its data and evaluating).
        public internal(set) var seconds: Double
    }

    /// The tests in the order run.
    public internal(set) var entries: [Entry]

    /// How many passed.
    public var passed: Int { entries.count { $0.result.passed } }
    /// How many failed.
    public var failed: Int { entries.count - passed }
    /// Total seconds.
    public var seconds: Double { entries.reduce(0) { $0 + $1.seconds } }

    /// Creates a report.
    package init(entries: [Entry]) {
        self.entries = entries
    }

    /// What the tests leave untested in `rules`.
    public func coverage(of rules: RuleSet) -> RuleTestCoverage {
        var fired: Set<String> = []
        var mentioned: Set<String> = []
        for entry in entries {
            for area in entry.result.evaluation?.ranking ?? [] { fired.formUnion(area.rules.fired.map(\.id)) }
            for expectation in entry.result.test.expectations { mentioned.formUnion(expectation.kind.areaIDs) }
        }
        return RuleTestCoverage(
            rulesNeverFired: rules.rules.map(\.id).filter { !fired.contains($0) },
            areasNotExpected: rules.areas.map(\.id).filter { !mentioned.contains($0) },
            ruleCount: rules.rules.count, areaCount: rules.areas.count)
    }

    /// The report as JSON: `tests` (each with `name`, `file`, `line`, `passed`, `seconds` and `failures`, each
    /// failure `{message, file, line, column}`), `passed`, `failed`, `seconds`, and `coverage` when given
    /// (`rules_not_fired`, `areas_not_expected`).
    public func json(coverage: RuleTestCoverage? = nil) -> String {
        var top: [(String, JSONValue)] = [
            (
                "tests",
                .array(
                    entries.map { entry in
                        let test = entry.result.test
                        return .object([
                            ("name", .string(test.name)), ("file", .string(test.location.file)),
                            ("line", test.location.line.map(JSONValue.integer) ?? .null),
                            ("passed", .bool(entry.result.passed)), ("seconds", .number(Self.rounded(entry.seconds))),
                            ("failures", .array(entry.result.failures.map(Self.json))),
                        ])
                    })
            ),
            ("passed", .integer(passed)), ("failed", .integer(failed)), ("seconds", .number(Self.rounded(seconds))),
        ]
        if let coverage {
            top.append(
                (
                    "coverage",
                    .object([
                        ("rules_not_fired", .array(coverage.rulesNeverFired.map(JSONValue.string))),
                        ("areas_not_expected", .array(coverage.areasNotExpected.map(JSONValue.string))),
                    ])
                ))
        }
        return JSONValue.object(top).serialized(indent: 2) + "\n"
    }

    private static func json(_ diagnostic: Diagnostic) -> JSONValue {
        .object([
            ("message", .string(diagnostic.message)),
            ("file", diagnostic.location.map { .string($0.file) } ?? .null),
            ("line", diagnostic.location?.line.map(JSONValue.integer) ?? .null),
            ("column", diagnostic.location?.column.map(JSONValue.integer) ?? .null),
        ])
    }

    /// The report as JUnit XML: a `testsuite` per test file, a `testcase` per test (`classname` the file,
    /// `time` in seconds, `file` and `line` where it is defined), a `failure` per failed test whose message is
    /// the first failure and whose text lists them all as `file:line:column: error: …`.
    /// - Parameter output: text for the `system-out` of the whole run (coverage, say), if any.
    public func junit(output: String? = nil) -> String {
        var files: [String] = []
        var byFile: [String: [Entry]] = [:]
        for entry in entries {
            let file = entry.result.test.location.file
            if byFile[file] == nil { files.append(file) }
            byFile[file, default: []].append(entry)
        }
        var xml = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        xml.append(
            "<testsuites name=\"fokus test\" tests=\"\(entries.count)\" failures=\"\(failed)\" errors=\"0\" "
                + "time=\"\(Self.time(seconds))\">")
        for file in files {
            let suite = byFile[file] ?? []
            let failures = suite.count { !$0.result.passed }
            xml.append(
                "  <testsuite name=\"\(Escaping.xml(file))\" tests=\"\(suite.count)\" failures=\"\(failures)\" "
                    + "errors=\"0\" skipped=\"0\" time=\"\(Self.time(suite.reduce(0) { $0 + $1.seconds }))\">")
            for entry in suite {
                let test = entry.result.test
                let attributes =
                    "name=\"\(Escaping.xml(test.name))\" classname=\"\(Escaping.xml(file))\" "
                    + "file=\"\(Escaping.xml(file))\" line=\"\(test.location.line ?? 0)\" time=\"\(Self.time(entry.seconds))\""
                guard let first = entry.result.failures.first else {
                    xml.append("    <testcase \(attributes)/>")
                    continue
                }
                xml.append("    <testcase \(attributes)>")
                let text = entry.result.failures.map(\.description).joined(separator: "\n")
                xml.append(
                    "      <failure message=\"\(Escaping.xml(first.message))\" type=\"expectation\">"
                        + Escaping.xml(text) + "</failure>")
                xml.append("    </testcase>")
            }
            xml.append("  </testsuite>")
        }
        if let output { xml.append("  <system-out>\(Escaping.xml(output))</system-out>") }
        xml.append("</testsuites>")
        return xml.joined(separator: "\n") + "\n"
    }

    /// Seconds with millisecond precision, as JUnit readers expect (`0.123`).
    private static func time(_ seconds: Double) -> String { NumberFormatting.english.fixed(seconds, 3) }

    private static func rounded(_ seconds: Double) -> Double { (seconds * 1000).rounded() / 1000 }
}

/// What a run of rule tests leaves untested (`fokus test --coverage`, like `opa test --coverage`).
public struct RuleTestCoverage: Sendable, Hashable {
    /// Rules that fired for no area in any test, in the rules' order.
    public internal(set) var rulesNeverFired: [String]
    /// Areas no expectation names (`top`, `rank`, `selected`, `not_selected`, `score`), in the rules' order.
    public internal(set) var areasNotExpected: [String]
    /// How many rules and areas there are.
    public internal(set) var ruleCount: Int
    public internal(set) var areaCount: Int

    /// Two lines: `rules fired in no test: 2 of 6 (fa-fall, …)` and `areas no expectation mentions: …`.
    public var rendered: String {
        func line(_ what: String, _ ids: [String], of count: Int) -> String {
            "\(what): \(ids.count) of \(count)" + (ids.isEmpty ? "" : " (" + ids.joined(separator: ", ") + ")")
        }
        return line("rules that fired in no test", rulesNeverFired, of: ruleCount) + "\n"
            + line("areas no expectation mentions", areasNotExpected, of: areaCount) + "\n"
    }
}

extension RuleTest.Expectation.Kind {
    /// The area ids the expectation names.
    var areaIDs: [String] {
        switch self {
        case .top(let ids), .selected(let ids), .notSelected(let ids): ids
        case .rank(let id, _), .score(let id, _, _): [id]
        case .measuresInclude, .warningsInclude: []
        }
    }
}

extension RuleTestRunner {
    /// Runs `tests` in order, timing each.
    public func run(_ tests: [RuleTest]) -> RuleTestReport {
        let clock = ContinuousClock()
        return RuleTestReport(
            entries: tests.map { test in
                let start = clock.now
                let result = run(test)
                let duration = start.duration(to: clock.now)
                let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
                return RuleTestReport.Entry(result: result, seconds: seconds)
            })
    }
}
