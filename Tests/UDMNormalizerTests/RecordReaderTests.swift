import Foundation
import Testing

@testable import UDMNormalizer

/// The streaming reader and envelope unwrapping: every input shape AWS delivers, cut into the
/// same records whatever the chunking or size limit, with damage contained.
@Suite struct RecordReaderTests {
    static let event =
        #"{"eventVersion":"1.08","eventTime":"2024-01-01T00:00:00Z","eventName":"GetCallerIdentity","eventSource":"sts.amazonaws.com","eventID":"E1","sourceIPAddress":"192.0.2.1"}"#

    static func event(_ id: Int) -> String { event.replacingOccurrences(of: "\"E1\"", with: "\"E\(id)\"") }

    /// (origin, outcome) of every record of an input.
    static func outcomes(_ text: String, maxRecordBytes: Int = 16 << 20) -> [(String, String)] {
        outcomes(Array(text.utf8), maxRecordBytes: maxRecordBytes)
    }

    static func outcomes(_ bytes: [UInt8], maxRecordBytes: Int = 16 << 20) -> [(String, String)] {
        var result: [(String, String)] = []
        Normalizer(options: .init(maxRecordBytes: maxRecordBytes)).normalize(input: bytes, source: "f") { record in
            switch record.outcome {
            case .normalized(let event): result.append((record.origin, "ok " + (event.dedupeKey ?? "")))
            case .failed(let failure): result.append((record.origin, "failed: " + failure.detail))
            case .skipped(let reason): result.append((record.origin, "skipped: \(reason)"))
            }
        }
        return result
    }

    @Test func ndjsonAndConcatenatedValues() {
        let text = Self.event(1) + "\n\n" + Self.event(2) + Self.event(3) + "\r\n" + Self.event(4) + "\n"
        let result = Self.outcomes(text)
        #expect(result.map(\.0) == ["f:1", "f:3", "f:3:\(Self.event(2).utf8.count + 1)", "f:4"])
        #expect(result.allSatisfy { $0.1.hasPrefix("ok") })
    }

    @Test func concatenatedWithoutNewlinesAndPrettyPrinted() {
        let concatenated = Self.event(1) + Self.event(2) + Self.event(3)
        #expect(Self.outcomes(concatenated).map(\.1) == ["ok E1", "ok E2", "ok E3"])
        let pretty =
            "{\n  \"eventTime\": \"2024-01-01T00:00:00Z\",\n  \"eventName\": \"A\",\n  \"eventID\": \"P1\"\n}\n{\n  \"eventTime\": \"2024-01-01T00:00:00Z\",\n  \"eventName\": \"B\",\n  \"eventID\": \"P2\"\n}\n"
        let result = Self.outcomes(pretty)
        #expect(result.map(\.0) == ["f:1", "f:6"])
        #expect(result.map(\.1) == ["ok P1", "ok P2"])
    }

