/// A plain-text table with aligned columns, for terminal output. Given a width, the wrappable
/// columns (names, lists) are narrowed until the table fits, and their cells wrap at spaces.
struct TextTable {
    enum Alignment { case left, right }

    var headers: [String]
    var alignments: [Alignment]
    var rows: [[String]] = []
    /// Which columns may wrap their cells; by default the left-aligned ones.
    var wrappable: [Bool]
    /// Whether the header and its rule are shown.
    var showsHeader = true

    init(_ headers: [String], alignments: [Alignment]) {
        self.headers = headers
        self.alignments = alignments
        wrappable = alignments.map { $0 == .left }
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    /// Renders with two spaces between columns and a rule under the header, in at most `width`
    /// columns when the wrappable columns can be narrowed that far.
    func rendered(indent: String = "  ", width: Int = .max) -> String {
        let all = (showsHeader ? [headers] : []) + rows
        var widths = headers.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        // A column is no narrower than its longest word (up to 22 characters; at least 4).
        let minimum = headers.indices.map { column -> Int in
            guard wrappable[column] else { return widths[column] }
            // Words longer than 22 characters may break when nothing else makes the table fit.
            let words = rows.flatMap { $0[column].split(separator: " ") }.map(\.count)
            return max(min(words.max() ?? 0, 22), 4)
        }
        // Headers may wrap in any column.
        let headerMinimum = headers.map { header in
            showsHeader ? header.split(whereSeparator: { $0 == " " || $0 == "/" }).map { $0.count + 1 }.max() ?? 0 : 0
        }
        var floor = headers.indices.map { column in
            max(wrappable[column] ? minimum[column] : rows.map { $0[column].count }.max() ?? 0, headerMinimum[column])
        }
        for column in headers.indices where floor[column] == 0 { floor[column] = widths[column] }
        // Two spaces between columns, or one when the columns at their narrowest would not fit otherwise.
        let gap = indent.count + floor.reduce(0, +) + 2 * max(widths.count - 1, 0) > width ? " " : "  "
        func total() -> Int { indent.count + widths.reduce(0, +) + gap.count * max(widths.count - 1, 0) }
        while total() > width {
            // Narrow the column with the most room to give: wrappable cells first, then headers.
            let narrowable = headers.indices.filter { widths[$0] > floor[$0] }
            let cells = narrowable.filter { wrappable[$0] }
            let candidates = cells.isEmpty ? narrowable : cells
            guard let column = candidates.max(by: { (widths[$0] - floor[$0], $1) < (widths[$1] - floor[$1], $0) }) else { break }
            widths[column] -= 1
        }
        func line(_ cells: [String], header: Bool = false) -> [String] {
            let wrapped = cells.enumerated().map { i, cell in
                cell.count <= widths[i]
                    ? [cell]
                    : TextWrap.wrap(header ? cell.replacingOccurrences(of: "/", with: "/ ") : cell, width: widths[i])
            }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<height).map { row in
                let padded = wrapped.enumerated().map { i, lines -> String in
                    let cell = row < lines.count ? lines[row] : ""
                    let fill = String(repeating: " ", count: max(widths[i] - cell.count, 0))
                    return alignments[i] == .left ? cell + fill : fill + cell
                }
                var text = indent + padded.joined(separator: gap)
                while text.hasSuffix(" ") { text.removeLast() }
                return text
            }
        }
        var lines =
            showsHeader
            ? line(headers, header: true) + [indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: gap)] : []
        lines += rows.flatMap { line($0) }
        return lines.joined(separator: "\n")
    }
}
