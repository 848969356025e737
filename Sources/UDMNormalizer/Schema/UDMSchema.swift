/// The UDM (Unified Data Model) schema: every message, its fields in proto order, and every enum.
///
/// The built-in instance is parsed from `generatedText` (see `UDMSchema+Generated.swift`), a compact
/// line-oriented text rather than Swift collection literals, because literals of this size make the
/// type checker crawl. The text format, one record per line, fields separated by single spaces:
///
/// ```text
/// # comment                                  ignored, as are empty lines
/// E <EnumType> <VALUE> <VALUE> …             a proto enum type and its values, e.g. `E Metadata.EventType …`
/// M <Message>                                starts a message; the `F` lines after it are its fields
/// F <field> <r|-> <d|-> <type>               r = repeated, d = deprecated; type is one of
///                                            string bool int32 int64 uint32 uint64 float double bytes
///                                            timestamp duration struct enum:<EnumType> message:<Message>
///                                            other:<free text to end of line>
/// R <EVENT_TYPE> <req>;<req>;…               required fields per event type (see `EventTypeRequirements`)
/// ```
///
/// `enum:` and `message:` may refer to names defined later in the text; `M UDM` must be present.
final class UDMSchema: Sendable {
    /// The type of a field. `enumeration` and `message` carry indices into `enums` / `messages`.
    enum FieldType: Sendable, Hashable {
        case string, bool, int32, int64, uint32, uint64, float, double, bytes, timestamp, duration
        /// Index into `UDMSchema.enums`.
        case enumeration(Int)
        /// Index into `UDMSchema.messages`.
        case message(Int)
        /// `google.protobuf.Struct`: a free JSON object (`additional`, `extracted`, `structured_fields`).
        case structObject
        /// Types a normalizer treats as opaque (maps, `Interval`), by their proto spelling.
        case other(String)
    }

    /// One field of a message.
    struct Field: Sendable {
        let name: String
        let type: FieldType
        let isRepeated: Bool
        let isDeprecated: Bool
        /// Zero-based position in its message, in proto declaration order (equal to its index in `Message.fields`).
        let ordinal: Int
    }

    /// A UDM message type, e.g. `Noun` or `SecurityResult.Association`.
    struct Message: Sendable {
        let name: String
        let fields: [Field]
        private let indexByName: [String: Int]

        /// `indexByName`: each field's position in `fields`, by name (built while the fields are read,
        /// where it also finds duplicates).
        init(name: String, fields: [Field], indexByName: [String: Int]) {
            self.name = name
            self.fields = fields
            self.indexByName = indexByName
        }

        /// The index of the field called `name` in `fields`, or nil.
        func fieldIndex(named name: String) -> Int? {
            indexByName[name]
        }
    }

    /// A proto enum type, e.g. `Metadata.EventType`, with its values in proto order.
    struct Enumeration: Sendable {
        let name: String
        let values: [String]
        private let valueSet: Set<String>

        init(name: String, values: [String]) {
            self.name = name
            self.values = values
            self.valueSet = Set(values)
        }

        /// Whether `value` is one of this enum's values (exact, case-sensitive).
        func contains(_ value: String) -> Bool {
            valueSet.contains(value)
        }
    }

    /// One step of a resolved path: field `field` of message `message` (both indices).
    struct FieldStep: Sendable, Hashable {
        let message: Int
        let field: Int
    }

    let messages: [Message]
    let enums: [Enumeration]
    /// Index of the root message `UDM`.
    let rootMessage: Int
    private let messageIndexByName: [String: Int]
    /// Every field's output facts in flat arrays, for the writers' hot loop (no nested array to
    /// retain per field): see `OutputLayout`.
    let layout: OutputLayout
    /// The steps to `metadata.event_type`, resolved once: every rendered event reports its type.
    let eventTypeSteps: [FieldStep]

    /// The schema built into the library, parsed once on first use.
    static let builtin: UDMSchema = {
        do {
            return try UDMSchema(generatedText: generatedText)
        } catch {
            // The committed text is checked by the test suite, so failing here means a broken build artefact.
            fatalError("built-in UDM schema text is invalid: \(error)")
        }
    }()

    /// The index of the message called `name` (e.g. `Noun`, `SecurityResult.Association`), or nil.
    func messageIndex(named name: String) -> Int? {
        messageIndexByName[name]
    }

    /// The field a step points at.
    func field(_ step: FieldStep) -> Field {
        messages[step.message].fields[step.field]
    }

