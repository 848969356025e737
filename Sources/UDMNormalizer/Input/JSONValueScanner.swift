/// Finds where a JSON object or array ends without parsing it: brackets are counted outside
/// strings, and strings are skipped honouring escapes. Resumable, so a value arriving in many
/// chunks is scanned once in total.
///
/// It does not validate the value (the parser does that per record); it only needs to be exact
/// about where values end, so that one broken record cannot swallow its neighbours' boundaries
/// beyond its own brackets.
struct JSONValueScanner {
    enum Result: Equatable {
        /// The value ends just before this index.
        case complete(end: Int)
        /// The buffer ends inside the value; call again with more bytes.
        case needMore
        /// A closing bracket at this index is followed (blanks between) by an opening one while the
        /// value is still open: never valid JSON, it is where one value lost a closing bracket and
        /// the next, written straight after it, begins.
        case missingBracket(at: Int)
    }

    private var depth = 0
    /// Whether the value scanned is an object (so a `,` then `{` or `[` directly inside it is damage).
    private var topIsObject = false
    private var inString = false
    private var escaped = false
    /// Next index to examine.
    private(set) var position: Int
    /// Number of line feeds seen inside the value so far.
    private(set) var newlines = 0
    /// Element boundaries seen inside an object, where JSON never has them: a `,` followed by `{`
    /// or `[` directly inside the value's top-level object. Each is where a damaged element (a lost
    /// closing bracket, a stray opening one) runs on into the next element of its envelope array.
    private(set) var hiddenBoundaries = 0
    /// Element boundaries the scan took for string content (`},{"` before a quote it read as a
    /// string's end): where a stray `"` inverted strings and bracket matching could not see them.
    /// Valid JSON can hold these bytes in a string, so they count only in a value that does not parse.
    private(set) var boundariesInStrings = 0

    /// Starts at `start`, which must hold `{` or `[`.
    init(start: Int) {
        position = start
    }

    mutating func scan(_ buffer: UnsafeBufferPointer<UInt8>) -> Result {
        var i = position
        let count = buffer.count
        while i < count {
            if inString && !escaped {
                i = Self.skipPlainStringBytes(buffer, from: i)
                guard i < count else { break }
            }
            let byte = buffer[i]
            if inString {
                if escaped {
                    escaped = false
                } else if byte == 0x5C {
                    escaped = true
                } else if byte == 0x22 {
                    inString = false
                    if i > 0, buffer[i - 1] == 0x7B || buffer[i - 1] == 0x20,
                        Self.startsElementAfterElement(quote: i, in: buffer)
                    {
                        boundariesInStrings += 1
                    }
                } else if byte == 0x0A {
                    newlines += 1
                }
                i += 1
                continue
            }
            switch byte {
            case 0x22: inString = true
            case 0x7B, 0x5B:
                // Looked for only here (brackets are rare among a value's bytes): the blanks
                // before an opening bracket, and what stands before them.
                if depth > 0, let close = Self.closingBracket(before: i, in: buffer) {
                    position = i
                    return .missingBracket(at: close)
                }
                if depth == 0 {
                    topIsObject = byte == 0x7B
                } else if depth == 1, topIsObject, Self.previousByte(before: i, in: buffer) == 0x2C {
                    hiddenBoundaries += 1
                }
                depth += 1
            case 0x7D, 0x5D:
                depth -= 1
                if depth == 0 {
                    position = i + 1
                    return .complete(end: i + 1)
                }
            case 0x0A: newlines += 1
            default: break
            }
            i += 1
        }
        position = i
        return .needMore
    }

    /// Moves the scan position when the caller drops `count` bytes from the front of its buffer.
    mutating func shift(by count: Int) {
        position -= count
    }

    /// The first index at or after `start` holding `"`, `\\` or a control byte (a line feed is
    /// counted), or the end. Eight bytes at a time: string bodies are most of a record's bytes.
    @inline(__always)
    private static func skipPlainStringBytes(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        #if _endian(little)
            if let base = buffer.baseAddress {
                let ones: UInt64 = 0x0101_0101_0101_0101
                let highs: UInt64 = 0x8080_8080_8080_8080
                while index + 8 <= buffer.count {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    let quote = word ^ (ones &* 0x22)
                    let backslash = word ^ (ones &* 0x5C)
                    // "Has a zero byte" tests; bytes >= 0x80 are left out of the control test by `~word`.
                    let special =
                        ((word &- ones &* 0x20) & ~word & highs)
                        | ((quote &- ones) & ~quote & highs)
                        | ((backslash &- ones) & ~backslash & highs)
                    if special != 0 { return index + special.trailingZeroBitCount >> 3 }
                    index += 8
                }
            }
        #endif
        while index < buffer.count {
            let byte = buffer[index]
            if byte == 0x22 || byte == 0x5C || byte < 0x20 { return index }
            index += 1
        }
        return index
    }

    /// The byte before `index` that is not a blank, if the buffer holds one.
    private static func previousByte(before index: Int, in buffer: UnsafeBufferPointer<UInt8>) -> UInt8? {
        var back = index - 1
        while back >= 0 {
            switch buffer[back] {
            case 0x20, 0x09, 0x0D, 0x0A: back -= 1
            default: return buffer[back]
            }
        }
        return nil
    }

    /// Whether the quote at `quote` follows `}` `,` `{` (blanks between): the first key of an
    /// element written after another one.
    private static func startsElementAfterElement(quote: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        var back = quote
        for expected: UInt8 in [0x7B, 0x2C, 0x7D] {
            back -= 1
            while back >= 0, [0x20, 0x09, 0x0D, 0x0A].contains(buffer[back]) { back -= 1 }
            guard back >= 0, buffer[back] == expected else { return false }
        }
        return true
    }

    /// The index of a `}` or `]` that only blanks separate from `index`, if the buffer holds one.
    private static func closingBracket(before index: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        var back = index - 1
        while back >= 0 {
            switch buffer[back] {
            case 0x20, 0x09, 0x0D, 0x0A: back -= 1
            case 0x7D, 0x5D: return back
            default: return nil
            }
        }
        return nil
    }
}
