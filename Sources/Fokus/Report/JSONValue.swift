import Foundation

/// A JSON value whose objects keep their keys in the order written, so reports diff cleanly.
package indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case integer(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }
    package func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    /// A number, or `null` for `nil` and non-finite values.
    static func number(_ value: Double?) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        return .number(value)
    }

    /// Compact (`indent` nil) or pretty JSON text. Numbers use Swift's shortest round-trip form,
    /// so every digit needed to recover the exact double is written.
    package func serialized(indent: Int? = nil) -> String {
        var out = ""
        write(to: &out, indent: indent, level: 0)
        return out
    }

    /// The text ``serialized(indent:)`` gives for an array of `count` elements, in pieces to be written one
    /// after the other: each element is made by `element` and serialized on every core (large all-scopes
    /// reports), and its tree is dropped once written.
    package static func serializedArrayPieces(
        count: Int, indent: Int? = nil, element: @Sendable (Int) -> JSONValue
    ) -> [String] {
        guard count > 0 else { return ["[]"] }
        let texts = ConcurrentSlots<String>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { i in
            var text = i == 0 ? "[" : ","
            newline(to: &text, indent: indent, level: 1)
            element(i).write(to: &text, indent: indent, level: 1)
            if i == count - 1 {
                newline(to: &text, indent: indent, level: 0)
                text += "]"
            }
            texts.set(i, text)
        }
        return texts.all.map { $0! }
    }

    /// In pretty JSON, a line break and the indentation of `level`; nothing in compact JSON.
    private static func newline(to out: inout String, indent: Int?, level: Int) {
        guard let indent else { return }
        out += "\n"
        let spaces = indent * level
        out += spaces < pads.count ? pads[spaces] : String(repeating: " ", count: spaces)
    }

    /// Runs of spaces, made once.
    private static let pads = (0..<64).map { String(repeating: " ", count: $0) }

    private func write(to out: inout String, indent: Int?, level: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .integer(let i): out += String(i)
        case .number(let d):
            if d.isFinite, d == d.rounded(), abs(d) < 1e15 {
                out += String(Int(d))
            } else if d.isFinite {
                out += "\(d)"
            } else {
                out += "null"
            }
        case .string(let s): Escaping.appendJSONString(s, to: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                Self.newline(to: &out, indent: indent, level: level + 1)
                item.write(to: &out, indent: indent, level: level + 1)
            }
            Self.newline(to: &out, indent: indent, level: level)
            out += "]"
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out += "," }
                Self.newline(to: &out, indent: indent, level: level + 1)
                Escaping.appendJSONString(key, to: &out)
                out += indent == nil ? ":" : ": "
                value.write(to: &out, indent: indent, level: level + 1)
            }
            Self.newline(to: &out, indent: indent, level: level)
            out += "}"
        }
    }
}
