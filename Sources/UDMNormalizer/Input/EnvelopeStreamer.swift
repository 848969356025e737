/// Cuts one JSON value of the input into records as it streams: the elements of its envelope
/// arrays (`Records`, `findings`, `Findings`, `Events`, `logEvents`, or a top-level array) one by
/// one, or — for a value with no envelope array — the whole value, held only while it is within
/// the record limit. Every value takes this path whatever its size, so a damaged small file loses
/// what a damaged large one loses: only the damaged element.
///
/// Elements are found by bracket matching outside strings (`JSONValueScanner`) and parsed later,
/// per record, by a worker: a bad token inside an element fails that element alone. Other members
/// are skipped without being held, except `messageType`, which says whether CloudWatch log events
/// are control messages (AWS writes it before `logEvents`).
final class EnvelopeStreamer {
    private enum State {
        case open
        case member
        case array(key: String?, index: Int)
        case done
    }

    private enum Failure: Error {
        /// The input ends outside any element: the records before it were delivered.
        case truncated
        /// The input ends inside an element, which was delivered as the failed record.
        case endedInsideElement
        case syntax(String)
        /// The held value ended early at this offset (the parser's reason), and its rest trails.
        case trailing(after: Int, reason: String)
    }

    private var state = State.open
    /// Offset of the next byte to read.
    private var position: Int
    /// Where the value starts, and its origin.
    private let start: Int
    private let origin: RecordOrigin
    private let opensArray: Bool
    private var control = false
    /// Whether an envelope array was found; until then the whole value is held (within the limit).
    private var foundEnvelope = false
    /// The first bytes of a value with no envelope that grew over the record limit.
    private var head: [UInt8]?
    /// Where the element being cut starts, while it is within the record limit.
    private var elementStart: Int?
    private var recordsCut = 0
    /// Set once damage hid element boundaries: the indices after it count only those seen.
    private var indicesApproximate = false

    init(start: Int, origin: RecordOrigin, opensArray: Bool) {
        self.start = start
        self.position = start
        self.origin = origin
        self.opensArray = opensArray
    }

    private var holdsValue: Bool { !foundEnvelope && head == nil }

    /// The reader must keep its buffer from this offset on.
    var keepFrom: Int {
        if holdsValue { return start }
        return elementStart ?? position
    }

    /// Makes progress: emits records into the reader, or ends (cleanly or with a failed record).
    func step(_ reader: RecordReader) {
        do {
            try advance(reader)
        } catch {
            switch error {
            case .endedInsideElement:
                reader.endStreaming(at: reader.end)
            case .truncated:
                let reason =
                    foundEnvelope
                    ? "truncated: the input ends inside the JSON value that starts at \(origin), after its \(recordsCut) complete records"
                    : "truncated: the input ends inside the JSON value that starts here"
                let failure = reader.endFailure(reason, valueStart: start)
                reader.failValue(
                    from: holdsValue || head != nil ? start : position, origin: origin, kind: failure.kind,
                    reason: failure.detail, head: foundEnvelope ? nil : head)
            case .trailing(let valueEnd, let reason):
                reader.failValue(from: start, searchFrom: valueEnd, origin: origin, kind: .invalidJSON, reason: reason)
            case .syntax(let reason):
                reader.failValue(
                    from: foundEnvelope ? position : start, searchFrom: position, origin: origin, kind: .invalidJSON,
                    reason: "invalid JSON inside the value that starts at \(origin): \(reason)",
                    head: foundEnvelope ? nil : head)
            }
        }
    }

    private func advance(_ reader: RecordReader) throws(Failure) {
        switch state {
        case .done:
            try checkNothingTrails(reader)
            reader.endStreaming(at: position)
            guard !foundEnvelope else { return }
            if head == nil, position - start > reader.maxRecordBytes {
                head = reader.bytes(start..<(start + reader.maxRecordBytes))
            }
            if let head {
                reader.emit(
                    RawRecord(
                        origin: origin, bytes: head,
                        failure: NormalizationFailure(
                            kind: .tooLarge,
                            detail:
                                "record larger than the \(reader.maxRecordBytes)-byte limit, with no Records/findings/Events/logEvents array to split it by (\(position - start) bytes; the first \(head.count) are kept here)"
                        )))
            } else {
                reader.emit(RawRecord(origin: origin, bytes: reader.bytes(start..<position)))
            }
        case .open:
            position += 1
            if opensArray {
                foundEnvelope = true
                state = .array(key: nil, index: 0)
            } else {
                state = .member
            }
        case .member:
            let byte = try peekAfterComma(reader)
            if byte == 0x7D {
                position += 1
                state = .done
                return
            }
            guard byte == 0x22 else { throw .syntax("expected a member name, found \(RecordReader.describe(byte))") }
            let key = try readString(reader)
            guard try peek(reader) == 0x3A else { throw .syntax("expected ':' after \"\(key)\"") }
            position += 1
            let valueStart = try peek(reader)
            if valueStart == 0x5B, EnvelopeKey.streamedArrays.contains(key) {
                foundEnvelope = true
                head = nil
                position += 1
                state = .array(key: key, index: 0)
            } else if key == EnvelopeKey.messageType, valueStart == 0x22 {
                control = try readString(reader) == EnvelopeKey.controlMessage
            } else {
                try skipValue(reader)
            }
        case .array(let key, let index):
            let byte = try peekAfterComma(reader)
            if byte == 0x5D {
                position += 1
                state = key == nil ? .done : .member
                return
            }
            let elementOrigin = origin.appending(key: key ?? "", index: index, approximate: indicesApproximate)
            let element = key.map { EnvelopeKey.element(forArray: $0, control: control) } ?? .value
            let covered = try cutElement(reader, origin: elementOrigin, element: element)
            recordsCut += 1
            state = .array(key: key, index: index + covered)
        }
    }

