/// Writes a `UDMEvent` as `path = value` lines (strings quoted and escaped, so a value never
/// spans lines), in the same field order as the JSON writer.
struct UDMKeyValueWriter {
    let event: UDMEvent

    func write(instance: Int, prefix: String, to out: inout [UInt8]) {
        forEachLine(instance: instance, prefix: prefix) { path, value, _ in
            out.append(contentsOf: path.utf8)
            out.append(contentsOf: " = ".utf8)
            out.append(contentsOf: value)
            out.append(UInt8(ascii: "\n"))
        }
    }

    /// Calls `body(path, value as JSON, rule index)` for every line, in output order; a label gives
    /// two lines (`….key`, `….value`). The rule index is -1 for values the engine set itself.
    func forEachLine(instance: Int, prefix: String, _ body: (String, [UInt8], Int) -> Void) {
        let builder = event.builder
        let message = event.schema.messages[builder.instances[instance].message]
        let json = UDMJSONWriter(event: event)
        func rendered(_ value: OutputValue) -> [UInt8] {
            var out = OutputBuffer(capacity: 64)
            json.writeValue(value, to: &out)
            return out.bytes
        }
        builder.forEachEntry(of: instance) { entry in
            let path = prefix + message.fields[entry.field].name
            switch entry.content {
            case .child(let child):
                forEachLine(instance: child, prefix: path + ".", body)
            case .value(let value):
                body(path, rendered(value), entry.rule)
            case .label(let key, let value):
                body(path + ".key", rendered(.text(key)), entry.rule)
                body(path + ".value", rendered(value), entry.rule)
            case .structValue(let key, let value):
                body(path + "." + builder.string(key), rendered(value), entry.rule)
            }
        }
    }
}
