import Foundation

/// An input read as a sequence of byte chunks: a file, standard input, or bytes in memory,
/// decompressed on the fly when its content is gzip (detected by the magic number, not the name).
final class InputByteStream {
    /// Why an input could not be read (to the end).
    struct ReadError: Error, CustomStringConvertible {
        var description: String
    }

    private enum Source {
        case handle(FileHandle, close: Bool)
        case memory([UInt8], offset: Int, chunk: Int)
    }

    static let chunkSize = 1 << 20

    private var source: Source
    private var decoder: GzipDecoder?
    private var started = false
    private var ended = false
    /// Bytes read from the source before decompression, for progress figures.
    private(set) var bytesRead = 0
    /// True once the content was found to be gzip.
    private(set) var isCompressed = false

    /// Opens a path, or standard input for `-`. Throws for a missing path, a directory or an unreadable file.
    init(path: String) throws(ReadError) {
        if path == "-" {
            source = .handle(.standardInput, close: false)
            return
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw ReadError(description: "no such file") }
        guard !isDirectory.boolValue else { throw ReadError(description: "is a directory with no files to read") }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ReadError(description: "cannot open the file (permission denied?)") }
        source = .handle(handle, close: true)
    }

    /// Reads from bytes already in memory, handed out `chunk` bytes at a time (all at once by
    /// default; small chunks let tests and fuzzers exercise every chunk boundary of the reader).
    init(bytes: [UInt8], chunk: Int = Int.max) {
        source = .memory(bytes, offset: 0, chunk: max(1, chunk))
    }

    deinit {
        if case .handle(let handle, true) = source { try? handle.close() }
    }

    /// The next chunk of (decompressed) content, or nil at the end of the input.
    func next() throws(ReadError) -> [UInt8]? {
        while !ended {
            let raw: [UInt8]
            switch source {
            case .memory(let bytes, let offset, let chunk):
                let end = offset + min(chunk, bytes.count - offset)
                raw = Array(bytes[offset..<end])
                source = .memory(bytes, offset: end, chunk: chunk)
            case .handle(let handle, _):
                do {
                    raw = Array(try handle.read(upToCount: Self.chunkSize) ?? Data())
                } catch {
                    throw ReadError(description: "read error after \(bytesRead) bytes: \(error.localizedDescription)")
                }
            }
            if raw.isEmpty {
                ended = true
                if let decoder {
                    do { try decoder.finish() } catch { throw ReadError(description: error.description) }
                }
                return nil
            }
            bytesRead += raw.count
            if !started {
                started = true
                if GzipDecoder.isGzip(raw) {
                    do { decoder = try GzipDecoder() } catch { throw ReadError(description: error.description) }
                    isCompressed = true
                }
            }
            guard let decoder else { return raw }
            var output: [UInt8] = []
            output.reserveCapacity(raw.count * 4)
            do { try decoder.decompress(raw, into: &output) } catch { throw ReadError(description: error.description) }
            if !output.isEmpty { return output }
        }
        return nil
    }
}