    /// A held value followed by a byte no value starts with (`,` `:` `"` `}` `]`) that does not
    /// parse ended early: a damaged byte took one of its opening brackets, bracket matching closed
    /// it too soon, and the rest of it trails. Then the whole of it is one damaged record, up to
    /// where values resume, with the parser's reason. (A value that parses is left to stand.)
    private func checkNothingTrails(_ reader: RecordReader) throws(Failure) {
        guard holdsValue, position - start <= reader.maxRecordBytes else { return }
        let end = position
        defer { position = end }
        // A live input that pauses right after the value: it stands now, as a line would, rather
        // than waiting for the next delivery to show what follows it.
        while position < reader.end, [0x20, 0x09, 0x0A, 0x0D].contains(reader.byte(at: position)) { position += 1 }
        if position == reader.end, reader.pausesBeforeMoreInput() { return }
        guard let next = try? peek(reader) else { return }
        switch next {
        case 0x2C, 0x3A, 0x22, 0x7D, 0x5D:
            if let reason = reader.damageReason(valueStart: start, valueEnd: end) {
                throw .trailing(after: end, reason: reason)
            }
        default: return
        }
    }

    /// Reads more input; while a value with no envelope is held, notes when it outgrows the limit.
    private func more(_ reader: RecordReader) -> Bool {
        if holdsValue, reader.end - start > reader.maxRecordBytes {
            head = reader.bytes(start..<(start + reader.maxRecordBytes))
        }
        return reader.more()
    }

    /// The next byte that is not whitespace, after the separating comma if there is one.
    private func peekAfterComma(_ reader: RecordReader) throws(Failure) -> UInt8 {
        let byte = try peek(reader)
        guard byte == 0x2C else { return byte }
        position += 1
        return try peek(reader)
    }

