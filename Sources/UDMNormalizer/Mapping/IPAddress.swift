/// Recognises textual IPv4 and IPv6 addresses (CloudTrail's `sourceIPAddress` is either an address
/// or a service host name such as `securityhub.amazonaws.com`).
enum IPAddress {
    static func isValid(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isValid(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// The same test on raw UTF-8, without allocating.
    static func isValid(utf8 bytes: UnsafeRawBufferPointer) -> Bool {
        guard !bytes.isEmpty, bytes.count <= 45 else { return false }
        if bytes.contains(UInt8(ascii: ":")) { return isIPv6(utf8: bytes) }
        return isIPv4(utf8: bytes[...])
    }

    /// IPv4: four decimal parts of 1-3 digits, each at most 255, no leading zeros.
    static func isIPv4(utf8 bytes: Slice<UnsafeRawBufferPointer>) -> Bool {
        var parts = 0
        var value = 0
        var digits = 0
        var leadingZero = false
        for byte in bytes {
            if byte >= 0x30 && byte <= 0x39 {
                if digits == 0 { leadingZero = byte == 0x30 } else if leadingZero { return false }
                value = value * 10 + Int(byte - 0x30)
                digits += 1
                if digits > 3 || value > 255 { return false }
            } else if byte == 0x2E {
                guard digits > 0, parts < 3 else { return false }
                parts += 1
                value = 0
                digits = 0
            } else {
                return false
            }
        }
        return parts == 3 && digits > 0
    }

    /// IPv6: up to eight groups of 1-4 hex digits, at most one "::", an optional IPv4 tail and zone id.
    static func isIPv6(utf8 bytes: UnsafeRawBufferPointer) -> Bool {
        var end = bytes.count
        if let percent = bytes.firstIndex(of: UInt8(ascii: "%")) { end = percent }
        let colon = UInt8(ascii: ":")
        guard end >= 2 else { return false }
        var i = 0
        var groups = 0
        var compressed = false
        if bytes[0] == colon {
            guard bytes[1] == colon else { return false }
            compressed = true
            i = 2
            if i == end { return true }
        }
        while true {
            let start = i
            while i < end, i - start < 5, isHexDigit(bytes[i]) { i += 1 }
            if i < end, bytes[i] == UInt8(ascii: ".") {
                // An IPv4 tail takes the room of two groups and must end the address.
                guard isIPv4(utf8: bytes[start..<end]) else { return false }
                groups += 2
                break
            }
            guard (1...4).contains(i - start) else { return false }
            groups += 1
            if i == end { break }
            guard bytes[i] == colon else { return false }
            i += 1
            if i < end, bytes[i] == colon {
                guard !compressed else { return false }
                compressed = true
                i += 1
                if i == end { break }
            } else if i == end {
                return false
            }
        }
        return compressed ? groups <= 7 : groups == 8
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66) || (byte >= 0x41 && byte <= 0x46)
    }
}
