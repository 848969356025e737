/// The interned prefixes of one compiled table set as flat arrays, so that resolving a prefix on a
/// record reads plain memory (no class to follow or retain per step).
///
/// Its arrays are ``FrozenArray``s: made once, then only read, by any thread.
final class PathTable: Sendable {
    /// Parent prefix id per prefix (-1 below the record's root).
    let parent: FrozenArray<Int32>
    /// The step below the parent, for key steps: (start, count) of the key and of its alternate
    /// spelling in `keys` (count -1: none), and the element index an array takes it as (-1: none).
    let keyStart: FrozenArray<Int32>
    let keyCount: FrozenArray<Int32>
    let alternateStart: FrozenArray<Int32>
    let alternateCount: FrozenArray<Int32>
    let index: FrozenArray<Int32>
    let keys: FrozenArray<UInt8>
    /// For a `[key=value]` selection (whose key and alternate are those above): where its value
    /// is in `keys`; count -1 for other steps.
    let selectValueStart: FrozenArray<Int32>
    let selectValueCount: FrozenArray<Int32>
    /// Per parent (prefix id + 1; slot 0 is the record's root): a hash table of its key children,
    /// so that the first lookup below an object resolves every child the tables read in one pass
    /// over the object's members instead of one scan per child. `hashMask[p] < 0`: not batched
    /// (a single child, or a selection below it). Slots hold `child * 2`, or `child * 2 + 1` for
    /// the alternate spelling of a first-letter-any-case key.
    let hashBase: FrozenArray<Int32>
    let hashMask: FrozenArray<Int32>
    let hashSlots: FrozenArray<Int32>
    /// Per parent slot, its key children (for marking the ones an object lacks).
    let childStart: FrozenArray<Int32>
    let children: FrozenArray<Int32>

    /// Mixes the length with the first and last eight bytes: a few loads and multiplies per key,
    /// and JSON keys of one object rarely agree on all three.
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        let count = bytes.count
        var head: UInt64 = 0
        var tail: UInt64 = 0
        if let base = bytes.baseAddress {
            if count >= 8 {
                head = base.loadUnaligned(as: UInt64.self)
                tail = base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            } else {
                for index in 0..<count { head = head << 8 | UInt64(base.load(fromByteOffset: index, as: UInt8.self)) }
            }
        }
        let mixed = (head &* 0x9E37_79B9_7F4A_7C15) ^ (tail &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(count)
        return UInt32(truncatingIfNeeded: (mixed ^ (mixed >> 29)) &* 0xBF58_476D_1CE4_E5B9 >> 32)
    }

    init(_ interner: PathInterner) {
        let count = interner.count
        var parent = [Int32](repeating: -1, count: count)
        var keyStart = parent
        var keyCount = parent
        var alternateStart = parent
        var alternateCount = parent
        var index = parent
        var selectValueStart = parent
        var selectValueCount = parent
        var pool: [UInt8] = []
        for prefix in interner.prefixes {
            let id = prefix.id
            parent[id] = Int32(prefix.parent?.id ?? -1)
            keyStart[id] = 0
            keyCount[id] = -2
            alternateStart[id] = 0
            alternateCount[id] = -1
            index[id] = -1
            selectValueStart[id] = 0
            selectValueCount[id] = -1
            let name: [UInt8]
            let alternate: [UInt8]?
            switch prefix.step {
            case .key(let key, let elementIndex, let other):
                (name, alternate) = (key, other)
                index[id] = Int32(elementIndex ?? -1)
            case .select(let key, let value, let other):
                (name, alternate) = (key, other)
                selectValueStart[id] = Int32(pool.count)
                selectValueCount[id] = Int32(value.utf8.count)
                pool.append(contentsOf: value.utf8)
            case .each:
                continue
            }
            keyStart[id] = Int32(pool.count)
            keyCount[id] = Int32(name.count)
            pool.append(contentsOf: name)
            if let alternate {
                alternateStart[id] = Int32(pool.count)
                alternateCount[id] = Int32(alternate.count)
                pool.append(contentsOf: alternate)
            }
        }
        let keys = pool

        // Children per parent slot; a parent is batched when it has enough plain key children.
        var childLists = Array(repeating: [Int32](), count: count + 1)
        var batchable = Array(repeating: true, count: count + 1)
        for id in 0..<count {
            let slot = Int(parent[id]) + 1
            if keyCount[id] < 0 || selectValueCount[id] >= 0 { batchable[slot] = false }
            childLists[slot].append(Int32(id))
        }
        var hashBase = [Int32](repeating: 0, count: count + 1)
        var hashMask = hashBase
        var childStart = [Int32](repeating: 0, count: count + 2)
        var children = [Int32](repeating: 0, count: count)
        var slots: [Int32] = []
        var childCount = 0
        for slot in 0...count {
            childStart[slot] = Int32(childCount)
            for child in childLists[slot] {
                children[childCount] = child
                childCount += 1
            }
            let list = childLists[slot]
            guard batchable[slot], list.count >= 2 else {
                hashBase[slot] = 0
                hashMask[slot] = -1
                continue
            }
            // Entries are `child * 2`, or `child * 2 + 1` for the alternate spelling of its key.
            var spellings: [(entry: Int32, start: Int, count: Int)] = []
            for child in list {
                spellings.append((child * 2, Int(keyStart[Int(child)]), Int(keyCount[Int(child)])))
                if alternateCount[Int(child)] >= 0 {
                    spellings.append((child * 2 + 1, Int(alternateStart[Int(child)]), Int(alternateCount[Int(child)])))
                }
            }
            var size = 4
            while size < spellings.count * 2 { size *= 2 }
            let base = slots.count
            slots.append(contentsOf: repeatElement(-1, count: size))
            for spelling in spellings {
                let hash = keys.withUnsafeBytes {
                    Self.hash(UnsafeRawBufferPointer(rebasing: $0[spelling.start..<spelling.start + spelling.count]))
                }
                var position = Int(hash) & (size - 1)
                while slots[base + position] >= 0 { position = (position + 1) & (size - 1) }
                slots[base + position] = spelling.entry
            }
            hashBase[slot] = Int32(base)
            hashMask[slot] = Int32(size - 1)
        }
        childStart[count + 1] = Int32(childCount)
        self.parent = FrozenArray(parent)
        self.keyStart = FrozenArray(keyStart)
        self.keyCount = FrozenArray(keyCount)
        self.alternateStart = FrozenArray(alternateStart)
        self.alternateCount = FrozenArray(alternateCount)
        self.index = FrozenArray(index)
        self.keys = FrozenArray(keys)
        self.selectValueStart = FrozenArray(selectValueStart)
        self.selectValueCount = FrozenArray(selectValueCount)
        self.hashBase = FrozenArray(hashBase)
        self.hashMask = FrozenArray(hashMask)
        self.hashSlots = FrozenArray(slots)
        self.childStart = FrozenArray(childStart)
        self.children = FrozenArray(children)
    }

    var count: Int { parent.count }
}
