/// One report, built once from an ``Evaluation``: a title and sections of headings, paragraphs,
/// lists, tables and figures, every string already in the report's language.
///
/// The text, Markdown and HTML reports, the mail body and the workbook only serialise it, so they
/// show the same things in the same order. Figures carry their data (an HTML page draws them; the
/// text formats show their `textLines`, when any, since the tables already hold the figures).
public struct ReportDocument: Sendable, Hashable {
    /// The report's language.
    public internal(set) var language: ReportLanguage
    /// "Medborgarlöfte Kungsör · Kungsör · 2023".
    public internal(set) var title: String
    /// The sections, in reading order.
    package var sections: [ReportSection]

    /// The section with `id`, if present.
    package func section(_ id: ReportSection.ID) -> ReportSection? { sections.first { $0.id == id } }
}

/// One section of a report: an optional heading and its blocks.
package struct ReportSection: Sendable, Hashable, Identifiable {
    /// The sections a report can have, in the order they appear.
    package enum ID: String, Sendable, Hashable, CaseIterable {
        case summary, changes, ranking, trends, rules, stability, plan, followUp, missing, warnings, sources, method
    }

    package var id: ID
    /// The heading; `nil` for the summary, which opens the report under its title.
    package var heading: String?
    package var blocks: [ReportBlock]
    /// The section's figures as a table for the workbook, where the other formats say them in prose (the
    /// follow-up): the workbook shows it as a sheet of numeric cells instead of the section's list.
    package var sheet: ReportTable? = nil
}

/// A piece of a section.
package enum ReportBlock: Sendable, Hashable {
    /// A paragraph of plain text.
    case paragraph(String)
    /// A bulleted list of plain-text items.
    case list([String])
    /// Terms with their explanations (the legend of a table's columns).
    case definitions([ReportDefinition])
    /// A table.
    case table(ReportTable)
    /// A chart, with its data.
    case figure(ReportFigure)
}

/// A term and what it means.
package struct ReportDefinition: Sendable, Hashable {
    package var term: String
    package var definition: String
}

/// A table: headers, alignments and cells that carry their number as well as their text.
package struct ReportTable: Sendable, Hashable {
    package enum Alignment: Sendable, Hashable { case left, right }

    /// One column.
    package struct Column: Sendable, Hashable {
        package var header: String
        package var alignment: Alignment
        /// The column's width in the workbook, in characters.
        package var width: Double
        /// A shorter header for the text report (a signal's id for its name).
        package var abbreviation: String?
        /// The headers of the columns the workbook splits this one into, each cell's ``ReportCell/parts`` one per
        /// column (`Senast`, `Jämförelse` for `57/40`); empty for one column.
        package var workbookColumns: [String] = []

        package init(header: String, alignment: Alignment, width: Double, abbreviation: String? = nil) {
            self.header = header
            self.alignment = alignment
            self.width = width
            self.abbreviation = abbreviation
        }
    }

    /// What a table is about (the workbook's sheet name, the HTML caption).
    package var caption: String
    package var columns: [Column]
    package var rows: [[ReportCell]]

    package init(caption: String, columns: [Column], rows: [[ReportCell]]) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
    }
}

/// A table cell: its text in the report's language and, for a figure, the number behind it and
/// the number format a spreadsheet shows it with.
package struct ReportCell: Sendable, Hashable, ExpressibleByStringLiteral {
    /// How a number is shown in a spreadsheet.
    package enum NumberStyle: Sendable, Hashable {
        /// A whole number (grouped in thousands).
        case integer
        /// A decimal with this many digits.
        case decimal(Int)
        /// A share 0…1 shown as a percentage.
        case percent
    }

    package var text: String
    package var number: Double?
    package var style: NumberStyle?
    /// Set on the cell that holds an area's or measure's id, for `code` markup.
    package var isCode = false
    /// The cells the workbook writes in the columns of ``ReportTable/Column/workbookColumns`` (the figures of a
    /// `57/40` cell, each a number); empty otherwise.
    package var parts: [ReportCell] = []

    package init(_ text: String, number: Double? = nil, style: NumberStyle? = nil, isCode: Bool = false) {
        self.text = text
        self.number = number.flatMap { $0.isFinite ? $0 : nil }
        self.style = style
        self.isCode = isCode
    }

    package init(stringLiteral value: String) { self.init(value) }
}

/// A chart and the data it draws.
package enum ReportFigure: Sendable, Hashable {
    /// Each area's score as a stacked bar of its factors' contributions.
    case contributions(ContributionChart)
    /// Each area's counts per period with the baseline and the compared period marked.
    case sparklines(SparklineChart)
    /// Each area's share of samples in which it is selected.
    case stability(BarChart)
    /// Each resource's use against its budget.
    case budget(BarChart)

    /// A short title (the SVG `title`).
    package var title: String {
        switch self {
        case .contributions(let c): c.title
        case .sparklines(let c): c.title
        case .stability(let c), .budget(let c): c.title
        }
    }

    /// What the chart shows, in a sentence (the SVG `desc`).
    package var description: String {
        switch self {
        case .contributions(let c): c.description
        case .sparklines(let c): c.description
        case .stability(let c), .budget(let c): c.description
        }
    }
}

/// Stacked bars: one bar per area, one segment per factor.
package struct ContributionChart: Sendable, Hashable {
    package struct Bar: Sendable, Hashable {
        package var label: String
        package var segments: [Double]
        /// The final score (after rules), marked on the bar.
        package var score: Double
        package var scoreText: String
        package var selected: Bool
    }

    package var title: String
    package var description: String
    /// The factors' names, one a segment, in segment order.
    package var factors: [String]
    package var bars: [Bar]
}

/// Small line charts, one per area.
package struct SparklineChart: Sendable, Hashable {
    package struct Line: Sendable, Hashable {
        package var label: String
        /// Counts per period, oldest first; `nil` where a period has no data or is left out.
        package var values: [Double?]
        /// The periods' labels, one a value.
        package var periods: [String]
        /// The indices of the baseline periods.
        package var baseline: [Int]
        /// The baseline mean, drawn as a level.
        package var baselineMean: Double?
        /// The index of the compared (evaluated) period.
        package var compared: Int?
        /// The line in words: "98, 87, 86, 132".
        package var summary: String
    }

    package var title: String
    package var description: String
    package var lines: [Line]
    /// A label for the baseline mark and the compared mark.
    package var baselineLabel: String
    package var comparedLabel: String
}

/// Horizontal bars with a maximum: shares of samples, or use against a budget.
package struct BarChart: Sendable, Hashable {
    package struct Bar: Sendable, Hashable {
        package var label: String
        package var value: Double
        package var maximum: Double
        package var valueText: String
        package var highlighted: Bool
    }

    package var title: String
    package var description: String
    package var bars: [Bar]
}

extension ReportDocument {
    /// The document as plain text in lines of at most `width` characters (the terminal report).
    public func plainText(width: Int = 100) -> String { TextReport(document: self, width: width).rendered() }

    /// The document as Markdown.
    public func markdown() -> String { MarkdownReport(document: self).rendered() }
}
