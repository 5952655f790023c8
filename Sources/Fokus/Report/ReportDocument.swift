/// One report, built once from an ``Evaluation``: a title and sections of headings, paragraphs,
/// lists, tables and figures, every string already in the report's language.
///
/// The text, Markdown and HTML reports, the mail body and the workbook only serialise it, so they
/// show the same things in the same order. Figures carry their data (an HTML page draws them; the
/// text formats show their `textLines`, when any, since the tables already hold the figures).
public struct ReportDocument: Sendable, Hashable {
    /// The report's language.
    public var language: ReportLanguage
    /// "Medborgarlöfte Kungsör · Kungsör · 2023".
    public var title: String
    /// The sections, in reading order.
    public var sections: [ReportSection]

    /// The section with `id`, if present.
    public func section(_ id: ReportSection.ID) -> ReportSection? { sections.first { $0.id == id } }
}

/// One section of a report: an optional heading and its blocks.
public struct ReportSection: Sendable, Hashable, Identifiable {
    /// The sections a report can have, in the order they appear.
    public enum ID: String, Sendable, Hashable, CaseIterable {
        case summary, changes, ranking, trends, rules, stability, plan, followUp, missing, warnings, sources, method
    }

    public var id: ID
    /// The heading; `nil` for the summary, which opens the report under its title.
    public var heading: String?
    public var blocks: [ReportBlock]
    /// The section's figures as a table for the workbook, where the other formats say them in prose (the
    /// follow-up): the workbook shows it as a sheet of numeric cells instead of the section's list.
    public var sheet: ReportTable? = nil
}

/// A piece of a section.
public enum ReportBlock: Sendable, Hashable {
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
public struct ReportDefinition: Sendable, Hashable {
    public var term: String
    public var definition: String
}

/// A table: headers, alignments and cells that carry their number as well as their text.
public struct ReportTable: Sendable, Hashable {
    public enum Alignment: Sendable, Hashable { case left, right }

    /// One column.
    public struct Column: Sendable, Hashable {
        public var header: String
        public var alignment: Alignment
        /// The column's width in the workbook, in characters.
        public var width: Double
        /// A shorter header for the text report (a signal's id for its name).
        public var abbreviation: String?
        /// The headers of the columns the workbook splits this one into, each cell's ``ReportCell/parts`` one per
        /// column (`Senast`, `Jämförelse` for `57/40`); empty for one column.
        public var workbookColumns: [String] = []

        public init(header: String, alignment: Alignment, width: Double, abbreviation: String? = nil) {
            self.header = header
            self.alignment = alignment
            self.width = width
            self.abbreviation = abbreviation
        }
    }

    /// What a table is about (the workbook's sheet name, the HTML caption).
    public var caption: String
    public var columns: [Column]
    public var rows: [[ReportCell]]

    public init(caption: String, columns: [Column], rows: [[ReportCell]]) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
    }
}

/// A table cell: its text in the report's language and, for a figure, the number behind it and
/// the number format a spreadsheet shows it with.
public struct ReportCell: Sendable, Hashable, ExpressibleByStringLiteral {
    /// How a number is shown in a spreadsheet.
    public enum NumberStyle: Sendable, Hashable {
        /// A whole number (grouped in thousands).
        case integer
        /// A decimal with this many digits.
        case decimal(Int)
        /// A share 0…1 shown as a percentage.
        case percent
    }

    public var text: String
    public var number: Double?
    public var style: NumberStyle?
    /// Set on the cell that holds an area's or measure's id, for `code` markup.
    public var isCode = false
    /// The cells the workbook writes in the columns of ``ReportTable/Column/workbookColumns`` (the figures of a
    /// `57/40` cell, each a number); empty otherwise.
    public var parts: [ReportCell] = []

    public init(_ text: String, number: Double? = nil, style: NumberStyle? = nil, isCode: Bool = false) {
        self.text = text
        self.number = number.flatMap { $0.isFinite ? $0 : nil }
        self.style = style
        self.isCode = isCode
    }

    public init(stringLiteral value: String) { self.init(value) }
}

/// A chart and the data it draws.
public enum ReportFigure: Sendable, Hashable {
    /// Each area's score as a stacked bar of its factors' contributions.
    case contributions(ContributionChart)
    /// Each area's counts per period with the baseline and the compared period marked.
    case sparklines(SparklineChart)
    /// Each area's share of samples in which it is selected.
    case stability(BarChart)
    /// Each resource's use against its budget.
    case budget(BarChart)

    /// A short title (the SVG `title`).
    public var title: String {
        switch self {
        case .contributions(let c): c.title
        case .sparklines(let c): c.title
        case .stability(let c), .budget(let c): c.title
        }
    }

    /// What the chart shows, in a sentence (the SVG `desc`).
    public var description: String {
        switch self {
        case .contributions(let c): c.description
        case .sparklines(let c): c.description
        case .stability(let c), .budget(let c): c.description
        }
    }
}

/// Stacked bars: one bar per area, one segment per factor.
public struct ContributionChart: Sendable, Hashable {
    public struct Bar: Sendable, Hashable {
        public var label: String
        public var segments: [Double]
        /// The final score (after rules), marked on the bar.
        public var score: Double
        public var scoreText: String
        public var selected: Bool
    }

    public var title: String
    public var description: String
    /// The factors' names, one a segment, in segment order.
    public var factors: [String]
    public var bars: [Bar]
}

/// Small line charts, one per area.
public struct SparklineChart: Sendable, Hashable {
    public struct Line: Sendable, Hashable {
        public var label: String
        /// Counts per period, oldest first; `nil` where a period has no data or is left out.
        public var values: [Double?]
        /// The periods' labels, one a value.
        public var periods: [String]
        /// The indices of the baseline periods.
        public var baseline: [Int]
        /// The baseline mean, drawn as a level.
        public var baselineMean: Double?
        /// The index of the compared (evaluated) period.
        public var compared: Int?
        /// The line in words: "98, 87, 86, 132".
        public var summary: String
    }

    public var title: String
    public var description: String
    public var lines: [Line]
    /// A label for the baseline mark and the compared mark.
    public var baselineLabel: String
    public var comparedLabel: String
}

/// Horizontal bars with a maximum: shares of samples, or use against a budget.
public struct BarChart: Sendable, Hashable {
    public struct Bar: Sendable, Hashable {
        public var label: String
        public var value: Double
        public var maximum: Double
        public var valueText: String
        public var highlighted: Bool
    }

    public var title: String
    public var description: String
    public var bars: [Bar]
}

extension ReportDocument {
    /// The document as plain text in lines of at most `width` characters (the terminal report).
    public func plainText(width: Int = 100) -> String { TextReport(document: self, width: width).rendered() }

    /// The document as Markdown.
    public func markdown() -> String { MarkdownReport(document: self).rendered() }
}
