/// The terminal report: the report document as plain text that fits 100 columns. Long names and
/// lines wrap (never cut): table cells wrap within their column, paragraphs and list items wrap
/// with a hanging indent.
struct TextReport {
    let document: ReportDocument
    /// The widest line.
    var width = 100

    func rendered() -> String {
        var out: [String] = [document.title, ""]
        for section in document.sections {
            if let heading = section.heading { out.append(heading + ":") }
            var first = true
            for block in section.blocks {
                let lines = render(block)
                guard !lines.isEmpty else { continue }
                // A paragraph ending in a colon leads into the block after it, without a blank line.
                if !first, !(out.last?.hasSuffix(":") ?? false) { out.append("") }
                out.append(contentsOf: lines)
                first = false
            }
            if out.last != "" { out.append("") }
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    private func render(_ block: ReportBlock) -> [String] {
        switch block {
        case .paragraph(let text):
            return TextWrap.wrap(text, width: width)
        case .list(let items):
            return items.flatMap { TextWrap.wrap($0, width: width, first: "  ", rest: "    ") }
        case .definitions(let items):
            return items.flatMap { TextWrap.wrap("\($0.term): \($0.definition)", width: width, first: "  ", rest: "    ") }
        case .table(let table):
            return render(table)
        case .figure(.sparklines(let chart)):
            var table = TextTable(["", "", ""], alignments: [.left, .left, .left])
            table.wrappable = [true, false, true]
            table.showsHeader = false
            for line in chart.lines { table.add([line.label, Sparkline.blocks(line.values), line.summary]) }
            return table.rendered(width: width).components(separatedBy: "\n")
        case .figure:
            return []
        }
    }
}

extension TextReport {
    /// A table in the width: a name column followed by its id column shows as one column, "name (id)";
    /// names and lists wrap, ids and numbers do not.
    private func render(_ table: ReportTable) -> [String] {
        var headers: [String] = []
        var alignments: [TextTable.Alignment] = []
        var wrappable: [Bool] = []
        var rows = table.rows.map { _ in [String]() }
        var column = 0
        while column < table.columns.count {
            let c = table.columns[column]
            let isCode = table.rows.contains { $0[column].isCode }
            let next = column + 1 < table.columns.count ? column + 1 : nil
            let mergesID =
                !isCode && c.alignment == .left && next.map { n in table.rows.allSatisfy { $0[n].isCode } } == true
                && !table.rows.isEmpty
            headers.append(c.abbreviation ?? c.header)
            alignments.append(c.alignment == .left ? .left : .right)
            wrappable.append(c.alignment == .left && !isCode)
            for (index, row) in table.rows.enumerated() {
                rows[index].append(mergesID ? "\(row[column].text) (\(row[column + 1].text))" : row[column].text)
            }
            column += mergesID ? 2 : 1
        }
        var text = TextTable(headers, alignments: alignments)
        text.wrappable = wrappable
        for row in rows { text.add(row) }
        return text.rendered(width: width).components(separatedBy: "\n")
    }
}

/// A line of block characters for counts: `▁▃▂█`, a space for a period without data.
enum Sparkline {
    static func blocks(_ values: [Double?]) -> String {
        let levels = Array("▁▂▃▄▅▆▇█")
        let present = values.compactMap { $0 }
        guard let low = present.min(), let high = present.max() else { return String(repeating: " ", count: values.count) }
        return String(
            values.map { value -> Character in
                guard let value else { return " " }
                guard high > low else { return levels[3] }
                return levels[Int(((value - low) / (high - low) * Double(levels.count - 1)).rounded())]
            })
    }
}

/// Word wrapping for the text formats.
enum TextWrap {
    /// `text` in lines of at most `width` characters (a word longer than a line is broken), the first
    /// starting with `first`, the others with `rest`.
    static func wrap(_ text: String, width: Int, first: String = "", rest: String = "") -> [String] {
        var lines: [String] = []
        for (index, paragraph) in text.components(separatedBy: "\n").enumerated() {
            var line = index == 0 ? first : rest
            var empty = true
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = Substring(word)
                let room = width - line.count - (empty ? 0 : 1)
                if word.count <= room {
                    line += (empty ? "" : " ") + word
                    empty = false
                    continue
                }
                if !empty {
                    lines.append(line)
                    line = rest
                    empty = true
                }
                while word.count > width - line.count, width - line.count > 0 {
                    let cut = word.prefix(width - line.count)
                    lines.append(line + cut)
                    word = word.dropFirst(cut.count)
                    line = rest
                }
                line += word
                empty = word.isEmpty
            }
            lines.append(line)
        }
        return lines.map { line in
            var line = line
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }
}
