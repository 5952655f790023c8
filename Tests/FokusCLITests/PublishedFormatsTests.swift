import Foundation
import Testing

/// The HTML page and the workbook as users get them: written with `--output`, read back by a real
/// HTML5 parser (html5lib), headless Chromium and openpyxl; names with markup, quotes and line breaks
/// shown as text.
struct PublishedFormatsTests {
    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts")

    static func python(_ script: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scripts.appendingPathComponent(script).path] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    static func hasPythonModule(_ name: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import \(name)"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    static let hasChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].contains {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// The bundled rules with the fraud area renamed to a name full of markup.
    static let markupName = "<b>Bedrägerier</b> & \"citat\" 'enkla' <script>alert(1)</script>\nrad två"

    static func rulesWithMarkupName() throws -> URL {
        let folder = try CLIRunner.temporaryFolder().appendingPathComponent("rules")
        try FileManager.default.copyItem(at: CLIRunner.packageRoot.appendingPathComponent("rules"), to: folder)
        let file = folder.appendingPathComponent("10-omraden.yaml")
        let yaml = try String(contentsOf: file, encoding: .utf8)
        let quoted =
            "\""
            + markupName.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
        let renamed = yaml.replacingOccurrences(of: "    name: Bedrägerier\n", with: "    name: \(quoted)\n")
        #expect(renamed != yaml)
        try renamed.write(to: file, atomically: true, encoding: .utf8)
        return folder
    }

    @Test(.enabled(if: hasPythonModule("html5lib"), "html5lib is installed by make test"), arguments: ["sv", "en"])
    func thePageIsValidSelfContainedHTML5InItsLanguage(language: String) throws {
        let page = try CLIRunner.temporaryFolder().appendingPathComponent("report.html")
        let r = try CLIRunner.run(["evaluate", "--format", "html", "--lang", language, "--output", page.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let lead = language == "sv" ? "Förslag: fokusera på" : "Proposal: focus on"
        let check = try Self.python("check_page.py", [page.path, "--lang", language, "--expect-text", lead])
        #expect(check.status == 0, "\(check.output)")
        let html = try String(contentsOf: page, encoding: .utf8)
        // Every visible heading of the other language is absent.
        let other = language == "sv" ? ["Ranking", "Measure plan", "Warnings"] : ["Rangordning", "Åtgärdsplan", "Varningar"]
        for word in other { #expect(!html.contains(">\(word)<"), "\(word) in the \(language) page") }
    }

    @Test(.enabled(if: hasPythonModule("html5lib") && hasChromium, "chromium and html5lib are installed by make test"))
    func chromiumRendersThePage() throws {
        let folder = try CLIRunner.temporaryFolder()
        let page = folder.appendingPathComponent("report.html")
        #expect(try CLIRunner.run(["evaluate", "--format", "html", "--output", page.path]).status == 0)
        let check = try Self.python(
            "check_page.py", [page.path, "--screenshot", folder.appendingPathComponent("page.png").path, "--size", "1200x1600"])
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("screenshot 1200x1600"), "\(check.output)")
    }

    static let hasPDFTools = ["/usr/bin/pdfinfo", "/usr/bin/pdftotext"].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: hasPythonModule("html5lib") && hasChromium && hasPDFTools, "chromium and poppler-utils are installed by make test"))
    func chromiumPrintsThePageToA4WithEveryTableWhole() throws {
        let folder = try CLIRunner.temporaryFolder()
        let state = folder.appendingPathComponent("fokus.sqlite").path
        #expect(try CLIRunner.run(["adopt", "trafik", "--from", "2022", "--state", state]).status == 0)
        let page = folder.appendingPathComponent("report.html")
        #expect(try CLIRunner.run(["evaluate", "--format", "html", "--output", page.path, "--state", state]).status == 0)
        let pdf = folder.appendingPathComponent("report.pdf")
        let check = try Self.python("check_page.py", [page.path, "--pdf", pdf.path, "--pages", "3-12"])
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("pdf "), "\(check.output)")
        let size = (try FileManager.default.attributesOfItem(atPath: pdf.path)[.size] as? Int) ?? 0
        #expect(size > 10_000, "the PDF is \(size) bytes")
        // The print style: A4, no backgrounds, the tables unclipped and not split across pages.
        let html = try String(contentsOf: page, encoding: .utf8)
        for rule in ["@page { size: A4", ".table-wrap { overflow: visible", "background: #ffffff !important", "break-inside: avoid"] {
            #expect(html.contains(rule), "the print style lacks \(rule)")
        }
    }

