import Foundation
import UDMNormalizer

/// Writes failed records as NDJSON: `{"origin":…,"reason":…,"raw":…}` (or `raw_base64` when the
/// bytes are not UTF-8), so each failed record can be recovered byte for byte.
struct DeadLetterWriter {
    let output: OutputFile

    func write(origin: String, reason: String, raw: [UInt8]) {
        var line = #"{"origin":"# + JSONText.quoted(origin) + #","reason":"# + JSONText.quoted(reason)
        if let text = String(validating: raw, as: UTF8.self) {
            line += #","raw":"# + JSONText.quoted(text)
        } else {
            line += #","raw_base64":""# + Data(raw).base64EncodedString() + "\""
        }
        output.write(line + "}\n")
    }
}
