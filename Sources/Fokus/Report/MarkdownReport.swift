/// The report document as Markdown, for wikis and meeting notes.
struct MarkdownReport {
    let document: ReportDocument

    func rendered() -> String {
        var out: [String] = ["# " + escaped(document.title)]
        for section in document.sections {
            out.append("")
            if let heading = section.heading {
                out.append("## " + escaped(heading))
                out.append("")
            }
            var first = true
            for block in section.blocks {
                let lines = render(block)
                guard !lines.isEmpty else { continue }
                if !first { out.append("") }
                out.append(contentsOf: lines)
                first = false
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func render(_ block: ReportBlock) -> [String] {
        switch block {
        case .paragraph(let text):
            return [escaped(text)]
        case .list(let items):
            return items.map { "- " + escaped($0) }
        case .definitions(let items):
            return items.map { "- **\(escaped($0.term))**: \(escaped($0.definition))" }
        case .table(let table):
            var lines = [row(table.columns.map { cell($0.header) })]
            lines.append("|" + table.columns.map { $0.alignment == .right ? "--:|" : "---|" }.joined())
            lines += table.rows.map { cells in row(cells.map { $0.isCode ? "`\($0.text)`" : cell($0.text) }) }
            return lines
        case .figure(.sparklines(let chart)):
            return chart.lines.map { "- \(escaped($0.label)): `\(Sparkline.blocks($0.values))` \($0.summary)" }
        case .figure:
            return []
        }
    }

    /// One table row from cells that are already escaped.
    private func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }

    private func cell(_ text: String) -> String {
        escaped(text).replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// Text from data or rules with what would start HTML markup made literal: a `<` before a letter,
    /// `/`, `!` or `?` (a tag or comment) and a `&` before a letter or `#` (an entity). `<1 %` stays.
    private func escaped(_ text: String) -> String {
        var out = ""
        var characters = text.makeIterator()
        var current = characters.next()
        while let c = current {
            let next = characters.next()
            let opensMarkup = next.map { $0.isLetter || $0 == "/" || $0 == "!" || $0 == "?" || $0 == "#" } ?? false
            if c == "<", opensMarkup {
                out += "&lt;"
            } else if c == "&", opensMarkup {
                out += "&amp;"
            } else {
                out.append(c)
            }
            current = next
        }
        return out
    }
}
