import Foundation
import Testing

/// `fokus check` says what is wrong with the rules in Swedish by default and in English with `--lang en`, with the
/// place, the source line and the caret either way.
@Suite struct SwedishDiagnosticsCommandTests {
    /// A rule file whose `when:` has an unclosed parenthesis and whose second rule names `trend.zz`.
    private func ruleFile() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fokus-sv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("regler.yaml")
        try """
        name: Test
        areas:
          - id: trafik
            categories: [Trafikbrott]
        rules:
          - id: skarp
            when: trend.z >= 2 and (concern.raw > 0.3
            then: {boost: 0.1}
          - id: stavfel
            when: trend.zz > 1
            then: {boost: 0.1}
        """.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func checkSaysAnExpressionErrorInSwedishByDefault() throws {
        let file = try ruleFile()
        let r = try CLIRunner.run(["check", file.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("regler.yaml:7:28: fel: i `when`: `(` stängs aldrig; avslutande `)` saknas"), "\(r.stderr)")
        #expect(r.stderr.contains("regler.yaml:10:11: fel: i `when`: okänt namn `trend.zz`; menade du `trend.z`?"), "\(r.stderr)")
        #expect(r.stderr.contains("                           ^"), "the caret under the parenthesis: \(r.stderr)")
        #expect(!r.stderr.contains("never closed") && !r.stderr.contains("unknown name"), "\(r.stderr)")
    }

    @Test func checkSaysItInEnglishWithLangEn() throws {
        let file = try ruleFile()
        let r = try CLIRunner.run(["check", file.path, "--lang", "en"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("regler.yaml:7:28: error: in `when`: this `(` is never closed with `)`"), "\(r.stderr)")
        #expect(r.stderr.contains("regler.yaml:10:11: error: in `when`: unknown name `trend.zz`; did you mean `trend.z`?"), "\(r.stderr)")
        #expect(!r.stderr.contains("fel:") && !r.stderr.contains("stängs aldrig"), "\(r.stderr)")
    }

    @Test func aYAMLSyntaxErrorIsSwedishToo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fokus-sv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("regler.yaml")
        try "name: Test\nareas:\n  - id: trafik\n    categories: [Trafikbrott\n".write(to: file, atomically: true, encoding: .utf8)
        let sv = try CLIRunner.run(["check", file.path])
        #expect(sv.stderr.contains("fel: ") && sv.stderr.contains("stäng listan med ]"), "\(sv.stderr)")
        let en = try CLIRunner.run(["check", file.path, "--lang", "en"])
        #expect(en.stderr.contains("error: ") && en.stderr.contains("close the list with ]"), "\(en.stderr)")
    }
}
