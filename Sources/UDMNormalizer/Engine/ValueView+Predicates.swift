/// The value predicates of `| when` (`is_ip`, `is_not_empty`, `is_not_zero`), in one place for the
/// program's conditions and the compiled conditions that `@match` and `@check` still evaluate.
extension ValueView {
    /// `is_ip`: an IPv4 or IPv6 address.
    func isIPAddress(in document: JSONDocument) -> Bool {
        switch self {
        case .node(let node) where document.kind(node) == .string && !document.hasEscapes(node):
            return document.withRawBytes(node) { IPAddress.isValid(utf8: $0) }
        case .node(let node):
            return IPAddress.isValid(document.scalarText(node))
        case .bytes(let bytes):
            return IPAddress.isValid(utf8: UnsafeRawBufferPointer(bytes))
        }
    }

    /// `is_not_empty`: not null, "", {} or [].
    func isNotEmpty(in document: JSONDocument) -> Bool {
        switch self {
        case .node(let node): return !document.isEmptyValue(node)
        case .bytes(let bytes): return !bytes.isEmpty
        }
    }

    /// `is_not_zero`: not the number 0 (`0`, `0.0`, `-0`, also as text); other values hold.
    func isNotZero(in document: JSONDocument) -> Bool {
        let text: String
        switch self {
        case .node(let node):
            guard document.kind(node) == .number || document.kind(node) == .string else { return true }
            text = document.scalarText(node)
        case .bytes(let bytes): text = String(decoding: bytes, as: UTF8.self)
        }
        return JSONNumber.double(text) != 0
    }
}
