public import Fokus
import Foundation
import Plot

/// The report document as one self-contained HTML5 page (inline CSS and SVG, no scripts, fonts or
/// images from elsewhere) that a municipality can publish as it is.
///
/// Built with Plot's typed nodes. Plot escapes text but not attribute values, and lets existing
/// entities through: every string from data or rules goes through ``HTMLEscaping`` here, as text
/// (`.raw` of escaped text) or as an attribute value.
public struct HTMLReport {
    public let document: ReportDocument
    /// For a mail body: no SVG charts (mail programs drop them); their tables stay.
    public var forMail = false

    public init(document: ReportDocument, forMail: Bool = false) {
        self.document = document
        self.forMail = forMail
    }

    private var words: HTMLWords { HTMLWords(language: document.language) }

    /// The page, starting with `<!DOCTYPE html>`.
    public func rendered() -> String {
        let html = HTML(
            .lang(document.language == .sv ? .swedish : .english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", nodes: [text(document.title)]),
                .meta(.name("generator"), .content("Fokus")),
                .style(HTMLStyle.css)
            ),
            .body(
                .element(
                    named: "main",
                    nodes: [
                        .h1(text(document.title)),
                        .group(document.sections.map(section)),
                    ])
            )
        )
        return html.render(indentedBy: .spaces(1)) + "\n"
    }

    // MARK: Sections and blocks

    private func section(_ section: ReportSection) -> Node<HTML.BodyContext> {
        let id = "s-" + section.id.rawValue
        var nodes: [Node<HTML.BodyContext>] = []
        if let heading = section.heading { nodes.append(.h2(text(heading))) }
        nodes += section.blocks.map(block)
        return .element(
            named: "section", nodes: [attribute("id", id), attribute("class", section.heading == nil ? "summary" : "part")] + nodes)
    }

    private func block(_ block: ReportBlock) -> Node<HTML.BodyContext> {
        switch block {
        case .paragraph(let string):
            return .p(inline(string))
        case .list(let items):
            return .ul(.group(items.map { .li(inline($0)) }))
        case .definitions(let items):
            return .dl(.group(items.map { .group(.dt(text($0.term)), .dd(inline($0.definition))) }), .class("legend"))
        case .table(let table):
            return self.table(table)
        case .figure(let figure):
            return self.figure(figure)
        }
    }

    private func table(_ table: ReportTable) -> Node<HTML.BodyContext> {
        func cellClass(_ column: ReportTable.Column) -> Node<HTML.BodyContext> {
            attribute("class", column.alignment == .right ? "num" : "txt")
        }
        let head = Node<HTML.TableContext>.thead(
            .tr(
                .group(
                    table.columns.map { column in
                        .th(attribute("scope", "col"), cellClass(column), text(column.header))
                    })))
        let body = Node<HTML.TableContext>.tbody(
            .group(
                table.rows.map { row in
                    .tr(
                        .group(
                            zip(table.columns, row).map { column, cell in
                                .td(cellClass(column), cell.isCode ? .code(text(cell.text)) : text(cell.text))
                            }))
                }))
        return .div(
            .class("table-wrap"),
            .table(.caption(text(table.caption)), head, body))
    }

    // MARK: Figures

    private func figure(_ figure: ReportFigure) -> Node<HTML.BodyContext> {
        let chart: Node<HTML.BodyContext>
        let equivalent: ReportTable
        switch figure {
        case .contributions(let c):
            chart = HTMLCharts.contributions(c)
            equivalent = ReportTable(
                caption: c.title,
                columns: [.init(header: words.area, alignment: .left, width: 0)]
                    + c.factors.map { .init(header: $0, alignment: .right, width: 0) }
                    + [.init(header: words.score, alignment: .right, width: 0)],
                rows: c.bars.map { bar in
                    [ReportCell(bar.label)] + bar.segments.map { ReportCell(words.fixed($0)) } + [ReportCell(bar.scoreText)]
                })
        case .sparklines(let c):
            chart = HTMLCharts.sparklines(c)
            equivalent = ReportTable(
                caption: c.title,
                columns: [.init(header: words.area, alignment: .left, width: 0)]
                    + (c.lines.first?.periods ?? []).map { .init(header: $0, alignment: .right, width: 0) },
                rows: c.lines.map { line in
                    [ReportCell(line.label)] + line.values.map { ReportCell($0.map { words.amount($0) } ?? "–") }
                })
        case .stability(let c), .budget(let c):
            chart = HTMLCharts.bars(c)
            equivalent = ReportTable(
                caption: c.title,
                columns: [.init(header: words.area, alignment: .left, width: 0), .init(header: words.value, alignment: .right, width: 0)],
                rows: c.bars.map { [ReportCell($0.label), ReportCell($0.valueText)] })
        }
        if forMail {
            return .empty
        }
        return .element(
            named: "figure",
            nodes: [
                .element(named: "figcaption", nodes: [.strong(text(figure.title)), .text(" "), text(figure.description)]),
                chart,
                .element(named: "details", nodes: [.element(named: "summary", nodes: [text(words.asTable)]), table(equivalent)]),
            ])
    }
}

// MARK: Helpers shared by the page and its charts

/// A text node with every character from data or rules escaped (Plot lets existing entities through).
func text<Context>(_ string: String) -> Node<Context> { .raw(Escaping.htmlText(string)) }

/// An attribute whose value is escaped (Plot writes attribute values as given).
func attribute<Context>(_ name: String, _ value: String) -> Node<Context> {
    .attribute(named: name, value: Escaping.htmlAttribute(value))
}

/// Text with `code` spans where the report writes them between backticks (`` `categories:` ``).
func inline(_ string: String) -> Node<HTML.BodyContext> {
    let parts = string.split(separator: "`", omittingEmptySubsequences: false)
    guard parts.count >= 3 else { return text(string) }
    return .group(
        parts.enumerated().map { index, part -> Node<HTML.BodyContext> in
            index % 2 == 1 && index < parts.count - 1 ? .code(text(String(part))) : text(String(part))
        })
}

/// The few words the page adds around the document (the table equivalents of the charts).
struct HTMLWords {
    let language: ReportLanguage

    private func pick(sv: String, en: String) -> String { language == .sv ? sv : en }

    var area: String { pick(sv: "Område", en: "Area") }
    var score: String { pick(sv: "Poäng", en: "Score") }
    var value: String { pick(sv: "Värde", en: "Value") }
    var asTable: String { pick(sv: "Visa som tabell", en: "Show as a table") }

    func fixed(_ value: Double) -> String {
        let text = String(format: "%.3f", value)
        return language == .sv ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    func amount(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : fixed(value)
    }
}
