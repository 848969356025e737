#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cuts an input into records as it streams, holding at most one record (bounded by the size limit)
/// plus one read chunk in memory, whatever the size of the input.
///
/// The shape is detected from the content: NDJSON (a value a line, several values on one line as
/// Firehose concatenates them), a sequence of (pretty-printed or concatenated) values, or one value.
/// A value larger than the record limit is streamed by its envelope array (`Records`, `findings`,
/// `Events`, `logEvents`, or a top-level array), so a 2 GB CloudTrail file never sits in memory.
/// Damage is contained: in NDJSON a bad line fails alone; elsewhere the records before the damage
/// are produced and the rest of the input becomes one failed record carrying the reason.
final class RecordReader {
    /// Limits that protect memory.
    struct Limits: Sendable {
        /// Largest record (or NDJSON line) accepted, in bytes.
        var maxRecordBytes: Int = 16 << 20
        static let `default` = Limits()
    }

    private enum Mode {
        case detect, lines, values, done
    }

    private let stream: InputByteStream
    private let source: String
    private let limits: Limits
    private var mode = Mode.detect
    private var buffer: [UInt8] = []
    /// Index in `buffer` of the next unread byte.
    private var cursor = 0
    /// Line number (1-based) at `cursor`, and the index where that line starts (for columns).
    private var line = 1
    private var lineStart = 0
    private var atEnd = false
    private var readError: String?
    private var pending: [RawRecord] = []
    /// The streaming state for an oversized value, when one is being cut by its envelope arrays.
    private var streamer: EnvelopeStreamer?

    init(stream: InputByteStream, source: String, limits: Limits = .default) {
        self.stream = stream
        self.source = source
        self.limits = limits
    }

    /// Bytes read from the underlying input so far (compressed size for .gz), for progress reports.
    var bytesRead: Int { stream.bytesRead }

    /// The next record, or nil at the end of the input.
    func next() -> RawRecord? {
        while true {
            if !pending.isEmpty { return pending.removeFirst() }
            switch mode {
            case .done: return nil
            case .detect: detect()
            case .lines: readLine()
            case .values: readValue()
            }
        }
    }

    // MARK: Buffer

    /// Reads another chunk; false at the end of the input (a read error is kept to report).
    @discardableResult
    private func fill() -> Bool {
        guard !atEnd else { return false }
        compact()
        do {
            guard let chunk = try stream.next() else {
                atEnd = true
                return false
            }
            buffer.append(contentsOf: chunk)
            return true
        } catch {
            readError = error.description
            atEnd = true
            return false
        }
    }

    /// Drops consumed bytes so memory holds only the record being read.
    private func compact() {
        // While a large value is streamed, the cursor follows the streamer (counting the lines it
        // passes), so that dropping bytes never leaves the cursor before the buffer.
        if let streamer, streamer.keepFrom > cursor { advance(to: streamer.keepFrom) }
        let keep = cursor
        guard keep > 0, keep >= buffer.count / 2 || keep > (1 << 20) else { return }
        buffer.removeFirst(keep)
        cursor -= keep
        lineStart -= keep
        streamer?.shift(by: keep)
    }

