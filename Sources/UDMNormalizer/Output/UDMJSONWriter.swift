/// Writes a `UDMEvent` as compact JSON: fields in schema order, repeated fields as arrays,
/// labels as `{"key":…,"value":…}` objects, `additional` as a JSON object.
struct UDMJSONWriter {
    let event: UDMEvent

    func write(instance: Int, to out: inout OutputBuffer) {
        withWalk { $0.write(instance: instance, to: &out) }
    }

    /// Appends one value as JSON (for the `path = value` writer).
    func writeValue(_ value: OutputValue, to out: inout OutputBuffer) {
        withWalk { $0.writeValue(value, to: &out) }
    }

    private func withWalk(_ body: (Walk) -> Void) {
        let builder = event.builder
        let layout = event.schema.layout
        // The event's arrays are borrowed once here: reading them through the event on each field
        // cost a retain and a release per read.
        builder.instances.withUnsafeBufferPointer { instances in
            builder.entries.withUnsafeBufferPointer { entries in
                builder.text.withUnsafeBufferPointer { text in
                    body(
                        Walk(
                            instances: instances, entries: entries, text: text, layout: layout,
                            document: event.document))
                }
            }
        }
    }

    /// The writer's view of one event: plain buffers, no reference counting per field.
    private struct Walk {
        let instances: UnsafeBufferPointer<UDMEventBuilder.Instance>
        let entries: UnsafeBufferPointer<UDMEventBuilder.Entry>
        let text: UnsafeBufferPointer<UInt8>
        let layout: OutputLayout
        let document: JSONDocument

        func write(instance: Int, to out: inout OutputBuffer) {
            let base = Int(layout.fieldBase[instances[instance].message])
            out.append(UInt8(ascii: "{"))
            var index = Int(instances[instance].first)
            var firstField = true
            while index >= 0 {
                let fieldIndex = entries[index].field
                if !firstField { out.append(UInt8(ascii: ",")) }
                firstField = false
                let slot = base + fieldIndex
                out.append(layout.key(slot))
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
                    // A single field has one entry; skip any others so the output stays valid JSON.
                    while index >= 0, entries[index].field == fieldIndex { index = Int(entries[index].next) }
                }
            }
            out.append(UInt8(ascii: "}"))
        }

        private func writeContent(_ content: UDMEventBuilder.Entry.Content, to out: inout OutputBuffer) {
            switch content {
            case .value(let value): writeValue(value, to: &out)
            case .child(let child): write(instance: child, to: &out)
            case .label(let key, let value):
                out.append(#"{"key":"#)
                appendQuoted(key, to: &out)
                out.append(#","value":"#)
                writeValue(value, to: &out)
                out.append(UInt8(ascii: "}"))
            case .structValue(let key, let value):
                appendQuoted(key, to: &out)
                out.append(UInt8(ascii: ":"))
                writeValue(value, to: &out)
            }
        }

        private func bytes(_ ref: TextRef) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: text[Int(ref.start)..<Int(ref.start + ref.count)])
        }

        private func appendQuoted(_ ref: TextRef, to out: inout OutputBuffer) {
            out.append(UInt8(ascii: "\""))
            JSONStringEscaper.appendEscaped(utf8: bytes(ref), to: &out)
            out.append(UInt8(ascii: "\""))
        }

        func writeValue(_ value: OutputValue, to out: inout OutputBuffer) {
            switch value {
            case .sourceString(let node): JSONStringEscaper.appendQuoted(node: node, of: document, to: &out)
            case .sourceJSON(let node): document.appendCompactJSON(node, to: &out)
            case .text(let ref): appendQuoted(ref, to: &out)
            case .literal(let ref): out.append(bytes(ref))
            }
        }
    }
}
