import Testing

@testable import UDMNormalizer

/// Parses a string literal as UTF-8 bytes.
private func parse(_ text: String, limits: JSONParser.Limits = .default) throws(JSONSyntaxError) -> JSONDocument {
    try JSONParser.parse(Array(text.utf8), limits: limits)
}

/// Parses raw bytes and returns the error, or nil if parsing succeeded.
private func syntaxError(_ bytes: [UInt8]) -> JSONSyntaxError? {
    do {
        _ = try JSONParser.parse(bytes)
        return nil
    } catch {
        return error
    }
}

/// Parses a string literal and returns the error, or nil if parsing succeeded.
private func syntaxError(_ text: String) -> JSONSyntaxError? {
    syntaxError(Array(text.utf8))
}

/// Keys of an object in document order.
private func keys(_ document: JSONDocument, _ object: Int) -> [String] {
    var result: [String] = []
    document.forEachMember(object) { key, _ in result.append(document.string(key)) }
    return result
}

/// Unit tests of the parser and the document navigation API.
@Suite("JSON parser")
struct JSONParserTests {
    @Test func scalarsAtTopLevel() throws {
        #expect(try parse("true").kind(0) == .true)
        #expect(try parse(" false ").kind(0) == .false)
        #expect(try parse("\tnull\r\n").kind(0) == .null)
        #expect(try parse("\"x\"").string(0) == "x")
        #expect(try parse("-12.5e3").rawText(0) == "-12.5e3")
        #expect(try parse("0").tape.count == 1)
    }

