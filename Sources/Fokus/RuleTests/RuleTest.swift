/// One rule test (`tests/*.yaml` beside the rules): a dataset, what to evaluate, and what to expect.
public struct RuleTest: Sendable {
    /// Where the test's data comes from.
    public enum DataSource: Sendable {
        /// A data folder or file, with the path as written relative to the test file.
        case path(resolved: String, written: String)
        /// Records written in the test file.
        case records(Dataset)
    }

    /// The test's name.
    public internal(set) var name: String
    /// Where it is defined.
    public internal(set) var location: SourceLocation
    /// Its data.
    public internal(set) var data: DataSource
    /// The scope, when the test names one.
    public internal(set) var scope: String?
    /// The period, when the test names one.
    public internal(set) var period: PeriodChoice?
    /// What must hold.
    public internal(set) var expectations: [Expectation]
}

extension RuleTest {
    /// One expectation of a rule test, with where it is written.
    public struct Expectation: Sendable {
        /// What is expected.
        public enum Kind: Sendable, Hashable {
            /// The first ranks, in order.
            case top([String])
            /// An area's rank.
            case rank(id: String, rank: Int)
            /// Exactly these areas are selected (in any order).
            case selected([String])
            /// None of these areas is selected.
            case notSelected([String])
            /// An area's score within a tolerance.
            case score(id: String, value: Double, tolerance: Double)
            /// The plan includes these measures.
            case measuresInclude([String])
            /// Some warning contains each of these texts.
            case warningsInclude([String])
        }

        /// What is expected.
        public internal(set) var kind: Kind
        /// Where it is written.
        public internal(set) var location: SourceLocation
    }
}

/// The outcome of one rule test.
public struct RuleTestResult: Sendable {
    /// The test.
    public internal(set) var test: RuleTest
    /// What failed, each with where the expectation is written; empty when the test passed.
    public internal(set) var failures: [Diagnostic]
    /// The evaluation, when it ran.
    public internal(set) var evaluation: Evaluation?

    /// Whether every expectation held.
    public var passed: Bool { failures.isEmpty }
}
