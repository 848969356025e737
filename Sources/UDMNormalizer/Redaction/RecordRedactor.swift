/// One secret taken out of a record: where it was and which entry took it.
struct RedactionHit: Sendable, Equatable {
    /// The source path of the string (`responseElements.credentials.sessionToken`); a secret inside
    /// JSON text adds the text's own path after `>` (`service.additionalInfo.value>password`).
    var path: String
    /// The entry's name, as in the marker `[redacted:NAME]`.
    var entry: String
}

/// A record with its secrets replaced, parsed anew, and what was replaced.
struct RedactedRecord: Sendable {
    /// nil only if replacing the secrets could not give valid JSON (never expected): the caller
    /// then fails the record rather than let a secret through.
    var document: JSONDocument?
    var root: Int
    var hits: [RedactionHit]
    /// Why a declared JSON-text string could not be read (it is then kept as it is).
    var notes: [String]
}

/// Applies a ``RedactionPolicy`` to one parsed record.
///
/// Secrets are replaced in the record's bytes and the record is parsed again, so that nothing
/// downstream — rules, verbatim copies, coverage, `explain`, reports, notes — can ever see them.
/// A record with no secret (nearly all) costs one pass over its keys and is left untouched.
struct RecordRedactor: Sendable {
    let policy: RedactionPolicy
    let parserLimits: JSONParser.Limits

    /// A byte range of the document to replace.
    private struct Edit {
        var range: Range<Int>
        /// The raw range of the string the edit is in.
        var string: Range<Int>
        var replacement: [UInt8]
        var hits: [RedactionHit]
    }

    /// The record at `root` with its secrets replaced, or nil when it holds none.
    func redact(_ document: JSONDocument, root: Int) -> RedactedRecord? {
        var reads = JSONTextReads()
        return redact(document, root: root, reads: &reads)
    }

    /// The record at `root` with its secrets replaced, or nil when it holds none; `reads` gets each
    /// JSON text read inside a string of `document` (valid while the record is not parsed anew).
    func redact(_ document: JSONDocument, root: Int, reads: inout JSONTextReads) -> RedactedRecord? {
        guard !policy.isEmpty, document.kind(root) == .object || document.kind(root) == .array else { return nil }
        var notes: [String] = []
        var texts: [Int] = []
        var edits = findSecrets(in: document, root: root, pathPrefix: "", jsonTexts: &texts)
        // Strings that hold JSON text are read and redacted inside: those the tables declare (a
        // note when one is not JSON), and any other string that starts and ends like an object or
        // an array (silently kept when it is not JSON: such text is common).
        var declared: [Int] = []
        for path in policy.jsonTextPaths {
            if let node = Self.resolve(path, in: document, root: root), document.kind(node) == .string {
                declared.append(node)
            }
        }
        let candidates = declared.isEmpty ? texts : Array(Set(texts).union(declared)).sorted()
        for node in candidates
        where !edits.contains(where: { $0.range == document.rawRange(node) }) {
            let written = Self.path(to: node, in: document, root: root)
            var textNotes: [String] = []
            if let edit = redactJSONText(node, of: document, path: written, notes: &textNotes, reads: &reads) {
                // The whole text is replaced: edits found inside it by shape are part of this one.
                edits.removeAll { edit.range.contains($0.range.lowerBound) }
                edits.append(edit)
            }
            if declared.contains(node) { notes += textNotes }
        }
        guard !edits.isEmpty else {
            return notes.isEmpty ? nil : RedactedRecord(document: document, root: root, hits: [], notes: notes)
        }
        let range = document.rawRange(root)
        let bytes = Self.apply(edits, to: document.bytes, within: range)
        if let redacted = try? JSONParser.parse(bytes, limits: parserLimits) {
            return RedactedRecord(document: redacted, root: 0, hits: edits.flatMap(\.hits), notes: notes)
        }
        // Every replacement is meant to stay inside its string; were one to break the JSON, each
        // string that held a secret is replaced whole by the marker, which cannot break it.
        let whole = edits.map { Edit(range: $0.string, string: $0.string, replacement: $0.replacement, hits: $0.hits) }
        let safe = Self.apply(whole, to: document.bytes, within: range)
        let fallback = try? JSONParser.parse(safe, limits: parserLimits)
        return RedactedRecord(document: fallback, root: 0, hits: edits.flatMap(\.hits), notes: notes)
    }

