import Foundation
import Testing

/// `fokus evaluate --all-scopes` over a small set from the national generator, against one
/// `fokus evaluate --scope` per scope.
@Suite(.serialized)
struct AllScopesCommandTests {
    /// A small national set (290 municipalities, 3,000 events a year), generated once.
    static let generated: URL? = {
        guard let folder = try? CLIRunner.temporaryFolder() else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", CLIRunner.packageRoot.appendingPathComponent("Benchmarks/generate_national.py").path,
            "--seed", "7", "--out", folder.path, "--rows-per-year", "3000",
        ]
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? folder : nil
    }()

    /// The CSV's rows per scope: `area,rank,score` in rank order.
    static func rows(_ csv: String, scopeColumn: Bool) -> [String: [String]] {
        var rows: [String: [String]] = [:]
        for line in csv.split(separator: "\r\n").dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if scopeColumn {
                rows[cells[0], default: []].append([cells[2], cells[3], cells[4]].joined(separator: ","))
            } else {
                rows["", default: []].append([cells[1], cells[0], cells[3]].joined(separator: ","))
            }
        }
        return rows
    }

    @Test func allScopesEqualsEachScopeAlone() throws {
        let folder = try #require(Self.generated, "python3 Benchmarks/generate_national.py failed")
        let rules = folder.appendingPathComponent("rules.yaml").path
        let data = folder.appendingPathComponent("data").path
        let all = try CLIRunner.run(["evaluate", "--rules", rules, "--data", data, "--all-scopes", "--samples", "0", "--format", "csv"])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stderr.isEmpty)  // no progress when standard error is not a terminal
        let rows = Self.rows(all.stdout, scopeColumn: true)
        #expect(rows.count == 290)
        #expect(rows.values.allSatisfy { $0.count == 20 })
        for scope in ["Kungsör", "Stockholm", "Gällivare", "Malmö"] {
            let alone = try CLIRunner.run([
                "evaluate", "--rules", rules, "--data", data, "--scope", scope, "--samples", "0", "--format", "csv",
            ])
            #expect(alone.status == 0, "\(alone.stderr)")
            #expect(Self.rows(alone.stdout, scopeColumn: false)[""] == rows[scope], "\(scope)")
        }
        // A code stands for its municipality.
        let byCode = try CLIRunner.run([
            "evaluate", "--rules", rules, "--data", data, "--scope", "1960", "--samples", "0", "--format", "csv",
        ])
        #expect(Self.rows(byCode.stdout, scopeColumn: false)[""] == rows["Kungsör"])
    }

    @Test func countiesAndJSON() throws {
        let folder = try #require(Self.generated, "python3 Benchmarks/generate_national.py failed")
        let rules = folder.appendingPathComponent("rules.yaml").path
        let data = folder.appendingPathComponent("data").path
        let counties = try CLIRunner.run([
            "evaluate", "--rules", rules, "--data", data, "--all-scopes", "--level", "county", "--samples", "0", "--format", "json",
        ])
        #expect(counties.status == 0, "\(counties.stderr)")
        let reports = try JSONSerialization.jsonObject(with: Data(counties.stdout.utf8)) as! [[String: Any]]
        #expect(reports.count == 21)
        #expect(reports.map { $0["scope"] as? String }.contains("Västmanlands län"))
        let västmanland = try CLIRunner.run([
            "evaluate", "--rules", rules, "--data", data, "--scope", "Västmanlands län", "--samples", "0", "--lang", "en",
        ])
        // The text report wraps at 100 columns: compare with the line breaks and indents folded.
        let folded = västmanland.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(
            folded.contains(
                "Västmanlands län is evaluated as the sum of its municipalities (10 of 10 have crime data) and the rows filed under the county itself"
            ), "\(västmanland.stdout)")
        let usage = try CLIRunner.run(["evaluate", "--rules", rules, "--data", data, "--all-scopes", "--scope", "Kungsör"])
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("--all-scopes utvärderar alla kommuner eller polisområden; ta bort --scope"), "\(usage.stderr)")
        let text = try CLIRunner.run(["evaluate", "--rules", rules, "--data", data, "--all-scopes", "--samples", "0"])
        #expect(text.stdout.hasPrefix("Kod   Kommun eller län"))
        #expect(text.stdout.split(separator: "\n").count == 291)
    }

    @Test func theGeneratorIsDeterministic() throws {
        let folder = try #require(Self.generated, "python3 Benchmarks/generate_national.py failed")
        let again = try CLIRunner.temporaryFolder()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", CLIRunner.packageRoot.appendingPathComponent("Benchmarks/generate_national.py").path,
            "--seed", "7", "--out", again.path, "--rows-per-year", "3000",
        ]
        try process.run()
        process.waitUntilExit()
        for name in ["rules.yaml", "data/handelser.csv", "data/trygghetsundersokning.csv", "data/resurser.csv"] {
            let a = try Data(contentsOf: folder.appendingPathComponent(name))
            let b = try Data(contentsOf: again.appendingPathComponent(name))
            #expect(a == b, "\(name)")
        }
        let events = try String(contentsOf: folder.appendingPathComponent("data/handelser.csv"), encoding: .utf8)
        #expect(events.hasPrefix("datum;kommun;brottskategori;plats\n"))
        #expect(events.split(separator: "\n").count == 1 + 5 * 3000)
    }
}
