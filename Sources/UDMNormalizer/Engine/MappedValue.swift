/// A value flowing through a rule: still a node of the record (copied to the output without
/// decoding when possible), or text a transform or constant produced, held in the event's arena.
enum MappedValue: Sendable {
    case node(Int)
    case text(TextRef)
}

/// A rule's current value as a value condition (`is_ip`, `is_not_empty`) sees it.
enum ValueView {
    case node(Int)
    case bytes(UnsafeBufferPointer<UInt8>)
}
