import Foundation
import Testing

@testable import Fokus

/// One file of the bad-input corpus (`Fixtures/bad-inputs/`), with what it must give, from `cases.tsv`.
struct BadInput: CustomTestStringConvertible, Sendable {
    /// How the input must fail.
    enum Outcome: String, Sendable {
        /// A rule file that does not load: an error at `line:column` of the file.
        case rules
        /// A rule file that loads but whose evaluation fails: an error at one of the file's rules.
        case evaluate
        /// A data file rejected whole: an error at `line` (0: the file as a whole).
        case rejected
        /// A data file skipped with a warning naming it.
        case skipped
        /// A data file read, with a warning at `line`.
        case warning
    }

    /// The path below `bad-inputs/`.
    var path: String
    var outcome: Outcome
    /// The line the message must name; 0 for the file as a whole; `nil` when any place in the file will do.
    var line: Int?
    /// The column (rule files).
    var column: Int?
    /// A part of the message.
    var excerpt: String

    var testDescription: String { path }

    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // BadInputs
        .deletingLastPathComponent()  // FokusTests
        .appendingPathComponent("Fixtures", isDirectory: true)

    /// Every case of `cases.tsv`.
    static let all: [BadInput] = {
        let manifest = root.appendingPathComponent("bad-inputs/cases.tsv")
        guard let text = try? String(contentsOf: manifest, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5, let outcome = Outcome(rawValue: fields[1]) else { return nil }
            return BadInput(
                path: fields[0], outcome: outcome, line: Int(fields[2]), column: Int(fields[3]).flatMap { $0 > 0 ? $0 : nil },
                excerpt: fields[4])
        }
    }()

    /// The URL, relative to the fixtures, so that messages show `bad-inputs/…`.
    var url: URL { URL(fileURLWithPath: "bad-inputs/\(path)", relativeTo: Self.root) }
    var shownPath: String { "bad-inputs/\(path)" }
}

/// The bad-input corpus: every case gives the class of error it should, at the place it should, and none crashes
/// or hangs (a crash ends the test run; the time limit catches a hang).
@Suite(.timeLimit(.minutes(2)))
struct BadInputCorpusTests {
    @Test func theCorpusHasAtLeastEightyCases() {
        #expect(BadInput.all.count >= 80)
        let files =
            FileManager.default.enumerator(atPath: BadInput.root.appendingPathComponent("bad-inputs").path)?
            .compactMap { $0 as? String }.filter { !$0.hasSuffix(".tsv") && $0.contains(".") } ?? []
        #expect(Set(files) == Set(BadInput.all.map(\.path)), "every file has a case and every case a file")
    }

    @Test(arguments: BadInput.all)
    func givesItsErrorAtItsPlace(_ input: BadInput) throws {
        switch input.outcome {
        case .rules:
            let error = #expect(throws: FokusError.self) { try RuleSetLoader.load(from: input.url) }
            try check(error?.diagnostics ?? [], input, severity: .error)
        case .evaluate:
            let rules = try RuleSetLoader.load(from: input.url)
            let data = DatasetLoader.load(
                text: "år;kommun;brottskategori;antal\n2022;Kungsör;Stöld;3\n2023;Kungsör;Stöld;5\n", name: "brott.csv")
            let error = #expect(throws: FokusError.self) { try Engine(rules: rules).evaluate(data) }
            try check(error?.diagnostics ?? [], input, severity: .error)
        case .rejected, .skipped, .warning:
            let dataset = try DatasetLoader.load(from: input.url, displayPath: input.shownPath)
            switch input.outcome {
            case .rejected:
                #expect(dataset.inputs.isEmpty, "nothing is read from a rejected file")
                #expect(dataset.rejected.map(\.path) == [input.shownPath])
                try check(dataset.rejected.flatMap(\.diagnostics), input, severity: .error)
            case .skipped:
                #expect(dataset.inputs.isEmpty && dataset.rejected.isEmpty)
                try check(dataset.warnings, input, severity: .warning)
            default:
                #expect(dataset.inputs.map(\.path) == [input.shownPath] && dataset.rejected.isEmpty)
                try check(dataset.warnings, input, severity: .warning)
            }
        }
    }

    /// One of `diagnostics` must be at the case's place and contain its excerpt; none may be huge.
    private func check(_ diagnostics: [Diagnostic], _ input: BadInput, severity: Diagnostic.Severity) throws {
        let rendered = diagnostics.map(\.description).joined(separator: "\n")
        let match = diagnostics.first { diagnostic in
            guard diagnostic.severity == severity, let location = diagnostic.location,
                location.file == input.shownPath, diagnostic.message.contains(input.excerpt)
            else { return false }
            switch input.line {
            case nil: return input.outcome != .evaluate || location.line != nil
            case 0: return location.line == nil
            case let line?:
                return location.line == line && (input.column == nil || location.column == input.column)
            }
        }
        #expect(
            match != nil,
            "expected \(severity) at \(input.shownPath):\(input.line ?? -1):\(input.column ?? 0) containing \"\(input.excerpt)\", got:\n\(rendered.prefix(2000))"
        )
        // Messages never echo a huge field, and carry no control characters once shown on a terminal.
        #expect(diagnostics.allSatisfy { $0.description.utf8.count < 2000 }, "a message is too long")
        #expect(!TerminalText.sanitized(rendered).unicodeScalars.contains { $0.value == 0x1B })
    }
}
