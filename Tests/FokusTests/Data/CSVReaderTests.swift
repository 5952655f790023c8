import Testing

@testable import Fokus

struct CSVReaderTests {
    @Test func picksTheMostFrequentDelimiterWithTiesInOrder() {
        func detect(_ line: String) -> Character {
            Character(Unicode.Scalar(CSVReader.detectDelimiter(in: Array(line.utf8))))
        }
        #expect(detect("a;b;c") == ";")
        #expect(detect("a\tb\tc") == "\t")
        #expect(detect("a,b,c") == ",")
        #expect(detect("a;b,c") == ";")
        #expect(detect("a\tb,c") == "\t")
        #expect(detect("a;b\tc") == ";")
        #expect(detect("abc") == ";")
        // Delimiters inside quotes do not count.
        #expect(detect("\"a;b;c\",d,e") == ",")
    }

    @Test func readsQuotedFieldsWithDelimitersQuotesAndLineBreaks() throws {
        let text = "a,b,c\n\"x,1\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,row,here\n"
        let records = try csvRecords(Array(text.utf8))
        #expect(
            records.map(\.fields) == [["a", "b", "c"], ["x,1", "say \"hi\"", "two\nlines"], ["last", "row", "here"]])
        // The record after the embedded line break starts on physical line 4.
        #expect(records.map(\.line) == [1, 2, 4])
    }

    /// Lines ending in LF or CRLF are plain (read without copying); a lone CR, a quote or a blank line is
    /// left to the general reader, which then reads that record with its true line number.
    @Test(arguments: [1, 3, 7, 64 << 10])
    func plainRecordsEndInLFOrCRLF(chunkSize: Int) throws {
        let text = "a;b\r\n1;2\r\n3;4\n5;6\r7;8\n\r\n\"9\";10\r\n11;12\r\n"
        var reader = try CSVReader(
            source: ByteSource(bytes: Array(text.utf8), chunkSize: chunkSize), encoding: .utf8, delimiter: UInt8(ascii: ";"))
        var ends: [Int] = []
        var seen: [(how: String, line: Int, fields: [String])] = []
        while true {
            var fields: [String] = []
            let plain = try reader.nextPlainRecord(width: 2, ends: &ends) { line, ends in
                fields = [
                    String(decoding: line[0..<ends[0]], as: UTF8.self), String(decoding: line[(ends[0] + 1)..<ends[1]], as: UTF8.self),
                ]
                return true
            }
            if case .end = plain { break }
            if case .taken = plain {
                seen.append(("plain", reader.recordLine, fields))
                continue
            }
            guard try reader.readRecord() else { break }
            seen.append(("general", reader.recordLine, reader.strings))
        }
        // A lone CR ends "5;6" (general); "7;8" is plain again; after the blank line, the quoted record is general.
        #expect(seen.map(\.how) == ["plain", "plain", "plain", "general", "plain", "general", "plain"])
        #expect(seen.map(\.line) == [1, 2, 3, 4, 5, 7, 8])
        #expect(seen.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"], ["7", "8"], ["9", "10"], ["11", "12"]])
    }

    @Test func handlesEveryLineEndAndSkipsBlankLines() throws {
        let text = "a;b\r\n1;2\r\n\r\n3;4\r5;6\n\n\n7;8"
        for chunk in [1, 2, 3, 7, 1 << 20] {
            let records = try csvRecords(Array(text.utf8), chunkSize: chunk)
            #expect(records.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"], ["7", "8"]])
            #expect(records.map(\.line) == [1, 2, 4, 5, 8])
        }
    }

    @Test func countsLineBreaksInsideQuotesOfEveryKind() throws {
        let text = "a;b\r\n\"x\r\ny\ry\";1\r\n2;3\r\n"
        let records = try csvRecords(Array(text.utf8), chunkSize: 2)
        #expect(records.map(\.fields) == [["a", "b"], ["x\r\ny\ry", "1"], ["2", "3"]])
        // CRLF is one line break, a lone CR another: the third record starts on line 5.
        #expect(records.map(\.line) == [1, 2, 5])
    }

    @Test func skipsAByteOrderMarkAndKeepsEmptyFields() throws {
        let records = try csvRecords([0xEF, 0xBB, 0xBF] + Array("år;kommun\n;\n\"\";x".utf8))
        #expect(records.map(\.fields) == [["år", "kommun"], ["", ""], ["", "x"]])
    }

    @Test func reportsAQuoteThatNeverCloses() throws {
        var reader = try CSVReader(
            source: ByteSource(bytes: Array("a,b\n1,\"open\n2,3\n".utf8), chunkSize: 4), encoding: .utf8)
        #expect(try reader.readRecord())
        #expect(!reader.unclosedQuote)
        #expect(try reader.readRecord())
        #expect(reader.unclosedQuote)
        #expect(reader.recordLine == 2)
        #expect(try !reader.readRecord())
    }

    @Test func decodesWindows1252() {
        let bytes: [UInt8] = [0x4B, 0xF6, 0x70, 0x69, 0x6E, 0x67, 0x20, 0x80, 0x96, 0xE5, 0xE4, 0x81]
        #expect(TextEncoding.windows1252.decode(bytes) == "Köping €–åä\u{81}")
    }
}
