/// The JSON texts inside one record's strings that have been read, by the node of the string, so
/// that a text is parsed once per record: redaction reads GuardDuty's `additionalInfo.value` to look
/// for secrets inside, and the `| json_text` rules then take their members from that same read.
///
/// Node numbers belong to one parsed record: when redaction replaced a secret the record is parsed
/// anew, and the reads made before are not carried over (see `Normalizer`).
struct JSONTextReads: Sendable {
    /// A record has one or two such strings: a list searched in order beats a dictionary.
    private var reads: [(node: Int, document: JSONDocument?)] = []

    /// The read of the string at `node`: the parsed text, or `.some(nil)` when it is not JSON; nil
    /// when the string has not been read.
    func read(of node: Int) -> JSONDocument?? {
        for read in reads where read.node == node { return .some(read.document) }
        return nil
    }

    /// Remembers the read of the string at `node` (nil: the text is not JSON).
    mutating func remember(_ document: JSONDocument?, of node: Int) {
        guard read(of: node) == nil else { return }
        reads.append((node, document))
    }
}
