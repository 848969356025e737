/// The grammar of the general target rule (`| target_key`): which request and response keys
/// identify a resource, the stem they name, and how a stem matches the noun of a call's name.
/// Everything works on the key's UTF-8 bytes, so scanning a request builds no `String`.
enum TargetKeyGrammar {
    /// Where an identifying key's value goes: ids to `product_object_id`, names, ARNs, identifiers
    /// and URLs to `name`.
    enum Kind: Sendable, Equatable {
        case id, name
    }

    /// An identifying key: the length of its stem (the key without its suffix; 0 for a bare `name`,
    /// `id` or `arn`), its kind, and how plainly it identifies (0 an ARN, 1 an id, 2 a name, an
    /// identifier or a URL: a response naming what a call made is read in that order).
    struct Identified: Sendable, Equatable {
        var stemLength: Int
        var kind: Kind
        var preference: Int = 2
    }

    /// How well a key's stem matches the noun of the call's name; lower is better.
    enum NounMatch: Int, Sendable, Comparable {
        /// The stem is the noun (`DeleteFlowLogs` and `FlowLogId`), singular or plural.
        case exact = 0
        /// The noun ends with the stem at a word boundary (`DeleteSecurityGroup` and `groupId`).
        case suffix = 1
        /// The noun starts with the stem at a word boundary (`GetBucketPolicy` and `bucketName`).
        case prefix = 2
        /// A bare `name`, `id` or `arn` at the top of the request: the call's own object.
        case bare = 3
        /// No relation to the noun.
        case none = 4

        static func < (lhs: NounMatch, rhs: NounMatch) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The suffixes that make a key identifying, longest first within a family, lowercase, each with
    /// its kind. They must start at a camelCase boundary (an upper-case letter, or after `_` / `-`).
    private static let suffixes: [(text: [UInt8], kind: Kind, preference: Int)] = [
        (Array("identifiers".utf8), .name, 2), (Array("identifier".utf8), .name, 2),
        (Array("ids".utf8), .id, 1), (Array("id".utf8), .id, 1),
        (Array("names".utf8), .name, 2), (Array("name".utf8), .name, 2),
        (Array("arns".utf8), .name, 0), (Array("arn".utf8), .name, 0),
        (Array("urls".utf8), .name, 2), (Array("url".utf8), .name, 2),
    ]

    /// The bare keys that are identifying by themselves: the suffixes as whole keys. A bare
    /// `identifier` is an opaque id (Recycle Bin's and Performance Insights' `identifier`).
    private static let bareKeys: [(text: [UInt8], kind: Kind, preference: Int)] = suffixes.map {
        ($0.text, $0.text.starts(with: Array("identifier".utf8)) ? .id : $0.kind, $0.preference)
    }

    /// The key's stem and kind when it is identifying: it ends, at a camelCase boundary and in any
    /// letter case, in Id(s), Name(s), Arn(s), Identifier(s) or Url(s), or is a bare name, id or arn
    /// (`guid` and `paid` are not: no boundary before `id`).
    static func identify(_ key: UnsafeRawBufferPointer) -> Identified? {
        // Most keys end in another letter: every suffix ends in d, e, l, n, r or s.
        guard let last = key.last else { return nil }
        switch last | 0x20 {
        case UInt8(ascii: "d"), UInt8(ascii: "e"), UInt8(ascii: "l"), UInt8(ascii: "n"), UInt8(ascii: "r"),
            UInt8(ascii: "s"):
            break
        default: return nil
        }
        for bare in bareKeys where equalIgnoringCase(key, bare.text) {
            return Identified(stemLength: 0, kind: bare.kind, preference: bare.preference)
        }
        for (suffix, kind, preference) in suffixes where key.count > suffix.count && suffix.last == last | 0x20 {
            let start = key.count - suffix.count
            guard equalIgnoringCase(UnsafeRawBufferPointer(rebasing: key[start...]), suffix) else { continue }
            let before = key[start - 1]
            if before == UInt8(ascii: "_") || before == UInt8(ascii: "-") {
                return Identified(stemLength: start - 1, kind: kind, preference: preference)
            }
            // `flowLogId`, `queueURL`, `DBName`: a capital starts the suffix, after a lower-case
            // letter, or after a capital when the suffix goes on in lower case.
            if isUpper(key[start]), !isUpper(before) || !key[(start + 1)...].allSatisfy(isUpper) {
                return Identified(stemLength: start, kind: kind, preference: preference)
            }
            // No boundary (`guid`, `paid`, `hostname`): no other suffix ends the key the same way.
            return nil
        }
        return nil
    }

