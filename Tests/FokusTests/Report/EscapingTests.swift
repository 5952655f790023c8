import Foundation
import Testing

@testable import Fokus

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Every format Fokus writes escapes text through one function (`Escaping`); each is read back by a real reader
/// of the format: Foundation's JSON and XML parsers, the engine's libyaml parser.
struct EscapingTests {
    /// Text that breaks naive writers: every special character of the four formats, control characters, line
    /// breaks (`\r\n` too), non-ASCII letters, an emoji and characters YAML treats as line breaks or BOMs.
    static let hostile = [
        "", "plain", "Kungsör", "a: b", "[x]", "{y}", "null", "@x", "Ale #2", "- item", "? key", "'single'",
        "\"double\"", "back\\slash", "tab\there", "line\nbreak", "cr\rlf", "crlf\r\nend", "bell\u{07}",
        "nul\u{00}byte", "esc\u{1B}[31m", "<b>bold</b> & \"quoted\" 'single'", "&amp; already",
        "next line\u{85}", "line separator\u{2028}", "bom\u{FEFF}", "del\u{7F}", "emoji 🚓",
    ]

    @Test func aJSONStringReadsBackAsTheSameText() throws {
        for text in Self.hostile {
            let literal = Escaping.jsonString(text)
            let parsed = try JSONSerialization.jsonObject(with: Data("[\(literal)]".utf8)) as? [String]
            #expect(parsed == [text], "\(literal)")
        }
    }

    @Test func aJSONStringEscapesQuotesBackslashesAndControlCharacters() {
        #expect(Escaping.jsonString("a\"b\\c\nd\re\tf\u{01}g\u{1F}") == #""a\"b\\c\nd\re\tf\u0001g\u001f""#)
        #expect(Escaping.jsonString("Kungsör 🚓 </script>") == "\"Kungsör 🚓 </script>\"")
        var out = "["
        Escaping.appendJSONString("x", to: &out)
        #expect(out == "[\"x\"")
    }

    @Test func xmlEscapesTheFiveSpecialCharactersAndDropsWhatXMLCannotHold() {
        #expect(Escaping.xml("<a href=\"x\">Tom & 'Jerry'</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;")
        #expect(Escaping.xml("a\u{00}b\u{07}c\u{1B}d\u{FFFE}e\u{FFFF}f") == "abcdef")
        #expect(Escaping.xml("tab\tline\ncr\r") == "tab\tline\ncr\r")
    }

    @Test func xmlReadsBackAsTheSameTextInAttributesAndContent() throws {
        for text in Self.hostile {
            let document = "<r a=\"\(Escaping.xml(text))\">\(Escaping.xml(text))</r>"
            let reader = XMLReadBack()
            let parser = XMLParser(data: Data(document.utf8))
            parser.delegate = reader
            #expect(parser.parse(), "\(document)")
            // XML drops characters it cannot hold and normalises line breaks (and, in attributes, whitespace).
            let kept = String(
                String.UnicodeScalarView(
                    text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r" }))
            let content = kept.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            #expect(reader.text == content, "\(document)")
            #expect(
                reader.attribute
                    == content.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " "),
                "\(document)")
        }
    }

    @Test func aDoubleQuotedYAMLScalarReadsBackAsTheSameTextThroughLibyaml() throws {
        for text in Self.hostile {
            let quoted = Escaping.yamlDoubleQuoted(text)
            let root = try YAMLParser.parse("key: \(quoted)\n", file: "t.yaml")
            guard case .mapping(let pairs, _) = try #require(root), case .scalar(let scalar) = pairs.first?.value else {
                Issue.record("expected a mapping with a scalar: \(quoted)")
                continue
            }
            #expect(scalar.value == text, "\(quoted)")
            #expect(scalar.style == .doubleQuoted)
        }
        #expect(Escaping.yamlDoubleQuoted("a\"b\\c\n\u{07}\u{2028}") == #""a\"b\\c\n\u0007\u2028""#)
    }

    @Test func aCSVFieldReadsBackAsTheSameTextThroughFokussCSVReader() throws {
        // The reader trims a cell's surrounding white space (data cells are trimmed), so texts have none.
        let texts = (Self.hostile + ["a,b", ",", "\"", "a\r\nb", "\"\","])
            .filter { !$0.contains("\u{00}") && $0 == $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        for text in texts {
            let row = Escaping.csvField(text) + "," + Escaping.csvField("next") + "\r\n"
            var reader = try CSVReader(source: ByteSource(bytes: Array(row.utf8)), encoding: .utf8)
            #expect(try reader.readRecord())
            #expect(reader.strings == [text, "next"], "\(row.debugDescription)")
        }
        #expect(Escaping.csvField("Kungsör") == "Kungsör")
        #expect(Escaping.csvField("a\r\nb") == "\"a\r\nb\"")
        #expect(Escaping.csvNumber(0.4375) == "0.4375")
        #expect(Escaping.csvNumber(12) == "12")
        #expect(Escaping.csvNumber(.nan) == "")
        #expect(Escaping.csvNumber(nil) == "")
    }

    @Test func htmlTextEscapesMarkupAndHTMLAttributesEscapeQuotesAndLineBreaksToo() {
        let text = "<b>Tom</b> & \"Jerry\" 'x'\nend"
        #expect(Escaping.htmlText(text) == "&lt;b&gt;Tom&lt;/b&gt; &amp; \"Jerry\" 'x'\nend")
        #expect(Escaping.htmlAttribute(text) == "&lt;b&gt;Tom&lt;/b&gt; &amp; &quot;Jerry&quot; &#39;x&#39; end")
        #expect(Escaping.htmlAttribute("a\r\nb\rc") == "a  b c")
        #expect(Escaping.htmlText("&amp;") == "&amp;amp;")
        #expect(Escaping.htmlText("Kungsör 🚓") == "Kungsör 🚓")
    }
}

/// Collects the text and the attribute `a` of a one-element XML document.
private final class XMLReadBack: NSObject, XMLParserDelegate {
    var text = ""
    var attribute: String?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        attribute = attributes["a"]
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}
