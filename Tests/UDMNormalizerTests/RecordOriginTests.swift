import Testing

@testable import UDMNormalizer

/// Origins are kept as parts and formatted on demand, in the one form the CLI prints and
/// `explain` takes.
@Suite struct RecordOriginTests {
    @Test func theColumnIsShownOnlyWhenTheRecordDoesNotStartTheLine() {
        #expect(RecordOrigin(source: "f.json", line: 3, column: 1).description == "f.json:3")
        #expect(RecordOrigin(source: "f.json", line: 3, column: 17).description == "f.json:3:17")
    }

    @Test func envelopeElementsAreSuffixesInOrder() {
        let line = RecordOrigin(source: "-", line: 1, column: 1)
        let nested = line.appending(key: "", index: 2).appending(key: "Records", index: 0)
        #expect(nested.description == "-:1:[2]:Records[0]")
        #expect(line.description == "-:1", "appending leaves the origin it starts from as it was")
    }

    @Test func aRecordReadsItsOriginAsText() {
        var origins: [String] = []
        Normalizer().normalize(input: Array(#"{"Records":[1,{"a":1}]}"#.utf8), source: "in") { record in
            origins.append(record.origin)
        }
        #expect(origins == ["in:1:Records[0]", "in:1:Records[1]"])
    }
}
