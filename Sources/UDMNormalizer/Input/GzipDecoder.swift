import CZlib

/// Streaming gzip (and zlib) decompression with the system zlib.
///
/// Concatenated gzip members (as `cat a.gz b.gz` or some S3 writers produce) are decoded one after
/// another. Input that ends inside a member is reported as truncated, so the caller can count the
/// damage instead of silently dropping the tail.
final class GzipDecoder {
    private var stream = z_stream()
    private var isOpen = false
    private var finishedMember = false
    private var totalOut = 0

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    init() throws(Failure) {
        // 15 window bits + 32: detect gzip or zlib headers automatically.
        let status = inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw Failure(description: "cannot initialise zlib (status \(status))") }
        isOpen = true
    }

    deinit {
        if isOpen { inflateEnd(&stream) }
    }

    /// Decompresses `input`, appending the output to `output`.
    func decompress(_ input: [UInt8], into output: inout [UInt8]) throws(Failure) {
        guard !input.isEmpty else { return }
        var failure: Failure?
        input.withUnsafeBufferPointer { source in
            var offset = 0
            var chunk = [UInt8](repeating: 0, count: 256 * 1024)
            while offset < source.count {
                if finishedMember {
                    // Another gzip member follows; anything else after a member is an error.
                    guard source[offset] == 0x1F else {
                        failure = Failure(
                            description: "data after the end of the compressed stream at compressed byte \(offset)")
                        return
                    }
                    inflateReset(&stream)
                    finishedMember = false
                }
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress! + offset)
                stream.avail_in = UInt32(source.count - offset)
                var status: Int32 = Z_OK
                repeat {
                    chunk.withUnsafeMutableBufferPointer { buffer in
                        stream.next_out = buffer.baseAddress
                        stream.avail_out = UInt32(buffer.count)
                        status = inflate(&stream, Z_NO_FLUSH)
                    }
                    let produced = chunk.count - Int(stream.avail_out)
                    output.append(contentsOf: chunk[0..<produced])
                    totalOut += produced
                } while status == Z_OK && stream.avail_out == 0
                offset = source.count - Int(stream.avail_in)
                switch status {
                case Z_STREAM_END:
                    finishedMember = true
                case Z_OK, Z_BUF_ERROR:
                    if stream.avail_in == 0 { return }
                case Z_DATA_ERROR:
                    let detail = stream.msg.map { String(cString: $0) } ?? "invalid compressed data"
                    failure = Failure(description: "corrupt gzip data after \(totalOut) decompressed bytes: \(detail)")
                    return
                default:
                    failure = Failure(description: "zlib error \(status) after \(totalOut) decompressed bytes")
                    return
                }
            }
        }
        if let failure { throw failure }
    }

    /// Called at the end of the input: an unfinished member means the file was cut short.
    func finish() throws(Failure) {
        guard finishedMember else {
            throw Failure(
                description: "truncated gzip data: the compressed stream ends after \(totalOut) decompressed bytes")
        }
    }

    /// True when `bytes` start with the gzip magic number.
    static func isGzip(_ bytes: some Collection<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        return iterator.next() == 0x1F && iterator.next() == 0x8B
    }
}
