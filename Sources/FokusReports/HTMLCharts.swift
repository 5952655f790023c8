import Fokus
import Foundation
import Plot

/// The page's charts as inline SVG, built with Plot's generic element nodes. Each chart has a
/// `title` and `desc` and `role="img"`; the page puts a table with the same figures beside it.
enum HTMLCharts {
    /// Factor colours, distinguishable for the common colour-vision deficiencies (Okabe–Ito) and
    /// dark enough against white.
    static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#8C6D00", "#56687A", "#6A3D9A"]

    typealias SVGNode = Node<HTML.BodyContext>

    private static func number(_ value: Double) -> String { String(format: "%.1f", value) }

    private static func svg(width: Double, height: Double, title: String, description: String, _ nodes: [SVGNode]) -> SVGNode {
        .element(
            named: "svg",
            nodes: [
                attribute("xmlns", "http://www.w3.org/2000/svg"),
                attribute("viewBox", "0 0 \(number(width)) \(number(height))"),
                attribute("role", "img"),
                attribute("aria-label", title),
                attribute("class", "chart"),
                .element(named: "title", nodes: [text(title)]),
                .element(named: "desc", nodes: [text(description)]),
            ] + nodes)
    }

    private static func rect(x: Double, y: Double, width: Double, height: Double, fill: String) -> SVGNode {
        .selfClosedElement(
            named: "rect",
            attributes: [
                attr("x", number(x)), attr("y", number(y)), attr("width", number(max(width, 0))),
                attr("height", number(height)), attr("fill", fill),
            ])
    }

    private static func label(_ string: String, x: Double, y: Double, anchor: String = "start", weight: String = "normal") -> SVGNode {
        .element(
            named: "text",
            nodes: [
                attribute("x", number(x)), attribute("y", number(y)), attribute("text-anchor", anchor),
                attribute("font-weight", weight), text(string),
            ])
    }

