import Foundation

@testable import UDMNormalizer

/// A vendored Google rule run by the library's evaluator, for one of its event variables.
///
/// `predicate(event)` says whether the event meets the variable's `events:` predicate (the rule's
/// single-event part, which is what a multi-event rule needs of each event); `fires(event)` whether
/// the rule, given that event alone, makes a detection (true for rules one event can fire).
struct RulePredicate {
    let rule: DetectionRule
    let variable: String
    let ruleSet: DetectionRuleSet

    init(
        _ name: String, variable: String? = nil, lists: [String: [String]] = [:], context: [String] = []
    ) throws {
        let rule = try RuleTestSupport.rule(name)
        self.rule = rule
        self.variable = variable ?? rule.eventVariables.first { !rule.entityVariables.contains($0) } ?? ""
        let entities = try context.flatMap { try RuleEvent.entities(line: Array($0.utf8), origin: "context") }
        ruleSet = DetectionRuleSet(
            rules: [rule], lists: lists.map { ReferenceList(name: $0.key, text: $0.value.joined(separator: "\n")) },
            context: entities)
    }

    /// Whether one event alone can meet the rule's condition: one event variable whose presence is the condition.
    var firesOnOneEvent: Bool {
        guard rule.eventVariables.count - rule.entityVariables.count == 1 else { return false }
        if case .present = rule.condition { return true }
        if case .and(let parts) = rule.condition {
            return parts.allSatisfy { if case .present = $0 { true } else { false } }
        }
        return false
    }

    private func run(_ event: RuleTestEvent) -> RuleSession.RuleResult? {
        var session = RuleSession(ruleSet: ruleSet)
        session.add(event.ruleEvent)
        return session.finish().first
    }

    func callAsFunction(_ event: RuleTestEvent) -> Bool {
        (run(event)?.matchedEvents[variable] ?? 0) > 0
    }

    func fires(_ event: RuleTestEvent) -> Bool {
        (run(event)?.detectionCount ?? 0) > 0
    }
}

/// A record normalized for the rule tests: the library's event and the same event as rules read it.
struct RuleTestEvent {
    let udm: UDMEvent
    let ruleEvent: RuleEvent

    init(_ event: UDMEvent) throws {
        udm = event
        ruleEvent = try RuleEvent(event: event, origin: "record")
    }

    /// Every value at a UDM path.
    func values(_ path: String) -> [String] { udm.values(at: path) }
    /// `additional.fields["key"]`.
    func additional(_ key: String) -> [String] { udm.values(at: "additional[\"\(key)\"]") }
}

/// CloudTrail records for the rule tests, written as CloudTrail writes them (field order, types and
/// identities as in AWS's documented examples); each test states only what its call adds.
enum CloudTrailRecord {
    static let account = "111122223333"

    static let iamUser =
        #"{"type":"IAMUser","principalId":"AIDAEXAMPLEALICE01234","arn":"arn:aws:iam::111122223333:user/alice","accountId":"111122223333","accessKeyId":"AKIAEXAMPLEALICE0123","userName":"alice"}"#
    static let root =
        #"{"type":"Root","principalId":"111122223333","arn":"arn:aws:iam::111122223333:root","accountId":"111122223333","accessKeyId":"ASIAEXAMPLEROOT01234"}"#
    static let outsider =
        #"{"type":"AssumedRole","principalId":"AROAEXAMPLEOUTSIDE01:mallory","arn":"arn:aws:sts::444455556666:assumed-role/CrossAccountAudit/mallory","accountId":"444455556666","accessKeyId":"ASIAEXAMPLEOUTSIDE01","sessionContext":{"sessionIssuer":{"type":"Role","principalId":"AROAEXAMPLEOUTSIDE01","arn":"arn:aws:iam::444455556666:role/CrossAccountAudit","accountId":"444455556666","userName":"CrossAccountAudit"},"attributes":{"creationDate":"2026-03-14T09:58:00Z","mfaAuthenticated":"false"}}}"#

