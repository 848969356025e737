import Testing

@testable import UDMNormalizer

/// SplitMix64: tiny, fast and deterministic, so every failure is reproducible from its case number.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A model JSON value. Strings are UTF-8 bytes and numbers are text, so equality is byte-exact
/// (Swift `String ==` would treat canonically equivalent strings as equal).
private indirect enum Model: Equatable {
    case object([(key: [UInt8], value: Model)])
    case array([Model])
    case string([UInt8])
    case number(String)
    case bool(Bool)
    case null

    static func == (lhs: Model, rhs: Model) -> Bool {
        switch (lhs, rhs) {
        case (.object(let a), .object(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case (.array(let a), .array(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.null, .null): true
        default: false
        }
    }
}

/// Random models and a deliberately varied serializer (random whitespace, random escape spellings).
private struct Generator {
    var random: SplitMix64

    /// Characters chosen to hit every escaping and UTF-8 width case.
    static let alphabet: [Unicode.Scalar] = [
        "a", "b", "Z", "0", " ", "/", "\"", "\\", "\u{0}", "\u{1}", "\u{8}", "\u{9}", "\u{A}", "\u{C}", "\u{D}",
        "\u{1F}", "\u{7F}", "\u{80}", "é", "ß", "\u{7FF}", "\u{800}", "€", "\u{2028}", "\u{2029}", "\u{FFFD}",
        "\u{FFFF}", "日", "😀", "\u{10000}", "\u{10FFFF}", "\u{1D11E}",
    ]

    /// A uniform integer in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    /// True with probability `percent`/100.
    mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }

    /// A random value; containers become rarer below depth 5 so documents stay small.
    mutating func value(depth: Int) -> Model {
        let roll = depth >= 5 ? int(0...5) : int(0...8)
        switch roll {
        case 0: return .null
        case 1: return .bool(chance(50))
        case 2, 3: return .number(numberText())
        case 4, 5: return .string(stringBytes())
        case 6, 7:
            return .object(
                (0..<int(0...5)).map { _ in
                    // Small key space so duplicate keys occur regularly.
                    (chance(30) ? Array("k\(int(0...3))".utf8) : stringBytes(), value(depth: depth + 1))
                })
        default:
            return .array((0..<int(0...5)).map { _ in value(depth: depth + 1) })
        }
    }

    /// A short string mixing printable ASCII with the special characters of ``alphabet``.
    mutating func stringBytes() -> [UInt8] {
        var text = String.UnicodeScalarView()
        for _ in 0..<int(0...12) {
            text.append(
                chance(60)
                    ? Unicode.Scalar(UInt8(int(0x20...0x7E)))
                    : Generator.alphabet[int(0...Generator.alphabet.count - 1)])
        }
        return Array(String(text).utf8)
    }

    /// Text matching the JSON number grammar, with long mantissas to exercise text preservation.
    mutating func numberText() -> String {
        var text = chance(30) ? "-" : ""
        if chance(20) {
            text += "0"
        } else {
            text += String(int(1...9))
            for _ in 0..<int(0...20) { text += String(int(0...9)) }
        }
        if chance(40) {
            text += "."
            for _ in 0..<int(1...6) { text += String(int(0...9)) }
        }
        if chance(30) {
            text += chance(50) ? "e" : "E"
            text += ["", "+", "-"][int(0...2)]
            for _ in 0..<int(1...3) { text += String(int(0...9)) }
        }
        return text
    }

    /// Sometimes appends a little JSON whitespace, so offsets and skipping are exercised.
    mutating func whitespace(into out: inout [UInt8]) {
        guard chance(25) else { return }
        for _ in 0..<int(1...3) { out.append([0x20, 0x09, 0x0A, 0x0D][int(0...3)]) }
    }

    /// Serializes `model` with randomized whitespace.
    mutating func serialize(_ model: Model, into out: inout [UInt8]) {
        whitespace(into: &out)
        switch model {
        case .null: out += Array("null".utf8)
        case .bool(let flag): out += Array((flag ? "true" : "false").utf8)
        case .number(let text): out += Array(text.utf8)
        case .string(let bytes): serializeString(bytes, into: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                serialize(element, into: &out)
            }
            whitespace(into: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                whitespace(into: &out)
                serializeString(member.key, into: &out)
                whitespace(into: &out)
                out.append(UInt8(ascii: ":"))
                serialize(member.value, into: &out)
            }
            whitespace(into: &out)
            out.append(UInt8(ascii: "}"))
        }
        whitespace(into: &out)
    }

    /// Writes a string, choosing per scalar between raw, short escape and `\u` escape (either hex case,
    /// surrogate pairs for astral scalars) wherever JSON allows the choice.
    mutating func serializeString(_ bytes: [UInt8], into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            let value = scalar.value
            let mustEscape = value < 0x20 || value == 0x22 || value == 0x5C
            let style = mustEscape ? int(1...2) : (chance(70) ? 0 : int(1...2))
            let short: [UInt32: UInt8] = [
                0x22: 0x22, 0x5C: 0x5C, 0x2F: 0x2F, 0x08: 0x62, 0x0C: 0x66, 0x0A: 0x6E, 0x0D: 0x72, 0x09: 0x74,
            ]
            if style == 0 {
                out += Array(String(scalar).utf8)
            } else if style == 1, let letter = short[value] {
                out += [0x5C, letter]
            } else if value >= 0x10000 {
                let offset = value - 0x10000
                appendUnit(0xD800 + (offset >> 10), into: &out)
                appendUnit(0xDC00 + (offset & 0x3FF), into: &out)
            } else {
                appendUnit(value, into: &out)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Appends `\uXXXX` for one UTF-16 code unit, in random hex case.
    mutating func appendUnit(_ unit: UInt32, into out: inout [UInt8]) {
        let digits = String(unit, radix: 16, uppercase: chance(50))
        out += Array(("\\u" + String(repeating: "0", count: 4 - digits.count) + digits).utf8)
    }
}

/// Rebuilds the model from a parsed document through the public navigation API.
private func model(of document: JSONDocument, _ node: Int) -> Model {
    switch document.kind(node) {
    case .null: return .null
    case .true: return .bool(true)
    case .false: return .bool(false)
    case .number: return .number(document.rawText(node))
    case .string: return .string(Array(document.string(node).utf8))
    case .array:
        var elements: [Model] = []
        document.forEachElement(node) { elements.append(model(of: document, $0)) }
        return .array(elements)
    case .object:
        var members: [(key: [UInt8], value: Model)] = []
        document.forEachMember(node) { key, value in
            members.append((Array(document.string(key).utf8), model(of: document, value)))
        }
        return .object(members)
    }
}

/// Number of leaves in a model, as `leafCount` defines it.
private func leaves(_ model: Model) -> Int {
    switch model {
    case .object(let members): members.reduce(0) { $0 + leaves($1.value) }
    case .array(let elements): elements.reduce(0) { $0 + leaves($1) }
    default: 1
    }
}

/// Structural invariants every successfully parsed tape must satisfy.
private func checkTape(_ document: JSONDocument) {
    let nodes = document.tape
    let byteCount = UInt32(document.bytes.count)
    for (index, node) in nodes.enumerated() {
        #expect(node.start <= node.end && node.end <= byteCount)
        #expect(Int(node.next) > index && Int(node.next) <= nodes.count)
        switch node.kind {
        case .array, .object:
            var child = index + 1
            let children = Int(node.count) * (node.kind == .object ? 2 : 1)
            for _ in 0..<children { child = Int(nodes[child].next) }
            #expect(child == Int(node.next))
        default:
            #expect(Int(node.next) == index + 1)
            #expect(node.count == 0)
        }
    }
    #expect(Int(nodes[0].next) == nodes.count)
}

/// Seeded random round trips and mutation fuzzing of the parser and escaper.
@Suite("JSON parser properties")
struct JSONParserPropertyTests {
    /// Serialize random models, parse them back and compare structure, leaf counts, lookups and escaping.
    @Test func randomDocumentsRoundTrip() throws {
        var generator = Generator(random: SplitMix64(state: 0x5EED_0001))
        for caseNumber in 0..<2000 {
            let expected = generator.value(depth: 0)
            var bytes: [UInt8] = []
            generator.serialize(expected, into: &bytes)
            let document: JSONDocument
            do {
                document = try JSONParser.parse(bytes)
            } catch {
                Issue.record(
                    "case \(caseNumber): \(error) in \(String(decoding: bytes, as: UTF8.self).debugDescription)")
                continue
            }
            #expect(model(of: document, document.root) == expected, "case \(caseNumber)")
            #expect(document.leafCount(document.root) == leaves(expected), "case \(caseNumber)")
            checkTape(document)

            for index in document.tape.indices {
                let node = document.tape[index]
                if node.kind == .string {
                    #expect(node.flags & JSONNode.needsRepair == 0, "case \(caseNumber)")
                    // The escaper's node path must agree with its String path, and its output must read back.
                    var viaNode: [UInt8] = []
                    var viaString: [UInt8] = []
                    #expect(!JSONStringEscaper.appendQuoted(node: index, of: document, to: &viaNode))
                    JSONStringEscaper.appendQuoted(document.string(index), to: &viaString)
                    #expect(viaNode == viaString, "case \(caseNumber)")
                    let reparsed = try JSONParser.parse(viaNode)
                    #expect(Array(reparsed.string(0).utf8) == Array(document.string(index).utf8), "case \(caseNumber)")
                }
                if node.kind == .object {
                    // Last occurrence wins for every key, duplicates included.
                    var lastValue: [[UInt8]: Int] = [:]
                    document.forEachMember(index) { key, value in lastValue[Array(document.string(key).utf8)] = value }
                    for (key, value) in lastValue {
                        #expect(
                            document.member(index, String(decoding: key, as: UTF8.self)) == value, "case \(caseNumber)")
                    }
                }
                if node.kind == .array {
                    var position = 0
                    document.forEachElement(index) { element in
                        #expect(document.element(index, at: position) == element)
                        position += 1
                    }
                }
            }
        }
    }

    /// Corrupt valid documents: parsing must either succeed with a sound tape or report an in-range offset.
    @Test func mutatedDocumentsNeverCrash() {
        var generator = Generator(random: SplitMix64(state: 0xBAD_C0DE))
        var failures = 0
        var successes = 0
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            generator.serialize(generator.value(depth: 0), into: &bytes)
            for _ in 0..<generator.int(1...3) {
                guard !bytes.isEmpty else { break }
                let position = generator.int(0...bytes.count - 1)
                switch generator.int(0...4) {
                case 0: bytes[position] = UInt8(truncatingIfNeeded: generator.int(0...255))
                case 1: bytes.remove(at: position)
                case 2: bytes.insert(Array("\"\\{}[],:0-eE.u\u{0}".utf8)[generator.int(0...14)], at: position)
                case 3: bytes.removeSubrange(position...)
                default: bytes[position] = [0x80, 0xC3, 0xED, 0xF4, 0xFF, 0x7F, 0x0A][generator.int(0...6)]
                }
            }
            do {
                let document = try JSONParser.parse(bytes)
                successes += 1
                checkTape(document)
                // Exercise every decoding path on whatever survived.
                for index in document.tape.indices where document.tape[index].kind == .string {
                    var out: [UInt8] = []
                    let repaired = JSONStringEscaper.appendQuoted(node: index, of: document, to: &out)
                    #expect(repaired == (document.tape[index].flags & JSONNode.needsRepair != 0))
                    var viaString: [UInt8] = []
                    JSONStringEscaper.appendQuoted(document.string(index), to: &viaString)
                    #expect(out == viaString)
                }
                _ = document.leafCount(document.root)
            } catch {
                failures += 1
                #expect(error.offset >= 0 && error.offset <= bytes.count, "\(error)")
                #expect(!error.reason.isEmpty)
            }
        }
        // Both outcomes must actually occur, or the mutation strategy is not testing anything.
        #expect(failures > 500)
        #expect(successes > 100)
    }
}
