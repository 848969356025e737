// Uses the library as its README documents: normalize a file (also from async code), a folder, a
// single record, a buffer and a stream of chunks (fed, and as an AsyncSequence), read fields by
// their UDM path (`additional.KEY` as the key-value output prints it), react to failures and skips
// by their kind, and build a report. Exits non-zero when the library does not behave as documented.
import Foundation
import UDMNormalizer

let samples = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Samples/cloudtrail")

func check(_ condition: Bool, _ message: String) {
    if !condition {
        FileHandle.standardError.write(Data("consumer example: \(message)\n".utf8))
        exit(1)
    }
}

let normalizer = Normalizer()
var report = ReportBuilder()
var normalized = 0
try normalizer.normalize(path: samples.appendingPathComponent("console-login-success.json").path) { record in
    report.add(record)
    switch record.outcome {
    case .normalized(let event):
        normalized += 1
        check(event.eventType == .userLogin, "ConsoleLogin should be USER_LOGIN, got \(event.eventType)")
        check(event.eventType.isInSchema, "USER_LOGIN is a value of the UDM schema")
        check(event.json.hasPrefix("{"), "an event's JSON should be an object")
        check(event["additional.Event Type"] == "AwsConsoleSignIn", "additional.KEY reads as --format kv prints it")
        do throws(UDMPathError) {
            _ = try event.value(at: "principal.usr.userid")
            check(false, "an unknown UDM path should throw")
        } catch {
            check(error.suggestion == "principal.user.userid", "a misspelt path gets the nearest one: \(error)")
        }
    case .failed, .skipped:
        check(false, "\(record.origin) did not normalize")
    }
}
check(normalized == 1, "one event expected from the ConsoleLogin sample, got \(normalized)")

let line =
    #"{"eventVersion":"1.08","eventTime":"2024-01-01T00:00:00Z","eventSource":"s3.amazonaws.com","eventName":"ListBuckets","sourceIPAddress":"192.0.2.1"}"#
if case .normalized(let event) = normalizer.normalize(record: Array(line.utf8)) {
    check(event.json.contains("192.0.2.1"), "the caller's address should be in the event")
} else {
    check(false, "a single CloudTrail record should normalize")
}

// A damaged line fails alone, with a kind to switch over and the origin to show.
var kinds: [NormalizationFailure.Kind] = []
let damaged = line + "\n" + #"{"eventTime" "2024-01-01T00:00:00Z"}"# + "\n" + line + "\n"
normalizer.normalize(input: Array(damaged.utf8), source: "buffer") { record in
    report.add(record)
    guard case .failed(let failure) = record.outcome else { return }
    kinds.append(failure.kind)
    switch failure.kind {
    case .invalidJSON, .truncated, .tooLarge:
        check(failure.origin == "buffer:2", "the damaged line is buffer:2, got \(failure.origin ?? "none")")
        check(failure.description.hasPrefix("invalid JSON "), "the failure reads as the CLI prints it: \(failure)")
    case .unrecognized, .noEventTime:
        check(false, "a CloudTrail line with a time should be recognized: \(failure)")
    default:
        check(false, "unexpected failure kind \(failure.kind)")
    }
}
check(kinds == [.invalidJSON], "one invalid JSON failure expected, got \(kinds)")

// Bytes that arrive in pieces: a file's bytes fed 100 at a time give the records of the file.
let recordsFile = samples.appendingPathComponent("records-file.json").path
var fileOrigins: [String] = []
try normalizer.normalize(path: recordsFile) { fileOrigins.append($0.origin) }
let fileBytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: recordsFile)))
var streamOrigins: [String] = []
var stream = normalizer.stream(source: recordsFile)
for start in stride(from: 0, to: fileBytes.count, by: 100) {
    stream.feed(Array(fileBytes[start..<min(fileBytes.count, start + 100)])) { streamOrigins.append($0.origin) }
}
stream.finish { streamOrigins.append($0.origin) }
check(!fileOrigins.isEmpty && streamOrigins == fileOrigins, "a stream should give the records of the file")

// The same as an AsyncSequence of chunks.
let chunks = AsyncStream<[UInt8]> { continuation in
    for start in stride(from: 0, to: fileBytes.count, by: 4096) {
        continuation.yield(Array(fileBytes[start..<min(fileBytes.count, start + 4096)]))
    }
    continuation.finish()
}
var asyncOrigins: [String] = []
for try await record in normalizer.records(in: chunks, source: recordsFile) {
    report.add(record)
    asyncOrigins.append(record.origin)
}
check(asyncOrigins == fileOrigins, "an AsyncSequence of chunks should give the records of the file")

let figures = report.build()
let expected = 4 + fileOrigins.count
check(figures.total.read == expected, "the report should count \(expected) records, got \(figures.total.read)")
check(
    figures.total.failures.map(\.failureKind) == [.invalidJSON],
    "the report should group the failure by its kind, got \(figures.total.failures)")
print("consumer example: ok (\(figures.total.read) records)")

// From async code: the body may await (here an actor collects the origins), the task suspends.
actor Origins {
    var all: [String] = []
    func add(_ origin: String) { all.append(origin) }
}
let awaited = Origins()
try await normalizer.normalize(path: recordsFile) { record in await awaited.add(record.origin) }
check(await awaited.all == fileOrigins, "the async entry point should give the records of the file")

// A folder: every log below it, expected outputs left out; skips say why with a kind.
var skipKinds: [SkipReason.Kind] = []
var folderFiles = Set<String>()
try normalizer.normalize(path: samples.deletingLastPathComponent().appendingPathComponent("guardduty").path) { record in
    folderFiles.insert(String(record.origin.prefix { $0 != ":" }))
    if case .skipped(let reason) = record.outcome {
        switch reason.kind {
        case .unhandledDetailType, .controlMessage: skipKinds.append(reason.kind)
        default: check(false, "unexpected skip \(reason)")
        }
    }
}
check(skipKinds == [.unhandledDetailType], "the other EventBridge detail-type should be skipped as such: \(skipKinds)")
check(!folderFiles.contains { $0.hasSuffix(".udm.ndjson") }, "expected outputs are not read from a folder")
print("consumer example: async, folder and skips ok (\(folderFiles.count) files)")