    @Test func envelopes() {
        let records = "{\"Records\":[\(Self.event(1)),\(Self.event(2))]}"
        #expect(Self.outcomes(records).map(\.0) == ["f:1:Records[0]", "f:1:Records[1]"])
        let array = "[\(Self.event(1)),\(Self.event(2))]"
        #expect(Self.outcomes(array).map(\.0) == ["f:1:[0]", "f:1:[1]"])
        let lookup =
            "{\"Events\":[{\"EventId\":\"E1\",\"CloudTrailEvent\":\(JSONText.quoted(Self.event(7)))}],\"NextToken\":\"x\"}"
        #expect(Self.outcomes(lookup).map { "\($0.0) \($0.1)" } == ["f:1:Events[0] ok E7"])
        let eventBridge =
            "{\"version\":\"0\",\"detail-type\":\"AWS API Call via CloudTrail\",\"source\":\"aws.sts\",\"detail\":\(Self.event(8))}"
        #expect(Self.outcomes(eventBridge).map(\.1) == ["ok E8"])
        let otherType =
            "{\"detail-type\":\"EC2 Instance State-change Notification\",\"detail\":{\"state\":\"running\"}}"
        #expect(
            Self.outcomes(otherType).map(\.1) == [
                "skipped: EventBridge detail-type 'EC2 Instance State-change Notification' is not a log these tables normalize"
            ])
    }

    static func cloudWatch(_ type: String) -> String {
        "{\"messageType\":\"\(type)\",\"owner\":\"111122223333\",\"logGroup\":\"aws-cloudtrail-logs\",\"logStream\":\"s\",\"subscriptionFilters\":[\"f\"],\"logEvents\":[{\"id\":\"1\",\"timestamp\":1,\"message\":\(JSONText.quoted(Self.event(11)))},{\"id\":\"2\",\"timestamp\":2,\"message\":\(JSONText.quoted(Self.event(12)))}]}"
    }

    @Test func cloudWatchLogsPayloadsPlainAndBase64Gzip() throws {
        #expect(
            Self.outcomes(Self.cloudWatch("DATA_MESSAGE")).map { "\($0.0) \($0.1)" } == [
                "f:1:logEvents[0] ok E11", "f:1:logEvents[1] ok E12",
            ])
        #expect(
            Self.outcomes(Self.cloudWatch("CONTROL_MESSAGE")).map(\.1) == [
                "skipped: CloudWatch Logs control message", "skipped: CloudWatch Logs control message",
            ])
        let encoded = try Gzip.compress(Array(Self.cloudWatch("DATA_MESSAGE").utf8)).base64EncodedString()
        let result = Self.outcomes(encoded + "\n" + encoded + "\n")
        #expect(
            result.map { "\($0.0) \($0.1)" } == [
                "f:1:1:logEvents[0] ok E11", "f:1:1:logEvents[1] ok E12", "f:2:1:logEvents[0] ok E11",
                "f:2:1:logEvents[1] ok E12",
            ])
    }

    @Test func gzipIsDetectedByContentAndTruncationIsContained() throws {
        let text = (1...200).map { Self.event($0) }.joined(separator: "\n") + "\n"
        let compressed = try Gzip.compress(Array(text.utf8))
        #expect(Self.outcomes(Array(compressed)).count == 200)
        let truncated = Array(compressed.prefix(compressed.count * 2 / 3))
        let result = Self.outcomes(truncated)
        let failures = result.filter { $0.1.hasPrefix("failed") }
        #expect(failures.count == 1, "the damage is one failed record")
        #expect(failures.first?.1.contains("truncated") == true, "\(failures)")
        #expect(result.filter { $0.1.hasPrefix("ok") }.count > 50, "the records before the damage are normalized")
    }

    @Test func aBadLineFailsAloneAndGarbageEndsTheInput() {
        let lines =
            Self.event(1) + "\n{\"eventName\": \n" + Self.event(3) + "\nnot json at all\n" + Self.event(5) + "\n"
        let result = Self.outcomes(lines)
        #expect(result.map(\.0) == ["f:1", "f:2", "f:3", "f:4", "f:5"])
        #expect(result.map { $0.1.prefix(6) } == ["ok E1", "failed", "ok E3", "failed", "ok E5"])
        let pretty =
            "{\n \"eventTime\": \"2024-01-01T00:00:00Z\", \"eventName\": \"A\", \"eventID\": \"P1\"\n}\n\u{1}\u{2} garbage {\"x\":1}"
        let damaged = Self.outcomes(pretty)
        #expect(damaged.count == 2)
        #expect(damaged[1].1.hasPrefix("failed: not JSON: unexpected byte 0x1"), "\(damaged[1])")
        let cut = Self.outcomes("{\n \"eventTime\": \"2024-01-01T00:00:00Z\",\n \"eventName\":")
        #expect(cut.map(\.1) == ["failed: truncated: the input ends inside the JSON value that starts here"])
    }

    @Test func largeValuesAreStreamedByTheirEnvelopeWithTheSameResult() {
        let records = "{\"Records\":[" + (1...60).map { Self.event($0) }.joined(separator: ",") + "]}"
        let whole = Self.outcomes(records)
        let streamed = Self.outcomes(records, maxRecordBytes: 1024)
        #expect(whole.count == 60)
        #expect(streamed.map(\.0) == whole.map(\.0))
        #expect(streamed.map(\.1) == whole.map(\.1))
        let array = "[" + (1...30).map { Self.event($0) }.joined(separator: ",\n") + "]"
        #expect(Self.outcomes(array, maxRecordBytes: 1024).map(\.1) == Self.outcomes(array).map(\.1))
        let cloudWatch = Self.cloudWatch("CONTROL_MESSAGE")
        #expect(Self.outcomes(cloudWatch, maxRecordBytes: 1024).map(\.1) == Self.outcomes(cloudWatch).map(\.1))
    }

    /// A Records file bigger than the read chunk and the record limit is cut while the buffer is
    /// compacted many times; what follows it keeps its right line number.
    @Test func streamingAFileLargerThanTheChunkKeepsEveryRecordAndLine() throws {
        let directory = try PackagePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let events = (1...30000).map { Self.event($0) }
        let text = "{\"Records\":[\n" + events.joined(separator: ",\n") + "\n]}\n" + Self.event(9999) + "\n"
        let file = directory.appendingPathComponent("big.json")
        try Data(text.utf8).write(to: file)
        var streamed: [(String, String)] = []
        try Normalizer(options: .init(maxRecordBytes: 64 << 10)).normalize(path: file.path) { record in
            if case .normalized(let event) = record.outcome {
                streamed.append((record.origin, event.dedupeKey ?? ""))
            } else {
                streamed.append((record.origin, "\(record.outcome)"))
            }
        }
        #expect(streamed.count == 30001)
        #expect(streamed.first?.0 == file.path + ":1:Records[0]")
        #expect(streamed[29999].0 == file.path + ":1:Records[29999]" && streamed[29999].1 == "E30000")
        #expect(streamed.last?.0 == file.path + ":30003" && streamed.last?.1 == "E9999", "\(streamed.last!)")
        let whole = Self.outcomes(text)
        #expect(whole.map(\.1) == streamed.map { "ok " + $0.1 })
    }

    @Test func oversizedRecordsFailAloneWithTheirSize() {
        let big =
            "{\"eventTime\":\"2024-01-01T00:00:00Z\",\"eventName\":\"A\",\"blob\":\""
            + String(repeating: "x", count: 5000) + "\"}"
        let ndjson = Self.event(1) + "\n" + big + "\n" + Self.event(3) + "\n"
        let result = Self.outcomes(ndjson, maxRecordBytes: 2048)
        #expect(result.map { $0.1.prefix(6) } == ["ok E1", "failed", "ok E3"])
        #expect(result[1].1.contains("larger than the 2048-byte limit"))
        let alone = Self.outcomes(big, maxRecordBytes: 2048)
        #expect(
            alone.count == 1 && alone[0].1.contains("larger than the 2048-byte limit"),
            "a large value with no envelope is one failed record, never dropped")
        let inRecords = "{\"Records\":[\(Self.event(1)),\(big),\(Self.event(3))]}"
        let streamed = Self.outcomes(inRecords, maxRecordBytes: 2048)
        #expect(streamed.map { $0.1.prefix(6) } == ["ok E1", "failed", "ok E3"])
    }

    @Test func emptyAndBlankInputsHaveNoRecords() {
        #expect(Self.outcomes("").isEmpty)
        #expect(Self.outcomes("\u{FEFF}\n \n").isEmpty)
    }
}

