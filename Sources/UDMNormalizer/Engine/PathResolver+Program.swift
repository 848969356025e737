extension PathResolver {
    /// The node of a program path on this record (the first value of a path with `[*]`), -1 when absent.
    @inline(__always)
    func node(of path: ProgramPath, in view: MappingProgram.View) -> Int {
        if path.stepCount == 0 { return resolve(prefix: Int(path.prefix)) }
        var first = -1
        forEachValue(of: path, in: view) { node, _ in if first < 0 { first = node } }
        return first
    }

    /// Every value of a program path with its fan-out index (the element number of its first `[*]`).
    func forEachValue(of path: ProgramPath, in view: MappingProgram.View, _ body: (Int, Int) -> Void) {
        var start = root
        if path.prefix >= 0 {
            start = resolve(prefix: Int(path.prefix))
            if start < 0 { return }
        }
        let end = Int(path.stepStart + path.stepCount)
        walk(
            view.walkSteps, from: Int(path.stepStart), to: end, node: start, fanIndex: 0, fanned: false,
            bytes: view.bytes, body)
    }

    /// `[key=value]`: the first object element of `array` whose member `key` (or, when it has none,
    /// `alternate`) is a string with the text `value`; -1 when none is, or `array` is no array.
    func selected(
        in array: Int, key: UnsafeRawBufferPointer, alternate: UnsafeRawBufferPointer?, value: UnsafeRawBufferPointer
    ) -> Int {
        guard document.kind(array) == .array else { return -1 }
        var match = -1
        document.forEachElement(array) { element in
            guard match < 0, document.kind(element) == .object,
                let candidate = document.member(element, keyBytes: key)
                    ?? alternate.flatMap({ document.member(element, keyBytes: $0) }),
                document.kind(candidate) == .string
            else { return }
            let equal: Bool
            if document.isVerbatim(candidate) {
                equal = document.withRawBytes(candidate) { ByteMatch.equal($0, value) }
            } else {
                var text = document.string(candidate)
                equal = text.withUTF8 { ByteMatch.equal(UnsafeRawBufferPointer($0), value) }
            }
            if equal { match = element }
        }
        return match
    }

    /// Takes steps `from..<end` from `node`, calling `body` with each value reached.
    private func walk(
        _ steps: UnsafeBufferPointer<ProgramWalkStep>, from: Int, to end: Int, node: Int, fanIndex: Int, fanned: Bool,
        bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, Int) -> Void
    ) {
        func keyBytes(_ range: ProgramBytes) -> UnsafeRawBufferPointer {
            UnsafeRawBufferPointer(
                UnsafeBufferPointer(rebasing: bytes[Int(range.start)..<Int(range.start + range.count)]))
        }
        var current = node
        var position = from
        while position < end {
            let step = steps[position]
            position += 1
            switch step {
            case .each:
                guard document.kind(current) == .array else { return }
                var index = 0
                let rest = position
                document.forEachElement(current) { element in
                    // Only the first `[*]` numbers the fan-out; inner ones keep the outer index.
                    walk(
                        steps, from: rest, to: end, node: element, fanIndex: fanned ? fanIndex : index, fanned: true,
                        bytes: bytes, body)
                    index += 1
                }
                return
            case .key(let key, let alternate, let hasAlternate, let elementIndex):
                switch document.kind(current) {
                case .object:
                    if let found = document.member(current, keyBytes: keyBytes(key)) {
                        current = found
                    } else if hasAlternate, let found = document.member(current, keyBytes: keyBytes(alternate)) {
                        current = found
                    } else {
                        return
                    }
                case .array:
                    guard elementIndex >= 0, let found = document.element(current, at: Int(elementIndex)) else {
                        return
                    }
                    current = found
                default:
                    return
                }
            case .select(let key, let alternate, let hasAlternate, let value):
                let next = selected(
                    in: current, key: keyBytes(key), alternate: hasAlternate ? keyBytes(alternate) : nil,
                    value: keyBytes(value))
                guard next >= 0 else { return }
                current = next
            }
        }
        body(current, fanIndex)
    }

    /// Evaluates condition `index` of the program on this record; `value` is the rule's current
    /// value, if any.
    func holds(_ index: Int32, in view: MappingProgram.View, value: ValueView? = nil) -> Bool {
        switch view.conditions[Int(index)] {
        case .exists(let path):
            let node = node(of: view.paths[Int(path)], in: view)
            return node >= 0 && !document.isEmptyValue(node)
        case .missing(let path):
            let node = node(of: view.paths[Int(path)], in: view)
            return node < 0 || document.isEmptyValue(node)
        case .equals(let path, let start, let count):
            let node = node(of: view.paths[Int(path)], in: view)
            return node >= 0 && matches(node, valueStart: start, valueCount: count, in: view)
        case .notEquals(let path, let start, let count):
            let node = node(of: view.paths[Int(path)], in: view)
            return node < 0 || !matches(node, valueStart: start, valueCount: count, in: view)
        case .compare(let path, let comparison, let limit):
            let node = node(of: view.paths[Int(path)], in: view)
            guard node >= 0, document.kind(node) == .number || document.kind(node) == .string,
                let number = JSONNumber.double(document.scalarText(node))
            else { return false }
            switch comparison {
            case .greater: return number > limit
            case .greaterOrEqual: return number >= limit
            case .less: return number < limit
            case .lessOrEqual: return number <= limit
            }
        case .consistsOf(let path, let range):
            let node = node(of: view.paths[Int(path)], in: view)
            guard node >= 0, document.kind(node) == .string, !document.isEmptyString(node) else { return false }
            let characters = view.bytes(range)
            if !document.isVerbatim(node) {
                return document.string(node).utf8.allSatisfy { characters.contains($0) }
            }
            return document.withRawBytes(node) { $0.allSatisfy { characters.contains($0) } }
        case .contains(let path, let range):
            let node = node(of: view.paths[Int(path)], in: view)
            guard node >= 0 else { return false }
            let needle = UnsafeRawBufferPointer(view.bytes(range))
            switch document.kind(node) {
            case .object, .array: return false
            case .string where !document.isVerbatim(node):
                var text = document.string(node)
                return text.withUTF8 { ByteMatch.contains(UnsafeRawBufferPointer($0), needle) }
            default:
                return document.withRawBytes(node) { ByteMatch.contains($0, needle) }
            }
        case .onlyKeys(let path, let start, let count):
            let node = node(of: view.paths[Int(path)], in: view)
            guard node >= 0, !document.isEmptyValue(node) else { return true }
            guard document.kind(node) == .object else { return false }
            let names = view.byteLists[Int(start)..<Int(start + count)]
            var only = true
            document.forEachMemberKey(node) { key, _ in
                if only, !names.contains(where: { ByteMatch.equal(UnsafeRawBufferPointer(view.bytes($0)), key) }) {
                    only = false
                }
            }
            return only
        case .isIP:
            return value?.isIPAddress(in: document) ?? false
        case .isNotEmpty:
            return value?.isNotEmpty(in: document) ?? false
        case .isNotZero:
            return value?.isNotZero(in: document) ?? false
        case .not(let inner):
            return !holds(inner, in: view, value: value)
        case .and(let a, let b):
            return holds(a, in: view, value: value) && holds(b, in: view, value: value)
        case .or(let a, let b):
            return holds(a, in: view, value: value) || holds(b, in: view, value: value)
        }
    }

    /// True when `node`'s text is one of a list of `MappingProgram.byteLists`: strings without
    /// escapes and other scalars compare as raw bytes, so comparing allocates nothing.
    private func matches(_ node: Int, valueStart: Int32, valueCount: Int32, in view: MappingProgram.View) -> Bool {
        let values = view.byteLists[Int(valueStart)..<Int(valueStart + valueCount)]
        switch document.kind(node) {
        case .object, .array:
            return false
        case .string where !document.isVerbatim(node):
            var text = document.string(node)
            return text.withUTF8 { decoded in
                values.contains {
                    ByteMatch.equal(UnsafeRawBufferPointer(view.bytes($0)), UnsafeRawBufferPointer(decoded))
                }
            }
        default:
            return document.withRawBytes(node) { raw in
                values.contains { ByteMatch.equal(UnsafeRawBufferPointer(view.bytes($0)), raw) }
            }
        }
    }
}
