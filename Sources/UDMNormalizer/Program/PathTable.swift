/// The interned prefixes of one compiled table set as flat arrays, so that resolving a prefix on a
/// record reads plain memory (no class to follow or retain per step).
///
/// A class because it owns the memory and frees it when the table set goes (a value type cannot);
/// `@unchecked Sendable` because the buffers are written only while it is made, then only read.
final class PathTable: @unchecked Sendable {
    /// Parent prefix id per prefix (-1 below the record's root).
    let parent: UnsafeMutableBufferPointer<Int32>
    /// The step below the parent, for key steps: (start, count) of the key and of its alternate
    /// spelling in `keys` (count -1: none), and the element index an array takes it as (-1: none).
    let keyStart: UnsafeMutableBufferPointer<Int32>
    let keyCount: UnsafeMutableBufferPointer<Int32>
    let alternateStart: UnsafeMutableBufferPointer<Int32>
    let alternateCount: UnsafeMutableBufferPointer<Int32>
    let index: UnsafeMutableBufferPointer<Int32>
    let keys: UnsafeMutableBufferPointer<UInt8>
    /// For a `[key=value]` selection (whose key and alternate are those above): where its value
    /// is in `keys`; count -1 for other steps.
    let selectValueStart: UnsafeMutableBufferPointer<Int32>
    let selectValueCount: UnsafeMutableBufferPointer<Int32>
    let owner: ObjectIdentifier
    /// Per parent (prefix id + 1; slot 0 is the record's root): a hash table of its key children,
    /// so that the first lookup below an object resolves every child the tables read in one pass
    /// over the object's members instead of one scan per child. `hashMask[p] < 0`: not batched
    /// (a single child, or a selection below it). Slots hold `child * 2`, or `child * 2 + 1` for
    /// the alternate spelling of a first-letter-any-case key.
    let hashBase: UnsafeMutableBufferPointer<Int32>
    let hashMask: UnsafeMutableBufferPointer<Int32>
    let hashSlots: UnsafeMutableBufferPointer<Int32>
    /// Per parent slot, its key children (for marking the ones an object lacks).
    let childStart: UnsafeMutableBufferPointer<Int32>
    let children: UnsafeMutableBufferPointer<Int32>

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
        owner = ObjectIdentifier(interner)
        parent = .allocate(capacity: count)
        keyStart = .allocate(capacity: count)
        keyCount = .allocate(capacity: count)
        alternateStart = .allocate(capacity: count)
        alternateCount = .allocate(capacity: count)
        index = .allocate(capacity: count)
        selectValueStart = .allocate(capacity: count)
        selectValueCount = .allocate(capacity: count)
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
        keys = .allocate(capacity: max(pool.count, 1))
        _ = keys.initialize(from: pool)

        // Children per parent slot; a parent is batched when it has enough plain key children.
        var childLists = Array(repeating: [Int32](), count: count + 1)
        var batchable = Array(repeating: true, count: count + 1)
        for id in 0..<count {
            let slot = Int(parent[id]) + 1
            if keyCount[id] < 0 || selectValueCount[id] >= 0 { batchable[slot] = false }
            childLists[slot].append(Int32(id))
        }
        hashBase = .allocate(capacity: count + 1)
        hashMask = .allocate(capacity: count + 1)
        childStart = .allocate(capacity: count + 2)
        children = .allocate(capacity: max(count, 1))
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
                let key = UnsafeRawBufferPointer(
                    rebasing: UnsafeRawBufferPointer(keys)[spelling.start..<spelling.start + spelling.count])
                var position = Int(Self.hash(key)) & (size - 1)
                while slots[base + position] >= 0 { position = (position + 1) & (size - 1) }
                slots[base + position] = spelling.entry
            }
            hashBase[slot] = Int32(base)
            hashMask[slot] = Int32(size - 1)
        }
        childStart[count + 1] = Int32(childCount)
        hashSlots = .allocate(capacity: max(slots.count, 1))
        _ = hashSlots.initialize(from: slots)
    }

    deinit {
        for buffer in [
            parent, keyStart, keyCount, alternateStart, alternateCount, index, selectValueStart, selectValueCount,
            hashBase, hashMask, hashSlots, childStart, children,
        ] {
            buffer.deallocate()
        }
        keys.deallocate()
    }

    var count: Int { parent.count }
}
