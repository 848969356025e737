import Foundation
import Testing

@testable import UDMNormalizer

/// Broken, crafted and oversized input: never a crash, never a lost record, always a reason.
@Suite struct HostileInputTests {
    static let good = RecordReaderTests.event

    static func outcome(_ record: String, _ options: Normalizer.Options = .init()) -> NormalizationOutcome {
        Normalizer(options: options).normalize(record: Array(record.utf8))
    }

    static func event(_ record: String, _ options: Normalizer.Options = .init()) throws -> UDMEvent {
        guard case .normalized(let event) = outcome(record, options) else { throw EventMissing() }
        return event
    }

    struct EventMissing: Error {}

    @Test func deepNestingFailsWithAReason() {
        let deep = String(repeating: "[", count: 200_000)
        var reasons: [String] = []
        Normalizer().normalize(input: Array(deep.utf8), source: "deep") { record in
            if case .failed(let failure) = record.outcome { reasons.append(failure.detail) }
        }
        #expect(reasons.count == 1)
        let nested =
            "{\"eventTime\":\"2024-01-01T00:00:00Z\",\"eventName\":\"A\",\"x\":" + String(repeating: "[", count: 5000)
            + String(repeating: "]", count: 5000) + "}"
        guard case .failed(let reason) = Self.outcome(nested) else {
            Issue.record("deep record normalized")
            return
        }
        #expect(reason.kind == .invalidJSON)
        #expect(reason.detail.contains("nesting deeper than 1000 levels"), "\(reason)")
    }

    @Test func aFortyMegabyteStringIsOverTheRecordLimitOrCutOnOutput() throws {
        let huge = String(repeating: "A", count: 40 << 20)
        let record = "{\"eventTime\":\"2024-01-01T00:00:00Z\",\"eventName\":\"A\",\"userAgent\":\"" + huge + "\"}\n"
        var outcomes: [String] = []
        Normalizer().normalize(input: Array(record.utf8), source: "big") { result in
            if case .failed(let failure) = result.outcome {
                outcomes.append(failure.detail)
            } else {
                outcomes.append("\(result.outcome)".prefix(20).description)
            }
        }
        #expect(outcomes.count == 1)
        #expect(outcomes.first?.contains("larger than the 16777216-byte limit") == true)
        // Allowed in, the value is cut to the field limit, marked, and reported.
        let event = try Self.event(record, .init(maxRecordBytes: 64 << 20))
        let agent = event.json.split(separator: "\"user_agent\":\"")[1].prefix { $0 != "\"" }
        #expect(agent.hasSuffix("…[truncated: \(40 << 20) bytes]"))
        #expect(agent.utf8.count < (64 << 10) + 64)
        #expect(event.diagnostics.contains { $0.message.contains("cut to the 65536-byte field limit") })
    }

