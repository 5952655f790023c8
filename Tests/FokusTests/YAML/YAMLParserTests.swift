import Testing

@testable import Fokus

struct YAMLParserTests {
    private func errors(_ text: String) -> [String] {
        do {
            _ = try YAMLParser.parse(text, file: "t.yaml")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func marksAreOneBasedAndCountCharactersNotBytes() throws {
        let node = try YAMLParser.parse("namn: Bedrägeri\nägare: [polis, kommun]\n", file: "t.yaml")
        guard case .mapping(let pairs, let mark) = node else {
            Issue.record("expected a mapping")
            return
        }
        #expect(mark == YAMLMark(line: 1, column: 1))
        #expect(pairs[0].value.mark == YAMLMark(line: 1, column: 7))
        guard case .scalar(let scalar) = pairs[0].value else { return }
        #expect(scalar.value == "Bedrägeri")
        #expect(scalar.endMark == YAMLMark(line: 1, column: 16))
        guard case .sequence(let items, _) = pairs[1].value else {
            Issue.record("expected a sequence")
            return
        }
        #expect(items[1].mark == YAMLMark(line: 2, column: 16))
    }

    @Test func keepsScalarStylesAndTags() throws {
        let node = try YAMLParser.parse("a: 'x'\nb: \"y\"\nc: !!str 2\nd: |\n  z\n", file: "t.yaml")
        guard case .mapping(let pairs, _) = node else { return }
        let scalars = pairs.compactMap { pair -> YAMLScalar? in
            if case .scalar(let scalar) = pair.value { return scalar }
            return nil
        }
        #expect(scalars.map(\.style) == [.singleQuoted, .doubleQuoted, .plain, .literal])
        #expect(scalars[2].tag == "tag:yaml.org,2002:str")
        #expect(scalars[3].value == "z\n")
    }

    @Test func emptyDocumentsGiveNil() throws {
        #expect(try YAMLParser.parse("", file: "t.yaml") == nil)
        #expect(try YAMLParser.parse("# nothing\n", file: "t.yaml") == nil)
        #expect(try YAMLParser.parse("---\n", file: "t.yaml") == nil)
    }

    @Test func reportsEveryDuplicateKeyWithTheFirstOne() {
        do {
            _ = try YAMLParser.parse("a: 1\nb:\n  c: 1\n  c: 2\na: 3\n", file: "t.yaml")
            Issue.record("expected duplicate keys to be rejected")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "t.yaml:4:3: error: duplicate key \"c\": it is already given at line 3, column 3 of this mapping; "
                        + "keep only one of them",
                    "t.yaml:5:1: error: duplicate key \"a\": it is already given at line 1, column 1 of this mapping; "
                        + "keep only one of them",
                ])
            #expect(error.diagnostics.first?.related == SourceLocation(file: "t.yaml", line: 3, column: 3))
        }
    }

    @Test func quotedAndPlainKeysAreTheSameKey() {
        #expect(errors("a: 1\n'a': 2\n").count == 1)
    }

    @Test func resolvesAliasesIntoCopies() throws {
        let node = try YAMLParser.parse("base: &b {x: 1}\nother: *b\n", file: "t.yaml")
        guard case .mapping(let pairs, _) = node, case .mapping(let copy, _) = pairs[1].value else {
            Issue.record("expected the alias to be a mapping")
            return
        }
        #expect(copy.count == 1)
    }

    @Test func rejectsABillionLaughsDocument() {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            previous = name
        }
        let found = errors(text)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("t.yaml:5:") == true)
        #expect(found.first?.contains("too many aliases") == true)
        #expect(found.first?.contains("billion laughs") == true)
    }

    @Test func rejectsUndefinedAliases() {
        #expect(errors("a: *nope\n") == ["t.yaml:1:4: error: alias *nope refers to no anchor; define &nope on a value above this line"])
    }

    @Test func rejectsASecondDocument() {
        let found = errors("a: 1\n---\nb: 2\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("t.yaml:2:1: error: a second YAML document starts here") == true)
    }

    @Test func reportsAnUnclosedQuoteWhereItOpened() {
        do {
            _ = try YAMLParser.parse("name: ok\nreason: \"Tydlig ökning\nnext: 1\n", file: "t.yaml")
            Issue.record("expected a syntax error")
        } catch {
            let diagnostic = error.diagnostics[0]
            #expect(
                diagnostic.description == "t.yaml:4:1: error: found unexpected end of stream while scanning a "
                    + "quoted scalar that starts at line 2, column 9; close the quote")
            #expect(diagnostic.related == SourceLocation(file: "t.yaml", line: 2, column: 9))
        }
    }

    @Test func explainsTabIndentation() {
        let found = errors("a:\n\tb: 1\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("t.yaml:2:1: error:") == true)
        #expect(found.first?.hasSuffix("indent with spaces, not tabs") == true)
    }

    @Test func rendersASnippetWithACaret() {
        let source = "name: Bedrägeri\nvikter: 1\n"
        let diagnostic = Diagnostic.error(
            "unknown key \"vikter\"", at: SourceLocation(file: "t.yaml", line: 2, column: 1))
        #expect(diagnostic.rendered(source: source) == "t.yaml:2:1: error: unknown key \"vikter\"\nvikter: 1\n^")
        let inLine = Diagnostic.error(
            "bad", at: SourceLocation(file: "t.yaml", line: 1, column: 10),
            related: SourceLocation(file: "t.yaml", line: 2, column: 9))
        #expect(
            inLine.rendered(source: source) == """
                t.yaml:1:10: error: bad
                name: Bedrägeri
                         ^
                t.yaml:2:9: note: first written here
                vikter: 1
                        ^
                """)
    }

    @Test func neverCrashesOnDeepNesting() {
        let text = String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
        #expect(errors(text).first?.contains("nested more than") == true)
    }

    @Test func reportsControlCharactersAtTheirPlace() {
        let found = errors("a: 1\nb: x\u{07}y\n")
        #expect(found.first?.hasPrefix("t.yaml:2:5: error: control characters are not allowed") == true)
    }

    @Test func writesTestSuiteEvents() throws {
        let lines = try YAMLParser.testSuiteEvents("--- &a\n- !!str 'x\\y'\n- {k: \"t\\tv\"}\n- *a\n")
        #expect(
            lines == [
                "+STR", "+DOC ---", "+SEQ &a", "=VAL <tag:yaml.org,2002:str> 'x\\\\y", "+MAP {}", "=VAL :k",
                "=VAL \"t\\tv", "-MAP", "=ALI *a", "-SEQ", "-DOC", "-STR",
            ])
    }
}

struct YAMLParserScaleTests {
    @Test(.timeLimit(.minutes(5)))
    func buildsLongListsInLinearTime() throws {
        let text = "[" + Array(repeating: "x", count: 200_000).joined(separator: ", ") + "]"
        let clock = ContinuousClock()
        let start = clock.now
        let node = try YAMLParser.parse(text, file: "t.yaml")
        guard case .sequence(let items, _) = node else {
            Issue.record("expected a sequence")
            return
        }
        #expect(items.count == 200_000)
        #expect(clock.now - start < .seconds(20))
    }
}