    /// Edits for every secret under `root`: strings under listed keys, then shapes in other strings.
    /// `jsonTexts` gets the string values that look like JSON text (`{…}` or `[…]`).
    private func findSecrets(in document: JSONDocument, root: Int, pathPrefix: String, jsonTexts: inout [Int])
        -> [Edit]
    {
        var found: [(node: Int, entry: Int)] = []
        let candidates = policy.keyEdges.withUnsafeBufferPointer {
            document.keysAndJSONTexts(below: root, keyEdges: $0)
        }
        jsonTexts = candidates.texts
        var skipUntil = 0
        for key in candidates.keys where key >= skipUntil {
            let entry: Int?
            if document.hasEscapes(key) || document.needsRepair(key) {
                var name = document.string(key)
                entry = name.withUTF8 { policy.keyEntry(raw: UnsafeRawBufferPointer($0)) }
            } else {
                entry = document.withRawBytes(key) { policy.keyEntry(raw: $0) }
            }
            guard let entry else { continue }
            found.append((key + 1, entry))
            // Nested listed keys are inside what is redacted already.
            skipUntil = document.subtreeEnd(key + 1)
        }
        if !found.isEmpty {
            jsonTexts.removeAll { text in found.contains { $0.node <= text && text < document.subtreeEnd($0.node) } }
        }
        var edits: [Edit] = []
        for (value, entry) in found {
            let name = policy.keys[entry].name
            for leaf in value..<document.subtreeEnd(value)
            where document.kind(leaf) == .string && !document.isKey(leaf) && keepsSecret(leaf, of: document) {
                edits.append(
                    Edit(
                        range: document.rawRange(leaf), string: document.rawRange(leaf), replacement: Self.marker(name),
                        hits: [
                            RedactionHit(path: pathPrefix + Self.path(to: leaf, in: document, root: root), entry: name)
                        ]))
            }
        }
        edits += findShapes(in: document, root: root, pathPrefix: pathPrefix, outside: edits)
        return edits
    }

    /// Shape matches in strings not already replaced whole.
    private func findShapes(in document: JSONDocument, root: Int, pathPrefix: String, outside taken: [Edit])
        -> [Edit]
    {
        guard !policy.shapes.isEmpty else { return [] }
        let range = document.rawRange(root)
        var edits: [Edit] = []
        document.bytes.withUnsafeBytes { all in
            let record = UnsafeRawBufferPointer(rebasing: all[range])
            for (shape, _) in policy.shapes where shape.mayOccur(in: record) {
                var strings: Set<Int> = []
                for match in shape.matches(in: record) {
                    if let node = document.stringValue(containing: range.lowerBound + match.lowerBound, below: root) {
                        strings.insert(node)
                    }
                }
                for node in strings.sorted() {
                    let span = document.rawRange(node)
                    guard !taken.contains(where: { $0.range == span }) else { continue }
                    let text = UnsafeRawBufferPointer(rebasing: all[span])
                    for match in shape.matches(in: text) {
                        edits.append(
                            Edit(
                                range: (span.lowerBound + match.lowerBound)..<(span.lowerBound + match.upperBound),
                                string: span,
                                replacement: Self.marker(shape.rawValue),
                                hits: [
                                    RedactionHit(
                                        path: pathPrefix + Self.path(to: node, in: document, root: root),
                                        entry: shape.rawValue)
                                ]))
                    }
                }
            }
        }
        return edits
    }

