import Foundation
import Testing

@testable import UDMNormalizer

/// Damaged inputs built from real CloudTrail events, one test per case of the bad-input policy:
/// whatever the reader saw complete is delivered, the damage is one failed record with its origin,
/// and reading resumes at the next boundary the shape allows — whatever the input's size.
@Suite struct DamagedInputTests {
    static let events = RealCloudTrailEvents.events(20)

    @Test func thereAreRealEventsToBuildFrom() {
        #expect(RealCloudTrailEvents.all.count >= 20)
    }

    /// A Records file cut inside its seventh record, at the default limit and at 1024 bytes (where
    /// most real events are over the limit), in one read and in small chunks: no crash, the six
    /// complete records, and one failure for the cut one.
    @Test(arguments: [16 << 20, 1024], [Int.max, 7, 1000])
    func recordsFileCutInsideTheSeventhRecord(maxRecordBytes: Int, chunk: Int) {
        let file = RealCloudTrailEvents.recordsFile(Self.events)
        let cut = (file.elementStarts[6] + file.elementEnds[6]) / 2
        let outcome = InputOutcome.of(Array(file.bytes.prefix(cut)), maxRecordBytes: maxRecordBytes, chunk: chunk)
        let before = (0..<6).map { "f:1:Records[\($0)]" }
        let oversized = outcome.failed.filter {
            $0.reason.contains("larger than the \(maxRecordBytes)-byte limit") && !$0.reason.hasPrefix("truncated")
        }
        #expect(
            (outcome.normalized + oversized.map(\.origin)).sorted() == before,
            "every complete record is out (normalized, or failed for its size)")
        let cutFailures = outcome.failed.filter { !oversized.map(\.origin).contains($0.origin) }
        #expect(
            cutFailures.count == 1 && cutFailures.first?.origin == "f:1:Records[6]"
                && cutFailures.first?.reason.hasPrefix("truncated") == true, "\(cutFailures)")
        if maxRecordBytes == 16 << 20 { #expect(outcome.normalized == before) }
    }

    /// An 18 MB Records file cut at 90%, as an interrupted download leaves it, read in 1 MiB chunks
    /// like a file: the reader hands over every complete element, then one failed record.
    @Test func eighteenMegabyteRecordsFileCutAtNinetyPercent() {
        var events: [String] = []
        var size = 0
        while size < 18_000_000 {
            let event = RealCloudTrailEvents.all[events.count % RealCloudTrailEvents.all.count]
            events.append(event)
            size += event.utf8.count + 1
        }
        let file = RealCloudTrailEvents.recordsFile(events)
        let cut = file.bytes.count * 9 / 10
        let reader = RecordReader(
            stream: InputByteStream(bytes: Array(file.bytes.prefix(cut)), chunk: 1 << 20), source: "f")
        var complete = 0
        var failures: [RawRecord] = []
        while let record = reader.next() {
            if record.failure == nil { complete += 1 } else { failures.append(record) }
        }
        #expect(complete == file.elementEnds.filter { $0 <= cut }.count)
        #expect(complete > 10_000)
        #expect(
            failures.count == 1 && failures.first?.origin.description == "f:1:Records[\(complete)]",
            "\(failures.map(\.origin))")
    }

    /// One bad token in record 2,000 of 4,000 fails that record alone: bracket matching outside
    /// strings still finds where it ends. The same with a trailing line break (then the file reads
    /// as one NDJSON line) and pretty-printed as the AWS CLI writes it.
    @Test(arguments: ["one line", "one line with a line break", "pretty-printed"])
    func oneBadTokenFailsOnlyItsRecord(_ layout: String) {
        let events = RealCloudTrailEvents.events(4000).enumerated().map { index, event in
            index == 1999
                ? event.replacingOccurrences(
                    of: "\":\"", with: "\":tru\"", options: [], range: event.range(of: "\":\"")) : event
        }
        var bytes: [UInt8]
        switch layout {
        case "one line": bytes = RealCloudTrailEvents.recordsFile(events).bytes
        case "one line with a line break": bytes = RealCloudTrailEvents.recordsFile(events).bytes + [0x0A]
        default:
            bytes = Array(
                ("{\n    \"Records\": [\n" + events.map { "        " + $0 }.joined(separator: ",\n") + "\n    ]\n}\n")
                    .utf8)
        }
        let outcome = InputOutcome.of(bytes)
        #expect(outcome.normalized.count == 3999)
        #expect(outcome.failed.map(\.origin) == ["f:1:Records[1999]"])
        #expect(outcome.failed.first?.reason.hasPrefix("invalid JSON") == true)
    }

    /// A syntax error inside a complete NDJSON line is invalid JSON at the bad byte, although
    /// bracket matching takes its stray `}` for the end of a value and runs off the line; the lines
    /// around it are normalized. A line whose value is still open at its end stays truncated, and so
    /// does the last line of an input cut inside a value.
    @Test(arguments: [Int.max, 5])
    func aSyntaxErrorInsideALineIsInvalidJSONNotTruncated(chunk: Int) throws {
        let event = try #require(RealCloudTrailEvents.all.first)
        let lines = [event, #"{"a": 1, "b": }"#, event, #"{"c": [1, "#, event]
        let outcome = InputOutcome.of(Array(lines.joined(separator: "\n").utf8), chunk: chunk)
        #expect(outcome.normalized == ["f:1", "f:3", "f:5"])
        #expect(outcome.failed.map(\.origin) == ["f:2", "f:4"])
        #expect(
            outcome.failed.first?.reason
                == "invalid JSON: line 1, column 15 (byte 14): unexpected character '}' (expected a value)",
            "\(outcome.failed)")
        #expect(
            outcome.failed.last?.reason
                == "truncated JSON: the line ends before the value that starts at column 1 is closed",
            "\(outcome.failed)")

        let cutAtTheEnd = InputOutcome.of(Array((event + "\n" + #"{"a": 1, "b": "#).utf8), chunk: chunk)
        #expect(cutAtTheEnd.normalized == ["f:1"])
        #expect(cutAtTheEnd.failed.map(\.origin) == ["f:2"])
        #expect(
            cutAtTheEnd.failed.first?.reason == "truncated: the input ends inside this JSON value",
            "\(cutAtTheEnd.failed)")
    }

    /// A bracket of a real event damaged in an NDJSON line, at every bracket of the event: bracket
    /// matching then ends the value early (or late), and what is left of the line is the same
    /// damage, so the line is one failed record holding the whole line — one record read for one
    /// line — and the lines around it are normalized.
    @Test func aDamagedBracketFailsItsLineOnce() throws {
        let event = Array(try #require(RealCloudTrailEvents.all.first).utf8)
        let brackets = event.indices.filter { [0x7B, 0x7D, 0x5B, 0x5D].contains(event[$0]) }
        #expect(brackets.count > 4)
        for index in brackets {
            var damaged = event
            damaged[index] = UInt8(ascii: "x")
            var records: [NormalizedRecord] = []
            Normalizer().normalize(input: event + [0x0A] + damaged + [0x0A] + event, source: "f") { records.append($0) }
            let failed = records.filter { if case .failed = $0.outcome { true } else { false } }
            #expect(records.count == 3 && failed.map(\.origin) == ["f:2"], "byte \(index): \(records.map(\.origin))")
            #expect(failed.first?.rawBytes == damaged, "byte \(index)")
        }
    }

    /// Events written one after another with no separator, as Firehose delivers them, with one
    /// event damaged: an opening bracket taken by a bad byte (bracket matching closes the event
    /// early and its rest trails), or a closing bracket lost (the event runs into the next one).
    /// The damaged event is one failed record and every event after it is normalized.
    @Test(arguments: ["opening bracket damaged", "closing bracket lost"])
    func firehoseEventsAfterADamagedOneComeOut(_ damage: String) throws {
        let events = RealCloudTrailEvents.events(6).map { Array($0.utf8) }
        let target = events[2]
        let positions = target.indices.dropFirst().dropLast().filter {
            damage == "opening bracket damaged" ? target[$0] == 0x7B || target[$0] == 0x5B : target[$0] == 0x7D
        }
        #expect(!positions.isEmpty)
        for index in positions {
            var damaged = events
            damaged[2][index] = damage == "opening bracket damaged" ? UInt8(ascii: "x") : UInt8(ascii: " ")
            let outcome = InputOutcome.of(damaged.flatMap { $0 })
            let starts = damaged.indices.map { event in damaged[..<event].reduce(1) { $0 + $1.count } }
            let origins = starts.map { $0 == 1 ? "f:1" : "f:1:\($0)" }
            #expect(
                outcome.normalized == origins.enumerated().filter { $0.offset != 2 }.map(\.element), "byte \(index)")
            #expect(outcome.failed.map(\.origin) == [origins[2]], "byte \(index): \(outcome.failed)")
        }
    }

    /// The gzip of a 300-record file cut in half: every record complete in the part that can be
    /// decompressed, then one failure naming the cut.
    @Test func gzipOfARecordsFileCutInHalf() throws {
        let file = RealCloudTrailEvents.recordsFile(RealCloudTrailEvents.events(300))
        let compressed = Array(try Gzip.compress(file.bytes))
        let cut = Array(compressed.prefix(compressed.count / 2))
        var readable: [UInt8] = []
        try GzipDecoder().decompress(cut, into: &readable)
        let expected = file.elementEnds.filter { $0 <= readable.count }.count
        let outcome = InputOutcome.of(cut)
        #expect(expected > 50)
        #expect(outcome.normalized.count == expected)
        #expect(outcome.failed.count == 1)
        #expect(outcome.failed.first?.reason.contains("truncated gzip data") == true, "\(outcome.failed)")
    }

    /// A .gz whose checksum is damaged, read in one piece: what was decompressed before the damage
    /// is delivered (every record here), then one failure naming the corrupt data.
    @Test func gzipWithADamagedChecksumKeepsWhatWasDecompressed() throws {
        let file = RealCloudTrailEvents.recordsFile(RealCloudTrailEvents.events(30))
        var compressed = Array(try Gzip.compress(file.bytes))
        compressed[compressed.count - 8] ^= 0xFF
        let outcome = InputOutcome.of(compressed)
        #expect(outcome.normalized.count == 30)
        #expect(
            outcome.failed.count == 1 && outcome.failed.first?.reason.contains("corrupt gzip data") == true,
            "\(outcome.failed)")
    }

    /// NDJSON whose first line is broken: the line fails alone and decides nothing about the shape.
    @Test(arguments: [
        #"{"eventVersion":"1.08","eventTime":"2024-"#,
        "not JSON at all",
        "{",
        "}{]",
        #"{"eventName": "unclosed string}"#,
    ])
    func ndjsonWithABrokenFirstLine(_ firstLine: String) {
        let text = ([firstLine] + RealCloudTrailEvents.events(50)).joined(separator: "\n") + "\n"
        let outcome = InputOutcome.of(Array(text.utf8))
        #expect(outcome.normalized.count == 50)
        #expect(outcome.failed.map(\.origin) == ["f:1"], "\(outcome.failed)")
        #expect(outcome.normalized.first == "f:2")
    }

    /// Values that start on new lines (pretty-printed, one after another): a cut or garbled value
    /// fails alone and the next value is read.
    @Test func prettyValuesResumeAtTheNextValue() {
        let pretty = RealCloudTrailEvents.events(3).map { "{\n  " + $0.dropFirst().dropLast() + "\n}" }
        let cutFirst = String(pretty[0].prefix(pretty[0].count / 2))
        let text = [cutFirst, pretty[1], "\u{1}garbage", pretty[2]].joined(separator: "\n") + "\n"
        let outcome = InputOutcome.of(Array(text.utf8))
        #expect(outcome.normalized.count == 2)
        #expect(outcome.failed.count == 2)
        #expect(outcome.read == 4)
    }

    /// `aws cloudtrail lookup-events --event-category insight` lists the event objects themselves.
    @Test func lookupEventsEntriesThatAreEventObjects() {
        let event = RealCloudTrailEvents.all[0]
        let text =
            #"{"Events":["# + event + #",{"EventId":"x","CloudTrailEvent":"# + JSONText.quoted(event)
            + #"}],"NextToken":null}"#
        let outcome = InputOutcome.of(Array(text.utf8))
        #expect(outcome.normalized == ["f:1:Events[0]", "f:1:Events[1]"])
        #expect(outcome.failed.isEmpty)
    }

    /// A record over the limit is one failed record keeping its first `maxRecordBytes` bytes, and its
    /// reason gives the full size (what the dead-letter file documents).
    @Test func anOversizedRecordKeepsItsFirstBytesAndStatesItsSize() {
        let big = #"{"eventTime":"2024-01-01T00:00:00Z","blob":""# + String(repeating: "x", count: 5000) + "\"}"
        for text in [big + "\n", "{\"Records\":[\(big)]}", big] {
            var failed: [NormalizedRecord] = []
            Normalizer(options: .init(maxRecordBytes: 2048)).normalize(input: Array(text.utf8), source: "f") { record in
                if case .failed = record.outcome { failed.append(record) }
            }
            #expect(failed.count == 1)
            #expect(failed.first?.rawBytes == Array(big.utf8.prefix(2048)))
            if case .failed(let reason) = failed.first?.outcome {
                #expect(reason.kind == .tooLarge)
                #expect(reason.detail.contains("(\(big.utf8.count) bytes; the first 2048 are kept here)"), "\(reason)")
            }
        }
    }
}

