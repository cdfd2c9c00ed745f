import Foundation
import OpenContracting
import Testing

@Suite struct JSONParserTests {
    struct Malformed: Sendable, CustomTestStringConvertible {
        let input: [UInt8]
        let reason: JSONParseError.Reason
        let offset: Int

        init(_ text: String, _ reason: JSONParseError.Reason, at offset: Int) {
            input = Array(text.utf8)
            self.reason = reason
            self.offset = offset
        }

        init(bytes: [UInt8], _ reason: JSONParseError.Reason, at offset: Int) {
            input = bytes
            self.reason = reason
            self.offset = offset
        }

        var testDescription: String { String(decoding: input, as: UTF8.self).debugDescription }
    }

    static let malformed: [Malformed] = [
        Malformed("", .unexpectedEnd, at: 0),
        Malformed("   ", .unexpectedEnd, at: 3),
        Malformed("{", .unexpectedEnd, at: 1),
        Malformed("[", .unexpectedEnd, at: 1),
        Malformed("[1,]", .unexpectedByte(UInt8(ascii: "]")), at: 3),
        Malformed("[1 2]", .unexpectedByte(UInt8(ascii: "2")), at: 3),
        Malformed("[1,,2]", .unexpectedByte(UInt8(ascii: ",")), at: 3),
        Malformed(#"{"a" 1}"#, .unexpectedByte(UInt8(ascii: "1")), at: 5),
        Malformed(#"{"a":}"#, .unexpectedByte(UInt8(ascii: "}")), at: 5),
        Malformed(#"{"a":1,}"#, .unexpectedByte(UInt8(ascii: "}")), at: 7),
        Malformed(#"{"a":1 "b":2}"#, .unexpectedByte(UInt8(ascii: "\"")), at: 7),
        Malformed("{a:1}", .unexpectedByte(UInt8(ascii: "a")), at: 1),
        Malformed("{'a':1}", .unexpectedByte(UInt8(ascii: "'")), at: 1),
        Malformed(#"{"a":1"#, .unexpectedEnd, at: 6),
        Malformed("tru", .unexpectedEnd, at: 3),
        Malformed("trUe", .unexpectedByte(UInt8(ascii: "U")), at: 2),
        Malformed("nul", .unexpectedEnd, at: 3),
        Malformed("None", .unexpectedByte(UInt8(ascii: "N")), at: 0),
        Malformed("NaN", .unexpectedByte(UInt8(ascii: "N")), at: 0),
        Malformed("Infinity", .unexpectedByte(UInt8(ascii: "I")), at: 0),
        Malformed("-Infinity", .invalidNumber, at: 0),
        Malformed("01", .trailingContent, at: 1),
        Malformed("1.", .invalidNumber, at: 0),
        Malformed(".5", .unexpectedByte(UInt8(ascii: ".")), at: 0),
        Malformed("-", .invalidNumber, at: 0),
        Malformed("+1", .unexpectedByte(UInt8(ascii: "+")), at: 0),
        Malformed("1e", .invalidNumber, at: 0),
        Malformed("[1e+]", .invalidNumber, at: 1),
        Malformed(#""abc"#, .unexpectedEnd, at: 4),
        Malformed(#""a\x""#, .invalidEscape, at: 2),
        Malformed(#""\u12""#, .invalidEscape, at: 5),
        Malformed(#""\u12G4""#, .invalidEscape, at: 5),
        Malformed(#""\u12"#, .unexpectedEnd, at: 5),
        Malformed("\"a\u{1}b\"", .controlCharacterInString, at: 2),
        Malformed("\"a\nb\"", .controlCharacterInString, at: 2),
        Malformed("\"\\n\u{1F}\"", .controlCharacterInString, at: 3),
        Malformed(bytes: [0x22, 0xFF, 0x22], .invalidUTF8, at: 1),
        Malformed(bytes: [0x22, 0xC3, 0x28, 0x22], .invalidUTF8, at: 1),
        Malformed(bytes: [0x22, 0x5C, 0x6E, 0xED, 0xA0, 0x80, 0x22], .invalidUTF8, at: 1),
        Malformed("[1] 2", .trailingContent, at: 4),
        Malformed("{} {}", .trailingContent, at: 3),
        Malformed("\u{0B}1", .unexpectedByte(0x0B), at: 0),
        Malformed(String(repeating: "[", count: 600), .tooDeep, at: 512),
    ]

    @Test(arguments: malformed)
    func malformedInputIsRejectedWithItsPosition(_ sample: Malformed) {
        #expect(throws: JSONParseError(reason: sample.reason, offset: sample.offset)) { try OCDSValue(parsing: sample.input) }
    }

    @Test func errorsDescribeThemselves() {
        #expect(JSONParseError(reason: .unexpectedByte(0x7D), offset: 3).description == "JSON: unexpected byte 0x7d at byte 3")
        #expect(JSONParseError(reason: .tooDeep, offset: 9).description.contains("512"))
    }

    @Test func validDocumentsParse() throws {
        #expect(try OCDSValue(parsing: " \n\t\r null \n") == nil)
        #expect(try OCDSValue(parsing: "true") == true)
        #expect(try OCDSValue(parsing: "-12.5e3") == .number(OCDSNumber("-12500")!))
        #expect(try OCDSValue(parsing: #""""#) == "")
        #expect(try OCDSValue(parsing: "[]") == [])
        #expect(try OCDSValue(parsing: "{}") == .object(OCDSObject()))
        #expect(try OCDSValue(parsing: #"[{"a":[1,{"b":null}]}, "x", false]"#) == [["a": [1, ["b": nil]]], "x", false])
        #expect(try OCDSValue(parsing: "\u{FEFF}{\"bom\":1}") == ["bom": 1])
        #expect(try OCDSValue(parsing: String(repeating: "[", count: 512) + String(repeating: "]", count: 512)).arrayValue != nil)
    }

    @Test func escapesDecode() throws {
        let value = try OCDSValue(parsing: #""q\" s\\ sl\/ \b\f\n\r\t \u00e9 \u20AC \ud83d\ude00 lone\ud800x \udc00""#)
        #expect(value == "q\" s\\ sl/ \u{8}\u{C}\n\r\t é € 😀 lone\u{FFFD}x \u{FFFD}")
        #expect(try OCDSValue(parsing: "\"Київ — ✓\"") == "Київ — ✓")
        #expect(try OCDSValue(parsing: #""\ud83d\u0041""#) == "\u{FFFD}A")
    }

    @Test func duplicateKeysKeepTheLastValueAtTheFirstPosition() throws {
        let value = try OCDSValue(parsing: #"{"a":1,"b":2,"a":3,"\u0061":4}"#)
        #expect(value.objectValue?.keys == ["a", "b"])
        #expect(value["a"] == 4)
        // Many keys, including ones whose signatures collide.
        let members = (0..<100).map { #""k\#($0)":\#($0)"# }.joined(separator: ",")
        let wide = try OCDSValue(parsing: "{" + members + #","k7":"again"}"#)
        #expect(wide.objectValue?.count == 100)
        #expect(wide["k7"] == "again")
        #expect(wide["k99"] == 99)
    }

    @Test func sequencesOfValues() throws {
        let lines = "{\"id\":1}\n\n{\"id\":2}\r\n  [3] \"four\" 5"
        #expect(try OCDSValue.parseSequence(Array(lines.utf8)) == [["id": 1], ["id": 2], [3], "four", 5])
        #expect(try OCDSValue.parseSequence(Array(" \n".utf8)).isEmpty)
        #expect(throws: JSONParseError(reason: .unexpectedEnd, offset: 10)) { try OCDSValue.parseSequence(Array("{\"id\":1}\n{".utf8)) }
        // Non-contiguous input is copied first.
        #expect(try OCDSValue(parsing: "[1,2]".utf8.lazy.map { $0 }) == [1, 2])
    }
}

@Suite struct JSONWriterTests {
    @Test func compactOutput() throws {
        let value: OCDSValue = ["s": "a\"b\\c\n\t\u{1}\u{1F} é/", "n": [1, 2.5, nil, true, false], "o": [:], "a": []]
        #expect(value.jsonString() == #"{"s":"a\"b\\c\n\t\u0001\u001f é/","n":[1,2.5,null,true,false],"o":{},"a":[]}"#)
        #expect(try OCDSValue(parsing: value.jsonBytes()) == value)
    }

    @Test func prettyAndSortedOutput() {
        let value: OCDSValue = ["b": [1, ["c": "x"]], "a": [:]]
        #expect(
            value.jsonString(.pretty) == """
                {
                  "b": [
                    1,
                    {
                      "c": "x"
                    }
                  ],
                  "a": {}
                }
                """
        )
        #expect(value.jsonString(JSONWriteOptions(sortKeys: true)) == #"{"a":{},"b":[1,{"c":"x"}]}"#)
        #expect("\(value)" == #"{"b":[1,{"c":"x"}],"a":{}}"#)
    }

    @Test func fixturesRoundTrip() throws {
        for path in ["release-schema-1__1__5+bids+lots.json", "merge-fixtures/1.1/lists-versioned.json", "merge-fixtures/schema.json"] {
            let data = try Data(contentsOf: Fixtures.root.appendingPathComponent(path))
            let value = try OCDSValue(parsing: data)
            for options in [JSONWriteOptions.compact, .pretty, JSONWriteOptions(indent: 4, sortKeys: true)] {
                #expect(try OCDSValue(parsing: value.jsonBytes(options)) == value)
            }
        }
    }
}
