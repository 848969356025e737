/// Writes a `UDMEvent` as compact JSON: fields in schema order, repeated fields as arrays,
/// labels as `{"key":…,"value":…}` objects, `additional` as a JSON object.
struct UDMJSONWriter {
    let event: UDMEvent

    func write(instance: Int, to out: inout [UInt8]) {
        let builder = event.builder
        let message = event.schema.messages[builder.instances[instance].message]
        out.append(UInt8(ascii: "{"))
        var firstField = true
        for group in FieldGroups(entries: builder.instances[instance].entries) {
            if !firstField { out.append(UInt8(ascii: ",")) }
            firstField = false
            let field = message.fields[group.field]
            JSONStringEscaper.appendQuoted(field.name, to: &out)
            out.append(UInt8(ascii: ":"))
            if case .structObject = field.type {
                writeStruct(group.entries, to: &out)
                continue
            }
            if field.isRepeated { out.append(UInt8(ascii: "[")) }
            for (position, entry) in group.entries.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                writeContent(entry.content, to: &out)
                if !field.isRepeated { break }
            }
            if field.isRepeated { out.append(UInt8(ascii: "]")) }
        }
        out.append(UInt8(ascii: "}"))
    }

    private func writeStruct(_ entries: [UDMEventBuilder.Entry], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        for (position, entry) in entries.enumerated() {
            guard case .structValue(let key, let value) = entry.content else { continue }
            if position > 0 { out.append(UInt8(ascii: ",")) }
            JSONStringEscaper.appendQuoted(key, to: &out)
            out.append(UInt8(ascii: ":"))
            writeValue(value, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    private func writeContent(_ content: UDMEventBuilder.Entry.Content, to out: inout [UInt8]) {
        switch content {
        case .value(let value): writeValue(value, to: &out)
        case .child(let child): write(instance: child, to: &out)
        case .label(let key, let value):
            out.append(contentsOf: #"{"key":"#.utf8)
            JSONStringEscaper.appendQuoted(key, to: &out)
            out.append(contentsOf: #","value":"#.utf8)
            writeValue(value, to: &out)
            out.append(UInt8(ascii: "}"))
        case .structValue(let key, let value):
            JSONStringEscaper.appendQuoted(key, to: &out)
            out.append(UInt8(ascii: ":"))
            writeValue(value, to: &out)
        }
    }

    func writeValue(_ value: OutputValue, to out: inout [UInt8]) {
        switch value {
        case .sourceString(let node): JSONStringEscaper.appendQuoted(node: node, of: event.document, to: &out)
        case .sourceJSON(let node): event.document.appendCompactJSON(node, to: &out)
        case .text(let text): JSONStringEscaper.appendQuoted(text, to: &out)
        case .literal(let text): out.append(contentsOf: text.utf8)
        }
    }
}

/// The entries of one instance grouped by field, fields in schema order, elements in element order.
struct FieldGroups: Sequence {
    struct Group {
        var field: Int
        var entries: [UDMEventBuilder.Entry]
    }

    let groups: [Group]

    init(entries: [UDMEventBuilder.Entry]) {
        // Stable: entries of one field keep their insertion order among equal element numbers.
        let ordered = entries.enumerated().sorted { a, b in
            (a.element.field, a.element.element, a.offset) < (b.element.field, b.element.element, b.offset)
        }.map(\.element)
        var groups: [Group] = []
        for entry in ordered {
            if groups.last?.field == entry.field { groups[groups.count - 1].entries.append(entry) } else { groups.append(Group(field: entry.field, entries: [entry])) }
        }
        self.groups = groups
    }

    func makeIterator() -> IndexingIterator<[Group]> { groups.makeIterator() }
}
