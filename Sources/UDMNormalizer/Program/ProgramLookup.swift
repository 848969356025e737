/// A `@lookup` table as the program reads it: keys and values are UTF-8 in `MappingProgram.bytes`,
/// exact and prefix keys sit in an open-addressed hash table, so a record's value is looked up on
/// its bytes with no `String` made.
struct ProgramLookup: Sendable {
    enum Kind: UInt8, Sendable { case exact, prefix, range }

    var kind: Kind
    /// Exact and prefix tables: slots `slotStart ... slotStart + slotMask` of
    /// `MappingProgram.lookupSlots`, each a number into `MappingProgram.lookupRows` or -1.
    var slotStart: Int32
    var slotMask: Int32
    /// Range tables: their rows in `MappingProgram.lookupRanges`, in table order.
    var rangeStart: Int32
    var rangeCount: Int32
    /// The value a miss gives, when `hasDefault` (`default empty`: a miss gives no value).
    var defaultValue: ProgramBytes
    var hasDefault: Bool
}

/// An exact or prefix row of a lookup; `row` numbers its `file:line` in `MappingProgram.lookupRowIDs`.
struct ProgramLookupRow: Sendable {
    var key: ProgramBytes
    var value: ProgramBytes
    var row: Int32
}

/// A numeric range row of a lookup; `row` numbers its `file:line` in `MappingProgram.lookupRowIDs`.
struct ProgramLookupRange: Sendable {
    var lower: Double
    var upper: Double
    var lowerInclusive: Bool
    var upperInclusive: Bool
    var value: ProgramBytes
    var row: Int32

    func contains(_ x: Double) -> Bool {
        (lowerInclusive ? x >= lower : x > lower) && (upperInclusive ? x <= upper : x < upper)
    }
}

extension MappingProgram.View {
    /// The length of the longest key of prefix table `table` that `key` starts with (cut at character
    /// boundaries); nil when none does.
    func lookUpPrefixLength(_ table: Int32, key: UnsafeRawBufferPointer) -> Int? {
        let lookup = lookups[Int(table)]
        var length = key.count
        while length > 0 {
            if length == key.count || key[length] & 0xC0 != 0x80,
                lookupRow(lookup, key: UnsafeRawBufferPointer(rebasing: key[..<length])) != nil
            {
                return length
            }
            length -= 1
        }
        return nil
    }

    /// The value lookup `table` gives for `key` and the number of the row it came from (-1: the
    /// default); nil on a miss without default. A prefix table takes the longest key the value
    /// starts with (cut at character boundaries); a range table reads the value as a number.
    func lookUp(_ table: Int32, key: UnsafeRawBufferPointer) -> (value: ProgramBytes, row: Int32)? {
        let lookup = lookups[Int(table)]
        switch lookup.kind {
        case .exact:
            if let row = lookupRow(lookup, key: key) { return (row.value, row.row) }
        case .prefix:
            var length = key.count
            while length > 0 {
                // A UTF-8 continuation byte after the cut would split a character.
                if length == key.count || key[length] & 0xC0 != 0x80,
                    let row = lookupRow(lookup, key: UnsafeRawBufferPointer(rebasing: key[..<length]))
                {
                    return (row.value, row.row)
                }
                length -= 1
            }
        case .range:
            if let number = JSONNumber.double(utf8: key) {
                let start = Int(lookup.rangeStart)
                for range in lookupRanges[start..<start + Int(lookup.rangeCount)] where range.contains(number) {
                    return (range.value, range.row)
                }
            }
        }
        return lookup.hasDefault ? (lookup.defaultValue, -1) : nil
    }

    /// The exact row of `lookup` whose key is `key`.
    private func lookupRow(_ lookup: ProgramLookup, key: UnsafeRawBufferPointer) -> ProgramLookupRow? {
        let mask = Int(lookup.slotMask)
        guard mask >= 0 else { return nil }
        var position = Int(PathTable.hash(key)) & mask
        while true {
            let entry = Int(lookupSlots[Int(lookup.slotStart) + position])
            if entry < 0 { return nil }
            let row = lookupRows[entry]
            if ByteMatch.equal(UnsafeRawBufferPointer(bytes(row.key)), key) { return row }
            position = (position + 1) & mask
        }
    }
}
