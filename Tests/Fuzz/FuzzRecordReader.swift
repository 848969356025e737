// libFuzzer target for the streaming record reader and envelope expansion, built outside SwiftPM
// by .ci/fuzz. The record limit and the read chunk size are drawn from the input's last two bytes
// (the input itself is read whole, so seeds keep their shape). Every input must end with every
// record cut within the limit and every failure given a reason; with a limit no record reaches,
// the records cannot depend on how the input was chunked.

/// Reads one fuzz input as a stream of records. The entry point libFuzzer calls.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRecordReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let limits = FuzzedReading.limits
    let limit = limits[Int(bytes.last ?? 0) % limits.count]
    let chunk = size >= 2 ? Int(bytes[size - 2] % 97) + 1 : 1
    let (chunked, rawCount) = FuzzedReading.records(bytes, limit: limit, chunk: chunk)
    // One record per byte at most, of the decompressed bytes for gzip (deflate expands up to 1,032×).
    let gzip = size >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    precondition(rawCount <= (gzip ? size * 1032 : size) + 2, "more records than bytes")
    if limit == 1 << 20 {
        let whole = FuzzedReading.records(bytes, limit: limit, chunk: Int.max).outcomes
        precondition(whole == chunked, "the records depend on the read chunk size")
    }
    return 0
}

enum FuzzedReading {
    static let limits = [64, 256, 1024, 4096, 1 << 20]
    /// One expander per limit, made once: building a normalizer compiles the tables.
    static let expanders = limits.map { Normalizer(options: .init(maxRecordBytes: $0)).expander }

    /// Each record as origin, failure and bytes, checking the reader's promises on the way. The
    /// records are compared after expansion: the reader hands NDJSON over in blocks of whole lines
    /// (as many as a read brought), which workers cut into the same records whatever the chunking.
    static func records(_ bytes: [UInt8], limit: Int, chunk: Int) -> (outcomes: [String], rawCount: Int) {
        let reader = RecordReader(
            stream: InputByteStream(bytes: bytes, chunk: chunk), source: "fuzz", limits: .init(maxRecordBytes: limit))
        let expander = expanders[limits.firstIndex(of: limit) ?? 0]
        var result: [String] = []
        var rawCount = 0
        while let record = reader.next() {
            rawCount += 1
            precondition(record.bytes.count <= limit, "a record over the limit is held")
            precondition(record.failure.map { !$0.detail.isEmpty } ?? true, "a failure without a reason")
            expander.expand(record) { item in
                switch item {
                case .record(let origin, let document, let node):
                    result.append("\(origin) - \(document.rawBytes(node).count)")
                case .failed(let origin, let failure, let raw):
                    precondition(!failure.detail.isEmpty, "an outcome without a reason")
                    result.append("\(origin) \(failure.detail) \(raw.count)")
                case .skipped(let origin, let reason):
                    precondition(!reason.detail.isEmpty, "an outcome without a reason")
                    result.append("\(origin) skipped \(reason)")
                }
            }
        }
        return (result, rawCount)
    }
}
