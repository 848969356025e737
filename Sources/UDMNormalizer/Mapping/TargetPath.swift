/// Numbers the distinct first-element step chains of targets while compiling.
final class TargetInterner {
    private var table: [[TargetPath.Step]: Int] = [:]
    /// Targets already compiled, by text (a compiled target does not depend on where it was written).
    private var compiledTargets: [String: TargetPath] = [:]
    var count: Int { table.count }
    /// Fan-out groups by the text of the source list they number (`resources[*]`), see `CompiledRule.fanGroup`.
    private var groups: [String: Int] = [:]

    /// The target `text` compiled, from the ones compiled already when there.
    func compiled(_ text: String, schema: UDMSchema, location: TableLocation, column: Int) throws(MappingError)
        -> TargetPath
    {
        if let known = compiledTargets[text] { return known }
        let target = try TargetPath(text, schema: schema, location: location, column: column, instances: self)
        compiledTargets[text] = target
        return target
    }

    func fanGroup(for list: String) -> Int {
        if let existing = groups[list] { return existing }
        groups[list] = groups.count
        return groups.count - 1
    }

    func key(for steps: [TargetPath.Step]) -> Int? {
        guard steps.allSatisfy({ $0.element == .first }) else { return nil }
        if let existing = table[steps] { return existing }
        let key = table.count
        table[steps] = key
        return key
    }
}

/// A compiled UDM destination, resolved against the schema: `principal.user.userid`,
/// `principal.ip[]`, `about[*].file.full_path`, `target.resource.attribute.labels["Request ID"]`,
/// `additional["access_key_id"]`.
///
/// A final class: rules hold one reference instead of copying (and retaining) its arrays and strings.
final class TargetPath: Sendable, Hashable, CustomStringConvertible {
    /// Which element of a repeated message a step goes into.
    enum Element: Sendable, Hashable {
        /// Not repeated, or the first element (`security_result` is one element per event).
        case first
        /// `[*]`: the element numbered by the source's fan-out index, within the block of elements
        /// of the source's list (rules fanning out over another list fill a block after it).
        case fanOut
        /// `[]`: a new element each time the rule fires.
        case append
        /// `["name"]`: the element of that name, made on its first write; rules naming the same element
        /// fill it together (a library's path and its kind label on one `about` noun), apart from every
        /// other element. A source's `[*]` values all go into that one element (a label list gets each).
        case named(String)
    }

    /// One message-typed step from the root down to the leaf's message.
    struct Step: Sendable, Hashable {
        var field: UDMSchema.FieldStep
        var element: Element
    }

    /// What the leaf is.
    enum Leaf: Sendable, Hashable {
        /// A scalar field; `append` for `[]` on a repeated scalar, otherwise the first non-empty value wins.
        case scalar(UDMSchema.FieldStep, append: Bool)
        /// A `Label` list with a fixed key (`labels["Request ID"]`): each firing appends one key/value pair.
        case label(UDMSchema.FieldStep, key: String)
        /// A `Label` list filled with many pairs at once (`| flatten`).
        case labelList(UDMSchema.FieldStep)
        /// A key of a `Struct` field (`additional["x"]`); the first value for a key wins.
        case structKey(UDMSchema.FieldStep, key: String)
    }

    let steps: [Step]
    let leaf: Leaf
    let text: String
    /// Number of the instance the steps lead to when every step takes the first element, so the
    /// event builder can find it without walking (nil otherwise).
    let instanceKey: Int?
    var description: String { text }

    /// The canonical dotted path with element markers removed (`about.file.full_path`), used to match
    /// requirement paths and for reports.
    let fieldPath: String
    /// The UTF-8 of a label's or struct field's key (empty for other leaves), copied into each event.
    let keyBytes: [UInt8]