    /// The replacement for a JSON-text string with secrets inside, or nil when it has none.
    private func redactJSONText(
        _ node: Int, of document: JSONDocument, path: String, notes: inout [String], reads: inout JSONTextReads
    ) -> Edit? {
        let text = Array(document.string(node).utf8)
        guard let first = text.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }),
            first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
        else { return nil }
        let inner: JSONDocument
        do {
            inner = try JSONParser.parse(text, limits: parserLimits)
        } catch {
            notes.append("\(path): JSON text not read for redaction (\(error.describe(in: text))); kept as it is")
            reads.remember(nil, of: node)
            return nil
        }
        reads.remember(inner, of: node)
        // One level: JSON text inside JSON text is left to shapes.
        var deeper: [Int] = []
        let edits = findSecrets(in: inner, root: inner.root, pathPrefix: path + ">", jsonTexts: &deeper)
        guard !edits.isEmpty else { return nil }
        let redacted = Self.apply(edits, to: inner.bytes, within: 0..<inner.bytes.count)
        var escaped: [UInt8] = []
        JSONStringEscaper.appendEscapedContent(String(decoding: redacted, as: UTF8.self), to: &escaped)
        return Edit(
            range: document.rawRange(node), string: document.rawRange(node), replacement: escaped,
            hits: edits.flatMap(\.hits))
    }

    /// True for a string under a listed key that is a secret: not empty and not an AWS placeholder.
    private func keepsSecret(_ node: Int, of document: JSONDocument) -> Bool {
        guard !document.isEmptyString(node) else { return false }
        return !policy.isPlaceholder(Array(document.string(node).utf8))
    }

    static func marker(_ name: String) -> [UInt8] { Array("[redacted:\(name)]".utf8) }

    /// `bytes[range]` with each edit's range replaced, edits sorted and never overlapping.
    private static func apply(_ edits: [Edit], to bytes: [UInt8], within range: Range<Int>) -> [UInt8] {
        var sorted = edits.sorted { $0.range.lowerBound < $1.range.lowerBound }
        var kept: [Edit] = []
        for edit in sorted where kept.last.map({ $0.range.upperBound <= edit.range.lowerBound }) ?? true {
            kept.append(edit)
        }
        sorted = kept
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var cursor = range.lowerBound
        for edit in sorted {
            out += bytes[cursor..<edit.range.lowerBound]
            out += edit.replacement
            cursor = edit.range.upperBound
        }
        out += bytes[cursor..<range.upperBound]
        return out
    }

    /// The node at a lower-cased member path (members compared without case), or nil.
    private static func resolve(_ path: [[UInt8]], in document: JSONDocument, root: Int) -> Int? {
        var node = root
        for component in path {
            guard document.kind(node) == .object else { return nil }
            var next: Int?
            document.forEachMemberKey(node) { key, value in
                guard next == nil, key.count == component.count else { return }
                for offset in 0..<key.count where key[offset] | 0x20 != component[offset] | 0x20 { return }
                next = value
            }
            guard let found = next else { return nil }
            node = found
        }
        return node
    }

    /// `a.b[2].c`: the path from `root` down to `target`, found by descending into the child whose
    /// subtree holds it (only for the few nodes redacted, so no parent links are kept).
    static func path(to target: Int, in document: JSONDocument, root: Int) -> String {
        var path = ""
        var node = root
        while node != target {
            var next: Int?
            switch document.kind(node) {
            case .object:
                document.forEachMember(node) { key, value in
                    guard next == nil, value <= target, target < document.subtreeEnd(value) else { return }
                    path += (path.isEmpty ? "" : ".") + document.string(key)
                    next = value
                }
            case .array:
                var index = 0
                document.forEachElement(node) { element in
                    if next == nil, element <= target, target < document.subtreeEnd(element) {
                        path += "[\(index)]"
                        next = element
                    }
                    index += 1
                }
            default: break
            }
            guard let found = next else { return path }
            node = found
        }
        return path
    }
}