    /// An EC2 instance's role session (the session is named after the instance).
    static func instanceRole(_ session: String) -> String {
        #"{"type":"AssumedRole","principalId":"AROAEXAMPLEWEBROLE01:\#(session)","arn":"arn:aws:sts::111122223333:assumed-role/WebServerRole/\#(session)","accountId":"111122223333","accessKeyId":"ASIAEXAMPLEWEBROLE01","sessionContext":{"sessionIssuer":{"type":"Role","principalId":"AROAEXAMPLEWEBROLE01","arn":"arn:aws:iam::111122223333:role/WebServerRole","accountId":"111122223333","userName":"WebServerRole"},"attributes":{"creationDate":"2026-03-14T09:00:00Z","mfaAuthenticated":"false"},"ec2RoleDelivery":"2.0"}}"#
    }

    /// An API call. `error` makes it a refused call (`errorCode` AccessDenied unless given).
    static func call(
        _ name: String, source: String, request: String = "null", response: String = "null",
        identity: String = iamUser, error: String? = nil, readOnly: Bool = false,
        userAgent: String = "aws-cli/2.15.30 Python/3.11.8 Linux/6.1 exe/x86_64", sourceIP: String = "203.0.113.10"
    ) -> String {
        let failure =
            error.map {
                #","errorCode":"\#($0)","errorMessage":"User: arn:aws:iam::111122223333:user/alice is not authorized to perform this operation""#
            } ?? ""
        return
            #"{"eventVersion":"1.09","userIdentity":\#(identity),"eventTime":"2026-03-14T10:00:00Z","eventSource":"\#(source)","eventName":"\#(name)","awsRegion":"us-east-1","sourceIPAddress":"\#(sourceIP)","userAgent":"\#(userAgent)"\#(failure),"requestParameters":\#(request),"responseElements":\#(response),"requestID":"5622ec1a-51ad-41e6-a698-aaef14f29c25","eventID":"7d25bcc2-ae4b-4f34-8bb1-e6184f4e6ca4","readOnly":\#(readOnly),"eventType":"AwsApiCall","managementEvent":true,"recipientAccountId":"111122223333","eventCategory":"Management","tlsDetails":{"tlsVersion":"TLSv1.3","cipherSuite":"TLS_AES_128_GCM_SHA256","clientProvidedHostHeader":"\#(source)"}}"#
    }

    /// A console sign-in; `failure` is CloudTrail's errorMessage of a failed one.
    static func consoleLogin(
        identity: String = iamUser, mfaUsed: String = "No", failure: String? = nil, sourceIP: String = "198.51.100.7"
    ) -> String {
        let outcome = failure == nil ? "Success" : "Failure"
        let error = failure.map { #","errorMessage":"\#($0)""# } ?? ""
        return
            #"{"eventVersion":"1.09","userIdentity":\#(identity),"eventTime":"2026-03-14T08:15:02Z","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin","awsRegion":"us-east-1","sourceIPAddress":"\#(sourceIP)","userAgent":"Mozilla/5.0 (Windows NT 10.0; Win64; x64)"\#(error),"requestParameters":null,"responseElements":{"ConsoleLogin":"\#(outcome)"},"additionalEventData":{"LoginTo":"https://console.aws.amazon.com/console/home","MobileVersion":"No","MFAUsed":"\#(mfaUsed)"},"eventID":"3fcfb586-1b5c-4a9b-9a4b-1f0d5c2e7a11","readOnly":false,"eventType":"AwsConsoleSignIn","managementEvent":true,"recipientAccountId":"111122223333","eventCategory":"Management"}"#
    }

    /// The record normalized with the `google-secops` profile, as the rules see it.
    static func googleSecOps(_ record: String) throws -> RuleTestEvent {
        try normalized(record, with: try Normalizer(profile: "google-secops"))
    }

    /// The record normalized with `normalizer`.
    static func normalized(_ record: String, with normalizer: Normalizer) throws -> RuleTestEvent {
        guard case .normalized(let event) = normalizer.normalize(record: Array(record.utf8)) else {
            throw InputError(path: "record", reason: "not normalized: \(record.prefix(120))")
        }
        return try RuleTestEvent(event)
    }
}