    @Test func nulBytesBOMRandomBytesAndGzipGarbage() throws {
        guard case .failed(let nul) = Self.outcome("{\"eventName\":\"A\",\u{0}\"eventTime\":\"x\"}") else {
            Issue.record("NUL accepted")
            return
        }
        #expect(nul.kind == .invalidJSON)
        #expect(nul.detail.contains("NUL"), "\(nul)")
        let escapedNul = try Self.event(#"{"eventTime":"2024-01-01T00:00:00Z","eventName":"A","userAgent":"a\u0000b"}"#)
        #expect(escapedNul.json.contains(#""user_agent":"a\u0000b""#))
        #expect(try Self.event("\u{FEFF}" + Self.good).eventType == .genericEvent)

        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let bytes = (0..<Int.random(in: 1...4096, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
            var read = 0
            var accounted = 0
            Normalizer().normalize(input: bytes, source: "random") { record in
                read += 1
                if case .normalized = record.outcome {} else { accounted += 1 }
            }
            #expect(read == accounted, "random bytes never normalize and are all reported")
        }
        let gzipGarbage: [UInt8] = [0x1F, 0x8B, 0x08, 0x00] + Array(repeating: 0x42, count: 200)
        var reasons: [String] = []
        Normalizer().normalize(input: gzipGarbage, source: "bad.gz") { record in
            if case .failed(let failure) = record.outcome { reasons.append(failure.detail) }
        }
        #expect(reasons.count == 1)
        #expect(reasons.first?.contains("gzip") == true, "\(reasons)")
    }

    @Test func invalidUTF8IsRepairedWithADiagnostic() throws {
        let bytes =
            Array(#"{"eventTime":"2024-01-01T00:00:00Z","eventName":"A","userAgent":"caf"#.utf8) + [0xE9, 0xFF]
            + Array(#""}"#.utf8)
        guard case .normalized(let event) = Normalizer().normalize(record: bytes) else {
            Issue.record("not normalized")
            return
        }
        #expect(event.json.contains("\"user_agent\":\"caf\u{FFFD}\u{FFFD}\""))
        #expect(
            event.diagnostics.contains { $0.message == "network.http.user_agent: invalid UTF-8 replaced with U+FFFD" })
    }

    @Test(arguments: [
        #""requestParameters":{"filter":"HIDDEN_DUE_TO_SECURITY_REASONS"},"readOnly":false"#,
        #""requestParameters":"HIDDEN_DUE_TO_SECURITY_REASONS","readOnly":false"#,
        #""requestParameters":null,"responseElements":null"#,
        #""userIdentity":"not an object","sourceIPAddress":12345"#,
        #""resources":{"ARN":"x"},"readOnly":"false""#,
        #""responseElements":{"securityGroupRuleSet":{"items":[{"fromPort":"twenty-two","ipProtocol":-1,"isEgress":"maybe"}]}}"#,
        #""errorCode":{"nested":true},"eventTime":"2024-01-01T00:00:00Z""#,
    ])
    func wrongTypesStillGiveAnEvent(_ members: String) throws {
        let record =
            #"{"eventVersion":"1.08","eventTime":"2024-01-01T00:00:00Z","eventName":"AuthorizeSecurityGroupIngress","eventSource":"ec2.amazonaws.com","#
            + members + "}"
        let event = try Self.event(record)
        #expect(!event.json.isEmpty)
    }

    @Test func wrongTypesAreReportedByRule() throws {
        let event = try Self.event(
            #"{"eventTime":"2024-01-01T00:00:00Z","eventName":"A","errorCode":{"nested":true},"responseElements":{"securityGroupRuleSet":{"items":[{"fromPort":"twenty-two"}]}}}"#
        )
        #expect(
            event.diagnostics.contains {
                $0.rule?.file == "cloudtrail.map" && $0.message.contains("expected a scalar, found an object")
            })
        #expect(event.diagnostics.contains { $0.message.contains("principal.port: 'twenty-two' is not an integer") })
    }

    @Test func duplicateKeysLastOneWins() throws {
        let event = try Self.event(#"{"eventTime":"2024-01-01T00:00:00Z","eventName":"First","eventName":"Second"}"#)
        #expect(event.json.contains(#""product_event_type":"Second""#))
    }

    @Test func labelsPerEventAreCappedAndReported() throws {
        let parameters = (0..<50).map { "\"p\($0)\":\"v\($0)\"" }.joined(separator: ",")
        let record =
            #"{"eventTime":"2024-01-01T00:00:00Z","eventName":"A","readOnly":false,"requestParameters":{"# + parameters
            + "}}"
        let event = try Self.event(record, .init(maxLabelsPerEvent: 10))
        #expect(event.json.components(separatedBy: "\"key\":").count - 1 == 10)
        #expect(
            event.diagnostics.contains {
                $0.source == .limits && $0.message == "41 labels over the limit of 10 per event were dropped"
            })
    }

    @Test func everyHostileInputIsAccountedFor() throws {
        let inputs: [[UInt8]] = [
            [], Array("\u{FEFF}".utf8), Array("\n\n".utf8), Array(String(repeating: "{", count: 100_000).utf8),
            Array("{\"Records\":[".utf8), Array("[1,2,3]".utf8), Array("null".utf8), Array("\"str\"".utf8),
            Array((Self.good + "\n" + Self.good.dropLast(10) + "\n" + Self.good + "\n").utf8),
            [0xFF, 0xFE, 0x00, 0x7B], Array("{\"detail\":{\"eventTime\":1}}".utf8),
        ]
        for input in inputs {
            var read = 0
            var normalized = 0
            var failed = 0
            var skipped = 0
            var dead: [[UInt8]] = []
            Normalizer().normalize(input: input, source: "x") { record in
                read += 1
                switch record.outcome {
                case .normalized: normalized += 1
                case .failed:
                    failed += 1
                    dead.append(record.rawBytes)
                case .skipped: skipped += 1
                }
            }
            #expect(read == normalized + failed + skipped)
            for raw in dead where !raw.isEmpty {
                #expect(input.count >= raw.count, "a failed record's bytes come from the input")
            }
        }
    }
}
