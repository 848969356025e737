/// A value through its rule's stages: value conditions, transforms and lookups.
extension RecordMapper {
    /// The value after the rule's stages, or nil when a condition rejected it or a transform failed
    /// (recorded as a diagnostic) or left it empty.
    mutating func staged(
        _ rule: ProgramRule, index: Int, _ initial: MappedValue, _ view: MappingProgram.View
    ) -> MappedValue? {
        var value = initial
        lookupRow = nil
        let start = Int(rule.stageStart)
        for position in start..<start + Int(rule.stageCount) {
            switch view.stages[position] {
            case .when(let condition):
                let holds: Bool
                switch value {
                case .node(let node): holds = resolver.holds(condition, in: view, value: .node(node))
                case .text(let ref):
                    holds = builder.withBytes(ref) { resolver.holds(condition, in: view, value: .bytes($0)) }
                }
                guard holds else { return nil }
            case .lookup(let table):
                guard let next = lookUp(value, in: table, view), !builder.isEmpty(next, in: document) else {
                    return nil
                }
                value = next
            case .transform(let transform):
                switch run(transform, on: value, view) {
                case .success(let next):
                    guard let next, !builder.isEmpty(next, in: document) else { return nil }
                    value = next
                case .failure(let failure):
                    diagnostics.append(Diagnostic(rule: view.ruleIDs[index], message: failure.message))
                    return nil
                }
            }
        }
        return value
    }

    mutating func run(_ transform: ProgramTransform, on value: MappedValue, _ view: MappingProgram.View)
        -> Result<MappedValue?, ValueConverter.Failure>
    {
        func text(_ string: String) -> MappedValue { .text(builder.store(string)) }
        if transform == .timestamp, case .node(let node) = value, isCanonicalTimestamp(node) { return .success(value) }
        // A string of the record is read as JSON once, whichever rule (or redaction) reads it first.
        if case .jsonText(let path) = transform, case .node(let node) = value, document.kind(node) == .string {
            let inner: JSONDocument?
            if let known = jsonTexts.read(of: node) {
                inner = known
            } else {
                inner = JSONTextMember.document(of: document.string(node))
                jsonTexts.remember(inner, of: node)
            }
            return .success(inner.flatMap { JSONTextMember.member(of: $0, at: view.texts[Int(path)]) }.map(text))
        }
        let current = builder.string(value, in: document)
        switch transform {
        case .lower: return .success(text(current.lowercased()))
        case .upper: return .success(text(current.uppercased()))
        case .trim:
            return .success(
                text(String(current.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())))
        case .string:
            if case .node(let node) = value, document.kind(node) == .object || document.kind(node) == .array {
                return .failure(
                    ValueConverter.Failure(
                        message: "expected a scalar, found \(document.kindName(node)) (use '| json')"))
            }
            return .success(text(current))
        case .json:
            guard case .node(let node) = value else { return .success(value) }
            return .success(text(document.compactJSON(node)))
        case .int: return ValueConverter.integer(current).map { text(String($0)) }
        case .float: return ValueConverter.number(current, finite: false).map { _ in text(current) }
        case .bool: return ValueConverter.boolean(current).map { text($0 ? "true" : "false") }
        case .timestamp: return ValueConverter.timestamp(current).map { text($0.rfc3339) }
        case .afterLast(let separator):
            return .success(text(SeparatorCut.afterLast(current, view.texts[Int(separator)])))
        case .afterFirst(let separator):
            return .success(text(SeparatorCut.afterFirst(current, view.texts[Int(separator)])))
        case .beforeFirst(let separator):
            return .success(text(SeparatorCut.beforeFirst(current, view.texts[Int(separator)])))
        case .jsonText(let path):
            return .success(JSONTextMember.member(of: current, at: view.texts[Int(path)]).map(text))
        case .callOutcome(let table):
            let summary = CallOutcomeSummary.summary(of: current) { outcome in
                var key = String(outcome)
                return key.withUTF8 { bytes in
                    view.lookUp(table, key: UnsafeRawBufferPointer(bytes)).map {
                        String(decoding: view.bytes($0.value), as: UTF8.self)
                    }
                } ?? key
            }
            return .success(summary.map(text))
        case .callNoun(let table):
            let noun = CallNoun.noun(of: current) { call in
                var name = String(call)
                return name.withUTF8 { bytes in
                    view.lookUpPrefixLength(table, key: UnsafeRawBufferPointer(bytes))
                }
            }
            return .success(noun.map(text))
        }
    }

    /// The value lookup `table` gives for `value` (nil on a miss without default), noting the row
    /// it came through. The key is the value's text as bytes: a string's (decoded only when it has
    /// escapes), a number's or boolean's as written.
    mutating func lookUp(_ value: MappedValue, in table: Int32, _ view: MappingProgram.View) -> MappedValue? {
        let found: (value: ProgramBytes, row: Int32)?
        switch value {
        case .node(let node) where document.kind(node) == .string && !document.isVerbatim(node):
            var text = document.string(node)
            found = text.withUTF8 { view.lookUp(table, key: UnsafeRawBufferPointer($0)) }
        case .node(let node):
            found = document.withRawBytes(node) { view.lookUp(table, key: $0) }
        case .text(let ref):
            found = builder.withBytes(ref) { view.lookUp(table, key: UnsafeRawBufferPointer($0)) }
        }
        guard let found else { return nil }
        lookupRow = .some(found.row < 0 ? nil : view.lookupRowIDs[Int(found.row)])
        return .text(builder.store(bytes: view.bytes(found.value)))
    }

    /// True for a string node of the record that is already in the output's timestamp form.
    func isCanonicalTimestamp(_ node: Int) -> Bool {
        guard document.kind(node) == .string, document.isVerbatim(node) else { return false }
        return document.withRawBytes(node) { Timestamp.isCanonical($0) }
    }
}
