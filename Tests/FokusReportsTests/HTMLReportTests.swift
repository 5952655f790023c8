import Fokus
import FokusReports
import Foundation
import Testing

/// The published formats built from a real evaluation of the bundled rules and sample.
struct HTMLReportTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let evaluation: Evaluation = {
        let rules = try! RuleSetLoader.load(from: root.appendingPathComponent("rules"))
        let data = try! DatasetLoader.load(from: root.appendingPathComponent("Samples/kungsor"), displayPath: "Samples/kungsor")
        var sensitivity = rules.sensitivity
        sensitivity.samples = 200
        return try! Engine(rules: rules).evaluate(data, sensitivity: sensitivity)
    }()

    @Test func thePageFollowsTheDocumentsSectionsInOrder() {
        let document = Self.evaluation.reportDocument(language: .sv)
        let page = HTMLReport(document: document).rendered()
        let ids = document.sections.map { "id=\"s-\($0.id.rawValue)\"" }
        let positions = ids.compactMap { page.range(of: $0)?.lowerBound }
        #expect(positions.count == ids.count)
        #expect(positions == positions.sorted())
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<html lang=\"sv\">"))
    }

    @Test func theMailBodyHasTheSameReportAsTextAndAsHTMLWithoutCharts() {
        let mail = Self.evaluation.mailBody(language: .en)
        #expect(mail.text.hasPrefix("Fokus — "))
        #expect(mail.text.contains("Proposal: focus on"))
        #expect(mail.text.split(separator: "\n").allSatisfy { $0.count <= 100 })
        #expect(mail.html.contains("Proposal: focus on"))
        #expect(mail.html.contains("<html lang=\"en\">"))
        #expect(!mail.html.contains("<svg"))
        #expect(mail.html.contains("<table"))
        #expect(Self.evaluation.htmlPage(language: .en).contains("<svg"))
    }

    @Test func everyChartHasATitleADescriptionAndATableBesideIt() {
        let page = Self.evaluation.htmlPage()
        let charts = page.components(separatedBy: "<svg").count - 1
        #expect(charts >= 3)
        #expect(page.components(separatedBy: "role=\"img\"").count - 1 == charts)
        #expect(page.components(separatedBy: "<desc>").count - 1 == charts)
        #expect(page.contains("<summary>Visa som tabell</summary>"))
    }

    @Test func theWorkbookIsAZipWithTheSheets() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("fokus-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: file) }
        try WorkbookReport.write(Self.evaluation.reportDocument(), to: file.path)
        let bytes = try Data(contentsOf: file)
        #expect(bytes.prefix(2) == Data("PK".utf8))
        #expect(bytes.count > 5000)
    }

    @Test func aWorkbookThatCannotBeWrittenThrowsWithThePath() {
        #expect {
            try WorkbookReport.write(Self.evaluation.reportDocument(language: .en), to: "/nonexistent-folder/r.xlsx")
        } throws: { error in
            "\(error)".contains("/nonexistent-folder/r.xlsx") && "\(error)".contains("cannot write the workbook")
        }
    }
}
