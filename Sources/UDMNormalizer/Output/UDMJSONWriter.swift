/// Writes a `UDMEvent` as compact JSON: fields in schema order, repeated fields as arrays,
/// labels as `{"key":…,"value":…}` objects, `additional` as a JSON object.
struct UDMJSONWriter {
    let event: UDMEvent

    func write(instance: Int, to out: inout [UInt8]) {
        let builder = event.builder
        let layout = event.schema.layout
        let instances = builder.instances
        let entries = builder.entries
        let base = Int(layout.fieldBase[instances[instance].message])
        out.append(UInt8(ascii: "{"))
        var index = Int(instances[instance].first)
        var firstField = true
        while index >= 0 {
            let fieldIndex = entries[index].field
            if !firstField { out.append(UInt8(ascii: ",")) }
            firstField = false
            let slot = base + fieldIndex
            appendKey(slot, layout: layout, to: &out)
            switch layout.shape[slot] {
            case .structObject:
                out.append(UInt8(ascii: "{"))
                var first = true
                while index >= 0, entries[index].field == fieldIndex {
                    if !first { out.append(UInt8(ascii: ",")) }
                    first = false
                    if case .structValue(let key, let value) = entries[index].content {
                        appendQuoted(key, to: &out)
                        out.append(UInt8(ascii: ":"))
                        writeValue(value, to: &out)
                    }
                    index = Int(entries[index].next)
                }
                out.append(UInt8(ascii: "}"))
            case .repeated:
                out.append(UInt8(ascii: "["))
                var first = true
                while index >= 0, entries[index].field == fieldIndex {
                    if !first { out.append(UInt8(ascii: ",")) }
                    first = false
                    writeContent(entries[index].content, to: &out)
                    index = Int(entries[index].next)
                }
                out.append(UInt8(ascii: "]"))
            case .single:
                writeContent(entries[index].content, to: &out)
                // A single field has one entry; skip any others defensively so output stays valid JSON.
                while index >= 0, entries[index].field == fieldIndex { index = Int(entries[index].next) }
            }
        }
        out.append(UInt8(ascii: "}"))
    }

    private func appendKey(_ slot: Int, layout: OutputLayout, to out: inout [UInt8]) {
        let start = Int(layout.keyStart[slot])
        let end = Int(layout.keyEnd[slot])
        layout.keyBytes.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    private func writeContent(_ content: UDMEventBuilder.Entry.Content, to out: inout [UInt8]) {
        switch content {
        case .value(let value): writeValue(value, to: &out)
        case .child(let child): write(instance: child, to: &out)
        case .label(let key, let value):
            out.append(contentsOf: #"{"key":"#.utf8)
            appendQuoted(key, to: &out)
            out.append(contentsOf: #","value":"#.utf8)
            writeValue(value, to: &out)
            out.append(UInt8(ascii: "}"))
        case .structValue(let key, let value):
            appendQuoted(key, to: &out)
            out.append(UInt8(ascii: ":"))
            writeValue(value, to: &out)
        }
    }

    private func appendQuoted(_ ref: TextRef, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        event.builder.withBytes(ref) { JSONStringEscaper.appendEscaped(utf8: $0, to: &out) }
        out.append(UInt8(ascii: "\""))
    }

    func writeValue(_ value: OutputValue, to out: inout [UInt8]) {
        switch value {
        case .sourceString(let node): JSONStringEscaper.appendQuoted(node: node, of: event.document, to: &out)
        case .sourceJSON(let node): event.document.appendCompactJSON(node, to: &out)
        case .text(let ref): appendQuoted(ref, to: &out)
        case .literal(let ref): event.builder.withBytes(ref) { out.append(contentsOf: $0) }
        }
    }
}
