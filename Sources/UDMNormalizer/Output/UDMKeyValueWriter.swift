/// Writes a `UDMEvent` as `path = value` lines (strings quoted and escaped, so a value never
/// spans lines), in the same field order as the JSON writer.
struct UDMKeyValueWriter {
    let event: UDMEvent

    func write(instance: Int, prefix: String, to out: inout [UInt8]) {
        let builder = event.builder
        let message = event.schema.messages[builder.instances[instance].message]
        let json = UDMJSONWriter(event: event)
        for entry in builder.instances[instance].entries {
            let path = prefix + message.fields[entry.field].name
            do {
                switch entry.content {
                case .child(let child):
                    write(instance: child, prefix: path + ".", to: &out)
                case .value(let value):
                    line(path, value, json, &out)
                case .label(let key, let value):
                    line(path + ".key", .text(key), json, &out)
                    line(path + ".value", value, json, &out)
                case .structValue(let key, let value):
                    line(path + "." + key, value, json, &out)
                }
            }
        }
    }

    private func line(_ path: String, _ value: OutputValue, _ json: UDMJSONWriter, _ out: inout [UInt8]) {
        out.append(contentsOf: path.utf8)
        out.append(contentsOf: " = ".utf8)
        json.writeValue(value, to: &out)
        out.append(UInt8(ascii: "\n"))
    }
}