    /// "principal.user.userid" → steps from the root; nil when a segment is not a field (or descends into a non-message).
    ///
    /// Repeated message fields may be descended into (`security_result.about.user.userid`), because a
    /// path names a field of each element, not an element.
    func resolve(_ dottedPath: String) -> [FieldStep]? {
        Self.resolve(dottedPath, in: messages, root: rootMessage)
    }

    private static func resolve(_ dottedPath: String, in messages: [Message], root: Int) -> [FieldStep]? {
        var steps: [FieldStep] = []
        var current = root
        for segment in dottedPath.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
            if let previous = steps.last {
                // Only a message field has fields below it.
                guard case .message(let next) = messages[previous.message].fields[previous.field].type else {
                    return nil
                }
                current = next
            }
            guard let index = messages[current].fieldIndex(named: String(decoding: segment, as: UTF8.self)) else {
                return nil
            }
            steps.append(FieldStep(message: current, field: index))
        }
        return steps.isEmpty ? nil : steps
    }

    /// Parses the compact schema text described on `UDMSchema`; `R` lines are skipped here
    /// (`EventTypeRequirements` reads them).
    init(generatedText text: String) throws(SchemaTextError) {
        struct PendingField {
            let name: String
            let typeToken: String
            let isRepeated: Bool
            let isDeprecated: Bool
            let line: Int
        }
        struct PendingMessage {
            let name: String
            var fields: [PendingField] = []
            var indexByName: [String: Int] = [:]
        }

        var pendingMessages: [PendingMessage] = []
        var messageIndexByName: [String: Int] = [:]
        var enums: [Enumeration] = []
        var enumIndexByName: [String: Int] = [:]

        var lineNumber = 0
        // One pass over the bytes, each line's words read in place: the text is parsed at every
        // start-up, and splitting it into arrays of lines and words cost more than reading it.
        let bytes = Array(text.utf8)
        let space = UInt8(ascii: " ")
        var lineStart = 0
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            defer { lineStart = lineEnd + 1 }
            lineNumber += 1
            let line = bytes[lineStart..<lineEnd]
            var cursor = lineStart
            /// The next word of the line (runs of spaces separate words), nil at its end.
            func nextWord() -> ArraySlice<UInt8>? {
                while cursor < lineEnd, bytes[cursor] == space { cursor += 1 }
                guard cursor < lineEnd else { return nil }
                let start = cursor
                while cursor < lineEnd, bytes[cursor] != space { cursor += 1 }
                return bytes[start..<cursor]
            }
            func string(_ word: ArraySlice<UInt8>) -> String { String(decoding: word, as: UTF8.self) }
            guard let tag = nextWord(), let tagByte = tag.first, tagByte != UInt8(ascii: "#") else {
                continue  // empty line or comment
            }
            guard tag.count == 1 else {
                throw SchemaTextError(line: lineNumber, message: "unknown record '\(string(line))'")
            }
            switch tagByte {
            case UInt8(ascii: "R"):
                continue
            case UInt8(ascii: "E"):
                guard let nameWord = nextWord(), let first = nextWord() else {
                    throw SchemaTextError(line: lineNumber, message: "enum needs a name and at least one value")
                }
                let name = string(nameWord)
                guard enumIndexByName[name] == nil else {
                    throw SchemaTextError(line: lineNumber, message: "duplicate enum \(name)")
                }
                var values = [string(first)]
                while let value = nextWord() { values.append(string(value)) }
                enumIndexByName[name] = enums.count
                enums.append(Enumeration(name: name, values: values))
            case UInt8(ascii: "M"):
                guard let nameWord = nextWord(), nextWord() == nil else {
                    throw SchemaTextError(line: lineNumber, message: "message line needs exactly a name")
                }
                let name = string(nameWord)
                guard messageIndexByName[name] == nil else {
                    throw SchemaTextError(line: lineNumber, message: "duplicate message \(name)")
                }
                messageIndexByName[name] = pendingMessages.count
                pendingMessages.append(PendingMessage(name: name))
            case UInt8(ascii: "F"):
                guard !pendingMessages.isEmpty else {
                    throw SchemaTextError(line: lineNumber, message: "field before any message")
                }
                guard let nameWord = nextWord(), let repeated = nextWord(), let deprecated = nextWord(),
                    let typeWord = nextWord()
                else {
                    throw SchemaTextError(line: lineNumber, message: "field line needs: F <field> <r|-> <d|-> <type>")
                }
                let name = string(nameWord)
                let isRepeated = try Self.flag(repeated, set: "r", line: lineNumber)
                let isDeprecated = try Self.flag(deprecated, set: "d", line: lineNumber)
                // Only `other:` types may contain spaces (e.g. a map type), so the rest of the line is the type.
                var typeToken = string(typeWord)
                while let more = nextWord() { typeToken += " " + string(more) }
                let last = pendingMessages.count - 1
                let position = pendingMessages[last].fields.count
                guard pendingMessages[last].indexByName.updateValue(position, forKey: name) == nil else {
                    throw SchemaTextError(
                        line: lineNumber, message: "duplicate field \(name) in \(pendingMessages[last].name)")
                }
                pendingMessages[last].fields.append(
                    PendingField(
                        name: name, typeToken: typeToken, isRepeated: isRepeated, isDeprecated: isDeprecated,
                        line: lineNumber))
            default:
                throw SchemaTextError(line: lineNumber, message: "unknown record '\(string(line))'")
            }
        }

        // Types are resolved after the whole text is read so that references may point forward.
        var messages: [Message] = []
        messages.reserveCapacity(pendingMessages.count)
        for pending in pendingMessages {
            var fields: [Field] = []
            fields.reserveCapacity(pending.fields.count)
            for field in pending.fields {
                let type = try Self.fieldType(
                    field.typeToken, messages: messageIndexByName, enums: enumIndexByName, line: field.line)
                fields.append(
                    Field(
                        name: field.name, type: type, isRepeated: field.isRepeated,
                        isDeprecated: field.isDeprecated, ordinal: fields.count))
            }
            messages.append(Message(name: pending.name, fields: fields, indexByName: pending.indexByName))
        }
        guard let root = messageIndexByName["UDM"] else {
            throw SchemaTextError(line: lineNumber, message: "no root message UDM")
        }
        self.messages = messages
        self.enums = enums
        self.rootMessage = root
        self.messageIndexByName = messageIndexByName
        self.layout = OutputLayout(messages: messages)
        guard let eventType = Self.resolve(UDMValidator.eventTypePath, in: messages, root: root) else {
            throw SchemaTextError(line: lineNumber, message: "no field metadata.event_type")
        }
        self.eventTypeSteps = eventType
    }

    private static func flag(_ word: ArraySlice<UInt8>, set: Unicode.Scalar, line: Int) throws(SchemaTextError) -> Bool
    {
        if word.elementsEqual(CollectionOfOne(UInt8(ascii: "-"))) { return false }
        if word.elementsEqual(CollectionOfOne(UInt8(ascii: set))) { return true }
        throw SchemaTextError(
            line: line, message: "flag must be '\(set)' or '-', not '\(String(decoding: word, as: UTF8.self))'")
    }

    private static func fieldType(
        _ token: String, messages: [String: Int], enums: [String: Int], line: Int
    ) throws(SchemaTextError) -> FieldType {
        switch token {
        case "string": return .string
        case "bool": return .bool
        case "int32": return .int32
        case "int64": return .int64
        case "uint32": return .uint32
        case "uint64": return .uint64
        case "float": return .float
        case "double": return .double
        case "bytes": return .bytes
        case "timestamp": return .timestamp
        case "duration": return .duration
        case "struct": return .structObject
        default:
            if let name = token.dropPrefix("enum:") {
                guard let index = enums[name] else {
                    throw SchemaTextError(line: line, message: "unknown enum \(name)")
                }
                return .enumeration(index)
            }
            if let name = token.dropPrefix("message:") {
                guard let index = messages[name] else {
                    throw SchemaTextError(line: line, message: "unknown message \(name)")
                }
                return .message(index)
            }
            if let spelling = token.dropPrefix("other:"), !spelling.isEmpty {
                return .other(spelling)
            }
            throw SchemaTextError(line: line, message: "unknown field type '\(token)'")
        }
    }
}

/// A defect in schema text, with the 1-based line it was found on.
struct SchemaTextError: Error, Sendable, Equatable, CustomStringConvertible {
    let line: Int
    let message: String

    var description: String { "schema text line \(line): \(message)" }
}

extension String {
    /// The rest of the string after `prefix`, or nil when it does not start with it.
    fileprivate func dropPrefix(_ prefix: String) -> String? {
        // By UTF-8 bytes: dropping Characters walks grapheme clusters, for every typed field at start-up.
        utf8.starts(with: prefix.utf8) ? String(Substring(utf8.dropFirst(prefix.utf8.count))) : nil
    }
}
