#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A secret recognised by its shape inside any string, wherever its key: `@redact_value NAME`.
enum RedactionShape: String, Sendable, CaseIterable {
    /// A PEM private-key block, from `-----BEGIN … PRIVATE KEY-----` to the end of its
    /// `-----END … -----` line (to the end of the string when the block is cut).
    case pemPrivateKey = "pem_private_key"
    /// `Bearer TOKEN` (as in an HTTP `Authorization` value), the scheme word included.
    case bearerToken = "bearer_token"

    /// Ranges of `bytes` (a JSON string's raw bytes, escapes unresolved) that hold this shape.
    func matches(in bytes: UnsafeRawBufferPointer) -> [Range<Int>] {
        switch self {
        case .pemPrivateKey: return Self.pemBlocks(in: bytes)
        case .bearerToken: return Self.bearerTokens(in: bytes)
        }
    }

    /// A cheap test over a whole record's bytes: false means no string of it can hold this shape.
    func mayOccur(in bytes: UnsafeRawBufferPointer) -> Bool {
        switch self {
        // Anchored on a rare byte: an upper-case V is in few records, a dash in every one.
        case .pemPrivateKey: return ByteSearch.find(Self.privateKeyTail, in: bytes, from: 0) != nil
        case .bearerToken:
            return ByteSearch.find(Self.bearerUpper, in: bytes, from: 0) != nil
                || ByteSearch.find(Self.bearerLower, in: bytes, from: 0) != nil
        }
    }

    private static let begin = Array("-----BEGIN ".utf8)
    private static let end = Array("-----END".utf8)
    private static let dashes = Array("-----".utf8)
    private static let privateKey = Array("PRIVATE KEY-----".utf8)
    private static let privateKeyTail = Array("VATE KEY-----".utf8)
    private static let bearerUpper = Array("Bearer ".utf8)
    private static let bearerLower = Array("bearer ".utf8)

    private static func pemBlocks(in bytes: UnsafeRawBufferPointer) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var from = 0
        while let start = ByteSearch.find(begin, in: bytes, from: from) {
            // The header line ends at the next "-----"; only private keys are secrets (a certificate is not).
            guard let headerEnd = ByteSearch.find(dashes, in: bytes, from: start + begin.count) else { break }
            let header = headerEnd + dashes.count
            guard header >= privateKey.count,
                ByteSearch.find(
                    privateKey, in: UnsafeRawBufferPointer(rebasing: bytes[(header - privateKey.count)..<header]),
                    from: 0) == 0
            else {
                from = header
                continue
            }
            var stop = bytes.count
            if let footer = ByteSearch.find(end, in: bytes, from: header),
                let close = ByteSearch.find(dashes, in: bytes, from: footer + end.count)
            {
                stop = close + dashes.count
            }
            found.append(start..<stop)
            from = stop
        }
        return found
    }

    private static func bearerTokens(in bytes: UnsafeRawBufferPointer) -> [Range<Int>] {
        var found: [Range<Int>] = []
        for word in [bearerUpper, bearerLower] {
            var from = 0
            while let start = ByteSearch.find(word, in: bytes, from: from) {
                var stop = start + word.count
                while stop < bytes.count, bytes[stop] == UInt8(ascii: " ") { stop += 1 }
                let tokenStart = stop
                while stop < bytes.count {
                    // In raw JSON text a `/` may be written `\/`; any other escape ends the token.
                    if bytes[stop] == UInt8(ascii: "\\") {
                        guard stop + 1 < bytes.count, bytes[stop + 1] == UInt8(ascii: "/") else { break }
                        stop += 2
                    } else if isTokenByte(bytes[stop]) {
                        stop += 1
                    } else {
                        break
                    }
                }
                if looksLikeToken(UnsafeRawBufferPointer(rebasing: bytes[tokenStart..<stop])) {
                    found.append(start..<stop)
                }
                from = max(stop, start + word.count)
            }
        }
        return found.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// A word after "bearer" in prose is no token: a token is long and not a lower-case word.
    private static func looksLikeToken(_ token: UnsafeRawBufferPointer) -> Bool {
        token.count >= 16 && token.contains { !(UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }
    }

    /// Characters of an RFC 6750 bearer token (`b64token`).
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "+"),
            UInt8(ascii: "/"), UInt8(ascii: "="):
            return true
        default: return false
        }
    }
}

/// Substring search over bytes: `memchr` (vectorised in the C library) finds each candidate first
/// byte, so a record without the needle's first byte costs a fraction of a byte loop.
enum ByteSearch {
    static func find(_ needle: [UInt8], in haystack: UnsafeRawBufferPointer, from: Int) -> Int? {
        guard let base = haystack.baseAddress, let first = needle.first else { return nil }
        var offset = from
        let last = haystack.count - needle.count
        while offset <= last {
            guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return nil }
            let position = UnsafeRawPointer(hit) - base
            var matched = 1
            while matched < needle.count, haystack[position + matched] == needle[matched] { matched += 1 }
            if matched == needle.count { return position }
            offset = position + 1
        }
        return nil
    }
}