    @Test func tapeLayout() throws {
        let document = try parse(#"{"a":[1,{"b":null}],"c":"d"}"#)
        #expect(document.tape.count == 9)
        #expect(document.tape[0].kind == .object)
        #expect(document.tape[0].count == 2)
        #expect(document.tape[0].next == 9)
        #expect(document.tape[0].start == 0)
        #expect(Int(document.tape[0].end) == document.bytes.count)
        let array = try #require(document.member(0, "a"))
        #expect(document.kind(array) == .array)
        #expect(document.tape[array].count == 2)
        #expect(document.tape[array].next == 7)
        #expect(document.rawText(array) == #"[1,{"b":null}]"#)
        #expect(document.tape[1].flags & JSONNode.isKey != 0)
        #expect(document.tape[array].flags == 0)
    }

    @Test func keyOrderIsKept() throws {
        let document = try parse(#"{"zeta":1,"alpha":2,"mid":3,"":4,"Alpha":5}"#)
        #expect(keys(document, 0) == ["zeta", "alpha", "mid", "", "Alpha"])
        #expect(document.count(0) == 5)
    }

    @Test func duplicateKeysLastOccurrenceWins() throws {
        let document = try parse(#"{"a":1,"b":2,"a":3}"#)
        let value = try #require(document.member(0, "a"))
        #expect(document.rawText(value) == "3")
        #expect(keys(document, 0) == ["a", "b", "a"])
    }

    @Test func memberLookup() throws {
        let document = try parse(#"{"eventName":"GetObject","nested":{"x":[]},"esc\u0061ped":true,"é":1}"#)
        #expect(document.member(0, "eventName").map(document.string) == "GetObject")
        #expect(document.member(0, "missing") == nil)
        #expect(document.member(0, "eventNam") == nil)
        #expect(document.member(0, "eventNameX") == nil)
        let nested = try #require(document.member(0, "nested"))
        #expect(document.member(nested, "x").map(document.kind) == .array)
        // Keys written with escapes compare by decoded value, never by raw text.
        #expect(document.member(0, "escaped").map(document.kind) == .true)
        #expect(document.member(0, #"esc\u0061ped"#) == nil)
        #expect(document.member(0, "é").map(document.rawText) == "1")
        // Lookups on non-objects answer nil instead of trapping.
        let array = try #require(document.member(nested, "x"))
        #expect(document.member(array, "x") == nil)
        let key: [UInt8] = Array("eventName".utf8)
        let viaBytes = key.withUnsafeBytes { document.member(0, keyBytes: $0) }
        #expect(viaBytes == document.member(0, "eventName"))
    }

    @Test func keyWithRepairedBytesMatchesReplacementCharacter() throws {
        let bytes: [UInt8] = Array(#"{"a"#.utf8) + [0xFF] + Array(#"":1}"#.utf8)
        let document = try JSONParser.parse(bytes)
        #expect(document.member(0, "a\u{FFFD}") != nil)
    }

    @Test func arrays() throws {
        let document = try parse("[10, [20, 21], {\"k\": 30}, \"s\", true]")
        #expect(document.count(0) == 5)
        var raw: [String] = []
        document.forEachElement(0) { raw.append(document.rawText($0)) }
        #expect(raw == ["10", "[20, 21]", "{\"k\": 30}", "s", "true"])
        #expect(document.element(0, at: 0).map(document.rawText) == "10")
        #expect(document.element(0, at: 2).map(document.rawText) == "{\"k\": 30}")
        #expect(document.element(0, at: 4).map(document.kind) == .true)
        #expect(document.element(0, at: 5) == nil)
        #expect(document.element(0, at: -1) == nil)
        let inner = try #require(document.element(0, at: 1))
        #expect(document.element(inner, at: 1).map(document.rawText) == "21")
        // Iterating a non-array does nothing.
        var visited = 0
        document.forEachElement(try #require(document.element(0, at: 2))) { _ in visited += 1 }
        document.forEachMember(0) { _, _ in visited += 1 }
        #expect(visited == 0)
    }

    @Test func emptyContainers() throws {
        let document = try parse(#"{"a":{},"b":[],"c":[{}],"d":""}"#)
        let a = try #require(document.member(0, "a"))
        #expect(document.count(a) == 0)
        #expect(document.rawText(a) == "{}")
        #expect(document.tape[a].next == UInt32(a + 1))
        let c = try #require(document.member(0, "c"))
        #expect(document.count(c) == 1)
        #expect(document.isEmptyString(try #require(document.member(0, "d"))))
        #expect(!document.isEmptyString(a))
        #expect(try parse("[]").count(0) == 0)
        #expect(try parse(" { } ").count(0) == 0)
    }

    @Test func numbersAreKeptAsText() throws {
        let document = try parse("[1.0e+2, -0, 0.5, 12345678901234567890123, 1E-7, -0.0]")
        var raw: [String] = []
        document.forEachElement(0) { raw.append(document.rawText($0)) }
        #expect(raw == ["1.0e+2", "-0", "0.5", "12345678901234567890123", "1E-7", "-0.0"])
        #expect(document.int64(try #require(document.element(0, at: 0))) == 100)
        #expect(document.double(try #require(document.element(0, at: 4))) == 1e-7)
        #expect(document.int64(try #require(document.element(0, at: 3))) == nil)
        #expect(document.string(try #require(document.element(0, at: 1))) == "-0")
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let document = try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array(#"{"a":1}"#.utf8))
        #expect(document.kind(0) == .object)
        #expect(document.tape[0].start == 3)
        #expect(document.member(0, "a").map(document.rawText) == "1")
        // Only one BOM, and only at the very start.
        #expect(syntaxError([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array("1".utf8))?.offset == 3)
        #expect(syntaxError([0x20, 0xEF, 0xBB, 0xBF] + Array("1".utf8))?.offset == 1)
        #expect(syntaxError([0xEF, 0xBB, 0xBF])?.reason == "empty input")
    }

    @Test func stringDecoding() throws {
        let document = try parse(
            #"["caf\u00e9", "\ud83d\ude00", "a\"b\\c\/d\b\f\n\r\t", "plain", "ü€😀", "\u0000", "\u20AC\u20ac"]"#)
        let values = (0..<7).map { document.string(document.element(0, at: $0)!) }
        #expect(values == ["café", "😀", "a\"b\\c/d\u{8}\u{C}\n\r\t", "plain", "ü€😀", "\u{0}", "€€"])
        let escaped = try #require(document.element(0, at: 0))
        #expect(document.tape[escaped].flags & JSONNode.hasEscapes != 0)
        #expect(document.tape[escaped].flags & JSONNode.hasNonASCII == 0)
        #expect(document.tape[escaped].flags & JSONNode.needsRepair == 0)
        #expect(document.rawText(escaped) == #"caf\u00e9"#)
        let raw = try #require(document.element(0, at: 4))
        #expect(document.tape[raw].flags == JSONNode.hasNonASCII)
        #expect(document.tape[try #require(document.element(0, at: 3))].flags == 0)
    }

    @Test func invalidUTF8InStringsIsRepaired() throws {
        // Lone continuation byte, overlong encoding, encoded surrogate, truncated sequence, Latin-1 byte.
        let cases: [([UInt8], String)] = [
            ([0x61, 0x80, 0x62], "a\u{FFFD}b"),
            ([0xC0, 0xAF], "\u{FFFD}\u{FFFD}"),
            ([0xED, 0xA0, 0x80], "\u{FFFD}\u{FFFD}\u{FFFD}"),
            ([0xE2, 0x82], "\u{FFFD}"),
            ([0xE9, 0x74, 0xE9], "\u{FFFD}t\u{FFFD}"),
            ([0xF4, 0x90, 0x80, 0x80], "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"),
        ]
        for (body, expected) in cases {
            let document = try JSONParser.parse([0x22] + body + [0x22])
            #expect(document.string(0) == expected, "body \(body)")
            #expect(document.tape[0].flags & JSONNode.needsRepair != 0, "body \(body)")
            #expect(document.tape[0].flags & JSONNode.hasNonASCII != 0, "body \(body)")
        }
        // Invalid bytes next to escapes go through the escape decoder and are still repaired.
        let mixed = try JSONParser.parse([0x22, 0x5C, 0x6E, 0xFF, 0x22])
        #expect(mixed.string(0) == "\n\u{FFFD}")
        // Well-formed boundaries are not flagged.
        let valid = try JSONParser.parse([0x22, 0xC2, 0x80, 0xEF, 0xBF, 0xBF, 0xF4, 0x8F, 0xBF, 0xBF, 0x22])
        #expect(valid.tape[0].flags & JSONNode.needsRepair == 0)
        #expect(valid.string(0) == "\u{80}\u{FFFF}\u{10FFFF}")
    }

    @Test func loneSurrogateEscapesAreRepaired() throws {
        let cases: [(String, String)] = [
            (#""\ud800""#, "\u{FFFD}"),
            (#""\udc00x""#, "\u{FFFD}x"),
            (#""\ud800\u0041""#, "\u{FFFD}A"),
            (#""\ude00\ud83d""#, "\u{FFFD}\u{FFFD}"),
            (#""\ud83d\ud83d\ude00""#, "\u{FFFD}😀"),
            (#""\ud800\n""#, "\u{FFFD}\n"),
        ]
        for (text, expected) in cases {
            let document = try parse(text)
            #expect(document.string(0) == expected, "\(text)")
            #expect(document.tape[0].flags & JSONNode.needsRepair != 0, "\(text)")
        }
        #expect(try parse(#""\ud83d\ude00""#).tape[0].flags & JSONNode.needsRepair == 0)
    }

    @Test func invalidUTF8OutsideStringsIsAnError() {
        #expect(syntaxError([0x5B, 0xFF, 0x5D])?.offset == 1)
        #expect(syntaxError([0x5B, 0xC3, 0xA9, 0x5D])?.offset == 1)
        #expect(syntaxError([0x5B, 0x31, 0x5D, 0x80])?.offset == 3)
    }

    @Test func errorOffsets() {
        let cases: [(String, Int, String)] = [
            (#"{"a":1,}"#, 7, "unexpected character '}'"),
            ("[1 2]", 3, "unexpected character '2'"),
            (#"{"a":"b"#, 7, "unexpected end of input"),
            (#"{"a" 1}"#, 5, "unexpected character '1'"),
            (#"{"a":1"#, 6, "unexpected end of input"),
            ("[1,]", 3, "unexpected character ']'"),
            ("[01]", 2, "invalid number"),
            ("[-]", 2, "invalid number"),
            ("[1.]", 3, "invalid number"),
            ("[1e+]", 4, "invalid number"),
            ("[.5]", 1, "unexpected character '.'"),
            ("[+1]", 1, "unexpected character '+'"),
            ("[tru]", 4, "invalid literal"),
            ("[nul", 4, "unexpected end of input"),
            ("{} x", 3, "trailing data after the JSON value"),
            ("[1] [2]", 4, "trailing data after the JSON value"),
            (#"["a\qb"]"#, 3, "invalid escape \\q"),
            (#"["\u12G4"]"#, 2, "invalid escape \\u"),
            ("[\"a\nb\"]", 3, "control character U+000A in string"),
            ("[\"\t\"]", 2, "control character U+0009 in string"),
            ("", 0, "empty input"),
            ("  \n ", 4, "empty input"),
            ("[1,\u{0C}2]", 3, "unexpected control character U+000C"),
            ("{'a':1}", 1, "unexpected character '''"),
            ("[NaN]", 1, "unexpected character 'N'"),
            ("[1]\u{0}", 3, "unexpected NUL byte"),
            ("\u{0}", 0, "unexpected NUL byte"),
            ("[\u{0}]", 1, "unexpected NUL byte"),
            (#"{"a":1 "b":2}"#, 7, "unexpected character '\"'"),
            ("[1,2", 4, "unexpected end of input"),
            ("[\"abc", 5, "unexpected end of input"),
            ("[\"abc\\", 6, "unexpected end of input"),
            ("[\"\\u12", 6, "unexpected end of input"),
            ("-", 1, "unexpected end of input"),
            ("{", 1, "unexpected end of input"),
        ]
        for (text, offset, reason) in cases {
            let error = syntaxError(text)
            #expect(error?.offset == offset, "\(text.debugDescription): \(String(describing: error))")
            #expect(error?.reason.hasPrefix(reason) == true, "\(text.debugDescription): \(String(describing: error))")
        }
        #expect(syntaxError(#"{"a":"b"#)?.reason.contains("unterminated string") == true)
        #expect(JSONSyntaxError(offset: 3, reason: "x").description == "byte 3: x")
    }

    @Test func deepNestingFailsCleanly() {
        let deep = [UInt8](repeating: UInt8(ascii: "["), count: 200_000)
        let error = syntaxError(deep)
        #expect(error == JSONSyntaxError(offset: 1000, reason: "nesting deeper than 1000 levels"))
        let objects = Array(String(repeating: #"{"a":"#, count: 5000).utf8)
        #expect(syntaxError(objects)?.reason == "nesting deeper than 1000 levels")
    }

    @Test func nestingLimitIsExact() throws {
        let limit = 1000
        let atLimit = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        let document = try parse(atLimit)
        #expect(document.tape.count == limit)
        #expect(document.tape[limit - 1].next == UInt32(limit))
        #expect(document.tape[0].next == UInt32(limit))
        let overLimit = "[" + atLimit + "]"
        #expect(syntaxError(overLimit)?.offset == limit)
        let custom = JSONParser.Limits(maxDepth: 3)
        #expect(try parse("[[[1]]]", limits: custom).tape.count == 4)
        #expect(throws: JSONSyntaxError(offset: 7, reason: "nesting deeper than 3 levels")) {
            try parse(#"[{"a":[[]]}]"#, limits: custom)
        }
    }

    @Test func leafCount() throws {
        let document = try parse(#"{"a":1,"b":[true,false,null,"s"],"c":{"d":{},"e":[],"f":"g"},"h":[]}"#)
        #expect(document.leafCount(0) == 6)
        #expect(document.leafCount(try #require(document.member(0, "b"))) == 4)
        #expect(document.leafCount(try #require(document.member(0, "c"))) == 1)
        #expect(document.leafCount(try #require(document.member(0, "h"))) == 0)
        #expect(document.leafCount(try #require(document.member(0, "a"))) == 1)
        #expect(try parse("\"x\"").leafCount(0) == 1)
    }

    @Test func rawBytesAccess() throws {
        let document = try parse(#"{"k":"v\n","n":-1.5}"#)
        let value = try #require(document.member(0, "k"))
        let raw = document.withRawBytes(value) { Array($0) }
        #expect(raw == Array(#"v\n"#.utf8))
        #expect(document.rawText(0) == #"{"k":"v\n","n":-1.5}"#)
        let key: [UInt8] = Array("n".utf8)
        #expect(key.withUnsafeBytes { document.keyEquals(3, $0) })
        #expect(!key.withUnsafeBytes { document.keyEquals(1, $0) })
    }

    @Test func parserKeepsCallerBytes() throws {
        let bytes = Array(#"  {"a": "b"}  "#.utf8)
        let document = try JSONParser.parse(bytes)
        #expect(document.bytes == bytes)
        #expect(document.tape[0].start == 2)
        #expect(document.tape[0].end == 12)
    }
}

/// Unit tests of the strict number conversions.
@Suite("JSON number conversion")
struct JSONNumberTests {
    @Test func int64Conversions() {
        #expect(JSONNumber.int64("12") == 12)
        #expect(JSONNumber.int64("-3") == -3)
        #expect(JSONNumber.int64("1e2") == 100)
        #expect(JSONNumber.int64("1.0") == 1)
        #expect(JSONNumber.int64("2.50e1") == 25)
        #expect(JSONNumber.int64("1500e-2") == 15)
        #expect(JSONNumber.int64("1500e-3") == nil)
        #expect(JSONNumber.int64("-0") == 0)
        #expect(JSONNumber.int64("0e999999999999999999") == 0)
        #expect(JSONNumber.int64("9223372036854775807") == Int64.max)
        #expect(JSONNumber.int64("-9223372036854775808") == Int64.min)
        #expect(JSONNumber.int64("9.223372036854775807e18") == Int64.max)
        #expect(JSONNumber.int64("9223372036854775808") == nil)
        #expect(JSONNumber.int64("-9223372036854775809") == nil)
        #expect(JSONNumber.int64("1e19") == nil)
        #expect(JSONNumber.int64("1e999999999999999") == nil)
        #expect(JSONNumber.int64("1.5") == nil)
        #expect(JSONNumber.int64("1e-1") == nil)
        #expect(JSONNumber.int64("100000000000000000000000e-5") == 1_000_000_000_000_000_000)
        #expect(JSONNumber.int64("+7") == 7)
        #expect(JSONNumber.int64("007") == 7)
        #expect(JSONNumber.int64("") == nil)
        #expect(JSONNumber.int64(" 1") == nil)
        #expect(JSONNumber.int64("1 ") == nil)
        #expect(JSONNumber.int64("0x10") == nil)
        #expect(JSONNumber.int64("1e") == nil)
        #expect(JSONNumber.int64("-") == nil)
        #expect(JSONNumber.int64(".") == nil)
        #expect(JSONNumber.int64("1_000") == nil)
        #expect(JSONNumber.int64("port 443".dropFirst(5)) == 443)
    }

    @Test func doubleConversions() {
        #expect(JSONNumber.double("1.5") == 1.5)
        #expect(JSONNumber.double("-0")?.sign == .minus)
        #expect(JSONNumber.double("-0.0")?.sign == .minus)
        #expect(JSONNumber.double("1e2") == 100)
        #expect(JSONNumber.double("12") == 12)
        #expect(JSONNumber.double("0.1") == 0.1)
        #expect(JSONNumber.double("123456789012345678901234567890") == 1.2345678901234568e29)
        #expect(JSONNumber.double(".5") == 0.5)
        #expect(JSONNumber.double("5.") == 5)
        #expect(JSONNumber.double("+2.5E-3") == 0.0025)
        #expect(JSONNumber.double("1e-400") == 0)
        #expect(JSONNumber.double("1e400") == nil)
        #expect(JSONNumber.double("-1e400") == nil)
        #expect(JSONNumber.double("inf") == nil)
        #expect(JSONNumber.double("nan") == nil)
        #expect(JSONNumber.double("0x1p3") == nil)
        #expect(JSONNumber.double("") == nil)
        #expect(JSONNumber.double(" 1") == nil)
        #expect(JSONNumber.double("1,5") == nil)
        #expect(JSONNumber.double("e5") == nil)
    }
}