    /// The next byte that is not whitespace, reading more input as needed.
    private func peek(_ reader: RecordReader) throws(Failure) -> UInt8 {
        while true {
            while position < reader.end {
                let byte = reader.byte(at: position)
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    position += 1
                } else {
                    return byte
                }
            }
            guard more(reader) else { throw .truncated }
        }
    }

    /// Reads a member name (escapes left as written: the names of interest have none).
    private func readString(_ reader: RecordReader) throws(Failure) -> String {
        let first = position + 1
        try skipString(reader, holding: first)
        return String(decoding: reader.bytes(first..<(position - 1)), as: UTF8.self)
    }

    /// Moves past a string; holds its bytes from `holding` on when given (a member name, bounded
    /// by the limit), else lets the reader drop them as they pass.
    private func skipString(_ reader: RecordReader, holding: Int? = nil) throws(Failure) {
        position += 1
        var escaped = false
        let saved = elementStart
        if let holding { elementStart = elementStart ?? holding }
        defer { elementStart = saved }
        while true {
            while position < reader.end {
                let byte = reader.byte(at: position)
                position += 1
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { return }
            }
            if let holding, position - holding > reader.maxRecordBytes {
                throw .syntax("a member name longer than the record limit")
            }
            guard more(reader) else { throw .truncated }
        }
    }

    /// Skips a member value of any kind without keeping it.
    private func skipValue(_ reader: RecordReader) throws(Failure) {
        let first = try peek(reader)
        switch first {
        case 0x22:
            try skipString(reader)
        case 0x7B, 0x5B:
            position = try scanToEnd(reader).end
        default:
            try skipScalar(reader)
        }
    }

    /// Skips a number, literal or stray token: at least one byte, up to a delimiter.
    private func skipScalar(_ reader: RecordReader) throws(Failure) {
        position += 1
        while true {
            while position < reader.end {
                switch reader.byte(at: position) {
                case 0x2C, 0x7D, 0x5D, 0x7B, 0x5B, 0x22, 0x20, 0x0A, 0x0D, 0x09: return
                default: position += 1
                }
            }
            guard more(reader) else { return }
        }
    }

    /// The offset just past the object or array that starts at `position`, by bracket matching.
    /// `grew` is called after each read with the scan position, so a caller can stop holding.
    /// Also gives the element boundaries the scan saw where JSON has none (see `JSONValueScanner`).
    private func scanToEnd(_ reader: RecordReader, grew: (Int) -> Void = { _ in }) throws(Failure) -> (
        end: Int, hiddenBoundaries: Int, boundariesInStrings: Int
    ) {
        var scanner = JSONValueScanner(start: position - reader.bufferStart)
        while true {
            let (result, base) = reader.withBuffer { buffer, base in (scanner.scan(buffer), base) }
            switch result {
            case .complete(let end): return (base + end, scanner.hiddenBoundaries, scanner.boundariesInStrings)
            case .missingBracket(let close):
                position = base + close
                throw .syntax("a closing bracket is missing: a value ends and another starts with no separator")
            case .needMore: break
            }
            position = base + scanner.position
            grew(position)
            guard more(reader) else { throw .truncated }
            scanner.shift(by: reader.bufferStart - base)
        }
    }

    /// Cuts one array element into a record; an element over the size limit becomes a failed record.
    /// Returns how many elements of the array the record covers: more than one when damage merged
    /// elements (their brackets do not match), and the record's failure then names the range.
    private func cutElement(_ reader: RecordReader, origin: RecordOrigin, element: RawRecord.Element) throws(Failure)
        -> Int
    {
        let first = try peek(reader)
        let begin = position
        elementStart = begin
        defer { elementStart = nil }
        guard first == 0x7B || first == 0x5B else {
            do {
                if first == 0x22 { try skipString(reader) } else { try skipScalar(reader) }
            } catch {
                reader.emit(
                    RawRecord(
                        origin: origin, bytes: reader.bytes(begin..<min(reader.end, begin + reader.maxRecordBytes)),
                        element: element,
                        failure: reader.endFailure("truncated: the input ends inside this element", valueStart: begin)))
                throw .endedInsideElement
            }
            let stop = min(position, begin + reader.maxRecordBytes)
            reader.emit(
                RawRecord(
                    origin: origin, bytes: reader.bytes(begin..<stop), element: element,
                    failure: NormalizationFailure(
                        kind: .notAnObject, detail: "expected a JSON object, found \(RecordReader.describe(first))")))
            return 1
        }
        var kept: [UInt8]?
        let limit = reader.maxRecordBytes
        let end: Int
        let hiddenBoundaries: Int
        let boundariesInStrings: Int
        do {
            (end, hiddenBoundaries, boundariesInStrings) = try scanToEnd(reader) { scanned in
                if kept == nil, scanned - begin > limit {
                    // Too large to be a record: keep its first bytes, let the reader drop the rest.
                    kept = reader.bytes(begin..<(begin + limit))
                    elementStart = nil
                }
            }
        } catch {
            if case .syntax = error {
                // The damaged element and what follows it up to where values resume fail together.
                position = begin
                throw error
            }
            let bytes = kept ?? reader.bytes(begin..<min(reader.end, begin + limit))
            let size = reader.end - begin
            let note = size > bytes.count ? " (\(size) bytes; the first \(bytes.count) are kept here)" : ""
            var failure = reader.endFailure("truncated: the input ends inside this element", valueStart: begin)
            failure.detail += note
            reader.emit(RawRecord(origin: origin, bytes: bytes, element: element, failure: failure))
            throw .endedInsideElement
        }
        if kept == nil, end - begin > limit { kept = reader.bytes(begin..<(begin + limit)) }
        if let kept {
            reader.emit(
                RawRecord(
                    origin: origin, bytes: kept, element: element,
                    failure: NormalizationFailure(
                        kind: .tooLarge,
                        detail:
                            "record larger than the \(limit)-byte limit (\(end - begin) bytes; the first \(kept.count) are kept here)"
                    )))
        } else if hiddenBoundaries + boundariesInStrings > 0,
            let reason = reader.damageReason(valueStart: begin, valueEnd: end)
        {
            // Damage merged elements: one failed record, naming the range, and the elements after
            // it keep their real index (approximate when a stray quote hid some boundaries).
            let covered = 1 + hiddenBoundaries + boundariesInStrings
            if boundariesInStrings > 0 { indicesApproximate = true }
            let last = origin.elements.last.map {
                "\($0.key)[\(indicesApproximate ? "~" : "")\($0.index + covered - 1)]"
            }
            reader.emit(
                RawRecord(
                    origin: origin, bytes: reader.bytes(begin..<end), element: element,
                    failure: NormalizationFailure(
                        kind: .invalidJSON,
                        detail:
                            "\(reason); its brackets do not match, so this record runs over \(indicesApproximate ? "about " : "")\(covered) elements, up to \(last ?? "the next ones")"
                    )))
            position = end
            return covered
        } else {
            reader.emit(RawRecord(origin: origin, bytes: reader.bytes(begin..<end), element: element))
        }
        position = end
        return 1
    }
}
