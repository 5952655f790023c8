import CXlsxWriter
public import Fokus
import Foundation

/// The report document as an Excel workbook (libxlsxwriter): a first sheet with the summary and
/// every section's text in reading order, then one sheet per table (ranking, stability, measures,
/// budget, data files) and one per list (warnings, rules, follow-up, missing data), each with a
/// bold, frozen header row, column widths and number formats. Numbers are stored as numbers; Excel
/// shows them in the reader's locale (`0,726`, `44 %`, `400 000` in Swedish).
public enum WorkbookReport {
    /// Writes the workbook to `path`.
    /// - Throws: ``FokusError`` naming the path when the file cannot be written.
    public static func write(_ document: ReportDocument, to path: String) throws {
        // The workbook pointer stays inside this function (it is not Sendable).
        guard let workbook = workbook_new(path) else {
            throw FokusError(
                message(document.language, sv: "kan inte skapa arbetsboken", en: "cannot create the workbook"),
                at: SourceLocation(file: path))
        }
        let formats = Formats(workbook)
        var names = SheetNames()

        let summary = workbook_add_worksheet(workbook, names.unique(message(document.language, sv: "Sammanfattning", en: "Summary")))
        worksheet_set_column(summary, 0, 0, 110, formats.wrap)
        var row: lxw_row_t = 0
        func put(_ text: String, _ format: UnsafeMutablePointer<lxw_format>?) {
            worksheet_write_string(summary, row, 0, text, format)
            row += 1
        }
        put(document.title, formats.title)
        for section in document.sections {
            row += 1
            if let heading = section.heading { put(heading, formats.heading) }
            for block in section.blocks {
                switch block {
                case .paragraph(let text): put(text, formats.wrap)
                case .list(let items): items.forEach { put("• " + $0, formats.wrap) }
                case .definitions(let items): items.forEach { put("\($0.term): \($0.definition)", formats.wrap) }
                case .table(let table): put("→ " + table.caption, formats.wrap)
                case .figure: break
                }
            }
        }

        for section in document.sections {
            for block in section.blocks {
                switch block {
                case .table(let table):
                    addSheet(table, to: workbook, name: names.unique(table.caption), formats: formats)
                case .list where section.sheet != nil:
                    if let sheet = section.sheet { addSheet(sheet, to: workbook, name: names.unique(sheet.caption), formats: formats) }
                case .list(let items) where section.id != .summary && !section.blocks.contains(where: \.isTable):
                    let table = ReportTable(
                        caption: section.heading ?? "", columns: [.init(header: section.heading ?? "", alignment: .left, width: 120)],
                        rows: items.map { [ReportCell($0)] })
                    addSheet(table, to: workbook, name: names.unique(section.heading ?? "Lista"), formats: formats)
                default:
                    break
                }
            }
        }

        let result = workbook_close(workbook)
        guard result == LXW_NO_ERROR else {
            let reason = String(cString: lxw_strerror(result))
            throw FokusError(
                message(document.language, sv: "kan inte skriva arbetsboken: \(reason)", en: "cannot write the workbook: \(reason)"),
                at: SourceLocation(file: path))
        }
    }

    private static func addSheet(
        _ table: ReportTable, to workbook: UnsafeMutablePointer<lxw_workbook>, name: String, formats: Formats
    ) {
        let sheet = workbook_add_worksheet(workbook, name)
        // A column split in the workbook (`Senast/jämförelse`) takes one sheet column per part.
        var first: [Int] = []
        var next = 0
        for c in table.columns {
            first.append(next)
            let headers = c.workbookColumns.isEmpty ? [c.header] : c.workbookColumns
            for header in headers {
                worksheet_write_string(sheet, 0, lxw_col_t(next), header, formats.header)
                let width = c.workbookColumns.isEmpty ? c.width : max(10, c.width / Double(headers.count))
                worksheet_set_column(sheet, lxw_col_t(next), lxw_col_t(next), width > 0 ? width : 14, nil)
                next += 1
            }
        }
        worksheet_freeze_panes(sheet, 1, 0)
        for (index, cells) in table.rows.enumerated() {
            let row = lxw_row_t(index + 1)
            for (column, cell) in cells.enumerated() where column < first.count {
                let split = !table.columns[column].workbookColumns.isEmpty
                for (offset, part) in (split ? cell.parts : [cell]).enumerated() {
                    write(part, sheet: sheet, row: row, column: lxw_col_t(first[column] + offset), formats: formats)
                }
            }
        }
    }

    /// A cell: a number with its format, or text (nothing for `–`, no value).
    private static func write(
        _ cell: ReportCell, sheet: UnsafeMutablePointer<lxw_worksheet>?, row: lxw_row_t, column: lxw_col_t, formats: Formats
    ) {
        if let number = cell.number {
            worksheet_write_number(sheet, row, column, number, formats.number(cell.style))
        } else if cell.text != "–" && !cell.text.isEmpty {
            worksheet_write_string(sheet, row, column, cell.text, formats.wrap)
        }
    }

    private static func message(_ language: ReportLanguage, sv: String, en: String) -> String { language == .sv ? sv : en }

    /// The cell formats, created once per workbook.
    private struct Formats {
        let title, heading, header, wrap, integer, percent: UnsafeMutablePointer<lxw_format>?
        let decimals: [UnsafeMutablePointer<lxw_format>?]

        init(_ workbook: UnsafeMutablePointer<lxw_workbook>) {
            func make(_ configure: (UnsafeMutablePointer<lxw_format>?) -> Void) -> UnsafeMutablePointer<lxw_format>? {
                let format = workbook_add_format(workbook)
                configure(format)
                return format
            }
            title = make {
                format_set_bold($0); format_set_font_size($0, 14)
            }
            heading = make {
                format_set_bold($0); format_set_font_size($0, 12)
            }
            header = make {
                format_set_bold($0); format_set_text_wrap($0); format_set_bg_color($0, 0xE8EEF4);
                format_set_bottom($0, UInt8(LXW_BORDER_THIN.rawValue))
            }
            wrap = make {
                format_set_text_wrap($0); format_set_align($0, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            }
            integer = make { format_set_num_format($0, "#,##0") }
            percent = make { format_set_num_format($0, "0%") }
            decimals = (0...4).map { digits in
                make { format_set_num_format($0, digits == 0 ? "0" : "0." + String(repeating: "0", count: digits)) }
            }
        }

        func number(_ style: ReportCell.NumberStyle?) -> UnsafeMutablePointer<lxw_format>? {
            switch style {
            case .integer, nil: integer
            case .percent: percent
            case .decimal(let digits): decimals[min(max(digits, 0), 4)]
            }
        }
    }

    /// Sheet names as Excel allows them: at most 31 characters, none of `[]:*?/\`, unique.
    private struct SheetNames {
        var used: Set<String> = []

        mutating func unique(_ wanted: String) -> String {
            var base = String(wanted.map { "[]:*?/\\".contains($0) ? "-" : $0 }).trimmingCharacters(in: .whitespaces)
            if base.isEmpty { base = "Blad" }
            base = String(base.prefix(31))
            var name = base
            var n = 2
            while used.contains(name.lowercased()) {
                let suffix = " \(n)"
                name = String(base.prefix(31 - suffix.count)) + suffix
                n += 1
            }
            used.insert(name.lowercased())
            return name
        }
    }
}

extension ReportBlock {
    var isTable: Bool {
        if case .table = self { return true }
        return false
    }
}
