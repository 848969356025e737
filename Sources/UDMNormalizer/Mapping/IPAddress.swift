/// Recognises textual IPv4 and IPv6 addresses (CloudTrail's `sourceIPAddress` is either an address
/// or a service host name such as `securityhub.amazonaws.com`).
enum IPAddress {
    static func isValid(_ text: String) -> Bool { isIPv4(text) || isIPv6(text) }

    /// The same test on raw UTF-8 without allocating for IPv4 and host names; IPv6 candidates
    /// (anything with a colon) take the text path.
    static func isValid(utf8 bytes: UnsafeRawBufferPointer) -> Bool {
        guard !bytes.isEmpty, bytes.count <= 45 else { return false }
        if bytes.contains(UInt8(ascii: ":")) { return isIPv6(String(decoding: bytes, as: UTF8.self)) }
        // IPv4: four decimal parts of 1-3 digits, each at most 255, no leading zeros.
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

    static func isIPv4(_ text: some StringProtocol) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy(\.isASCIIDigit), let value = Int(part), value <= 255 else { return false }
            if part.count > 1 && part.first == "0" { return false }
        }
        return true
    }

    static func isIPv6(_ text: String) -> Bool {
        var address = Substring(text)
        if let percent = address.firstIndex(of: "%") { address = address[..<percent] }  // zone id
        guard address.contains(":"), address.count <= 45, !address.contains(":::") else { return false }
        let doubleColonCount = address.ranges(of: "::").count
        guard doubleColonCount <= 1 else { return false }
        var groups = address.split(separator: ":", omittingEmptySubsequences: false).map { $0 }
        var groupBudget = 8
        if let last = groups.last, last.contains(".") {
            guard isIPv4(last) else { return false }
            groups.removeLast()
            groupBudget = 6
        }
        if doubleColonCount == 0 {
            guard groups.count == groupBudget else { return false }
            return groups.allSatisfy(isHexGroup)
        }
        let nonEmpty = groups.filter { !$0.isEmpty }
        guard nonEmpty.count < groupBudget else { return false }
        // Empty groups are allowed only as part of the single "::".
        let text = address
        if text.hasPrefix(":") && !text.hasPrefix("::") { return false }
        if text.hasSuffix(":") && !text.hasSuffix("::") { return false }
        return nonEmpty.allSatisfy(isHexGroup)
    }

    private static func isHexGroup(_ group: Substring) -> Bool {
        (1...4).contains(group.count) && group.allSatisfy(\.isHexDigit)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
