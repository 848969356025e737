import Foundation
import Testing

@testable import UDMNormalizer

/// The `| entries` stage: one value of `KEY:VALUE` entries fanned out into one label each, in any
/// table, with the per-event label cap.
@Suite struct KeyValueEntriesTests {
    static func pairs(_ text: String) -> [String] {
        KeyValueEntries.entries(in: text).map { "\($0.key)=\($0.value)" }
    }

    @Test func entriesAreSplitAtTheLastColonWithGroupsDropped() {
        #expect(Self.pairs("a:1, b:2") == ["a=1", "b=2"])
        #expect(
            Self.pairs(
                "iam.amazonaws.com:[ListRoles:AccessDenied , GetUser:success] , sts.amazonaws.com:[GetCallerIdentity:success]"
            )
                == ["ListRoles=AccessDenied", "GetUser=success", "GetCallerIdentity=success"])
        #expect(Self.pairs("arn:aws:iam::1:role/r:denied") == ["arn:aws:iam::1:role/r=denied"], "a key may hold ':'")
        // Near misses: no colon, an empty key or value, an empty text, an empty group.
        #expect(Self.pairs("AttachUserPolicy,CreateAccessKey").isEmpty)
        #expect(Self.pairs(":x , y: , ,").isEmpty)
        #expect(Self.pairs("").isEmpty)
        #expect(Self.pairs("s3.amazonaws.com:[]").isEmpty)
    }

    static let rule = "calls -> security_result.detection_fields | entries\n"

    static func labels(_ json: String) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let results = object?["security_result"] as? [[String: Any]]
        let fields = results?.first?["detection_fields"] as? [[String: String]] ?? []
        return fields.map { "\($0["key"] ?? "")=\($0["value"] ?? "")" }
    }

    @Test func eachEntryIsALabelOfItsOwn() throws {
        let result = try MappingLanguageTests.run(
            Self.rule, #"{"id":"1","calls":"ec2:[RunInstances:UnauthorizedOperation , DescribeVpcs:success]"}"#)
        #expect(try Self.labels(result.json) == ["RunInstances=UnauthorizedOperation", "DescribeVpcs=success"])
        // Beside a keyed label of the same list, and from any stage's text (here a JSON text member).
        let staged = try MappingLanguageTests.run(
            #"info -> security_result.detection_fields | json_text "calls" | entries"# + "\n"
                + #""x" -> security_result.detection_fields["first"]"# + "\n",
            #"{"id":"1","info":"{\"calls\":\"A:ok\"}"}"#)
        #expect(try Self.labels(staged.json) == ["A=ok", "first=x"])
        // Near miss: text without entries writes nothing, and says nothing wrong.
        let none = try MappingLanguageTests.run(Self.rule, #"{"id":"1","calls":"A, B"}"#)
        #expect(try Self.labels(none.json).isEmpty)
        #expect(none.diagnostics.isEmpty)
    }

    @Test func anObjectIsNoEntryText() throws {
        let result = try MappingLanguageTests.run(Self.rule, #"{"id":"1","calls":{"A":"ok"}}"#)
        #expect(try Self.labels(result.json).isEmpty)
        #expect(
            result.diagnostics.contains { $0.message.contains("'| entries' expected KEY:VALUE text, found an object") })
    }

    @Test func theStageNeedsALabelListTarget() {
        let header = "@log_type GUARDDUTY\n@match exists x\n"
        let scalar = MappingLanguageTests.compileError(header + "x -> metadata.description | entries\n")
        #expect("\(scalar.map { "\($0)" } ?? "")".contains("'| entries' needs a label list target"))
        let keyed = MappingLanguageTests.compileError(header + "x -> about.labels[\"k\"] | entries\n")
        #expect(keyed != nil)
        let both = MappingLanguageTests.compileError(header + "x -> about.labels | flatten | entries\n")
        #expect("\(both.map { "\($0)" } ?? "")".contains("given already"))
        #expect(MappingLanguageTests.compileError(header + "x -> about.labels | entries \"a\"\n") != nil)
    }

    @Test func entriesCountAgainstTheLabelCapAndAreReported() throws {
        let mappings = try MappingSet(files: [("test.map", MappingLanguageTests.header + Self.rule)])
        let calls = (0..<30).map { "A\($0):ok" }.joined(separator: " , ")
        let record = #"{"id":"1","calls":"s:["# + calls + "]\"}"
        let options = Normalizer.Options(maxLabelsPerEvent: 10)
        guard
            case .normalized(let event) = Normalizer(mappings: mappings, options: options).normalize(
                record: Array(record.utf8))
        else {
            Issue.record("not normalized")
            return
        }
        #expect(try Self.labels(event.json).count == 10)
        #expect(try Self.labels(event.json).first == "A0=ok", "the first entries are kept, in order")
        #expect(
            event.diagnostics.contains {
                $0.source == .limits && $0.message == "20 labels over the limit of 10 per event were dropped"
            })
    }
}