/// When damage merges intact elements into one failed record, its reason names the range it
/// covers, and the elements after it keep their real index; when a stray quote hid boundaries from
/// bracket matching, those indices are marked approximate (`Records[~6]`).
@Suite struct MergedElementTests {
    /// A Records file of `count` real events with `damage` applied to some of them.
    static func file(_ count: Int, _ damage: [Int: (String) -> String]) -> [UInt8] {
        let events = RealCloudTrailEvents.events(count).enumerated().map {
            damage[$0.offset]?($0.element) ?? $0.element
        }
        return RealCloudTrailEvents.recordsFile(events).bytes
    }

    @Test(arguments: ["a lost closing bracket", "a stray opening bracket"])
    func bracketDamageNamesTheRangeAndLaterElementsKeepTheirIndex(_ kind: String) throws {
        // The damage in element 2 runs over elements 3 and 4 until a second damage, in element 4,
        // balances the brackets again; elements 5 to 9 are intact.
        let lose: (String) -> String = { String($0.dropLast()) }
        let extra: (String) -> String = { "{" + $0 }
        let first = kind == "a lost closing bracket" ? lose : extra
        let balance: (String) -> String = { $0 + "}" }
        let outcome = InputOutcome.of(Self.file(10, [2: first, 4: balance]))
        #expect(outcome.failed.map(\.origin) == ["f:1:Records[2]"], "\(outcome.failed)")
        let reason = try #require(outcome.failed.first?.reason)
        #expect(reason.hasPrefix("invalid JSON: "))
        #expect(reason.hasSuffix("; its brackets do not match, so this record runs over 3 elements, up to Records[4]"))
        #expect(outcome.normalized == (0..<10).filter { $0 < 2 || $0 > 4 }.map { "f:1:Records[\($0)]" })
    }

    @Test func aStrayQuoteMarksTheIndicesAfterItApproximate() throws {
        let quote: (String) -> String = { $0.replacingOccurrences(of: "\"eventName\"", with: "\"eventName\"\"") }
        let outcome = InputOutcome.of(Self.file(10, [2: quote, 5: quote]))
        #expect(outcome.failed.map(\.origin) == ["f:1:Records[2]"], "\(outcome.failed)")
        #expect(
            outcome.failed.first?.reason.contains("so this record runs over about 4 elements, up to Records[~5]")
                == true)
        #expect(outcome.normalized == ["f:1:Records[0]", "f:1:Records[1]"] + (6..<10).map { "f:1:Records[~\($0)]" })
    }

    @Test func intactElementsHoldingTheSameBytesInStringsAreNotMerged() throws {
        let tricky: (String) -> String = {
            $0.replacingOccurrences(of: "\"eventName\":", with: "\"userAgent\":\"x},{\",\"eventName\":")
        }
        let outcome = InputOutcome.of(Self.file(6, [1: tricky]))
        #expect(outcome.failed.isEmpty, "\(outcome.failed)")
        #expect(outcome.normalized == (0..<6).map { "f:1:Records[\($0)]" })
    }
}