    /// Resolves `text` against `schema`; every segment must be a field of the message it is in.
    init(_ text: String, schema: UDMSchema, location: TableLocation, column: Int, instances: TargetInterner? = nil)
        throws(MappingError)
    {
        self.text = text
        func fail(_ message: String) -> MappingError {
            location.error("in target '\(text)': \(message)", column: column)
        }
        let segments = try Self.split(text, fail: fail)
        var message = schema.rootMessage
        var steps: [Step] = []
        var names: [String] = []
        names.reserveCapacity(segments.count)
        var leaf: Leaf?
        for (position, segment) in segments.enumerated() {
            let isLast = position == segments.count - 1
            guard leaf == nil else { throw fail("nothing can follow '\(names.last ?? "")'") }
            guard let fieldIndex = schema.messages[message].fieldIndex(named: segment.name) else {
                throw fail(
                    "'\(segment.name)' is not a field of UDM message \(schema.messages[message].name)\(Self.hint(segment.name, in: schema.messages[message]))"
                )
            }
            let fieldStep = UDMSchema.FieldStep(message: message, field: fieldIndex)
            let field = schema.field(fieldStep)
            names.append(segment.name)
            switch field.type {
            case .message(let child):
                let isLabel = schema.messages[child].name == "Label"
                if isLabel, field.isRepeated, isLast {
                    switch segment.marker {
                    case .key(let key): leaf = .label(fieldStep, key: key)
                    case .none: leaf = .labelList(fieldStep)
                    default: throw fail("a label list takes a key (labels[\"key\"]) or no marker with '| flatten'")
                    }
                    continue
                }
                guard !isLast else {
                    throw fail(
                        "'\(segment.name)' is a message (\(schema.messages[child].name)); map to one of its fields")
                }
                let element: Element
                switch segment.marker {
                case .none: element = .first
                case .fanOut: element = .fanOut
                case .append: element = .append
                case .key(let name):
                    guard field.isRepeated else {
                        throw fail("'\(segment.name)' is not repeated; a named element needs a repeated message")
                    }
                    guard steps.allSatisfy({ $0.element == .first }) else {
                        throw fail("a named element cannot be inside another numbered or named element")
                    }
                    element = .named(name)
                }
                if element != .first && !field.isRepeated {
                    throw fail("'\(segment.name)' is not repeated; remove the '[…]'")
                }
                steps.append(Step(field: fieldStep, element: element))
                message = child
            case .structObject:
                guard isLast, case .key(let key) = segment.marker else {
                    throw fail("'\(segment.name)' is a JSON object; write \(segment.name)[\"key\"]")
                }
                leaf = .structKey(fieldStep, key: key)
            case .other(let type):
                throw fail("'\(segment.name)' has type \(type), which the mapping tables cannot write")
            default:
                guard isLast else { throw fail("'\(segment.name)' is a scalar; nothing can follow it") }
                switch segment.marker {
                case .none: leaf = .scalar(fieldStep, append: false)
                case .append:
                    guard field.isRepeated else { throw fail("'\(segment.name)' is not repeated; remove the '[]'") }
                    leaf = .scalar(fieldStep, append: true)
                default: throw fail("a scalar field takes no '[…]' other than '[]' on repeated fields")
                }
            }
        }
        guard let leaf else { throw fail("empty target") }
        self.steps = steps
        self.leaf = leaf
        var fieldPath = ""
        for name in names {
            if !fieldPath.isEmpty { fieldPath.append(".") }
            fieldPath.append(name)
        }
        self.fieldPath = fieldPath
        self.instanceKey = instances?.key(for: steps)
        switch leaf {
        case .label(_, let key), .structKey(_, let key): keyBytes = Array(key.utf8)
        case .scalar, .labelList: keyBytes = []
        }
    }

    static func == (a: TargetPath, b: TargetPath) -> Bool { a.text == b.text }
    func hash(into hasher: inout Hasher) { hasher.combine(text) }

    /// The schema field of the leaf.
    var leafField: UDMSchema.FieldStep {
        switch leaf {
        case .scalar(let f, _), .label(let f, _), .labelList(let f), .structKey(let f, _): return f
        }
    }

    /// True when the target uses the source's fan-out index.
    var usesFanOut: Bool { steps.contains { $0.element == .fanOut } }
    /// The name of the `["name"]` element the target writes into, if any.
    var elementName: String? {
        for step in steps { if case .named(let name) = step.element { return name } }
        return nil
    }

    private enum Marker {
        case none, fanOut, append
        case key(String)
    }
    private struct Segment {
        var name: String
        var marker: Marker
    }

    /// Cuts a target into its segments, on UTF-8 bytes (the syntax is ASCII; a quoted key may be any text).
    private static func split(_ text: String, fail: (String) -> MappingError) throws(MappingError) -> [Segment] {
        let bytes = Array(text.utf8)
        let dot = UInt8(ascii: ".")
        let open = UInt8(ascii: "[")
        let close = UInt8(ascii: "]")
        let quote = UInt8(ascii: "\"")
        func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        var segments: [Segment] = []
        var index = 0
        while index < bytes.count {
            var nameEnd = index
            while nameEnd < bytes.count, bytes[nameEnd] != dot, bytes[nameEnd] != open { nameEnd += 1 }
            guard nameEnd > index else { throw fail("empty segment") }
            let name = string(index..<nameEnd)
            index = nameEnd
            var marker = Marker.none
            if index < bytes.count, bytes[index] == open {
                let afterBracket = index + 1
                // A quoted key may itself contain ']' or '.', so it ends at the first '"]'.
                var closing: Int?
                if afterBracket < bytes.count, bytes[afterBracket] == quote {
                    var probe = afterBracket + 1
                    while probe + 1 < bytes.count, closing == nil {
                        if bytes[probe] == quote, bytes[probe + 1] == close { closing = probe + 1 }
                        probe += 1
                    }
                } else {
                    closing = bytes[afterBracket...].firstIndex(of: close)
                }
                guard let closing, closing + 1 == bytes.count || bytes[closing + 1] == dot else {
                    throw fail("unclosed '[' or text after ']'")
                }
                let inside = afterBracket..<closing
                if inside.isEmpty {
                    marker = .append
                } else if inside.count == 1, bytes[afterBracket] == UInt8(ascii: "*") {
                    marker = .fanOut
                } else if inside.count >= 2, bytes[afterBracket] == quote, bytes[closing - 1] == quote {
                    marker = .key(string(afterBracket + 1..<closing - 1))
                } else {
                    throw fail("'[\(string(inside))]' is not '[]', '[*]' or '[\"key\"]'")
                }
                index = closing + 1
            }
            segments.append(Segment(name: name, marker: marker))
            if index < bytes.count, bytes[index] == dot {
                index += 1
                guard index < bytes.count else { throw fail("path ends with '.'") }
            }
        }
        return segments
    }

    /// A "did you mean" suffix for a misspelt field (same name in another case or with `_` differences).
    private static func hint(_ name: String, in message: UDMSchema.Message) -> String {
        NearestName.nearest(to: name, among: message.fields.map(\.name)).map { " (did you mean '\($0)'?)" } ?? ""
    }
}
