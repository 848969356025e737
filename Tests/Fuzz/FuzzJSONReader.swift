// libFuzzer target for the JSON reader, built outside SwiftPM by .ci/fuzz (SwiftPM's executable
// `main` clashes with libFuzzer's). Any input must parse or throw a positioned error; a node's
// decoded string and the escaper must never trap.

/// Parses one fuzz input as JSON. The entry point libFuzzer calls.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let document = try JSONParser.parse(bytes, limits: .init(maxDepth: 200))
        var out: [UInt8] = []
        for index in document.tape.indices where document.kind(index) == .string {
            _ = document.string(index)
            JSONStringEscaper.appendQuoted(node: index, of: document, to: &out)
        }
        precondition(document.tape.count > 0)
    } catch {
        precondition(error.offset >= 0 && error.offset <= bytes.count, "error offset outside the input")
    }
    return 0
}
