import Testing

@testable import Fokus

/// Large all-scopes reports are serialized element by element on every core; the pieces must join to
/// exactly the text of the whole array.
struct JSONValueTests {
    static let elements: [JSONValue] = [
        .object([("scope", .string("Kungsör")), ("score", .number(0.4375)), ("ranking", .array([.integer(1), .null]))]),
        .array([]),
        .object([]),
        .string("rad\n\"två\""),
        .array([.object([("a", .bool(true)), ("b", .array([.number(1e20), .number(-0.0)]))])]),
    ]

    @Test(arguments: [nil, 2] as [Int?], [0, 1, 5])
    func piecesJoinToTheWholeArray(indent: Int?, count: Int) {
        let elements = Array(Self.elements.prefix(count))
        let pieces = JSONValue.serializedArrayPieces(count: count, indent: indent) { elements[$0] }
        #expect(pieces.joined() == JSONValue.array(elements).serialized(indent: indent))
    }

    @Test func prettyTextIndentsEachLevel() {
        let value = JSONValue.object([("a", .array([.integer(1), .object([("b", .null)])]))])
        #expect(value.serialized(indent: 2) == "{\n  \"a\": [\n    1,\n    {\n      \"b\": null\n    }\n  ]\n}")
        #expect(value.serialized() == "{\"a\":[1,{\"b\":null}]}")
    }
}