    /// Moves the cursor to `index`, counting the lines passed.
    private func advance(to index: Int) {
        var i = cursor
        while i < index {
            if buffer[i] == 0x0A {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        cursor = index
    }

    private func skipWhitespace() {
        while true {
            while cursor < buffer.count {
                switch buffer[cursor] {
                case 0x20, 0x09, 0x0D: cursor += 1
                case 0x0A:
                    cursor += 1
                    line += 1
                    lineStart = cursor
                default: return
                }
            }
            if !fill() { return }
        }
    }

    private var here: String {
        let column = cursor - lineStart + 1
        return column == 1 ? "\(source):\(line)" : "\(source):\(line):\(column)"
    }

    private func endOfInputReason(_ base: String) -> String {
        readError.map { "\(base): \($0)" } ?? base
    }

    // MARK: Shape detection

    private func detect() {
        if buffer.isEmpty { fill() }
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) {
            cursor = 3
            lineStart = 3
        }
        skipWhitespace()
        guard cursor < buffer.count else {
            finishAtEnd()
            return
        }
        var start = cursor
        let first = buffer[start]
        if first != 0x7B && first != 0x5B {
            mode = hasPrefixAtCursor(EnvelopeKey.base64GzipPrefix) ? .lines : .values
            return
        }
        // NDJSON when the first value sits on one line and a line break follows it.
        var scanner = JSONValueScanner(start: start)
        while true {
            let result = buffer.withUnsafeBufferPointer { scanner.scan($0) }
            if case .complete(let end) = result {
                var i = end
                while true {
                    while i < buffer.count, buffer[i] == 0x20 || buffer[i] == 0x09 || buffer[i] == 0x0D { i += 1 }
                    if i < buffer.count { break }
                    let before = cursor
                    if !fill() { break }
                    i -= before - cursor
                }
                let lineBreakFollows = i < buffer.count && buffer[i] == 0x0A
                mode = scanner.newlines == 0 && lineBreakFollows ? .lines : .values
                return
            }
            let before = cursor
            if scanner.position - start > limits.maxRecordBytes || !fill() {
                mode = .values
                return
            }
            scanner.shift(by: before - cursor)
            start = cursor
        }
    }

    /// True when the bytes at the cursor start with `prefix` (reading more input if needed).
    private func hasPrefixAtCursor(_ prefix: [UInt8]) -> Bool {
        while buffer.count - cursor < prefix.count, fill() {}
        return buffer.count - cursor >= prefix.count && buffer[cursor..<(cursor + prefix.count)].elementsEqual(prefix)
    }

    private func finishAtEnd() {
        if let readError, pending.isEmpty {
            pending.append(RawRecord(origin: here, bytes: [], failure: readError))
        }
        mode = .done
    }

    // MARK: NDJSON lines

    private func readLine() {
        // Find the end of the line, failing lines over the size limit without holding them.
        // Offsets are kept relative to the cursor: reading more may move the buffer's contents.
        var searched = 0
        var end: Int
        while true {
            if let newline = Self.firstNewline(in: buffer, from: cursor + searched) {
                end = newline
                break
            }
            searched = buffer.count - cursor
            end = buffer.count
            if searched > limits.maxRecordBytes {
                skipOversizedLine()
                return
            }
            if !fill() {
                end = buffer.count
                break
            }
        }
        if end - cursor > limits.maxRecordBytes {
            skipOversizedLine()
            return
        }
        let lineNumber = line
        var valueStart = cursor
        var lineEnd = end
        while lineEnd > valueStart, buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        while valueStart < lineEnd, buffer[valueStart] == 0x20 || buffer[valueStart] == 0x09 { valueStart += 1 }
        if valueStart < lineEnd {
            // The line goes to a worker whole; splitting concatenated values is the worker's job, so
            // the reading thread only looks for line breaks.
            let column = valueStart - lineStart + 1
            let origin = column == 1 ? "\(source):\(lineNumber)" : "\(source):\(lineNumber):\(column)"
            let endsInput = end == buffer.count && atEnd
            pending.append(RawRecord(origin: origin, bytes: Array(buffer[valueStart..<lineEnd]),
                                     element: .line(source: source, number: lineNumber, column: column,
                                                    endOfInput: endsInput ? endOfInputReason("truncated: the input ends inside this JSON value") : nil)))
        }
        if end < buffer.count {
            advance(to: end + 1)
        } else {
            advance(to: end)
            finishAtEnd()
        }
    }

    /// The index of the first `\n` at or after `start`: `memchr`, which scans a word or a vector
    /// at a time (a byte loop here cost about ten instructions per input byte).
    private static func firstNewline(in buffer: [UInt8], from start: Int) -> Int? {
        guard start < buffer.count else { return nil }
        return buffer.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, let found = memchr(base + start, 0x0A, raw.count - start) else { return nil }
            return UnsafeRawPointer(found) - base
        }
    }

