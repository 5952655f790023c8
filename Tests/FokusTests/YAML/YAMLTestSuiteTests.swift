import Foundation
import Testing

@testable import Fokus

/// Runs libyaml, through ``YAMLParser/testSuiteEvents(_:file:)``, over the yaml-test-suite
/// (`shared/data/yaml-test-suite` beside the package's clone: the suite's `data` branch, one folder per
/// case holding `in.yaml`, `test.event` and, for invalid YAML, `error`; cases with variants have
/// numbered subfolders such as `2G84/00`).
///
/// libyaml 0.2.5 implements YAML 1.1 with a few known gaps, so some cases deviate. They are listed in
/// ``knownDeviations`` with the reason; a case that deviates without being listed fails the test, and so
/// does a listed case that stops deviating, so the list stays exactly true.
struct YAMLTestSuiteTests {
    /// The suite's folder, found from this file's path: `<package>/../shared/data/yaml-test-suite`.
    static let suiteFolder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // YAML
        .deletingLastPathComponent()  // FokusTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .deletingLastPathComponent()
        .appendingPathComponent("shared/data/yaml-test-suite")

    static var suiteIsPresent: Bool {
        FileManager.default.fileExists(atPath: suiteFolder.appendingPathComponent("229Q").path)
    }

    /// Why libyaml 0.2.5 (a YAML 1.1 parser) deviates from the suite, one category a case.
    enum Deviation: String {
        /// libyaml accepts invalid YAML (indentation, comments, directives, dashes in flow).
        case acceptsInvalid = "accepts invalid YAML (indentation, comments, directives, dashes in flow)"
        /// libyaml rejects tabs where YAML 1.2 allows them as separation space.
        case tabs = "rejects tabs where YAML 1.2 allows them as separation space"
        /// libyaml rejects YAML 1.2, 1.3 or reserved directives.
        case directives = "rejects YAML 1.2, 1.3 or reserved directives"
        /// libyaml mishandles bare documents and document-end markers.
        case documentMarkers = "mishandles bare documents and document-end markers"
        /// libyaml rejects empty implicit keys (": value").
        case emptyKeys = "rejects empty implicit keys (\": value\")"
        /// libyaml misreads keys and plain scalars inside flow collections.
        case flowCollections = "misreads keys and plain scalars inside flow collections"
        /// libyaml rejects or splits anchor names with ":" or non-ASCII letters.
        case anchorNames = "rejects or splits anchor names with \":\" or non-ASCII letters"
        /// libyaml mishandles zero-indented block scalars and trailing space-only lines.
        case blockScalars = "mishandles zero-indented block scalars and trailing space-only lines"
    }

    /// The cases libyaml 0.2.5 is known to get wrong, with why.
    static let knownDeviations: [String: Deviation] = {
        let cases: [(Deviation, String)] = [
            (.acceptsInvalid, "9C9N 9HCY 9JBA CVW2 DK95/01 EB22 G5U8 MUS6/00 MUS6/01 QB6E RHX7 S98Z SU5Z X4QW Y79Y/003 YJV2"),
            (.tabs, "6BCT 6CA3 96NN/00 96NN/01 A2M4 DK95/00 DK95/03 DK95/04 Q5MG R4YG Y79Y/001 Y79Y/010"),
            (.directives, "2LFX 6LVF BEC7 MUS6/05 MUS6/06 W4TN"),
            (.documentMarkers, "7Z25 HWV9 M7A3 QT73"),
            (.emptyKeys, "2JQS 6M2F CFD4 FRK4 M2N8/00 NHX8 NKF9 S3PD SM9W/01 UKK6/00"),
            (.flowCollections, "4ABK 4MUZ/00 4MUZ/01 4MUZ/02 58MP 5MUD 5T43 652Z 9SA2 DBG4 HM87/00 HM87/01 K3WX NJ66 UT92 VJP3/01"),
            (.anchorNames, "2SXE 8XYN W5VH Y2GN"),
            (.blockScalars, "DK3J FP8R JEF9/02 L24T/01"),
        ]
        var table: [String: Deviation] = [:]
        for (deviation, ids) in cases {
            for id in ids.split(separator: " ") { table[String(id)] = deviation }
        }
        return table
    }()

    /// All case ids, `229Q` or `2G84/00`, in code-point order.
    static func caseIDs() -> [String] {
        let fileManager = FileManager.default
        guard let names = try? fileManager.contentsOfDirectory(atPath: suiteFolder.path) else { return [] }
        var ids: [String] = []
        for name in names where name.count == 4 {
            let folder = suiteFolder.appendingPathComponent(name)
            if fileManager.fileExists(atPath: folder.appendingPathComponent("in.yaml").path) {
                ids.append(name)
            } else if let variants = try? fileManager.contentsOfDirectory(atPath: folder.path) {
                for variant in variants
                where fileManager.fileExists(atPath: folder.appendingPathComponent("\(variant)/in.yaml").path) {
                    ids.append("\(name)/\(variant)")
                }
            }
        }
        return ids.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    }

    /// What went wrong for one case, or `nil` when libyaml agrees with the suite.
    static func mismatch(in id: String) -> String? {
        let folder = suiteFolder.appendingPathComponent(id)
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("in.yaml")) else {
            return "cannot read in.yaml"
        }
        let input = String(decoding: data, as: UTF8.self)
        let expectsError = FileManager.default.fileExists(atPath: folder.appendingPathComponent("error").path)
        let result = Result { () throws(FokusError) -> [String] in try YAMLParser.testSuiteEvents(input) }
        switch (result, expectsError) {
        case (.failure, true):
            return nil
        case (.success, true):
            return "accepted, but the suite expects an error"
        case (.failure(let error), false):
            return "rejected valid YAML: \(error)"
        case (.success(let lines), false):
            let expectedText = (try? String(contentsOf: folder.appendingPathComponent("test.event"), encoding: .utf8)) ?? ""
            let expected = expectedText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                .filter { !$0.isEmpty }
            guard lines != expected else { return nil }
            let index =
                zip(lines, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(lines.count, expected.count)
            let got = index < lines.count ? lines[index] : "(end)"
            let want = index < expected.count ? expected[index] : "(end)"
            return "event \(index + 1): got \(got), expected \(want)"
        }
    }

    // The suite is test data kept outside the repository; without it there is nothing to compare.
    @Test(.enabled(if: suiteIsPresent, "yaml-test-suite not found at ../shared/data/yaml-test-suite"))
    func libyamlAgreesWithTheSuiteExceptForListedDeviations() {
        let ids = Self.caseIDs()
        #expect(ids.count > 300)
        for id in ids {
            let problem = Self.mismatch(in: id)
            switch (problem, Self.knownDeviations[id]) {
            case (nil, nil):
                continue
            case (let problem?, nil):
                Issue.record("\(id): \(problem)")
            case (nil, let deviation?):
                Issue.record("\(id) is listed as a deviation (\(deviation.rawValue)) but now passes: remove it")
            case (.some, .some):
                continue
            }
        }
    }

    @Test(.enabled(if: suiteIsPresent, "yaml-test-suite not found at ../shared/data/yaml-test-suite"))
    func everyListedDeviationIsACaseOfTheSuite() {
        let ids = Set(Self.caseIDs())
        for id in Self.knownDeviations.keys.sorted() {
            #expect(ids.contains(id), "\(id) is not a case of the suite")
        }
    }

    @Test func reportsWhenTheSuiteIsMissing() {
        if !Self.suiteIsPresent {
            print("notice: yaml-test-suite not found at \(Self.suiteFolder.path); the conformance test was skipped")
        }
    }
}
