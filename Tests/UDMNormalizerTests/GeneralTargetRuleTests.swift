import Foundation
import Testing

@testable import UDMNormalizer

/// The general target rule (`| target_key`): which request or response key names the resource a
/// call acts on when no row names it, in both profiles.
@Suite struct GeneralTargetRuleTests {
    static let profiles = ["reference", "google-secops"]

    static func view(
        _ name: String, source: String, request: String = "null", response: String = "null", profile: String
    ) throws -> RuleView {
        try SignInFamilyTests.view(
            CloudTrailRecord.call(name, source: source, request: request, response: response), profile: profile)
    }

    // MARK: The key grammar

    static func identify(_ key: String) -> TargetKeyGrammar.Identified? {
        var key = key
        return key.withUTF8 { TargetKeyGrammar.identify(UnsafeRawBufferPointer($0)) }
    }

    @Test func identifyingKeysEndAtACamelCaseBoundary() {
        #expect(Self.identify("flowLogId") == .init(stemLength: 7, kind: .id, preference: 1))
        #expect(Self.identify("FlowLogId")?.stemLength == 7)
        #expect(Self.identify("alarmNames") == .init(stemLength: 5, kind: .name, preference: 2))
        #expect(Self.identify("queueURL") == .init(stemLength: 5, kind: .name, preference: 2))
        #expect(Self.identify("trailARN") == .init(stemLength: 5, kind: .name, preference: 0))
        #expect(Self.identify("dBInstanceIdentifier") == .init(stemLength: 10, kind: .name, preference: 2))
        #expect(Self.identify("DBName")?.stemLength == 2)
        #expect(Self.identify("instance_id")?.stemLength == 8)
        #expect(Self.identify("name") == .init(stemLength: 0, kind: .name, preference: 2))
        #expect(Self.identify("id")?.kind == .id)
        #expect(Self.identify("identifier")?.kind == .id, "a bare identifier is an opaque id")
        #expect(Self.identify("arn")?.preference == 0)
        for notIdentifying in ["guid", "paid", "hostname", "valid", "identity", "nameservers", "idempotencyToken"] {
            #expect(Self.identify(notIdentifying) == nil, "\(notIdentifying)")
        }
    }

    static func match(_ stem: String, _ noun: String) -> TargetKeyGrammar.NounMatch {
        var stem = stem
        var noun = noun
        return stem.withUTF8 { s in
            noun.withUTF8 { n in
                TargetKeyGrammar.match(stem: UnsafeRawBufferPointer(s), noun: UnsafeRawBufferPointer(n))
            }
        }
    }

    @Test func aStemMatchesTheNounSingularOrPluralThenAtAWordBoundary() {
        #expect(Self.match("alarm", "Alarms") == .exact)
        #expect(Self.match("FlowLog", "FlowLogs") == .exact)
        #expect(Self.match("policy", "Policies") == .exact)
        #expect(Self.match("address", "Addresses") == .exact)
        #expect(Self.match("dBSecurityGroup", "DBSecurityGroups") == .exact)
        #expect(Self.match("group", "SecurityGroup") == .suffix)
        #expect(Self.match("bucket", "BucketPolicy") == .prefix)
        #expect(Self.match("role", "Cluster") == .none)
        #expect(Self.match("cat", "Catalog") == .none, "no word boundary after Cat")
        var call = "ListFunctions20150331"
        let noun = call.withUTF8 { TargetKeyGrammar.noun(of: UnsafeRawBufferPointer($0)) }
        #expect(String(Array(call.utf8)[noun].map { Character(UnicodeScalar($0)) }) == "Functions")
    }

    // MARK: Step 3: the key that names the call's noun

