import Foundation

/// The redaction directives of one mapping file, as written:
///
/// - `@redact KEY  # reason`: string values under an object key equal to KEY (compared without case,
///   `_` or `-`) are replaced by `[redacted:KEY]`;
/// - `@redact_value SHAPE  # reason`: a secret recognised by its shape inside any string
///   (`pem_private_key`, `bearer_token`) is replaced, the rest of the string kept;
/// - `@redact_json_text PATH`: a string at PATH holding JSON text is read as JSON and redacted inside;
/// - `@redact_keep "VALUE", …`: placeholders AWS writes instead of a secret, kept as they are;
/// - `@unredact NAME`: removes a `@redact` or `@redact_value` entry of the tables below this one.
struct RedactionSyntax: Sendable {
    /// One directive's argument, with the comment that gives its reason and where it was written.
    struct Entry: Sendable {
        var name: String
        var reason: String
        var location: TableLocation
    }

    var keys: [Entry] = []
    var shapes: [Entry] = []
    var jsonTextPaths: [Entry] = []
    var placeholders: [String] = []
    var removals: [Entry] = []

    var isEmpty: Bool {
        keys.isEmpty && shapes.isEmpty && jsonTextPaths.isEmpty && placeholders.isEmpty && removals.isEmpty
    }

    mutating func append(contentsOf other: RedactionSyntax) {
        keys += other.keys
        shapes += other.shapes
        jsonTextPaths += other.jsonTextPaths
        placeholders += other.placeholders
        removals += other.removals
    }
}

extension MappingParser {
    /// The directive names handled by ``parseRedaction(_:cursor:line:location:into:)``.
    static let redactionDirectives: Set<String> = [
        "redact", "redact_value", "redact_json_text", "redact_keep", "unredact",
    ]

    /// Parses one redaction directive's argument into `syntax`.
    static func parseRedaction(
        _ directive: String, cursor: inout TokenCursor, line: ArraySlice<UInt8>, location: TableLocation,
        into syntax: inout RedactionSyntax
    ) throws(MappingError) {
        let reason = splitComment(line).comment.trimmingCharacters(in: .whitespaces)
        switch directive {
        case "redact_keep":
            repeat {
                syntax.placeholders.append(try cursor.expectValue())
            } while cursor.skip(symbol: ",")
        default:
            let column = cursor.column
            let name = try cursor.expectWord(directive == "redact_json_text" ? "a source path" : "a key name")
            let entry = RedactionSyntax.Entry(
                name: name, reason: reason,
                location: TableLocation(file: location.file, line: location.line, column: column))
            switch directive {
            case "redact":
                guard name.utf8.allSatisfy({ RedactionSyntax.isNameByte($0) }) else {
                    throw location.error(
                        "'@redact' takes one key name of letters, digits, '_' and '-', not '\(name)'", column: column)
                }
                syntax.keys.append(entry)
            case "redact_value":
                guard RedactionShape(rawValue: name) != nil else {
                    throw location.error(
                        "unknown value shape '\(name)' (expected \(RedactionShape.allCases.map(\.rawValue).joined(separator: " or ")))",
                        column: column)
                }
                syntax.shapes.append(entry)
            case "redact_json_text": syntax.jsonTextPaths.append(entry)
            default: syntax.removals.append(entry)
            }
        }
    }
}

extension RedactionSyntax {
    /// Key names are written plainly: letters, digits, `_` and `-`.
    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default: return false
        }
    }
}
