import Foundation
import Testing

/// What `fokus evaluate` and `fokus check` print about bad data files: every problem once, and a
/// closing count that counts exactly the problems listed.
struct DataFileErrorsCommandTests {
    /// The lines of standard error that are problems (`file:line: …`), not headings or hints.
    private func problemLines(_ stderr: String) -> [Substring] {
        stderr.split(separator: "\n").filter { line in
            guard let colon = line.firstIndex(of: ":") else { return false }
            let rest = line[line.index(after: colon)...]
            return rest.first?.isNumber == true
        }
    }

    @Test func theErrorCountEqualsTheProblemsListed() throws {
        let data = try CLIRunner.copyOfSample()
        defer { try? FileManager.default.removeItem(at: data) }
        // A header with the count twice, two bad counts, and one unknown period on 26 rows.
        try Data("år;kommun;antal;antal;brottskategori\n2023;Kungsör;1;1;Rån\n".utf8)
            .write(to: data.appendingPathComponent("dubbel.csv"))
        var rows = "år;kommun;brottskategori;antal\n2023;Kungsör;Stöld;tolv\n2023;Kungsör;Rån;-1\n"
        for _ in 0..<26 { rows += "vecka 3;Kungsör;Stöld;1\n" }
        try Data(rows.utf8).write(to: data.appendingPathComponent("extra.csv"))

        let r = try CLIRunner.run(["evaluate", "--data", data.path, "--lang", "en"])
        #expect(r.status == 1)
        let problems = problemLines(r.stderr)
        #expect(problems.count == 4, "\(r.stderr)")
        #expect(r.stderr.hasSuffix("\n4 errors\n"), "\(r.stderr)")
        #expect(
            r.stderr.contains(
                "extra.csv:4: år: \"vecka 3\" is not a period; write 2023, 2023-Q4 or 2023-11 (26 rows like this, on lines 4, 5, 6, 7, 8, …)"
            ))
        #expect(
            r.stderr.contains("dubbel.csv:1: error: the header has 2 columns for the count: \"antal\" (column 3) and \"antal\" (column 4)"))

        let check = try CLIRunner.run(["check", "rules", "--data", data.path])
        #expect(problemLines(check.stderr).filter { $0.contains(data.lastPathComponent) }.count == 4, "\(check.stderr)")
        #expect(check.stderr.hasSuffix("\n4 fel\n"), "\(check.stderr)")
        #expect(
            check.stderr.contains("dubbel.csv:1: fel: rubrikraden har 2 kolumner för antalet: ”antal” (kolumn 3) och ”antal” (kolumn 4)"),
            "\(check.stderr)")

        let goingOn = try CLIRunner.run(["evaluate", "--data", data.path, "--keep-going", "--samples", "0", "--format", "md"])
        #expect(goingOn.status == 0, "\(goingOn.stderr)")
        #expect(goingOn.stdout.contains("varning: filen användes inte:"), "\(goingOn.stdout)")
        #expect(goingOn.stdout.contains("antal: ”tolv” är inget tal; antal är heltal ≥ 0 (det första av 3 fel)"), "\(goingOn.stdout)")
        let swedish = try CLIRunner.run(["evaluate", "--data", data.path])
        #expect(
            swedish.stderr.contains(
                "extra.csv:4: år: ”vecka 3” är ingen period; skriv 2023, 2023-Q4 eller 2023-11 (26 rader som den här, på rad 4, 5, 6, 7, 8, …)"
            ), "\(swedish.stderr)")
    }

    @Test func errorsBeyondTheListedOnesAreCountedAndSaidToBeUnlisted() throws {
        let data = try CLIRunner.copyOfSample()
        defer { try? FileManager.default.removeItem(at: data) }
        let rows = (1...60).map { "2023;Kungsör;Stöld;x\($0)\n" }.joined()
        try Data(("år;kommun;brottskategori;antal\n" + rows).utf8).write(to: data.appendingPathComponent("extra.csv"))
        let r = try CLIRunner.run(["evaluate", "--data", data.path, "--lang", "en"])
        #expect(r.status == 1)
        #expect(problemLines(r.stderr).count == 50)
        #expect(r.stderr.contains("extra.csv: error: … and 10 more errors\n"))
        #expect(r.stderr.hasSuffix("\n60 errors (50 listed, 10 more not listed)\n"), "\(r.stderr)")
        let swedish = try CLIRunner.run(["evaluate", "--data", data.path])
        #expect(swedish.stderr.contains("extra.csv: fel: … och 10 fel till\n"), "\(swedish.stderr)")
        #expect(swedish.stderr.hasSuffix("\n60 fel (50 listade, 10 till som inte listas)\n"), "\(swedish.stderr)")
    }
}