    @Test(arguments: profiles) func theKeyNamingTheNounIsTheTarget(profile: String) throws {
        let alarms = try Self.view(
            "DescribeAlarms", source: "monitoring.amazonaws.com",
            request: #"{"actionPrefix":"arn:aws:sns:x","alarmNames":["cpu-high","disk-full"]}"#, profile: profile)
        #expect(alarms.values("target.resource.name") == ["cpu-high"])
        #expect(alarms.values("target.resource.resource_subtype") == ["monitoring:Alarm"])
        #expect(alarms.values("about.resource.name") == ["disk-full"], "a list's further values are about resources")
        let flowLogs = try Self.view(
            "DeleteFlowLogs", source: "ec2.amazonaws.com",
            request: #"{"DeleteFlowLogsRequest":{"FlowLogId":{"content":"fl-0abc","tag":1}}}"#, profile: profile)
        #expect(flowLogs.values("target.resource.product_object_id") == ["fl-0abc"])
        #expect(flowLogs.values("target.resource.resource_subtype") == ["ec2:FlowLog"])
        let cluster = try Self.view(
            "DescribeCluster", source: "kafka.amazonaws.com",
            request: #"{"roleArn":"arn:aws:iam::111122223333:role/msk","name":"prod"}"#, profile: profile)
        #expect(cluster.values("target.resource.name") == ["prod"], "a bare name is the call's own object")
        #expect(cluster.values("target.resource.resource_subtype") == ["kafka:Cluster"])
        #expect(cluster.values("target.resource.resource_type") == ["CLUSTER"])
    }

    @Test(arguments: profiles) func aStemMatchBeatsAnEarlierAndShallowerKey(profile: String) throws {
        let event = try Self.view(
            "DescribeExecution", source: "states.amazonaws.com",
            request: #"{"stateMachineArn":"arn:sm","options":{"executionArn":"arn:exec"}}"#, profile: profile)
        #expect(event.values("target.resource.name") == ["arn:exec"])
    }

    // MARK: Step 4: the shallowest identifying key

    @Test(arguments: profiles) func otherwiseTheShallowestKeyInDocumentOrder(profile: String) throws {
        let event = try Self.view(
            "TouchWidget", source: "widgets.amazonaws.com",
            request: #"{"config":{"gadgetId":"g-1"},"spannerName":"s-1","bolt":"paid","guid":"x"}"#,
            profile: profile)
        #expect(event.values("target.resource.name") == ["s-1"])
        #expect(event.values("target.resource.resource_subtype") == ["widgets:Spanner"])
        let nested = try Self.view(
            "TouchWidget", source: "widgets.amazonaws.com", request: #"{"config":{"gadgetId":"g-1","guid":"x"}}"#,
            profile: profile)
        #expect(nested.values("target.resource.product_object_id") == ["g-1"])
        let none = try Self.view(
            "TouchWidget", source: "widgets.amazonaws.com", request: #"{"guid":"x","paid":true,"hostname":"h"}"#,
            profile: profile)
        #expect(!none.has("target.resource.name") && !none.has("target.resource.product_object_id"))
    }

    @Test(arguments: profiles) func keysInListsOfItemsNameEachResource(profile: String) throws {
        let event = try Self.view(
            "CreateTags", source: "ec2.amazonaws.com",
            request:
                #"{"resourcesSet":{"items":[{"resourceId":"i-1"},{"resourceId":"vol-2"}]},"tagSet":{"items":[{"key":"Name","value":"web"}]}}"#,
            response: #"{"_return":true}"#, profile: profile)
        #expect(event.values("target.resource.product_object_id") == ["i-1"])
        #expect(event.values("about.resource.product_object_id") == ["vol-2"])
        #expect(!event.values("target.resource.name").contains("web"), "tags name no resource")
    }

    // MARK: Exceptions and used keys

    @Test(arguments: profiles) func exceptionKeysAreNeverTheTarget(profile: String) throws {
        let event = try Self.view(
            "StartBuild", source: "codebuild.amazonaws.com",
            request: #"{"metricName":"m","regionName":"us-east-1","zoneName":"us-east-1a","projectName":"web"}"#,
            profile: profile)
        #expect(event.values("target.resource.name") == ["web"])
        let only = try Self.view(
            "PutMetricData", source: "monitoring.amazonaws.com", request: #"{"metricName":"m","engineName":"e"}"#,
            profile: profile)
        #expect(!only.has("target.resource.name"))
    }

    @Test(arguments: profiles) func keysTheSpellingRuleDoesNotKnowByTheirRows(profile: String) throws {
        let identities = try Self.view(
            "GetIdentityDkimAttributes", source: "ses.amazonaws.com",
            request: #"{"identities":["example.com","example.org"]}"#, profile: profile)
        #expect(identities.values("target.resource.name") == ["example.com"])
        #expect(identities.values("about.resource.name") == ["example.org"])
        let elsewhere = try Self.view(
            "GetThing", source: "things.amazonaws.com", request: #"{"identity":"example.com"}"#, profile: profile)
        #expect(!elsewhere.has("target.resource.name"), "the row is SES's only")
    }

    @Test(arguments: profiles) func policyConditionKeysAndRequestIdsNameNothing(profile: String) throws {
        let policy = try Self.view(
            "PutThingPolicy", source: "things.amazonaws.com",
            request:
                #"{"policyText":{"Statement":[{"Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-1"}}}]},"config":{"Policy":{"Id":"p-1"}}}"#,
            profile: profile)
        #expect(!policy.has("target.resource.name") && !policy.has("target.resource.product_object_id"))
        let route = try Self.view(
            "CreateRoute", source: "ec2.amazonaws.com",
            request: #"{"routeTableId":"rtb-1","destinationCidrBlock":"0.0.0.0/0","gatewayId":"igw-1"}"#,
            response: #"{"requestID":"1","_return":true}"#, profile: profile)
        #expect(route.values("target.resource.product_object_id") == ["rtb-1"], "not the request's id")
        let vaults = try Self.view(
            "ListVaults", source: "glacier.amazonaws.com", request: #"{"accountId":"-"}"#, profile: profile)
        #expect(!vaults.has("target.resource.product_object_id"), "'-' is the caller's own account, no identifier")
    }

    @Test(arguments: profiles) func keysACallUsesAreAboutResourcesLabelledWithTheirKey(profile: String) throws {
        let event = try Self.view(
            "CreateCluster", source: "eks.amazonaws.com",
            request:
                #"{"roleArn":"arn:aws:iam::111122223333:role/eks","resourcesVpcConfig":{"subnetIds":["subnet-1","subnet-2"]},"name":"prod"}"#,
            profile: profile)
        #expect(event.values("target.resource.name") == ["prod"], "not the role it passes")
        #expect(event.values("about.resource.name") == ["arn:aws:iam::111122223333:role/eks"])
        #expect(event.values("about.resource.product_object_id") == ["subnet-1", "subnet-2"])
        #expect(event.labels("about.resource.attribute.labels", "key") == ["roleArn", "subnetIds", "subnetIds"])
        let vpc = try Self.view(
            "DeleteVpc", source: "ec2.amazonaws.com", request: #"{"vpcId":"vpc-1"}"#, profile: profile)
        #expect(vpc.values("target.resource.product_object_id") == ["vpc-1"], "a VPC call acts on the VPC")
        let role = try Self.view(
            "GetRole", source: "iam.amazonaws.com", request: #"{"roleArn":"arn:aws:iam::1:role/r"}"#,
            profile: profile)
        #expect(role.values("target.resource.name") == ["arn:aws:iam::1:role/r"], "IAM acts on roles")
    }

    @Test(arguments: profiles) func atMostFiftyAboutResources(profile: String) throws {
        let groups = (0..<60).map { #""sg-\#($0)""# }.joined(separator: ",")
        let record = CloudTrailRecord.call(
            "ModifyThing", source: "things.amazonaws.com",
            request: #"{"thingId":"t-1","securityGroupIds":[\#(groups)]}"#)
        let normalizer = Normalizer(mappings: try MappingSet.builtin(profile: profile))
        guard case .normalized(let event) = normalizer.normalize(record: Array(record.utf8)) else {
            Issue.record("not normalized")
            return
        }
        let view = try RuleView(json: event.json)
        #expect(view.values("target.resource.product_object_id") == ["t-1"])
        #expect(view.labels("about.resource.attribute.labels", "key").count == 50)
        #expect(view.labels("target.resource.attribute.labels", "about_resources_omitted") == ["10"])
        #expect(event.diagnostics.contains { $0.message.contains("10 resources over the limit of 50") })
    }

    // MARK: Step 2: created objects

    @Test(arguments: profiles) func aCreatedObjectIsTheTargetAndItsSourceTheSrcResource(profile: String) throws {
        let snapshot = try Self.view(
            "StartSnapshot", source: "ebs.amazonaws.com",
            request: #"{"volumeSize":8,"parentSnapshotId":"snap-parent","kmsKeyArn":"arn:aws:kms:us-east-1:1:key/k"}"#,
            response: #"{"snapshotId":"snap-new","ownerId":"111122223333","status":"pending"}"#, profile: profile)
        #expect(snapshot.values("target.resource.product_object_id") == ["snap-new"])
        #expect(snapshot.values("target.resource.resource_type") == ["SNAPSHOT"])
        #expect(snapshot.values("src.resource.product_object_id") == ["snap-parent"])
        #expect(snapshot.labels("about.resource.attribute.labels", "key") == ["kmsKeyArn"])
        let pool = try Self.view(
            "CreateIdentityPool", source: "cognito-identity.amazonaws.com",
            request: #"{"identityPoolName":"TestPool","allowUnauthenticatedIdentities":true}"#,
            response: #"{"identityPoolId":"us-east-1:1cf667a2","identityPoolName":"TestPool"}"#, profile: profile)
        #expect(pool.values("target.resource.product_object_id") == ["us-east-1:1cf667a2"])
        #expect(!pool.has("src.resource.name"), "the request names the same pool")
        let endpoint = try Self.view(
            "CreateResolverEndpoint", source: "route53resolver.amazonaws.com",
            request: #"{"creatorRequestId":"r-1","name":"out","securityGroupIds":["sg-1"]}"#,
            response:
                #"{"resolverEndpoint":{"id":"rslvr-out-1","creatorRequestId":"r-1","arn":"arn:aws:route53resolver:x:resolver-endpoint/rslvr-out-1","name":"out"}}"#,
            profile: profile)
        #expect(endpoint.values("target.resource.name") == ["arn:aws:route53resolver:x:resolver-endpoint/rslvr-out-1"])
        #expect(endpoint.values("about.resource.product_object_id") == ["sg-1"])
        let invite = try Self.view(
            "InviteAccountToOrganization", source: "organizations.amazonaws.com",
            request: #"{"target":{"type":"ACCOUNT","id":"222222222222"}}"#,
            response: #"{"handshake":{"id":"h-1","arn":"arn:aws:organizations::1:handshake/o-1/invite/h-1"}}"#,
            profile: profile)
        #expect(invite.values("target.resource.name") == ["arn:aws:organizations::1:handshake/o-1/invite/h-1"])
        #expect(invite.values("src.resource.product_object_id") == ["222222222222"])
        let account = try Self.view(
            "CreateAccount", source: "organizations.amazonaws.com",
            request: #"{"accountName":"Production","email":"a@example.com"}"#,
            response: #"{"createAccountStatus":{"id":"car-1","accountName":"Production","state":"IN_PROGRESS"}}"#,
            profile: profile)
        #expect(account.values("target.resource.name") == ["Production"])
    }

    @Test(arguments: profiles) func aCallThatMakesNothingNamedKeepsTheRequestKey(profile: String) throws {
        let event = try Self.view(
            "CreateTags", source: "ec2.amazonaws.com", request: #"{"resourcesSet":{"items":[{"resourceId":"i-1"}]}}"#,
            response: #"{"requestId":"r-1","_return":true}"#, profile: profile)
        #expect(event.values("target.resource.product_object_id") == ["i-1"])
        let update = try Self.view(
            "UpdateTable", source: "dynamodb.amazonaws.com",
            request: #"{"provisionedThroughput":{"readCapacityUnits":5}}"#,
            response:
                #"{"tableDescription":{"tableName":"Music","attributeDefinitions":[{"attributeName":"Artist"}]}}"#,
            profile: profile)
        #expect(update.values("target.resource.name") == ["Music"], "the response, when the request names nothing")
    }

    // MARK: explain

    @Test func explainNamesTheKeyAndTheStep() throws {
        let record = CloudTrailRecord.call(
            "DeleteFlowLogs", source: "ec2.amazonaws.com",
            request: #"{"DeleteFlowLogsRequest":{"FlowLogId":{"content":"fl-0abc","tag":1}}}"#)
        let explanation = try #require(Normalizer().explain(input: Array(record.utf8), source: "r").first)
        #expect(
            explanation.targetChoice
                == "target.resource from requestParameters key 'FlowLogId' (step 3: the key names the call's noun)")
        #expect(explanation.text.contains("target: target.resource from requestParameters key 'FlowLogId'"))
        #expect(explanation.json.contains(#""target_choice":"target.resource from requestParameters key 'FlowLogId'"#))
        let created = CloudTrailRecord.call(
            "StartSnapshot", source: "ebs.amazonaws.com", response: #"{"snapshotId":"snap-new"}"#)
        let made = try #require(Normalizer().explain(input: Array(created.utf8), source: "r").first)
        #expect(made.targetChoice?.hasSuffix("(step 2: the response names what the call made)") == true)
        let explicit = CloudTrailRecord.call(
            "GetObject", source: "s3.amazonaws.com", request: #"{"bucketName":"b","key":"k"}"#)
        let byRow = try #require(Normalizer().explain(input: Array(explicit.utf8), source: "r").first)
        #expect(byRow.targetChoice == nil, "a row named the target")
    }

    // MARK: Users extend the lists

    @Test(arguments: profiles) func usersExtendTheExceptionsAndTheUsedKeys(profile: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "target-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let table = directory.appendingPathComponent("site.map")
        try """
        @log_type AWS_CLOUDTRAIL
        @lookup cloudtrail-target-keys default empty
        spannerName = none
        gadgetId = used
        widgets:gizmo = key
        @end
        """.write(to: table, atomically: true, encoding: .utf8)
        let mappings = try MappingSet.load(path: table.path, over: try .builtin(profile: profile))
        let record = CloudTrailRecord.call(
            "TouchWidget", source: "widgets.amazonaws.com",
            request: #"{"spannerName":"s-1","gadgetId":"g-1","boltArn":"arn:bolt"}"#)
        guard case .normalized(let event) = Normalizer(mappings: mappings).normalize(record: Array(record.utf8))
        else {
            Issue.record("not normalized")
            return
        }
        let view = try RuleView(json: event.json)
        #expect(view.values("target.resource.name") == ["arn:bolt"])
        #expect(view.values("about.resource.product_object_id") == ["g-1"])
        #expect(view.labels("about.resource.attribute.labels", "key") == ["gadgetId"])
        let added = CloudTrailRecord.call(
            "TouchWidget", source: "widgets.amazonaws.com", request: #"{"flag":"on","gizmo":"g-7","boltArn":"arn:b"}"#)
        guard case .normalized(let gizmo) = Normalizer(mappings: mappings).normalize(record: Array(added.utf8)) else {
            Issue.record("not normalized")
            return
        }
        let gizmoView = try RuleView(json: gizmo.json)
        #expect(gizmoView.values("target.resource.name") == ["g-7"], "a key row makes a key identifying")
        #expect(gizmoView.values("target.resource.resource_subtype") == ["widgets:Gizmo"])
    }

    @Test func aKeyClassTableWithAnUnknownClassIsAnError() {
        let error = MappingLanguageTests.compileError(
            """
            @log_type AWS_CLOUDTRAIL
            @match exists eventName
            @lookup keys default empty
            thingId = maybe
            @end
            @lookup verbs prefix default empty
            Create = made
            @end
            @lookup types default empty
            @end
            eventName -> target.resource.name | target_key keys verbs types
            """)
        #expect(error?.description.contains("a key class is one of none, used, key") == true)
    }
}
