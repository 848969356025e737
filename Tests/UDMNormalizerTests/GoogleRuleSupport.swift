import Foundation

@testable import UDMNormalizer

/// One UDM event as Google's YARA-L rules see it: every value at a field path (repeated fields and
/// nested repeated messages flattened), label values by key and `additional.fields` by key. Read
/// with Foundation's parser, independently of the library's writer.
struct RuleView {
    let root: [String: Any]

    init(json: String) throws {
        guard let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            throw InputError(path: "event", reason: "not a JSON object")
        }
        root = object
    }

    /// Every value at a dotted UDM path (snake_case, as the writer names fields), as text.
    func values(_ path: String) -> [String] {
        nodes(at: path).compactMap(Self.text)
    }

    /// The JSON nodes at a dotted path, arrays on the way flattened.
    private func nodes(at path: String) -> [Any] {
        var nodes: [Any] = [root]
        for step in path.split(separator: ".") {
            var next: [Any] = []
            for node in nodes {
                guard let object = node as? [String: Any], let child = object[String(step)] else { continue }
                if let array = child as? [Any] { next += array } else { next.append(child) }
            }
            nodes = next
        }
        return nodes
    }

    /// The values of the labels keyed `key` in the label list at `path` (`target.resource.attribute.labels`).
    func labels(_ path: String, _ key: String) -> [String] {
        nodes(at: path).compactMap { node in
            guard let label = node as? [String: Any], label["key"] as? String == key else { return nil }
            return label["value"].flatMap(Self.text)
        }
    }

    /// `additional.fields["key"]` (the writer keeps `additional` as an object).
    func additional(_ key: String) -> [String] {
        guard let additional = root["additional"] as? [String: Any], let value = additional[key] else { return [] }
        return Self.text(value).map { [$0] } ?? []
    }

    /// YARA-L `$e.path = "value"`: some value at the path equals it.
    func `is`(_ path: String, _ value: String) -> Bool { values(path).contains(value) }
    /// YARA-L `$e.path = $placeholder`: the path has a non-empty value to bind.
    func has(_ path: String) -> Bool { values(path).contains { !$0.isEmpty } }
    /// `metadata.product_event_type` is one of `names`.
    func isCall(_ names: String...) -> Bool { names.contains { self.is("metadata.product_event_type", $0) } }
    /// `metadata.product_event_type` matches a regular expression (YARA-L `= /…/`).
    func callMatches(_ pattern: String) -> Bool {
        values("metadata.product_event_type").contains { $0.range(of: pattern, options: .regularExpression) != nil }
    }
    /// The condition every CloudTrail rule starts with.
    var isAWSCloudTrail: Bool {
        self.is("metadata.vendor_name", "AMAZON") && self.is("metadata.product_name", "AWS CloudTrail")
    }
    var allowed: Bool { self.is("security_result.action", "ALLOW") }
    var blocked: Bool { self.is("security_result.action", "BLOCK") }

    private static func text(_ value: Any) -> String? {
        switch value {
        case let string as String: return string
        // The fields the rules read are text; numbers are ports and counts.
        case let number as NSNumber: return number.stringValue
        default: return nil
        }
    }
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
    static func googleSecOps(_ record: String) throws -> RuleView {
        let normalizer = try Normalizer(profile: "google-secops")
        guard case .normalized(let event) = normalizer.normalize(record: Array(record.utf8)) else {
            throw InputError(path: "record", reason: "not normalized: \(record.prefix(120))")
        }
        return try RuleView(json: event.json)
    }
}
