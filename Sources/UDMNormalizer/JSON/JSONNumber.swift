/// Strict conversions of number text (JSON numbers or numeric strings found in logs) to Swift numbers.
///
/// Accepted syntax, shared by both conversions: `[+-]? digits? (. digits?)? ([eE] [+-]? digits)?` with at
/// least one mantissa digit — i.e. every JSON number plus the plain decimal spellings seen in string fields
/// (`+5`, `007`, `.5`, `5.`). Rejected: surrounding whitespace, `inf`/`nan`, hex, thousands separators,
/// empty text. Rejecting rather than guessing keeps a malformed value from silently becoming a number.
enum JSONNumber {
    /// The exact integer value, or nil when the text is not a number, has a fractional part
    /// (`"1.5"`) or does not fit in `Int64`. Integral values in any notation are accepted
    /// (`"1e2"` → 100, `"2.50e1"` → 25, `"-0"` → 0).
    static func int64(_ text: some StringProtocol) -> Int64? {
        if let result = text.utf8.withContiguousStorageIfAvailable({ int64(utf8: UnsafeRawBufferPointer($0)) }) {
            return result
        }
        return Array(text.utf8).withUnsafeBytes { int64(utf8: $0) }
    }

    /// The value as a finite `Double` (correctly rounded), or nil when the text is not a number or the
    /// value overflows to infinity (which JSON output could not represent). Underflow gives ±0.
    static func double(_ text: some StringProtocol) -> Double? {
        if let result = text.utf8.withContiguousStorageIfAvailable({ double(utf8: UnsafeRawBufferPointer($0)) }) {
            return result
        }
        return Array(text.utf8).withUnsafeBytes { double(utf8: $0) }
    }

    /// ``int64(_:)`` on raw UTF-8 bytes (e.g. from ``JSONDocument/withRawBytes(_:_:)``), without a `String`.
    static func int64(utf8 text: UnsafeRawBufferPointer) -> Int64? {
        guard let parts = Parts(text) else { return nil }
        // value = mantissa × 10^exponent, with the mantissa's trailing zeros moved into the exponent so a
        // "not an integer" verdict never depends on how many zeros were written.
        var mantissa: UInt64 = 0
        var pendingZeros = 0
        var seenNonZero = false
        var overflow = false
        parts.forEachDigit { digit in
            guard !overflow else { return }
            if digit == 0 {
                if seenNonZero { pendingZeros += 1 }
                return
            }
            seenNonZero = true
            for _ in 0...pendingZeros {
                let (product, carried) = mantissa.multipliedReportingOverflow(by: 10)
                if carried {
                    overflow = true
                    return
                }
                mantissa = product
            }
            pendingZeros = 0
            let (sum, carried) = mantissa.addingReportingOverflow(UInt64(digit))
            if carried {
                overflow = true
                return
            }
            mantissa = sum
        }
        guard seenNonZero else { return 0 }
        // A mantissa without trailing zeros that overflows cannot shrink back into range (the exponent
        // would have to be negative, which makes the value non-integral).
        guard !overflow else { return nil }
        var exponent = parts.exponent - parts.fractionDigits + pendingZeros
        guard exponent >= 0 else { return nil }
        while exponent > 0 {
            let (product, carried) = mantissa.multipliedReportingOverflow(by: 10)
            if carried { return nil }
            mantissa = product
            exponent -= 1
        }
        if parts.negative {
            guard mantissa <= UInt64(Int64.max) + 1 else { return nil }
            return mantissa == UInt64(Int64.max) + 1 ? Int64.min : -Int64(mantissa)
        }
        guard mantissa <= UInt64(Int64.max) else { return nil }
        return Int64(mantissa)
    }

    /// ``double(_:)`` on raw UTF-8 bytes.
    static func double(utf8 text: UnsafeRawBufferPointer) -> Double? {
        guard let parts = Parts(text) else { return nil }
        // Short plain integers are exact in a Double; skip the string round trip for the common case.
        if parts.fractionDigits == 0, !parts.hasExponent, parts.integerDigits <= 15 {
            var value: Int64 = 0
            parts.forEachDigit { value = value * 10 + Int64($0) }
            if value == 0 { return parts.negative ? -0.0 : 0.0 }
            return Double(parts.negative ? -value : value)
        }
        guard let value = Double(String(decoding: text, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }

    /// The syntactic pieces of validated number text.
    private struct Parts {
        let text: UnsafeRawBufferPointer
        var negative = false
        var integerRange = 0..<0
        var fractionRange = 0..<0
        var hasExponent = false
        /// The decimal exponent, saturated far beyond any representable value so huge exponents
        /// cannot overflow `Int`.
        var exponent = 0

        var integerDigits: Int { integerRange.count }
        var fractionDigits: Int { fractionRange.count }

        /// Validates `text` against the accepted syntax; nil when it does not match.
        init?(_ text: UnsafeRawBufferPointer) {
            self.text = text
            let end = text.count
            var index = 0
            @inline(__always) func isDigit(_ offset: Int) -> Bool {
                offset < end && text[offset] &- UInt8(ascii: "0") < 10
            }
            if index < end, text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") {
                negative = text[index] == UInt8(ascii: "-")
                index += 1
            }
            let integerStart = index
            while isDigit(index) { index += 1 }
            integerRange = integerStart..<index
            if index < end, text[index] == UInt8(ascii: ".") {
                index += 1
                let fractionStart = index
                while isDigit(index) { index += 1 }
                fractionRange = fractionStart..<index
            }
            guard integerRange.count + fractionRange.count > 0 else { return nil }
            if index < end, text[index] | 0x20 == UInt8(ascii: "e") {
                hasExponent = true
                index += 1
                var exponentNegative = false
                if index < end, text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") {
                    exponentNegative = text[index] == UInt8(ascii: "-")
                    index += 1
                }
                guard isDigit(index) else { return nil }
                var magnitude = 0
                while isDigit(index) {
                    magnitude = Swift.min(magnitude * 10 + Int(text[index] &- UInt8(ascii: "0")), 1_000_000_000)
                    index += 1
                }
                exponent = exponentNegative ? -magnitude : magnitude
            }
            guard index == end else { return nil }
        }

        /// Calls `body` with each mantissa digit value, integer part then fraction part.
        @inline(__always)
        func forEachDigit(_ body: (UInt8) -> Void) {
            for index in integerRange { body(text[index] &- UInt8(ascii: "0")) }
            for index in fractionRange { body(text[index] &- UInt8(ascii: "0")) }
        }
    }
}
