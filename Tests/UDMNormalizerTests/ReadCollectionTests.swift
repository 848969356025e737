import Testing

@testable import UDMNormalizer

/// A list / describe / get call that names nothing still says which kind of resource it read
/// (google-secops): `target.resource.resource_subtype` SERVICE:Noun, the label `scope = collection`.
@Suite struct ReadCollectionTests {
    static let profile = "google-secops"

    @Test(arguments: [
        ("DescribeAlarms", "monitoring.amazonaws.com", "monitoring:Alarms"),
        ("ListFunctions20150331", "lambda.amazonaws.com", "lambda:Functions"),
        ("DescribeInstanceStatus", "ec2.amazonaws.com", "ec2:InstanceStatus"),
        ("DescribeAutoScalingGroups", "autoscaling.amazonaws.com", "autoscaling:AutoScalingGroups"),
        ("DescribeLoadBalancers", "elasticloadbalancing.amazonaws.com", "elasticloadbalancing:LoadBalancers"),
        ("DescribeDBSecurityGroups", "rds.amazonaws.com", "rds:DBSecurityGroups"),
        ("GetCallerIdentity", "sts.amazonaws.com", "sts:CallerIdentity"),
    ])
    func aReadOfAWholeCollectionNamesItsKind(name: String, source: String, subtype: String) throws {
        let event = try SignInFamilyTests.view(
            CloudTrailRecord.call(name, source: source, readOnly: true), profile: Self.profile)
        #expect(event.values("target.resource.resource_subtype") == [subtype])
        #expect(event.labels("target.resource.attribute.labels", "scope") == ["collection"])
        #expect(event.values("metadata.event_type") == ["RESOURCE_READ"])
        #expect(!event.has("target.resource.name") && !event.has("target.resource.product_object_id"))
    }

    @Test func theKindOfResourceComesFromTheResourceTypeLookupWhereItHasARow() throws {
        let functions = try SignInFamilyTests.view(
            CloudTrailRecord.call("ListFunctions20150331", source: "lambda.amazonaws.com", readOnly: true),
            profile: Self.profile)
        #expect(functions.values("target.resource.resource_type") == ["FUNCTION"])
        let alarms = try SignInFamilyTests.view(
            CloudTrailRecord.call("DescribeAlarms", source: "monitoring.amazonaws.com", readOnly: true),
            profile: Self.profile)
        #expect(!alarms.has("target.resource.resource_type"), "no row for DescribeAlarms")
    }

    @Test func aReadThatNamesItsResourceKeepsIt() throws {
        let named = try SignInFamilyTests.view(
            CloudTrailRecord.call(
                "DescribeDBInstances", source: "rds.amazonaws.com", request: #"{"dBInstanceIdentifier":"orders-db"}"#,
                readOnly: true),
            profile: Self.profile)
        #expect(named.values("target.resource.name") == ["orders-db"])
        #expect(named.values("target.resource.resource_subtype") != ["rds:DBInstances"])
        #expect(named.labels("target.resource.attribute.labels", "scope").isEmpty)
    }

