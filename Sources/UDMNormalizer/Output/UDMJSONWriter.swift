/// Writes a `UDMEvent` as compact JSON: fields in schema order, repeated fields as arrays,
/// labels as `{"key":…,"value":…}` objects, `additional` as a JSON object.
struct UDMJSONWriter {
    let event: UDMEvent

    func write(instance: Int, to out: inout [UInt8]) {
        let builder = event.builder
        let message = event.schema.messages[builder.instances[instance].message]
        let entries = builder.instances[instance].entries
        out.append(UInt8(ascii: "{"))
        var index = 0
        while index < entries.count {
            let fieldIndex = entries[index].field
            var end = index + 1
            while end < entries.count, entries[end].field == fieldIndex { end += 1 }
            if index > 0 { out.append(UInt8(ascii: ",")) }
            let field = message.fields[fieldIndex]
            out.append(contentsOf: message.jsonKeys[fieldIndex])
            if case .structObject = field.type {
                writeStruct(entries[index..<end], to: &out)
            } else if field.isRepeated {
                out.append(UInt8(ascii: "["))
                for position in index..<end {
                    if position > index { out.append(UInt8(ascii: ",")) }
                    writeContent(entries[position].content, to: &out)
                }
                out.append(UInt8(ascii: "]"))
            } else {
                writeContent(entries[index].content, to: &out)
            }
            index = end
        }
        out.append(UInt8(ascii: "}"))
    }

    private func writeStruct(_ entries: ArraySlice<UDMEventBuilder.Entry>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        for (position, entry) in zip(entries.indices, entries) {
            guard case .structValue(let key, let value) = entry.content else { continue }
            if position > entries.startIndex { out.append(UInt8(ascii: ",")) }
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
