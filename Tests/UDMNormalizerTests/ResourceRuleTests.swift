import Foundation
import Testing

@testable import UDMNormalizer

/// `| resource TYPE "SUBTYPE"` rules and the `consists_of` condition of the table language.
@Suite struct ResourceRuleTests {
    static func run(_ rules: String, _ record: String) throws -> [String: Any] {
        let json = try MappingLanguageTests.run(rules, record).json
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    static func resource(_ event: [String: Any]) -> [String: String] {
        ((event["target"] as? [String: Any])?["resource"] as? [String: String]) ?? [:]
    }

    static func aboutResources(_ event: [String: Any]) -> [[String: String]] {
        ((event["about"] as? [[String: Any]]) ?? []).compactMap { $0["resource"] as? [String: String] }
    }

    static let instances = #"""
        ids[*].id -> target.resource.product_object_id | resource VIRTUAL_MACHINE "AWS::EC2::Instance"
        bucket -> target.resource.name | resource STORAGE_BUCKET "AWS::S3::Bucket"
        """#

    @Test func theFirstValueIsTheTargetAndEachFurtherOneAnAboutEntry() throws {
        let event = try Self.run(Self.instances, #"{"id":1,"ids":[{"id":"i-1"},{"id":"i-2"},{"id":""},{"id":"i-3"}]}"#)
        #expect(
            Self.resource(event) == [
                "product_object_id": "i-1", "resource_type": "VIRTUAL_MACHINE",
                "resource_subtype": "AWS::EC2::Instance",
            ])
        #expect(
            Self.aboutResources(event) == [
                [
                    "product_object_id": "i-2", "resource_type": "VIRTUAL_MACHINE",
                    "resource_subtype": "AWS::EC2::Instance",
                ],
                [
                    "product_object_id": "i-3", "resource_type": "VIRTUAL_MACHINE",
                    "resource_subtype": "AWS::EC2::Instance",
                ],
            ], "empty values are skipped")
    }

    @Test func theFirstRuleWithAValueWinsAndLaterRowsAddNothing() throws {
        let event = try Self.run(Self.instances, #"{"id":1,"ids":[],"bucket":"b1"}"#)
        #expect(
            Self.resource(event) == [
                "name": "b1", "resource_type": "STORAGE_BUCKET", "resource_subtype": "AWS::S3::Bucket",
            ])
        let both = try Self.run(Self.instances, #"{"id":1,"ids":[{"id":"i-1"}],"bucket":"b1"}"#)
        #expect(Self.resource(both)["name"] == nil, "one event never mixes two resources' identifiers")
        #expect(Self.aboutResources(both).isEmpty)
    }

    @Test func aResourceNamedByAnEarlierRuleIsLeftAlone() throws {
        let rules = #"""
            arn -> target.resource.name
            kind -> target.resource.resource_type
            """# + "\n" + Self.instances
        let event = try Self.run(
            rules, #"{"id":1,"arn":"arn:aws:ec2:::instance/i-9","kind":"DISK","ids":[{"id":"i-1"},{"id":"i-2"}]}"#)
        #expect(Self.resource(event) == ["name": "arn:aws:ec2:::instance/i-9", "resource_type": "DISK"])
        #expect(
            Self.aboutResources(event).isEmpty,
            "the rule does not fire at all, so its further values add nothing either")
        let typeOnly = try Self.run(rules, #"{"id":1,"kind":"DISK","ids":[{"id":"i-1"}]}"#)
        #expect(
            Self.resource(typeOnly) == [
                "product_object_id": "i-1", "resource_type": "DISK", "resource_subtype": "AWS::EC2::Instance",
            ],
            "a type alone does not name a resource; the earlier type keeps its priority")
    }

    @Test func conditionsAndStagesApplyToEveryValue() throws {
        let rules = #"""
            @when service == "ec2"
            ids[*].id -> target.resource.product_object_id | resource VIRTUAL_MACHINE "AWS::EC2::Instance" | upper | when is_not_empty
            @end
            """#
        let ec2 = try Self.run(rules, #"{"id":1,"service":"ec2","ids":[{"id":"i-a"},{"id":"i-b"}]}"#)
        #expect(Self.resource(ec2)["product_object_id"] == "I-A")
        #expect(Self.aboutResources(ec2).map { $0["product_object_id"] } == ["I-B"])
        let other = try Self.run(rules, #"{"id":1,"service":"s3","ids":[{"id":"i-a"}]}"#)
        #expect(Self.resource(other).isEmpty)
    }

    @Test func mistakesAreReportedWhereTheyAre() {
        let cases: [(String, Int, String)] = [
            (
                #"a -> target.hostname | resource VIRTUAL_MACHINE "AWS::EC2::Instance""#, 24,
                "needs a target that is a resource's name or product_object_id"
            ),
            (
                #"a -> target.resource.resource_subtype | resource VIRTUAL_MACHINE "X""#, 41,
                "needs a target that is a resource's name or product_object_id"
            ),
            (#"a -> target.resource.name | resource SPACESHIP "X""#, 29, "'SPACESHIP' is not a value of"),
            (#"a -> target.resource.name | resource VIRTUAL_MACHINE"#, 53, "expected the resource subtype in quotes"),
            (#"a[*] -> about[*].resource.name | resource VIRTUAL_MACHINE "X""#, 34, "takes no '[*]' or '[]'"),
            (#"a -> target.resource.name | resource DISK "X" | resource DISK "Y""#, 49, "'| resource' given twice"),
            (
                "a -> principal.hostname | when a consists_of \"é\"", 32,
                "'consists_of' takes one or more ASCII characters"
            ),
        ]
        for (line, column, message) in cases {
            guard let error = MappingLanguageTests.compileError("@log_type T\n@match exists a\n" + line) else {
                Issue.record("no error for: \(line)")
                continue
            }
            #expect(error.line == 3, "\(error)")
            #expect(error.column == column, "\(error)")
            #expect(error.message.contains(message), "\(error)")
        }
    }

    @Test func consistsOfHoldsForNonEmptyStringsOfTheListedCharacters() throws {
        let rules = #"""
            @when value consists_of ".-"
            value -> additional["placeholder"]
            @end
            @when not value consists_of ".-"
            value -> principal.hostname
            @end
            """#
        for (value, placeholder) in [
            (#"".""#, true), (#""...""#, true), (#""-.-""#, true), (#""a.b""#, false), (#""""#, false),
            (#""\u002e""#, true), ("12", false), ("null", false),
        ] {
            let event = try Self.run(rules, #"{"id":1,"value":\#(value)}"#)
            let additional = event["additional"] as? [String: Any]
            #expect((additional?["placeholder"] != nil) == placeholder, "\(value)")
        }
    }
}
