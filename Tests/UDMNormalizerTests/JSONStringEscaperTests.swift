import Testing

@testable import UDMNormalizer

/// `appendQuoted(String)` as text.
private func quoted(_ string: String) -> String {
    var out: [UInt8] = []
    JSONStringEscaper.appendQuoted(string, to: &out)
    return String(decoding: out, as: UTF8.self)
}

/// Output of both the node path and the String path for every string node of `bytes`, plus repair results.
private func bothPaths(_ bytes: [UInt8]) throws -> [(node: [UInt8], string: [UInt8], repaired: Bool, flagged: Bool)] {
    let document = try JSONParser.parse(bytes)
    var results: [(node: [UInt8], string: [UInt8], repaired: Bool, flagged: Bool)] = []
    for index in document.tape.indices where document.tape[index].kind == .string {
        var viaNode: [UInt8] = [0x2A]  // a prefix, to check the node path appends rather than overwrites
        let repaired = JSONStringEscaper.appendQuoted(node: index, of: document, to: &viaNode)
        var viaString: [UInt8] = [0x2A]
        JSONStringEscaper.appendQuoted(document.string(index), to: &viaString)
        results.append((viaNode, viaString, repaired, document.tape[index].flags & JSONNode.needsRepair != 0))
    }
    return results
}

/// Unit tests of the output escaper, including agreement of its node and String paths.
@Suite("JSON string escaper")
struct JSONStringEscaperTests {
    @Test func plainText() {
        #expect(quoted("") == #""""#)
        #expect(quoted("hello world") == #""hello world""#)
        #expect(quoted("a/b") == #""a/b""#)
    }

    @Test func quotesAndBackslashes() {
        #expect(quoted(#"say "hi""#) == #""say \"hi\"""#)
        #expect(quoted(#"C:\path\"#) == #""C:\\path\\""#)
    }

    @Test func controlCharacters() {
        #expect(quoted("\u{8}\u{C}\n\r\t") == #""\b\f\n\r\t""#)
        #expect(quoted("\u{0}\u{1}\u{1F}") == #""\u0000\u0001\u001f""#)
        #expect(quoted("a\u{B}b") == #""a\u000bb""#)
        #expect(quoted("\u{7F}") == #""\u007f""#)
        #expect(quoted("x\u{7F}y") == #""x\u007fy""#)
    }

    @Test func lineAndParagraphSeparators() {
        #expect(quoted("a\u{2028}b\u{2029}c") == #""a\u2028b\u2029c""#)
        // Neighbours of the separators stay raw.
        #expect(quoted("\u{2027}\u{202A}") == "\"\u{2027}\u{202A}\"")
    }

    @Test func nonASCIIIsRaw() {
        #expect(quoted("café ü € 😀 日本") == "\"café ü € 😀 日本\"")
        #expect(quoted("\u{80}\u{9F}\u{A0}") == "\"\u{80}\u{9F}\u{A0}\"")
    }

    @Test func escapedContentHasNoQuotes() {
        var out: [UInt8] = Array("k=".utf8)
        JSONStringEscaper.appendEscapedContent("a\"b\n", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == #"k=a\"b\n"#)
    }

    @Test func nodePathMatchesStringPath() throws {
        let documents: [String] = [
            #"["plain", "", "café", "a/b", "\u00e9", "\ud83d\ude00", "x\u2028y", "\u2029"]"#,
            #"["\"\\\/\b\f\n\r\t", "\u0000\u001F\u007F\u007f", "del"]"#,
            #"{"k\u0041y": "v\u0022", "\u00DF": "\u20ac\u20AC", "mix é \n": "ü\u00fc"}"#,
            #"["\u0020\u007E\u0080\u07FF\u0800\uFFFF", "\uD834\uDD1E", "tail\\"]"#,
            #"["0123456789abcdef0123456789abcdef", "long é string with trailing ascii 0123456789"]"#,
            "[\"raw\u{2028}sep\u{2029}\", \"\u{2028}\", \"\u{E2}\u{80}\"]",
        ]
        for text in documents {
            for result in try bothPaths(Array(text.utf8)) {
                #expect(result.node == result.string, "\(text)")
                #expect(!result.repaired)
            }
        }
        // The DEL byte is the one raw ASCII byte the fast path must still escape.
        for result in try bothPaths([0x22, 0x61, 0x7F, 0x62, 0x22]) {
            #expect(String(decoding: result.node, as: UTF8.self) == #"*"a\u007fb""#)
            #expect(result.node == result.string)
        }
        let longDEL = Array("\"0123456789abcdef".utf8) + [0x7F] + Array("0123456789\"".utf8)
        for result in try bothPaths(longDEL) { #expect(result.node == result.string) }
    }

    @Test func repairIsReported() throws {
        let inputs: [[UInt8]] = [
            [0x22, 0x61, 0xFF, 0x62, 0x22],
            [0x22, 0xED, 0xA0, 0x80, 0x22],
            Array(#""\ud800""#.utf8),
            Array(#""ok \udc00 \n""#.utf8),
            [0x22, 0x5C, 0x6E, 0xC3, 0x22],
        ]
        for input in inputs {
            for result in try bothPaths(input) {
                #expect(result.repaired)
                #expect(result.flagged)
                #expect(result.node == result.string)
                #expect(String(decoding: result.node, as: UTF8.self).contains("\u{FFFD}"))
            }
        }
    }

    @Test func nonStringNodeIsQuotedFromRawText() throws {
        let document = try JSONParser.parse(Array("[1.5e3]".utf8))
        var out: [UInt8] = []
        let repaired = JSONStringEscaper.appendQuoted(node: 1, of: document, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == #""1.5e3""#)
        #expect(!repaired)
    }

    @Test func outputParsesBackToSameString() throws {
        let samples = [
            "", "a\u{0}b", "\u{1}\u{1F}\u{7F}\u{80}", "\u{2028}\u{2029}", "\"\\/", "😀é", "\u{FFFD}", "\u{10FFFF}",
        ]
        for sample in samples {
            var out: [UInt8] = []
            JSONStringEscaper.appendQuoted(sample, to: &out)
            let document = try JSONParser.parse(out)
            #expect(document.string(0) == sample)
            #expect(!out.contains(0x7F))
        }
    }
}