    @Test func aGetWhoseResponseNamesWhatItIssuedIsNoCollection() throws {
        let issued = try SignInFamilyTests.view(
            CloudTrailRecord.call(
                "GetSessionToken", source: "sts.amazonaws.com",
                response:
                    #"{"credentials":{"accessKeyId":"ASIAEXAMPLEISSUED012","expiration":"Mar 14, 2026 10:00:00 PM"}}"#),
            profile: Self.profile)
        #expect(issued.labels("target.resource.attribute.labels", "scope").isEmpty)
        #expect(issued.values("target.resource.resource_subtype") != ["sts:SessionToken"])
    }

    @Test func aCallThatIsNoReadGetsNoCollection() throws {
        let created = try SignInFamilyTests.view(
            CloudTrailRecord.call("CreateDBSecurityGroup", source: "rds.amazonaws.com"), profile: Self.profile)
        #expect(created.values("target.resource.resource_subtype") != ["rds:DBSecurityGroup"])
        #expect(!created.values("target.resource.resource_subtype").contains { $0.hasPrefix("rds:") })
        #expect(created.labels("target.resource.attribute.labels", "scope").isEmpty)
    }

    @Test func theReferenceProfileNamesNoCollection() throws {
        let event = try SignInFamilyTests.view(
            CloudTrailRecord.call("DescribeAlarms", source: "monitoring.amazonaws.com", readOnly: true),
            profile: MappingSet.referenceProfile)
        #expect(!event.has("target.resource.resource_subtype"))
        #expect(event.labels("target.resource.attribute.labels", "scope").isEmpty)
    }

    @Test func callNounCutsTheVerbAndTrailingVersionDigits() {
        let verbs = ["Describe", "List", "Get"]
        func verbLength(_ call: Substring) -> Int? {
            verbs.filter { call.hasPrefix($0) }.map(\.utf8.count).max()
        }
        #expect(
            CallNoun.noun(of: "lambda.amazonaws.com:ListFunctions20150331", verbLength: verbLength)
                == "lambda:Functions")
        #expect(
            CallNoun.noun(of: "ec2.amazonaws.com:DescribeInstanceStatus", verbLength: verbLength)
                == "ec2:InstanceStatus")
        #expect(CallNoun.noun(of: "s3.amazonaws.com:CreateBucket", verbLength: verbLength) == nil, "no listed verb")
        #expect(CallNoun.noun(of: "iam.amazonaws.com:Getaway", verbLength: verbLength) == nil, "a verb ends a word")
        #expect(CallNoun.noun(of: "iam.amazonaws.com:List2024", verbLength: verbLength) == nil, "nothing left")
        #expect(CallNoun.noun(of: "DescribeAlarms", verbLength: verbLength) == nil, "no service")
        #expect(CallNoun.noun(of: ":DescribeAlarms", verbLength: verbLength) == nil, "no service")
    }

    @Test func callNounRunsInTablesAndNeedsAPrefixLookup() throws {
        let verbs = "@lookup verbs prefix default empty\nList = x\nDescribe = x\n@end\n"
        let listed = try MappingLanguageTests.run(
            #"eventSource + ":" + eventName -> metadata.description | call_noun verbs"# + "\n",
            #"{"id":"1","eventSource":"lambda.amazonaws.com","eventName":"ListFunctions20150331"}"#, lookups: verbs)
        #expect(listed.json.contains(#""description":"lambda:Functions""#), "\(listed.json)")
        let created = try MappingLanguageTests.run(
            #"eventSource + ":" + eventName -> metadata.description | call_noun verbs"# + "\n",
            #"{"id":"1","eventSource":"lambda.amazonaws.com","eventName":"CreateFunction"}"#, lookups: verbs)
        #expect(!created.json.contains("description"), "no listed verb, no value")
        let exact = "@lookup verbs default empty\nList = x\n@end\n"
        #expect(
            MappingLanguageTests.compileError(
                exact + "@log_type X\n@match exists a\na -> metadata.description | call_noun verbs\n")
                != nil, "an exact lookup")
        #expect(
            MappingLanguageTests.compileError(
                "@log_type X\n@match exists a\na -> metadata.description | call_noun nothing\n")
                != nil)
        #expect(
            MappingLanguageTests.compileError("@log_type X\n@match exists a\na -> metadata.description | call_noun\n")
                != nil)
    }

    @Test func aRequestOfOnlyPagingAndFilterParametersReadsTheCollection() throws {
        let paged = try SignInFamilyTests.view(
            CloudTrailRecord.call(
                "ListStreams", source: "kinesis.amazonaws.com", request: #"{"limit":10,"nextToken":"abc"}"#,
                readOnly: true),
            profile: Self.profile)
        #expect(paged.values("target.resource.resource_subtype") == ["kinesis:Streams"])
        #expect(paged.labels("target.resource.attribute.labels", "scope") == ["collection"])
        let filtered = try SignInFamilyTests.view(
            CloudTrailRecord.call(
                "DescribeTags", source: "discovery.amazonaws.com",
                request: #"{"maxResults":0,"filters":[{"name":"configurationId","values":["d-1"]}]}"#, readOnly: true),
            profile: Self.profile)
        #expect(filtered.values("target.resource.resource_subtype") == ["discovery:Tags"])
        #expect(!filtered.has("target.resource.name"), "a filter's name is no resource")
        let named = try SignInFamilyTests.view(
            CloudTrailRecord.call(
                "ListStreams", source: "kinesis.amazonaws.com", request: #"{"limit":10,"streamName":"orders"}"#,
                readOnly: true),
            profile: Self.profile)
        #expect(named.values("target.resource.name") == ["orders"])
        #expect(named.labels("target.resource.attribute.labels", "scope").isEmpty)
        let reference = try SignInFamilyTests.view(
            CloudTrailRecord.call(
                "ListStreams", source: "kinesis.amazonaws.com", request: #"{"limit":10}"#, readOnly: true),
            profile: "reference")
        #expect(!reference.has("target.resource.resource_subtype"), "the reference profile reads no collection")
    }

    @Test func onlyKeysOfHoldsForAnAbsentFieldOrAnObjectOfListedKeysOnly() throws {
        let rules = #"""
            @when request only_keys_of paging
            "yes" -> additional["only"]
            @end
            """#
        let lookups = """
            @lookup paging default empty
            limit = paging
            nextToken = paging
            @end
            """
        for (record, expected) in [
            (#"{"id":1}"#, true), (#"{"id":1,"request":{"limit":1}}"#, true),
            (#"{"id":1,"request":{"limit":1,"name":"x"}}"#, false),
            (#"{"id":1,"request":"text"}"#, false),
        ] {
            let json = try MappingLanguageTests.run(rules, record, lookups: lookups).json
            #expect(json.contains(#""only":"yes""#) == expected, "\(record)")
        }
    }
}