    private func skipOversizedLine() {
        let origin = here
        let kept = Array(buffer[cursor..<min(buffer.count, cursor + limits.maxRecordBytes)])
        var length = 0
        while true {
            if let newline = buffer[cursor...].firstIndex(of: 0x0A) {
                length += newline - cursor
                advance(to: newline + 1)
                break
            }
            length += buffer.count - cursor
            cursor = buffer.count
            if !fill() {
                mode = .done
                break
            }
        }
        pending.append(RawRecord(origin: origin, bytes: kept,
                                 failure: "record larger than the \(limits.maxRecordBytes)-byte limit (\(length) bytes; the first \(kept.count) are kept here)"))
    }

    // MARK: Values (pretty-printed, concatenated, or one large value)

    private func readValue() {
        if let streamer {
            streamer.step(self)
            return
        }
        skipWhitespace()
        guard cursor < buffer.count else {
            finishAtEnd()
            return
        }
        var start = cursor
        let origin = here
        let byte = buffer[start]
        guard byte == 0x7B || byte == 0x5B else {
            if hasPrefixAtCursor(EnvelopeKey.base64GzipPrefix) {
                var length = 0
                while true {
                    while cursor + length < buffer.count, !(buffer[cursor + length] == 0x0A || buffer[cursor + length] == 0x20 || buffer[cursor + length] == 0x0D) { length += 1 }
                    if cursor + length < buffer.count || !fill() { break }
                }
                let end = cursor + length
                pending.append(RawRecord(origin: origin, bytes: Array(buffer[cursor..<end])))
                advance(to: end)
                return
            }
            failRest(origin: origin, reason: "not JSON from here on: unexpected \(Self.describe(byte))")
            return
        }
        var scanner = JSONValueScanner(start: start)
        while true {
            let result = buffer.withUnsafeBufferPointer { scanner.scan($0) }
            if case .complete(let end) = result, end - start <= limits.maxRecordBytes {
                pending.append(RawRecord(origin: origin, bytes: Array(buffer[start..<end])))
                advance(to: end)
                return
            }
            if scanner.position - start > limits.maxRecordBytes {
                // Too large to be one record: cut it by its envelope arrays instead.
                streamer = EnvelopeStreamer(start: start, origin: origin, reader: self)
                return
            }
            let consumedBefore = cursor
            if !fill() {
                failRest(origin: origin, reason: endOfInputReason("truncated: the input ends inside the JSON value that starts here"))
                return
            }
            // Reading may have dropped consumed bytes from the front of the buffer.
            scanner.shift(by: consumedBefore - cursor)
            start = cursor
        }
    }

    /// The rest of the input becomes one failed record (at most the record limit of it is kept).
    private func failRest(origin: String, reason: String) {
        var kept = Array(buffer[cursor...].prefix(limits.maxRecordBytes))
        var total = buffer.count - cursor
        cursor = buffer.count
        while fill() {
            total += buffer.count - cursor
            if kept.count < limits.maxRecordBytes { kept.append(contentsOf: buffer[cursor...].prefix(limits.maxRecordBytes - kept.count)) }
            cursor = buffer.count
        }
        let note = total > kept.count ? " (\(total) bytes; the first \(kept.count) are kept here)" : ""
        pending.append(RawRecord(origin: origin, bytes: kept, failure: reason + note))
        mode = .done
    }

    static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    // MARK: Access for the envelope streamer

    var bytes: [UInt8] { buffer }
    var count: Int { buffer.count }
    func byte(at index: Int) -> UInt8 { buffer[index] }
    func more() -> Bool { fill() }
    func emit(_ record: RawRecord) { pending.append(record) }
    func moveCursor(to index: Int) { advance(to: index) }
    func endStreaming() { streamer = nil }
    func failFrom(_ index: Int, origin: String, reason: String) {
        advance(to: index)
        streamer = nil
        failRest(origin: origin, reason: reason)
    }
    var endReason: String? { readError }
    var maxRecordBytes: Int { limits.maxRecordBytes }
}