    /// The noun of a call's name: the name without its leading verb (its first capitalised word) and
    /// trailing version digits (`DeleteFlowLogs` → `FlowLogs`, `ListFunctions20150331` → `Functions`).
    /// Empty when nothing is left.
    static func noun(of call: UnsafeRawBufferPointer) -> Range<Int> {
        var start = 1
        while start < call.count, !isUpper(call[start]) { start += 1 }
        var end = call.count
        while end > start, call[end - 1] >= UInt8(ascii: "0"), call[end - 1] <= UInt8(ascii: "9") { end -= 1 }
        return start..<max(start, end)
    }

    /// How the stem `stem` relates to the noun `noun` (both as written: the noun's capitals mark its
    /// words). Letter case is ignored and a plural noun matches a singular stem.
    static func match(stem: UnsafeRawBufferPointer, noun: UnsafeRawBufferPointer) -> NounMatch {
        guard !stem.isEmpty, !noun.isEmpty else { return .none }
        if sameWord(noun, stem) { return .exact }
        // The noun's words from a capital on: its tail for a suffix match, its head for a prefix one.
        var cut = noun.count - 1
        while cut > 0 {
            if isUpper(noun[cut]), !isUpper(noun[cut - 1]) || cut + 1 < noun.count && !isUpper(noun[cut + 1]) {
                if sameWord(UnsafeRawBufferPointer(rebasing: noun[cut...]), stem) { return .suffix }
            }
            cut -= 1
        }
        if stem.count < noun.count, isUpper(noun[stem.count]),
            equalIgnoringCase(UnsafeRawBufferPointer(rebasing: noun[..<stem.count]), stem)
        {
            return .prefix
        }
        return .none
    }

    /// True when `word` is `stem` or its plural (`-s`, `-es`, `-y` → `-ies`), letter case aside.
    static func sameWord(_ word: UnsafeRawBufferPointer, _ stem: UnsafeRawBufferPointer) -> Bool {
        if equalIgnoringCase(word, stem) { return true }
        let extra = word.count - stem.count
        guard extra == 1 || extra == 2 || extra == 3 else { return false }
        func tail(_ text: String) -> Bool {
            equalIgnoringCase(UnsafeRawBufferPointer(rebasing: word[(word.count - text.utf8.count)...]), text.utf8)
        }
        switch extra {
        case 1: return tail("s") && equalIgnoringCase(UnsafeRawBufferPointer(rebasing: word[..<stem.count]), stem)
        case 2:
            if tail("es") && equalIgnoringCase(UnsafeRawBufferPointer(rebasing: word[..<stem.count]), stem) {
                return true
            }
            return stem.last.map { $0 | 0x20 } == UInt8(ascii: "y") && tail("ies")
                && equalIgnoringCase(
                    UnsafeRawBufferPointer(rebasing: word[..<(stem.count - 1)]),
                    UnsafeRawBufferPointer(rebasing: stem[..<(stem.count - 1)]))
        default: return false
        }
    }

    /// One bit of 64 for a key as the key-class lookup writes it (first letter in lower case), so a
    /// record's key skips the service- and call-scoped lookups when no scoped row ends in it.
    static func keyBit(_ key: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt32 = 2_166_136_261
        for (offset, byte) in key.enumerated() {
            hash = (hash ^ UInt32(offset == 0 && isUpper(byte) ? byte | 0x20 : byte)) &* 16_777_619
        }
        return 1 << UInt64(hash & 63)
    }

    @inline(__always)
    static func isUpper(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }

    /// ASCII letters compared without regard to case (other bytes exactly).
    static func equalIgnoringCase(_ a: UnsafeRawBufferPointer, _ b: some Collection<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        var index = 0
        for other in b {
            let byte = a[index]
            index += 1
            if byte == other { continue }
            guard byte | 0x20 == other | 0x20, (byte | 0x20) >= UInt8(ascii: "a"), (byte | 0x20) <= UInt8(ascii: "z")
            else { return false }
        }
        return true
    }
}
