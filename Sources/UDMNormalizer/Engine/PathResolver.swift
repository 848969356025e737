#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Resolves source paths on one record, remembering each prefix it resolved. One per record;
/// not shared between threads.
final class PathResolver {
    let document: JSONDocument
    let root: Int
    /// Keeps the prefix table alive; the hot path reads the copies of its buffers below, which
    /// need no reference counting.
    private let table: PathTable
    private let parent: UnsafeBufferPointer<Int32>
    private let keyStart: UnsafeBufferPointer<Int32>
    private let keyCount: UnsafeBufferPointer<Int32>
    private let alternateStart: UnsafeBufferPointer<Int32>
    private let alternateCount: UnsafeBufferPointer<Int32>
    private let elementIndex: UnsafeBufferPointer<Int32>
    private let selectValueStart: UnsafeBufferPointer<Int32>
    private let selectValueCount: UnsafeBufferPointer<Int32>
    private let keys: UnsafeRawBufferPointer
    private let hashBase: UnsafeBufferPointer<Int32>
    private let hashMask: UnsafeBufferPointer<Int32>
    private let hashSlots: UnsafeBufferPointer<Int32>
    private let childStart: UnsafeBufferPointer<Int32>
    private let children: UnsafeBufferPointer<Int32>
    /// Resolved node per prefix id (`unknown`, `absent` or the node).
    private let memo: UnsafeMutableBufferPointer<Int32>
    private let prefixCount: Int

    private static let unknown: Int32 = -2
    private static let absent: Int32 = -1

    init(document: JSONDocument, root: Int, mappings: MappingSet) {
        let table = mappings.pathTable
        self.document = document
        self.root = root
        self.table = table
        prefixCount = table.count
        parent = table.parent.buffer
        keyStart = table.keyStart.buffer
        keyCount = table.keyCount.buffer
        alternateStart = table.alternateStart.buffer
        alternateCount = table.alternateCount.buffer
        elementIndex = table.index.buffer
        selectValueStart = table.selectValueStart.buffer
        selectValueCount = table.selectValueCount.buffer
        keys = UnsafeRawBufferPointer(table.keys.buffer)
        hashBase = table.hashBase.buffer
        hashMask = table.hashMask.buffer
        hashSlots = table.hashSlots.buffer
        childStart = table.childStart.buffer
        children = table.children.buffer
        // The second half holds alternate-spelling matches while a parent's children are resolved.
        memo = .allocate(capacity: table.count * 2)
        memo.initialize(repeating: Self.unknown)
    }

    deinit {
        memo.deallocate()
    }

    /// The node of interned prefix `id`, or -1 when the record lacks it. Inlined: most calls find
    /// the answer memoized, and the call itself cost more than the look-up.
    @inline(__always)
    func resolve(prefix id: Int) -> Int {
        let known = memo[id]
        if known != Self.unknown { return Int(known) }
        return resolveFirstTime(prefix: id)
    }

    /// Resolves prefix `id` on the record (its parent first) and memoizes the answer.
    @inline(never)
    private func resolveFirstTime(prefix id: Int) -> Int {
        let parentID = Int(parent[id])
        let base = parentID < 0 ? root : resolve(prefix: parentID)
        if base >= 0, hashMask[parentID + 1] >= 0, document.kind(base) == .object {
            resolveChildren(of: parentID + 1, object: base)
            return Int(memo[id])
        }
        var result = -1
        if base >= 0 {
            let count = Int(keyCount[id])
            if selectValueCount[id] >= 0 {
                func bytes(_ start: Int32, _ count: Int32) -> UnsafeRawBufferPointer {
                    UnsafeRawBufferPointer(rebasing: keys[Int(start)..<Int(start + count)])
                }
                result = selected(
                    in: base, key: bytes(keyStart[id], keyCount[id]),
                    alternate: alternateCount[id] >= 0 ? bytes(alternateStart[id], alternateCount[id]) : nil,
                    value: bytes(selectValueStart[id], selectValueCount[id]))
            } else if count >= 0 {
                switch document.kind(base) {
                case .object:
                    let start = Int(keyStart[id])
                    if let found = document.member(
                        base, keyBytes: UnsafeRawBufferPointer(rebasing: keys[start..<start + count]))
                    {
                        result = found
                    } else if alternateCount[id] >= 0 {
                        let start = Int(alternateStart[id])
                        let alternate = UnsafeRawBufferPointer(rebasing: keys[start..<start + Int(alternateCount[id])])
                        result = document.member(base, keyBytes: alternate) ?? -1
                    }
                case .array:
                    let element = Int(elementIndex[id])
                    if element >= 0 { result = document.element(base, at: element) ?? -1 }
                default:
                    break
                }
            }
        }
        memo[id] = Int32(result)
        return result
    }

    /// Resolves every key child of parent slot `slot` in one pass over `object`'s members: each
    /// member key is hashed and looked up among the children. A later duplicate key overwrites an
    /// earlier one, so the last occurrence wins, as in `JSONDocument.member`.
    private func resolveChildren(of slot: Int, object: Int) {
        let base = Int(hashBase[slot])
        let mask = Int(hashMask[slot])
        let childRange = Int(childStart[slot])..<Int(childStart[slot + 1])
        for position in childRange {
            let child = Int(children[position])
            memo[child] = Self.absent
            memo[prefixCount + child] = Self.absent
        }
        document.forEachMemberKey(object) { key, value in match(key, value: value, base: base, mask: mask) }
        // The exact key wins over its alternate spelling, as in the one-child lookup.
        for position in childRange {
            let child = Int(children[position])
            if memo[child] == Self.absent { memo[child] = memo[prefixCount + child] }
        }
    }

    @inline(__always)
    private func match(_ bytes: UnsafeRawBufferPointer, value: Int, base: Int, mask: Int) {
        var position = Int(PathTable.hash(bytes)) & mask
        while true {
            let entry = Int(hashSlots[base + position])
            if entry < 0 { return }
            let child = entry >> 1
            let isAlternate = entry & 1 == 1
            let start = Int(isAlternate ? alternateStart[child] : keyStart[child])
            let count = Int(isAlternate ? alternateCount[child] : keyCount[child])
            // No early return: two prefixes may share a spelling (the same key read by an exact table
            // and by a first-letter-any-case one), and each must get the value.
            if count == bytes.count, count == 0 || memcmp(bytes.baseAddress!, keys.baseAddress! + start, count) == 0 {
                memo[isAlternate ? prefixCount + child : child] = Int32(value)
            }
            position = (position + 1) & mask
        }
    }
}
