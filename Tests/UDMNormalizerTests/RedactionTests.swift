import Foundation
import Testing

@testable import UDMNormalizer

/// Secrets in records never reach any output: the redaction entries of `Mappings/redaction.map`.
@Suite struct RedactionTests {
    /// A unique random secret of 48 letters and digits.
    static func secret() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<48).map { _ in alphabet.randomElement()! })
    }

    /// `sessionToken`, `SessionToken`, `session_token`, `SESSION-TOKEN`: the spellings logs use.
    static func spellings(of name: String) -> [String] {
        var words: [String] = []
        for character in name {
            if character.isUppercase || words.isEmpty { words.append("") }
            words[words.count - 1].append(character)
        }
        let lower = words.map { $0.lowercased() }
        return [
            name, name.prefix(1).uppercased() + name.dropFirst(), lower.joined(separator: "_"),
            lower.joined(separator: "-").uppercased(),
        ]
    }

    /// One key of each kind of secret the table lists.
    static let secretKeys = [
        "sessionToken", "secretAccessKey", "password", "passwordHash", "privateKey", "secretString", "secretBinary",
        "authorization", "bearerToken", "accessToken", "refreshToken", "idToken", "clientSecret", "samlAssertion",
    ]

    static func object(_ url: URL) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }

    static func bytes(_ object: Any) throws -> [UInt8] {
        Array(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
    }

    /// A CloudTrail event with every kind of secret, in every spelling, in the request (at depth 1,
    /// 3 and inside an array), the response and `additionalEventData`; the secrets are returned.
    static func cloudTrailEvent() throws -> (record: [UInt8], secrets: [String]) {
        var event = try object(PackagePaths.samples.appendingPathComponent("cloudtrail/get-session-token.json"))
        var secrets: [String] = []
        func take() -> String {
            let value = secret()
            secrets.append(value)
            return value
        }
        var request: [String: Any] = [:]
        var deep: [String: Any] = [:]
        var listed: [[String: Any]] = []
        var response = event["responseElements"] as? [String: Any] ?? [:]
        var credentials = response["credentials"] as? [String: Any] ?? [:]
        var additional: [String: Any] = [:]
        for key in secretKeys {
            for spelling in spellings(of: key) {
                request[spelling] = take()
                deep[spelling] = take()
                listed.append([spelling: take()])
                credentials[spelling] = take()
                additional[spelling] = take()
            }
        }
        // JSON text inside a string no table declares, with a bearer token just before an escaped quote.
        var text: [String: Any] = ["header": "Bearer \(take())"]
        for key in secretKeys { text[spellings(of: key)[2]] = take() }
        request["documentText"] = String(decoding: try bytes(text), as: UTF8.self)
        request["outer"] = ["middle": deep]
        request["items"] = listed
        request["headerLine"] = "Authorization: Bearer \(take()) sent"
        request["keyFile"] = "-----BEGIN RSA PRIVATE KEY-----\n\(take())\n\(take())\n-----END RSA PRIVATE KEY-----\n"
        response["credentials"] = credentials
        event["requestParameters"] = request
        event["responseElements"] = response
        event["additionalEventData"] = additional
        // A write call: its response is flattened into the target's labels, as GetFederationToken's is.
        event["readOnly"] = false
        return (try bytes(event), secrets)
    }

    /// A GuardDuty finding with secrets in `additionalInfo`, as an object and as JSON text.
    static func guardDutyFinding() throws -> (record: [UInt8], secrets: [String]) {
        var finding = try object(
            PackagePaths.samples.appendingPathComponent("guardduty/aws-api-call-instance-credentials.json"))
        var secrets: [String] = []
        func take() -> String {
            let value = secret()
            secrets.append(value)
            return value
        }
        var info: [String: Any] = [:]
        var text: [String: Any] = [:]
        for key in secretKeys {
            for spelling in spellings(of: key) {
                info[spelling] = take()
                text[spelling] = take()
                text["nested"] = [spelling: take(), "list": [[spelling: take()]]]
            }
        }
        text["apiCalls"] = "ListRoles:AccessDenied"
        let inner = String(decoding: try bytes(text), as: UTF8.self)
        info["value"] = inner
        info["type"] = "default"
        var service = finding["service"] as! [String: Any]
        service["additionalInfo"] = info
        finding["service"] = service
        return (try bytes(finding), secrets)
    }

    /// Twelve bytes, hashable without allocating.
    struct Window: Hashable {
        var head: UInt64
        var tail: UInt32

        init(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) {
            head = 0
            tail = 0
            for offset in 0..<8 { head = head << 8 | UInt64(bytes[start + offset]) }
            for offset in 8..<12 { tail = tail << 8 | UInt32(bytes[start + offset]) }
        }
    }

    /// The secrets of which some 12-byte piece is in `output` (one pass over the output).
    static func leaks(of secrets: [String], in output: String) -> [String] {
        var owners: [Window: Int] = [:]
        for (index, secret) in secrets.enumerated() {
            Array(secret.utf8).withUnsafeBufferPointer { bytes in
                for start in 0...(bytes.count - 12) { owners[Window(bytes, at: start)] = index }
            }
        }
        var leaked: Set<Int> = []
        Array(output.utf8).withUnsafeBufferPointer { bytes in
            guard bytes.count >= 12 else { return }
            for start in 0...(bytes.count - 12) {
                if let owner = owners[Window(bytes, at: start)] { leaked.insert(owner) }
            }
        }
        return leaked.sorted().map { secrets[$0] }
    }

    /// Everything the library writes about one input: events as JSON and key-value lines, the
    /// explanations as text and JSON, the report as text, JSON and HTML, and every note.
    static func outputs(of input: [UInt8], normalizer: Normalizer) -> String {
        var out: [String] = []
        var tracking = normalizer.options
        tracking.trackCoverage = true
        let tracked = Normalizer(mappings: normalizer.mappings, options: tracking)
        var report = ReportBuilder(profile: normalizer.mappings.profile)
        tracked.normalize(input: input, source: "input.json") { record in
            report.add(record)
            switch record.outcome {
            case .normalized(let event):
                out += [event.json, event.keyValueText] + event.diagnostics.map(\.description)
            case .failed(let failure): out.append(failure.description)
            case .skipped(let reason): out.append(reason.detail)
            }
        }
        for explanation in tracked.explain(input: input, source: "input.json") {
            out += [explanation.text, explanation.json]
        }
        let built = report.build()
        out += [ReportTextWriter.render(built, topUnmapped: 1000), ReportJSONWriter.render(built, topUnmapped: 1000)]
        out.append(
            ReportHTMLWriter.render(
                built, topUnmapped: 1000,
                run: .init(inputs: ["input.json"], seconds: 0, mappings: normalizer.mappings, gates: [])))
        return out.joined(separator: "\n")
    }

    static let profiles = ["reference", "google-secops"]

    @Test(arguments: profiles)
    func noSecretOfAnyKindReachesAnyOutput(profile: String) throws {
        let normalizer = try Normalizer(profile: profile)
        for (record, secrets) in [try Self.cloudTrailEvent(), try Self.guardDutyFinding()] {
            let output = Self.outputs(of: record, normalizer: normalizer)
            #expect(output.contains("[redacted:"), "the markers are there")
            #expect(Self.leaks(of: secrets, in: output).isEmpty, "leaked: \(Self.leaks(of: secrets, in: output))")
        }
    }

    /// The control: with every entry removed the same secrets do reach the output, so the test
    /// above can fail.
    @Test func withoutTheEntriesTheSecretsWouldLeak() throws {
        let names = MappingSet.builtin.redactionEntryNames
        let unredacted = try MappingSet.builtin.adding(
            tableText: names.map { "@unredact \($0)" }.joined(separator: "\n") + "\n", name: "zz-unredact.map")
        #expect(unredacted.redactionEntryNames.isEmpty)
        let normalizer = Normalizer(mappings: unredacted)
        for (record, secrets) in [try Self.cloudTrailEvent(), try Self.guardDutyFinding()] {
            let output = Self.outputs(of: record, normalizer: normalizer)
            #expect(Self.leaks(of: secrets, in: output).count > secrets.count / 4)
        }
    }

    static func explanation(_ json: String, normalizer: Normalizer = Normalizer()) throws -> RecordExplanation {
        let explanations = normalizer.explain(input: Array(json.utf8), source: "x.json")
        return try #require(explanations.first)
    }

    static func event(_ json: String, normalizer: Normalizer = Normalizer()) throws -> UDMEvent {
        guard case .normalized(let event) = normalizer.normalize(record: Array(json.utf8)) else {
            throw Failure(message: "not normalized")
        }
        return event
    }

    struct Failure: Error { var message: String }

    static func cloudTrail(request: String, response: String = "null") -> String {
        """
        {"eventVersion":"1.08","eventTime":"2026-01-01T00:00:00Z","eventSource":"iam.amazonaws.com",\
        "eventName":"UpdateThing","awsRegion":"us-east-1","sourceIPAddress":"192.0.2.1",\
        "userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/alice","userName":"alice"},\
        "requestParameters":\(request),"responseElements":\(response),"eventID":"e-1"}
        """
    }

    /// The event that showed the leak: GetFederationToken's response, flattened into
    /// `target.resource.attribute.labels`, carried the live session token.
    @Test(arguments: profiles)
    func federationTokenResponseKeepsTheMarkerNotTheToken(profile: String) throws {
        let token = "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD" + Self.secret()
        let record = """
            {"eventVersion":"1.08","userIdentity":{"type":"IAMUser","principalId":"AIDAEXAMPLE",\
            "arn":"arn:aws:iam::111122223333:user/alice","accountId":"111122223333","accessKeyId":"AKIAEXAMPLE",\
            "userName":"alice"},"eventTime":"2026-03-14T11:40:03Z","eventSource":"sts.amazonaws.com",\
            "eventName":"GetFederationToken","awsRegion":"us-east-1","sourceIPAddress":"203.0.113.24",\
            "requestParameters":{"name":"bob","durationSeconds":3600},"responseElements":{"credentials":\
            {"accessKeyId":"ASIAEXAMPLEFEDKEY","sessionToken":"\(token.replacingOccurrences(of: "/", with: "\\/"))",\
            "expiration":"Mar 14, 2026, 11:40:03 PM"},"federatedUser":{"federatedUserId":"111122223333:bob",\
            "arn":"arn:aws:sts::111122223333:federated-user/bob"},"packedPolicySize":6},"readOnly":false,\
            "eventID":"e-1","eventType":"AwsApiCall","recipientAccountId":"111122223333"}
            """
        let normalizer = try Normalizer(profile: profile)
        let event = try Self.event(record, normalizer: normalizer)
        #expect(!event.json.contains("IQoJb3JpZ2luX2VjEJr"))
        #expect(event.json.contains("[redacted:sessionToken]"), "the label says a token was there")
        #expect(event.json.contains("ASIAEXAMPLEFEDKEY"), "the access key id identifies the key: it stays")
        let unredacted = try normalizer.mappings.adding(tableText: "@unredact sessionToken\n", name: "zz.map")
        #expect(
            try Self.event(record, normalizer: Normalizer(mappings: unredacted)).json.contains("IQoJb3JpZ2luX2VjEJr"),
            "without the entry the token is written")
    }

    @Test func keysAreMatchedWholeWithoutCaseOrSeparators() throws {
        let record = Self.cloudTrail(
            request: """
                {"SessionToken":"aaaaaaaaaaaaaaaaaaaaaaaa","session_token":"bbbbbbbbbbbbbbbbbbbbbbbb",\
                "SESSION-TOKEN":"cccccccccccccccccccccccc","PasswordUpdated":"kept-1-PasswordUpdated",\
                "passwordResetRequired":"kept-2-passwordResetRequired","sessionCredentialFromConsole":"kept-3",\
                "httpTokens":"kept-4-httpTokens","nextToken":"kept-5-nextToken","secretId":"kept-6-secretId",\
                "myPassword":"kept-7-myPassword"}
                """)
        let explanation = try Self.explanation(record)
        #expect(
            explanation.redacted.map(\.path).sorted() == [
                "requestParameters.SESSION-TOKEN", "requestParameters.SessionToken", "requestParameters.session_token",
            ])
        #expect(explanation.redacted.allSatisfy { $0.entry == "sessionToken" })
        let text = try Self.event(record).json
        for kept in ["kept-1-PasswordUpdated", "kept-2-passwordResetRequired", "kept-4-httpTokens", "kept-6-secretId"] {
            #expect(text.contains(kept), "\(kept) is no secret")
        }
        #expect(!text.contains("aaaaaaaaaaaa") && !text.contains("bbbbbbbbbbbb") && !text.contains("cccccccccccc"))
    }

    @Test func booleansNumbersEmptyValuesAndPlaceholdersStay() throws {
        let record = Self.cloudTrail(
            request: #"{"password":true,"sessionToken":42,"clientSecret":"","secretString":null}"#,
            response:
                #"{"credentials":{"secretAccessKey":"HIDDEN_DUE_TO_SECURITY_REASONS","sessionToken":"****","password":"<sensitiveDataRemoved>"}}"#
        )
        #expect(try Self.explanation(record).redacted.isEmpty)
    }

    @Test func nestedValuesUnderAListedKeyAreRedactedOnceEach() throws {
        let record = Self.cloudTrail(
            request:
                #"{"secretString":{"user":"dddddddddddddddddd","pass":["eeeeeeeeeeeeeeeeee",7],"password":"ffffffffffffffffff"}}"#
        )
        let redacted = try Self.explanation(record).redacted
        #expect(
            redacted.map(\.path) == [
                "requestParameters.secretString.user", "requestParameters.secretString.pass[0]",
                "requestParameters.secretString.password",
            ])
        #expect(redacted.allSatisfy { $0.entry == "secretString" }, "the outer entry takes what is inside it")
    }

    @Test func aPrivateKeyBlockIsReplacedAndTheRestOfItsStringKept() throws {
        let record = Self.cloudTrail(
            request:
                #"{"note":"before -----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY----- after","cert":"-----BEGIN CERTIFICATE-----\nMIIBkTCB+wIJAKHHIG\n-----END CERTIFICATE-----","cut":"x -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQ"}"#
        )
        let normalizer = Normalizer()
        let text = try Self.event(record, normalizer: normalizer).json
        let explanation = try Self.explanation(record)
        #expect(explanation.redacted.map(\.path) == ["requestParameters.note", "requestParameters.cut"])
        #expect(!text.contains("b3BlbnNzaC1rZXkt") && !text.contains("MIIEvQIBADAN"))
        #expect(text.contains("before [redacted:pem_private_key] after"))
        #expect(text.contains("x [redacted:pem_private_key]"), "a cut block is redacted to the end of its string")
        #expect(text.contains("MIIBkTCB+wIJAKHHIG"), "a certificate is public")
    }

    @Test func aBearerTokenIsReplacedWhereverItIs() throws {
        let record = Self.cloudTrail(
            request:
                #"{"headers":[{"name":"X-Auth","value":"Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl"}],"text":"a bearer token is long"}"#
        )
        let text = try Self.event(record).json
        #expect(!text.contains("eyJhbGciOiJIUzI1NiJ9"))
        #expect(text.contains("[redacted:bearer_token]"))
        #expect(text.contains("a bearer token is long"), "prose about bearers is no token")
    }

    @Test func jsonTextIsRedactedInsideAndOtherBytesKept() throws {
        var finding = try Self.object(
            PackagePaths.samples.appendingPathComponent("guardduty/aws-api-call-instance-credentials.json"))
        var service = finding["service"] as! [String: Any]
        let inner = #"{"apiCalls": "ListRoles:AccessDenied", "nested": {"Password": "gggggggggggggggggggg"}}"#
        service["additionalInfo"] = ["value": inner, "type": "default"]
        finding["service"] = service
        let record = String(decoding: try Self.bytes(finding), as: UTF8.self)
        let explanation = try Self.explanation(record, normalizer: try Normalizer(profile: "google-secops"))
        #expect(explanation.redacted.map(\.path) == ["service.additionalInfo.value>nested.Password"])
        let text = try Self.event(record, normalizer: try Normalizer(profile: "google-secops")).json
        #expect(!text.contains("gggggggggggg"))
        #expect(
            explanation.fields.contains {
                $0.value.contains(
                    #"{\"apiCalls\": \"ListRoles:AccessDenied\", \"nested\": {\"Password\": \"[redacted:password]\"}}"#)
            },
            "the text keeps its own spacing; only the secret changed")
    }

    @Test func unreadableJSONTextIsKeptWithANote() throws {
        var finding = try Self.object(
            PackagePaths.samples.appendingPathComponent("guardduty/aws-api-call-instance-credentials.json"))
        var service = finding["service"] as! [String: Any]
        service["additionalInfo"] = ["value": #"{"password": "hhhh"#, "type": "default"]
        finding["service"] = service
        let event = try Self.event(String(decoding: try Self.bytes(finding), as: UTF8.self))
        #expect(
            event.diagnostics.contains {
                $0.source == .redaction && $0.message.contains("service.additionalInfo.value")
            })
        #expect(event.redactions.isEmpty)
    }

    @Test func noRuleCanWriteARedactedValue() throws {
        let tables = try MappingSet.builtin.adding(
            tableText: """
                @log_type AWS_CLOUDTRAIL
                requestParameters.password -> principal.user.userid
                requestParameters.password -> additional["copy"]
                """, name: "zz-copy.map")
        let record = Self.cloudTrail(request: #"{"password":"iiiiiiiiiiiiiiiiiiii"}"#)
        let text = try Self.event(record, normalizer: Normalizer(mappings: tables)).json
        #expect(!text.contains("iiiiiiiiiiii"))
        #expect(text.contains(#""userid":"[redacted:password]""#))
    }

    @Test func unredactIsTheOnlyWayOutAndTheLinterWarnsForIt() throws {
        let tables = try MappingSet.builtin.adding(tableText: "@unredact session_token\n", name: "zz-mine.map")
        #expect(!tables.redactionEntryNames.contains("sessionToken"))
        #expect(tables.redactionEntryNames.contains("password"))
        let warnings = MappingLinter.lint(tables).filter { $0.file == "zz-mine.map" }
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("no longer redacted") == true)
        let unknown = try MappingSet.builtin.adding(tableText: "@unredact nothing\n", name: "zz-mine.map")
        #expect(MappingLinter.lint(unknown).contains { $0.message == "'@unredact nothing' matches no redaction entry" })
        #expect(MappingLinter.lint(.builtin).filter { $0.file == "redaction.map" }.isEmpty, "every entry has a reason")
    }

    /// A declared JSON-text path that meets an array or a scalar on its way is simply not there.
    @Test(arguments: [#"[{"password":"jjjjjjjjjjjjjjjjjjjj"}]"#, #"{"service":[1,2]}"#, #"{"service":"text"}"#])
    func aDeclaredPathThroughSomethingElseIsNoPath(record: String) throws {
        let document = try JSONParser.parse(Array(record.utf8))
        let redacted = Normalizer().state.redactor.redact(document, root: document.root)
        if record.hasPrefix("[") {
            #expect(redacted?.hits.map(\.entry) == ["password"])
        } else {
            #expect(redacted == nil)
        }
    }

    @Test func aRecordWithoutSecretsIsLeftAsItIs() throws {
        let record = Array(Self.cloudTrail(request: #"{"userName":"bob"}"#).utf8)
        let document = try JSONParser.parse(record)
        #expect(Normalizer().state.redactor.redact(document, root: document.root) == nil)
    }
}