/// gzip through the system tool, for test inputs.
enum Gzip {
    static func compress(_ bytes: [UInt8]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-c"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = Thread {
            input.fileHandleForWriting.write(Data(bytes))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }
}

/// Whatever the chunks an input arrives in (and whether large values are streamed), the records
/// and their outcomes are the same.
@Suite struct ChunkBoundaryTests {
    static func outcomes(_ bytes: [UInt8], chunk: Int, maxRecordBytes: Int) -> [String] {
        var result: [String] = []
        Normalizer(options: .init(maxRecordBytes: maxRecordBytes)).normalize(input: bytes, source: "f", chunk: chunk) {
            record in
            switch record.outcome {
            case .normalized(let event): result.append("\(record.origin) \(event.json)")
            case .failed(let reason): result.append("\(record.origin) failed \(reason)")
            case .skipped(let reason): result.append("\(record.origin) skipped \(reason)")
            }
        }
        return result
    }

    static var inputs: [[UInt8]] {
        var inputs: [[UInt8]] = []
        let events = (1...40).map { RecordReaderTests.event($0) }
        inputs.append(Array(("{\"Records\":[\n" + events.joined(separator: ",\n") + "\n]}\n" + events[0] + "\n").utf8))
        inputs.append(Array((events.joined(separator: "\n") + "\n{broken\n" + events[1]).utf8))
        inputs.append(Array((events.joined() + "\n").utf8))
        inputs.append(Array(("[" + events.joined(separator: ",") + "]").utf8))
        inputs.append(Array(RecordReaderTests.cloudWatch("DATA_MESSAGE").utf8))
        inputs.append(
            Array(
                ("{\n  \"eventTime\": \"2024-01-01T00:00:00Z\",\n  \"eventName\": \"A\"\n}\n{\"eventTime\": \"2024")
                    .utf8))
        // A byte-order mark, which a reader given one byte at a time must still recognise.
        inputs.append([0xEF, 0xBB, 0xBF] + Array((events[0] + "\n" + events[1] + "\n").utf8))
        inputs.append([0xEF, 0xBB, 0xBF] + Array(("{\"Records\":[" + events[0] + "]}").utf8))
        return inputs
    }

    @Test(arguments: [1, 2, 7, 64, 1000])
    func chunkSizeDoesNotChangeTheResult(_ chunk: Int) {
        for (index, input) in Self.inputs.enumerated() {
            let reference = Self.outcomes(input, chunk: Int.max, maxRecordBytes: 16 << 20)
            #expect(Self.outcomes(input, chunk: chunk, maxRecordBytes: 16 << 20) == reference)
            // With a small record limit the Records value and the array are streamed by element,
            // in chunks or not, with the same records and origins.
            if index == 0 || index == 3 {
                #expect(Self.outcomes(input, chunk: chunk, maxRecordBytes: 2048) == reference)
            }
        }
    }
}
