/// What a rule reads: its source expression's values, and their text.
extension RecordMapper {
    /// The non-empty values source expression `source` gives, with their fan-out index.
    mutating func collectValues(
        _ source: Int32, _ view: MappingProgram.View, resolver: PathResolver, into values: inout [(MappedValue, Int)]
    ) {
        switch view.sources[Int(source)] {
        case .path(let number):
            let path = view.paths[Int(number)]
            if path.stepCount > 0 {
                let document = resolver.document
                resolver.forEachValue(of: path, in: view) { node, fanIndex in
                    if !document.isEmptyValue(node) { values.append((.node(node), fanIndex)) }
                }
            } else {
                let node = resolver.resolve(prefix: Int(path.prefix))
                if node >= 0, !document.isEmptyValue(node) { values.append((.node(node), 0)) }
            }
        case .literal(let text):
            values.append((.text(builder.store(bytes: view.bytes(text))), 0))
        case .concatenation:
            let start = builder.textCount
            if appendText(of: source, view, resolver: resolver), builder.textCount > start {
                values.append((.text(TextRef(start: Int32(start), count: Int32(builder.textCount - start))), 0))
            } else {
                builder.discardText(from: start)
            }
        case .firstNonEmpty(let start, let count):
            for part in view.sourceParts[Int(start)..<Int(start + count)] {
                let before = values.count
                collectValues(part, view, resolver: resolver, into: &values)
                if values.count > before { return }
            }
        }
    }

    /// The text of source expression `source` on the record (first values, no fan-out), in the
    /// event's arena; nil when a path it reads is absent or empty.
    mutating func text(of source: Int32, _ view: MappingProgram.View) -> TextRef? {
        let start = builder.textCount
        guard appendText(of: source, view, resolver: resolver) else {
            builder.discardText(from: start)
            return nil
        }
        return TextRef(start: Int32(start), count: Int32(builder.textCount - start))
    }

    /// Appends the expression's text on the record (first values, no fan-out) to the event's text
    /// arena; false when a path is absent or empty (the arena may then hold a partial text).
    mutating func appendText(of source: Int32, _ view: MappingProgram.View, resolver: PathResolver) -> Bool {
        switch view.sources[Int(source)] {
        case .path(let number):
            let node = resolver.node(of: view.paths[Int(number)], in: view)
            guard node >= 0, !document.isEmptyValue(node) else { return false }
            switch document.kind(node) {
            case .string where document.isVerbatim(node), .number, .true, .false, .null:
                document.withRawBytes(node) { builder.appendText($0) }
            default:
                builder.appendText(document.scalarText(node).utf8)
            }
            return true
        case .literal(let text):
            builder.appendText(view.bytes(text))
            return true
        case .concatenation(let start, let count):
            for part in view.sourceParts[Int(start)..<Int(start + count)] {
                guard appendText(of: part, view, resolver: resolver) else { return false }
            }
            return true
        case .firstNonEmpty(let start, let count):
            for part in view.sourceParts[Int(start)..<Int(start + count)] {
                let before = builder.textCount
                if appendText(of: part, view, resolver: resolver) { return true }
                builder.discardText(from: before)
            }
            return false
        }
    }
}