    @Test(.enabled(if: hasPythonModule("html5lib"), "html5lib is installed by make test"))
    func namesWithMarkupQuotesAndLineBreaksAreTextInThePage() throws {
        let rules = try Self.rulesWithMarkupName()
        let page = rules.deletingLastPathComponent().appendingPathComponent("report.html")
        let r = try CLIRunner.run(["evaluate", "--rules", rules.path, "--format", "html", "--output", page.path])
        #expect(r.status == 0, "\(r.stderr)")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>Bedrägerier"))
        #expect(html.contains("&lt;b&gt;Bedrägerier&lt;/b&gt; &amp; \"citat\" 'enkla' &lt;script&gt;alert(1)&lt;/script&gt;"))
        // In an attribute (the charts' aria-label) the quotes are entities and the line break a space.
        #expect(
            html.contains(
                "aria-label=\"&lt;b&gt;Bedrägerier&lt;/b&gt; &amp; &quot;citat&quot; &#39;enkla&#39; &lt;script&gt;alert(1)&lt;/script&gt; rad två\""
            ))
        let check = try Self.python("check_page.py", [page.path, "--expect-text", "<b>Bedrägerier</b> & \"citat\""])
        #expect(check.status == 0, "\(check.output)")
    }

    @Test(.enabled(if: hasPythonModule("openpyxl"), "openpyxl is installed by make test"))
    func theWorkbookReadsBackWithItsSheetsNumbersAndNames() throws {
        let rules = try Self.rulesWithMarkupName()
        let book = rules.deletingLastPathComponent().appendingPathComponent("report.xlsx")
        let r = try CLIRunner.run(["evaluate", "--rules", rules.path, "--format", "xlsx", "--output", book.path])
        #expect(r.status == 0, "\(r.stderr)")
        let read = try Self.python("check_workbook.py", [book.path])
        #expect(read.status == 0, "\(read.output)")
        let sheets = try #require(try JSONSerialization.jsonObject(with: Data(read.output.utf8)) as? [[String: Any]])
        let names = sheets.compactMap { $0["name"] as? String }
        #expect(
            names == [
                "Sammanfattning", "Rangordning", "Regler som slog till", "Stabilitet", "Åtgärder", "Budget", "Saknade underlag",
                "Varningar", "Datafiler",
            ])
        let ranking = try #require(sheets.first { $0["name"] as? String == "Rangordning" })
        #expect(ranking["freeze"] as? String == "A2")
        let rows = try #require(ranking["rows"] as? [[Any]])
        #expect(rows[0].prefix(4).compactMap { $0 as? String } == ["#", "Område", "id", "Poäng"])
        #expect(rows[1][1] as? String == Self.markupName)
        #expect(rows[1][2] as? String == "bedrageri")
        let score = try #require(rows[1][3] as? Double)
        #expect(abs(score - 0.7255) < 0.001)
        #expect((ranking["formats"] as? [String])?.prefix(5) == ["#,##0", "General", "General", "0.000", "0.00"])
        // The text report's "Senast/jämförelse" (132/86,7) is two numeric columns, each with its number format.
        #expect(rows[0][5] as? String == "Senast" && rows[0][6] as? String == "Jämförelse", "\(rows[0])")
        #expect(rows[1][5] as? Int == 132, "\(rows[1])")
        let baseline = try #require(rows[1][6] as? Double)
        #expect(abs(baseline - 86.667) < 0.001)
        #expect((ranking["formats"] as? [String])?[5...7] == ["#,##0", "0.0", "0%"])
        // Every figure of the ranking is a number cell; only the names, the id and "ja"/"nej" are text.
        let types = try #require(ranking["types"] as? [String])
        #expect(types == ["n", "s", "s", "n", "n", "n", "n", "n", "n", "n", "n", "s"], "\(types)")
        let budget = try #require(sheets.first { $0["name"] as? String == "Budget" })
        let budgetRows = try #require(budget["rows"] as? [[Any]])
        #expect(budgetRows[1][0] as? String == "budget_kr")
        #expect(budgetRows[1][1] as? Int == 400_000)
    }

    @Test(.enabled(if: hasPythonModule("openpyxl"), "openpyxl is installed by make test"))
    func theFollowUpIsASheetOfNumbers() throws {
        let folder = try CLIRunner.temporaryFolder()
        let state = folder.appendingPathComponent("fokus.sqlite").path
        #expect(try CLIRunner.run(["adopt", "trafik", "--from", "2022", "--measures", "hastighet", "--state", state]).status == 0)
        let book = folder.appendingPathComponent("report.xlsx")
        let r = try CLIRunner.run(["evaluate", "--format", "xlsx", "--output", book.path, "--state", state])
        #expect(r.status == 0, "\(r.stderr)")
        let read = try Self.python("check_workbook.py", [book.path])
        let sheets = try #require(try JSONSerialization.jsonObject(with: Data(read.output.utf8)) as? [[String: Any]])
        let followUp = try #require(sheets.first { $0["name"] as? String == "Uppföljning" }, "\(read.output)")
        let rows = try #require(followUp["rows"] as? [[Any]])
        #expect(
            rows[0].compactMap { $0 as? String }.prefix(8) == [
                "Område", "id", "Antagen från", "Läge", "Snitt sedan antagandet", "Snitt före", "Trend (z)", "Oro (procentenheter)",
            ])
        #expect(rows[1][1] as? String == "trafik" && rows[1][2] as? String == "2022")
        #expect(rows[1][8] as? String == "hastighet")
        #expect((followUp["types"] as? [String])?[4...7] == ["n", "n", "n", "n"], "\(followUp)")
        #expect((followUp["formats"] as? [String])?[4...7] == ["0.0", "0.0", "0.00", "0"], "\(followUp)")
        for column in 4...7 { #expect(rows[1][column] is Double || rows[1][column] is Int, "\(rows[1])") }
    }

    @Test func theWorkbookIsNeverWrittenToATerminal() throws {
        let r = try CLIRunner.run(["evaluate", "--format", "xlsx"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--output"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func anOutputFileThatCannotBeWrittenIsAClearError() throws {
        let r = try CLIRunner.run(["evaluate", "--format", "html", "--output", "/nonexistent-folder/report.html"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("/nonexistent-folder/report.html"), "\(r.stderr)")
        let book = try CLIRunner.run(["evaluate", "--format", "xlsx", "--output", "/nonexistent-folder/report.xlsx"])
        #expect(book.status == 1)
        #expect(book.stderr.contains("kan inte skriva arbetsboken"), "\(book.stderr)")
    }
}
