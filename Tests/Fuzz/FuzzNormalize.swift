// libFuzzer target for the whole normalize path (reader, envelopes, tables, validator, writers),
// built outside SwiftPM by .ci/fuzz. Every record must end normalized, failed or skipped.

/// Normalizes one fuzz input end to end. The entry point libFuzzer calls.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNormalize(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // The first byte picks how the input is chunked and whether large values are streamed, so the
    // reader's chunk boundaries and buffer compaction get fuzzed too.
    let chunk = size > 0 ? Int(bytes[0] % 64) + 1 : 1
    let normalizer = size > 0 && bytes[0] & 0x80 != 0 ? FuzzState.smallRecords : FuzzState.normalizer
    normalizer.normalize(input: bytes, source: "fuzz", chunk: chunk) { record in
        switch record.outcome {
        case .normalized(let event):
            precondition(!event.jsonBytes.isEmpty)
            _ = event.keyValueText
        case .failed(let failure):
            precondition(!failure.detail.isEmpty, "a record failed without a reason")
            precondition(failure.origin == record.origin, "a failure without its record's origin")
            _ = record.rawBytes
        case .skipped(let reason):
            precondition(!reason.detail.isEmpty, "a record skipped without a reason")
        }
    }
    return 0
}

enum FuzzState {
    static let normalizer = Normalizer(options: .init(maxRecordBytes: 1 << 20, trackCoverage: true))
    static let smallRecords = Normalizer(options: .init(maxRecordBytes: 256, trackCoverage: true))
}