    private static func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, dash: Bool = false, width: Double = 2)
        -> SVGNode
    {
        .selfClosedElement(
            named: "line",
            attributes: [
                attr("x1", number(x1)), attr("y1", number(y1)), attr("x2", number(x2)), attr("y2", number(y2)),
                attr("stroke", stroke), attr("stroke-width", number(width)),
            ] + (dash ? [attr("stroke-dasharray", "4 3")] : []))
    }

    /// Stacked bars of each factor's contribution, one row per area, the final score marked.
    static func contributions(_ chart: ContributionChart) -> SVGNode {
        let width = 640.0, plot = 560.0, rowHeight = 40.0
        var nodes: [SVGNode] = []
        var x = 0.0, y = 4.0
        for (index, factor) in chart.factors.enumerated() {
            let entry = 24 + Double(factor.count) * 7
            if x > 0, x + entry > width {
                x = 0
                y += 18
            }
            nodes.append(rect(x: x, y: y, width: 12, height: 12, fill: palette[index % palette.count]))
            nodes.append(label(factor, x: x + 16, y: y + 11))
            x += entry
        }
        let legendHeight = y + 24
        let scale = max(chart.bars.map { max($0.score, $0.segments.reduce(0, +)) }.max() ?? 1, 1)
        for (row, bar) in chart.bars.enumerated() {
            let top = legendHeight + Double(row) * rowHeight
            nodes.append(label(bar.label + (bar.selected ? " ✔" : ""), x: 0, y: top + 13, weight: bar.selected ? "bold" : "normal"))
            var start = 0.0
            for (index, segment) in bar.segments.enumerated() where segment > 0 {
                let w = segment / scale * plot
                nodes.append(rect(x: start, y: top + 18, width: w, height: 16, fill: palette[index % palette.count]))
                start += w
            }
            let mark = bar.score / scale * plot
            nodes.append(line(x1: mark, y1: top + 15, x2: mark, y2: top + 37, stroke: "#111111"))
            nodes.append(label(bar.scoreText, x: min(mark, plot) + 6, y: top + 31))
        }
        let height = legendHeight + Double(chart.bars.count) * rowHeight + 4
        return svg(width: width, height: height, title: chart.title, description: chart.description, nodes)
    }

    /// One small chart per area: counts per period, baseline periods shaded, the baseline mean dashed,
    /// the compared period a dot.
    static func sparklines(_ chart: SparklineChart) -> SVGNode {
        .div(.class("sparks"), .group(chart.lines.map { sparkline($0, chart: chart) }))
    }

    private static func sparkline(_ line: SparklineChart.Line, chart: SparklineChart) -> SVGNode {
        let width = 220.0, height = 60.0, pad = 6.0
        let present = line.values.compactMap { $0 } + (line.baselineMean.map { [$0] } ?? [])
        let high = max(present.max() ?? 1, 1), low = 0.0
        let step = line.values.count > 1 ? (width - 2 * pad) / Double(line.values.count - 1) : 0
        func x(_ i: Int) -> Double { pad + Double(i) * step }
        func y(_ v: Double) -> Double { height - pad - (v - low) / (high - low) * (height - 2 * pad) }
        var nodes: [SVGNode] = []
        if let first = line.baseline.min(), let last = line.baseline.max() {
            nodes.append(rect(x: x(first) - step / 2, y: 0, width: Double(last - first + 1) * step, height: height, fill: "#E8EEF4"))
        }
        if let mean = line.baselineMean {
            nodes.append(self.line(x1: pad, y1: y(mean), x2: width - pad, y2: y(mean), stroke: "#56687A", dash: true, width: 1.5))
        }
        // The line, broken where a period has no value.
        var runs: [[(Int, Double)]] = [[]]
        for (i, value) in line.values.enumerated() {
            if let value { runs[runs.count - 1].append((i, value)) } else if !runs[runs.count - 1].isEmpty { runs.append([]) }
        }
        for run in runs where run.count > 1 {
            nodes.append(
                .selfClosedElement(
                    named: "polyline",
                    attributes: [
                        attr("points", run.map { "\(number(x($0.0))),\(number(y($0.1)))" }.joined(separator: " ")),
                        attr("fill", "none"), attr("stroke", "#0072B2"), attr("stroke-width", "2"),
                    ]))
        }
        if let compared = line.compared, compared < line.values.count, let value = line.values[compared] {
            nodes.append(
                .selfClosedElement(
                    named: "circle",
                    attributes: [
                        attr("cx", number(x(compared))), attr("cy", number(y(value))), attr("r", "4"),
                        attr("fill", "#D55E00"),
                    ]))
        }
        let description = "\(line.label): \(line.summary)"
        return .div(
            .class("spark"),
            .p(.class("spark-label"), text(line.label)),
            svg(width: width, height: height, title: line.label, description: description, nodes),
            .p(.class("spark-values"), text(line.summary)))
    }

    /// Horizontal bars against a maximum, one row each.
    static func bars(_ chart: BarChart) -> SVGNode {
        let width = 640.0, plot = 480.0, rowHeight = 36.0
        var nodes: [SVGNode] = []
        for (row, bar) in chart.bars.enumerated() {
            let top = Double(row) * rowHeight
            nodes.append(label(bar.label, x: 0, y: top + 13, weight: bar.highlighted ? "bold" : "normal"))
            nodes.append(rect(x: 0, y: top + 18, width: plot, height: 14, fill: "#E8EEF4"))
            let share = bar.maximum > 0 ? min(bar.value / bar.maximum, 1) : 0
            nodes.append(rect(x: 0, y: top + 18, width: share * plot, height: 14, fill: bar.highlighted ? "#0072B2" : "#56687A"))
            nodes.append(label(bar.valueText, x: plot + 8, y: top + 30))
        }
        return svg(
            width: width, height: Double(chart.bars.count) * rowHeight + 4, title: chart.title, description: chart.description, nodes)
    }
}

/// An attribute of a generic (SVG) element, its value escaped.
private func attr(_ name: String, _ value: String) -> Attribute<HTML.BodyContext> {
    Attribute(name: name, value: Escaping.htmlAttribute(value))
}
