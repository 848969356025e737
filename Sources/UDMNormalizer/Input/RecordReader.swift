#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Cuts an input into records as it streams, holding at most one record (bounded by the size limit)
/// plus one read chunk in memory, whatever the size of the input.
///
/// The shape is detected from the content: NDJSON (a value a line, several values on one line as
/// Firehose concatenates them), or a sequence of (pretty-printed, concatenated or single) values.
/// Every value is cut by its envelope array (`Records`, `findings`, `Events`, `logEvents`, or a
/// top-level array) as it streams, whatever its size, so a small file and a 2 GB one follow the
/// same rule: whatever was seen complete is delivered, the damage is one failed record with its
/// origin, and reading resumes at the next boundary the shape allows — the next line in NDJSON, the
/// next element of an envelope array (found by bracket matching outside strings), the next line
/// that starts with `{` or `[` when values start on new lines.
///
/// Positions are absolute offsets in the input; the buffer holds the bytes from `base` on.
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
    /// Offset in the input of `buffer[0]`.
    private var base = 0
    /// Offset of the next unread byte.
    private var cursor = 0
    /// Line number at `cursor`, and the offset where that line starts (for columns).
    private var line: Int
    private var lineStart = 0
    /// The first line's column offset, when the input is a piece of a line (see `init(line:…)`).
    private let firstLine: Int
    private let firstColumn: Int
    private var atEnd = false
    private var readError: String?
    /// Whether a failed record already carries the read error (so it is not reported twice).
    private var readErrorReported = false
    /// Whether the input is one NDJSON line (see `init(line:…)`), and the reason for a value the
    /// whole input ends inside when that line is the input's last.
    private let isLine: Bool
    private let endOfInput: String?
    /// The whole line, when the input is one (see `init(line:…)`): offsets in it are the reader's.
    private let lineBytes: [UInt8]
    private var pending: [RawRecord] = []
    private var pendingHead = 0
    /// The value being streamed, in values mode.
    private var streamer: EnvelopeStreamer?
    /// Called (on the reading thread) when the input is a pipe or terminal and no byte has arrived
    /// for `pauseDelay` seconds, before the reader blocks waiting for more: everything returned so
    /// far can be delivered, which makes the reader work as a live filter.
    var onInputPause: (() -> Void)?
    var pauseDelay = 0.1

    init(stream: InputByteStream, source: String, limits: Limits = .default) {
        self.stream = stream
        self.source = source
        self.limits = limits
        self.line = 1
        self.firstLine = 1
        self.firstColumn = 1
        self.isLine = false
        self.endOfInput = nil
        self.lineBytes = []
    }

    /// Reads one NDJSON line that did not parse as one value, as a sequence of values: several
    /// written with no separator (as Firehose does), an envelope with a damaged element, a value
    /// followed by garbage. Origins keep the line number and columns of the whole input.
    /// `endOfInput` is the reason for a value that the input (not only the line) ends inside.
    init(line bytes: [UInt8], source: String, number: Int, column: Int, endOfInput: String?, limits: Limits) {
        self.stream = InputByteStream(bytes: bytes)
        self.source = source
        self.limits = limits
        self.line = number
        self.firstLine = number
        self.firstColumn = column
        self.isLine = true
        self.endOfInput = endOfInput
        self.lineBytes = bytes
        self.mode = .values
    }

    /// Bytes read from the underlying input so far (compressed size for .gz), for progress reports.
    var bytesRead: Int { stream.bytesRead }

    /// The next record, or nil at the end of the input.
    func next() -> RawRecord? {
        while true {
            if pendingHead < pending.count {
                let record = pending[pendingHead]
                pendingHead += 1
                if pendingHead == pending.count {
                    pending.removeAll(keepingCapacity: true)
                    pendingHead = 0
                }
                return record
            }
            switch mode {
            case .done: return nil
            case .detect: detect()
            case .lines: readLine()
            case .values: readValue()
            }
        }
    }

    // MARK: Buffer

    /// Offset just past the last byte read.
    var end: Int { base + buffer.count }

    /// Reads another chunk; false at the end of the input (a read error is kept to report).
    @discardableResult
    private func fill() -> Bool {
        guard !atEnd else { return false }
        compact()
        if let onInputPause, stream.isLive, !stream.hasInput(within: pauseDelay) { onInputPause() }
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
        // While a value is streamed, the cursor follows the streamer (counting the lines it passes).
        if let streamer, streamer.keepFrom > cursor { advance(to: streamer.keepFrom) }
        let drop = cursor - base
        guard drop > 0, drop >= buffer.count / 2 || drop > (1 << 20) else { return }
        buffer.removeFirst(drop)
        base += drop
    }

    /// Moves the cursor forward to `offset`, counting the lines passed.
    private func advance(to offset: Int) {
        precondition(offset <= end, "the cursor cannot pass the bytes read")
        guard offset > cursor else { return }
        buffer.withUnsafeBytes { raw in
            guard let start = raw.baseAddress else { return }
            var from = cursor - base
            let stop = offset - base
            while from < stop, let found = memchr(start + from, 0x0A, stop - from) {
                from = UnsafeRawPointer(found) - start + 1
                line += 1
                lineStart = base + from
            }
        }
        cursor = offset
    }

    private func skipWhitespace() {
        while true {
            while cursor < end {
                switch buffer[cursor - base] {
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

    private var here: RecordOrigin {
        RecordOrigin(source: source, line: line, column: cursor - lineStart + (line == firstLine ? firstColumn : 1))
    }

    /// The failure for a value (starting at `valueStart`) that bracket matching did not see closed
    /// before the input ends, naming the read error (a cut .gz) if there was one.
    ///
    /// In a line the parser decides, because bracket matching does not tell a closing bracket
    /// where a value belongs (`{"a": 1, "b": }` takes the `}` for the value of "b" and runs off the
    /// line): a syntax error at a byte before the line's end is invalid JSON at that byte; only a
    /// value still open when the bytes run out is truncated.
    func endFailure(_ base: String, valueStart: Int) -> NormalizationFailure {
        guard isLine else { return NormalizationFailure(kind: .truncated, detail: endOfInputReason(base)) }
        let value = Array(lineBytes[valueStart...])
        do {
            _ = try JSONParser.parse(value)
        } catch  where error.offset < value.count {
            return NormalizationFailure(kind: .invalidJSON, detail: "invalid JSON: \(error.describe(in: value))")
        } catch {}
        return NormalizationFailure(
            kind: .truncated,
            detail: endOfInput
                ?? "truncated JSON: the line ends before the value that starts at column \(valueStart - lineStart + firstColumn) is closed"
        )
    }

    /// The parser's reason when the bytes from `valueStart` to `valueEnd` (still held) are not
    /// one JSON value, as a worker would word it; nil when they are.
    func damageReason(valueStart: Int, valueEnd: Int) -> String? {
        let value = bytes(valueStart..<valueEnd)
        do {
            _ = try JSONParser.parse(value)
            return nil
        } catch {
            return "invalid JSON: \(error.describe(in: value))"
        }
    }

    private func endOfInputReason(_ base: String) -> String {
        guard let readError else { return base }
        readErrorReported = true
        return "\(base): \(readError)"
    }

    // MARK: Shape detection

    /// NDJSON when the first line holds one value and nothing else — or, when the first line is
    /// damaged, when the second one does: one bad line never decides the shape of a whole file.
    /// Only whole lines within the record limit are looked at, so the decision does not depend on
    /// how the input arrives in chunks.
    private func detect() {
        // Read up to the BOM's length first: an input may arrive a byte at a time.
        if hasPrefix([0xEF, 0xBB, 0xBF], at: cursor) {
            cursor = 3
            lineStart = 3
        }
        skipWhitespace()
        guard cursor < end else {
            finishAtEnd()
            return
        }
        guard let firstEnd = lineEnd(from: cursor) else {
            // One line (or one longer than a record): a single value, or values with no separator.
            mode = .values
            return
        }
        if holdsOneValue(from: cursor, to: firstEnd) || hasPrefix(EnvelopeKey.base64GzipPrefix, at: cursor) {
            mode = .lines
        } else if let secondEnd = lineEnd(from: firstEnd + 1), holdsOneValue(from: firstEnd + 1, to: secondEnd) {
            mode = .lines
        } else {
            mode = .values
        }
    }

    /// The offset of the first line break at or after `start`, if there is one within the record
    /// limit (reading as needed).
    ///
    /// A live input (a pipe, a terminal) that pauses before the line ends gives nil too: a value
    /// written slowly on one line (a `Records` file, values concatenated as Firehose writes them)
    /// is then read as values, each complete element coming out as it arrives, instead of the
    /// whole line being awaited before the shape is known. (NDJSON read as values gives the same
    /// records: a value ends at its line's end.)
    private func lineEnd(from start: Int) -> Int? {
        var from = start
        while true {
            if let newline = Self.firstNewline(in: buffer, from: from - base) {
                return base + newline - start <= limits.maxRecordBytes ? base + newline : nil
            }
            from = end
            if end - start > limits.maxRecordBytes { return nil }
            if end > start, stream.isLive, !stream.hasInput(within: pauseDelay) { return nil }
            if !fill() { return nil }
        }
    }

    /// Whether the bytes from `start` to the line break at `lineEnd` are one object or array and
    /// blanks.
    private func holdsOneValue(from start: Int, to lineEnd: Int) -> Bool {
        guard start < lineEnd, buffer[start - base] == 0x7B || buffer[start - base] == 0x5B else { return false }
        var scanner = JSONValueScanner(start: start - base)
        let result = buffer.withUnsafeBufferPointer {
            scanner.scan(UnsafeBufferPointer(rebasing: $0[..<(lineEnd - base)]))
        }
        guard case .complete(let valueEnd) = result else { return false }
        return buffer[valueEnd..<(lineEnd - base)].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    /// True when the bytes at `offset` start with `prefix` (reading more input if needed).
    private func hasPrefix(_ prefix: [UInt8], at offset: Int) -> Bool {
        while end - offset < prefix.count, fill() {}
        return end - offset >= prefix.count
            && buffer[(offset - base)..<(offset - base + prefix.count)].elementsEqual(prefix)
    }

    private func finishAtEnd() {
        if let readError, !readErrorReported {
            readErrorReported = true
            pending.append(
                RawRecord(
                    origin: here, bytes: [], failure: NormalizationFailure(kind: .unreadableInput, detail: readError)))
        }
        mode = .done
    }

    // MARK: NDJSON lines

    private func readLine() {
        if takeLines() { return }
        // Find the end of the line, failing lines over the size limit without holding them.
        var searchFrom = cursor
        var lineEnd: Int
        while true {
            if let newline = Self.firstNewline(in: buffer, from: searchFrom - base) {
                lineEnd = base + newline
                break
            }
            searchFrom = end
            if end - cursor > limits.maxRecordBytes {
                skipOversizedLine()
                return
            }
            if !fill() {
                lineEnd = end
                break
            }
        }
        if lineEnd - cursor > limits.maxRecordBytes {
            skipOversizedLine()
            return
        }
        let lineNumber = line
        var valueStart = cursor
        var valueEnd = lineEnd
        while valueEnd > valueStart, buffer[valueEnd - 1 - base] == 0x0D { valueEnd -= 1 }
        while valueStart < valueEnd, buffer[valueStart - base] == 0x20 || buffer[valueStart - base] == 0x09 {
            valueStart += 1
        }
        if valueStart < valueEnd {
            // The line goes to a worker whole; splitting concatenated values is the worker's job, so
            // the reading thread only looks for line breaks.
            let column = valueStart - lineStart + 1
            let origin = RecordOrigin(source: source, line: lineNumber, column: column)
            let endsInput = lineEnd == end && atEnd
            pending.append(
                RawRecord(
                    origin: origin, bytes: Array(buffer[(valueStart - base)..<(valueEnd - base)]),
                    element: .line(
                        source: source, number: lineNumber, column: column,
                        endOfInput: endsInput
                            ? endOfInputReason("truncated: the input ends inside this JSON value") : nil)))
        }
        if lineEnd < end {
            advance(to: lineEnd + 1)
        } else {
            advance(to: lineEnd)
            finishAtEnd()
        }
    }

    /// Most bytes of whole lines handed over as one record: a worker's share of work, small enough
    /// that the batches in flight stay a few megabytes (a decompressed read can be far larger).
    static let lineBlockBytes = 256 << 10

    /// Hands over, as one record, the whole lines read so far from the cursor (reading a chunk
    /// first when not one line is complete), up to `lineBlockBytes` and the record limit in all:
    /// workers cut them into lines. False when no whole line within those can be had: the line at
    /// the cursor is the input's last (no line break) or longer, which `readLine` handles alone.
    private func takeLines() -> Bool {
        let blockLimit = min(limits.maxRecordBytes, Self.lineBlockBytes)
        var searchFrom = cursor
        while Self.firstNewline(in: buffer, from: searchFrom - base) == nil {
            searchFrom = end
            if end - cursor > blockLimit || !fill() { return false }
        }
        let firstLine = line
        let firstColumn = cursor - lineStart + 1
        var blockEnd: Int?
        var lines = 0
        var next = cursor
        while let newline = Self.firstNewline(in: buffer, from: next - base) {
            let offset = base + newline
            if offset - cursor > blockLimit { break }
            blockEnd = offset
            lines += 1
            next = offset + 1
        }
        guard let blockEnd else { return false }
        pending.append(
            RawRecord(
                origin: here, bytes: Array(buffer[(cursor - base)..<(blockEnd - base)]),
                element: .lines(source: source, number: firstLine, column: firstColumn)))
        line += lines
        cursor = blockEnd + 1
        lineStart = cursor
        return true
    }

    /// The index of the first `\n` at or after `start`: `memchr`, which scans a word or a vector
    /// at a time (a byte loop here cost about ten instructions per input byte).
    private static func firstNewline(in buffer: [UInt8], from start: Int) -> Int? {
        guard start < buffer.count else { return nil }
        return buffer.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, let found = memchr(base + start, 0x0A, raw.count - start) else {
                return nil
            }
            return UnsafeRawPointer(found) - base
        }
    }

    private func skipOversizedLine() {
        let origin = here
        let start = cursor
        let kept = Array(buffer[(cursor - base)..<min(buffer.count, cursor - base + limits.maxRecordBytes)])
        var lineEnd: Int?
        while true {
            if let newline = Self.firstNewline(in: buffer, from: cursor - base) {
                lineEnd = base + newline
                advance(to: base + newline + 1)
                break
            }
            cursor = end
            if !fill() { break }
        }
        pending.append(
            RawRecord(
                origin: origin, bytes: kept,
                failure: NormalizationFailure(
                    kind: .tooLarge,
                    detail:
                        "record larger than the \(limits.maxRecordBytes)-byte limit (\((lineEnd ?? cursor) - start) bytes; the first \(kept.count) are kept here)"
                )))
        if lineEnd == nil { finishAtEnd() }
    }

    // MARK: Values (pretty-printed, concatenated, single, of any size)

    private func readValue() {
        if let streamer {
            streamer.step(self)
            return
        }
        skipWhitespace()
        guard cursor < end else {
            finishAtEnd()
            return
        }
        let origin = here
        let byte = buffer[cursor - base]
        if byte == 0x7B || byte == 0x5B {
            streamer = EnvelopeStreamer(start: cursor, origin: origin, opensArray: byte == 0x5B)
            return
        }
        if hasPrefix(EnvelopeKey.base64GzipPrefix, at: cursor) {
            var length = 0
            while true {
                while cursor + length < end, !Self.endsToken(buffer[cursor + length - base]) { length += 1 }
                if length > limits.maxRecordBytes {
                    failValue(
                        from: cursor, origin: origin, kind: .tooLarge,
                        reason: "record larger than the \(limits.maxRecordBytes)-byte limit")
                    return
                }
                if cursor + length < end || !fill() { break }
            }
            pending.append(RawRecord(origin: origin, bytes: Array(buffer[(cursor - base)..<(cursor + length - base)])))
            advance(to: cursor + length)
            return
        }
        failValue(
            from: cursor, origin: origin, kind: .invalidJSON, reason: "not JSON: unexpected \(Self.describe(byte))")
    }

    private static func endsToken(_ byte: UInt8) -> Bool {
        byte == 0x0A || byte == 0x20 || byte == 0x0D || byte == 0x09
    }

    /// A damaged value: the bytes from `start` up to the next line that starts with `{` or `[`
    /// (where values that start on new lines resume) — or to the end of the input — become one
    /// failed record, at most the record limit of them kept.
    func failValue(
        from start: Int, searchFrom: Int? = nil, origin: RecordOrigin, kind: NormalizationFailure.Kind, reason: String,
        head: [UInt8]? = nil
    ) {
        streamer = nil
        if cursor < start { advance(to: start) }
        // Bytes before the buffer are gone (a streamed value drops what it passed); they still count.
        let keptStart = max(start, base)
        var kept = head ?? []
        func keep(upTo stop: Int) {
            guard head == nil else { return }
            let from = keptStart + kept.count
            let to = min(stop, keptStart + limits.maxRecordBytes)
            if to > from { kept.append(contentsOf: buffer[(from - base)..<(to - base)]) }
        }
        var search = min(max(searchFrom ?? start + 1, start + 1, base), end)
        // A value may start right at `search`, after the bracket that ended the damaged one.
        var boundarySearch = search
        while boundarySearch - 1 > start, boundarySearch - 1 >= base,
            [0x20, 0x09, 0x0D, 0x0A, 0x7D, 0x5D].contains(buffer[boundarySearch - 1 - base])
        {
            boundarySearch -= 1
            if buffer[boundarySearch - base] == 0x7D || buffer[boundarySearch - base] == 0x5D { break }
        }
        var resume: Int?
        while true {
            search = max(search, base)
            boundarySearch = max(boundarySearch, base)
            let boundary = valueBoundary(from: boundarySearch)
            boundarySearch = boundary.rescanFrom
            while resume == nil, search < end {
                guard let newline = Self.firstNewline(in: buffer, from: search - base) else {
                    search = end
                    break
                }
                let offset = base + newline
                if offset + 1 >= end {
                    search = offset
                    break
                }
                let next = buffer[newline + 1]
                if next == 0x7B || next == 0x5B { resume = offset + 1 } else { search = offset + 1 }
            }
            if let found = boundary.found, found < (resume ?? Int.max) { resume = found }
            if let resume {
                keep(upTo: resume)
                break
            }
            keep(upTo: end)
            // Not past a closing bracket that may yet turn out to end a value.
            advance(to: min(search, boundarySearch))
            if !fill() { break }
        }
        let stop = resume ?? end
        let total = stop - start
        let note = total > kept.count ? " (\(total) bytes; the first \(kept.count) are kept here)" : ""
        var fullReason = reason + note
        if resume == nil, let readError, !readErrorReported {
            readErrorReported = true
            fullReason += "; then: \(readError)"
        }
        pending.append(
            RawRecord(origin: origin, bytes: kept, failure: NormalizationFailure(kind: kind, detail: fullReason)))
        advance(to: stop)
        if resume == nil { finishAtEnd() }
    }

    /// Where values written one after another meet inside a damaged stretch: the first `{` or `[`
    /// at or after `from` that follows a `}` or `]` with only blanks between (never valid inside
    /// one value). `rescanFrom` is where to look again once more input is read.
    private func valueBoundary(from: Int) -> (found: Int?, rescanFrom: Int) {
        buffer.withUnsafeBufferPointer { bytes in
            var index = from - base
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x7D || byte == 0x5D {
                    var next = index + 1
                    while next < bytes.count,
                        bytes[next] == 0x20 || bytes[next] == 0x09 || bytes[next] == 0x0D
                            || bytes[next] == 0x0A
                    {
                        next += 1
                    }
                    if next == bytes.count { return (nil, base + index) }
                    if bytes[next] == 0x7B || bytes[next] == 0x5B { return (base + next, base + next) }
                    index = next
                    continue
                }
                index += 1
            }
            return (nil, base + index)
        }
    }

    static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    // MARK: Access for the envelope streamer

    func byte(at offset: Int) -> UInt8 { buffer[offset - base] }
    func bytes(_ range: Range<Int>) -> [UInt8] { Array(buffer[(range.lowerBound - base)..<(range.upperBound - base)]) }
    func withBuffer<R>(_ body: (UnsafeBufferPointer<UInt8>, _ base: Int) -> R) -> R {
        buffer.withUnsafeBufferPointer { body($0, base) }
    }
    func more() -> Bool { fill() }
    /// Whether the input is live and has no byte within the pause delay (the end of a delivery).
    func pausesBeforeMoreInput() -> Bool { !atEnd && stream.isLive && !stream.hasInput(within: pauseDelay) }
    /// Offset of the first byte still held.
    var bufferStart: Int { base }
    func emit(_ record: RawRecord) { pending.append(record) }
    /// The streamed value ended just before `offset`.
    func endStreaming(at offset: Int) {
        streamer = nil
        advance(to: offset)
    }
    var maxRecordBytes: Int { limits.maxRecordBytes }
    var inputEnded: Bool { atEnd }
}
