/// `| target_key` rules: the general target rule. The value is `HOST:CALL` (`eventSource + ":" +
/// eventName`); the record's `requestParameters` and `responseElements` are searched for the key
/// that names the resource acted on (see `TargetKeyGrammar` and the README's "which resource"):
/// (2) for a call whose name starts with a verb of VERBS, the object the response names; (3) the
/// request key whose stem is the call's noun; (4) the shallowest other identifying key. Keys the
/// KEYS lookup calls `none` are skipped; `used` keys (what the call uses) become `about` resources.
extension RecordMapper {
    /// Most `about` resources one rule writes; the rest are counted in a label and a note.
    static let maxAboutResources = 50

    /// A key that may name the resource acted on.
    struct KeyCandidate {
        /// The key's node and its value (a string, a number, an array of them, or `{content: …}`).
        var key: Int
        var value: Int
        /// The node whose key gives the stem (the key itself, or the object's key for a bare
        /// `name` / `id` / `arn`; -1: a bare key at the top, whose stem is the call's noun).
        var stemKey: Int
        var stemLength: Int
        var depth: Int
        var match: TargetKeyGrammar.NounMatch
        var kind: TargetKeyGrammar.Kind
        var preference: Int

        /// Better noun match, then shallower; in a response (`byPreference`) then an ARN before an id
        /// before a name; else the first in document order.
        func isBetter(than other: KeyCandidate?, byPreference: Bool) -> Bool {
            guard let other else { return true }
            if match != other.match { return match < other.match }
            if depth != other.depth { return depth < other.depth }
            return byPreference && preference < other.preference
        }
    }

    static let requestMember = Array("requestParameters".utf8)
    static let responseMember = Array("responseElements".utf8)
    static let contentMember = Array("content".utf8)
    static let itemsMember = Array("items".utf8)

    /// Runs a `| target_key` rule: names the target resource when no earlier rule did, and writes the
    /// keys the call uses as `about` resources.
    mutating func fillByKeys(
        _ resource: ProgramResource, rule: ProgramRule, index: Int, value: MappedValue, named: Bool,
        _ view: MappingProgram.View
    ) {
        guard let call = staged(rule, index: index, value, view), case .text(let callRef) = call else { return }
        let document = self.document
        let root = self.root
        let request = Self.requestMember.withUnsafeBytes { document.member(root, keyBytes: $0) }
        let response = Self.responseMember.withUnsafeBytes { document.member(root, keyBytes: $0) }
        let text = builder.withBytes(callRef) { Array($0) }
        guard let colon = text.firstIndex(of: UInt8(ascii: ":")), colon > 0 else { return }
        let service = text[..<(text[..<colon].firstIndex(of: UInt8(ascii: ".")) ?? colon)]
        let callName = text[(colon + 1)...]
        var search = KeySearch(service: Array(service), call: Array(callName))
        var wrote = false
        if let request, document.kind(request) == .object {
            search.writesUsed = true
            walk(request, depth: 1, stemKey: -1, search: &search, resource, rule: rule, index: index, view)
            wrote = search.aboutWritten > 0
        }
        let requestBest = search.best
        let requestSiblings = search.siblings
        var chosen = requestBest
        var step = chosen.map { $0.match <= .bare ? 3 : 4 } ?? 0
        var fromResponse = false
        let makes = search.call.withUnsafeBytes({ view.lookUpPrefixLength(resource.verbs, key: $0) }) != nil
        // Step 2 for a call that makes something; step 4 reads the response too when the request names nothing.
        if !named, let response, document.kind(response) == .object, makes || requestBest == nil {
            search.best = nil
            search.siblings.removeAll()
            search.writesUsed = false
            search.skipsLists = !makes
            walk(response, depth: 1, stemKey: -1, search: &search, resource, rule: rule, index: index, view)
            if let made = search.best {
                chosen = made
                step = makes ? 2 : 4
                fromResponse = true
            } else {
                search.siblings = requestSiblings
            }
        }
        if !named, let chosen {
            let target = view.targets[Int(rule.target)]
            if let instance = builder.instance(
                steps: view.steps(start: target.stepStart, count: target.stepCount), instanceKey: target.instanceKey,
                fanIndex: 0, fanGroup: -1, create: true)
            {
                writeNoun(chosen, into: instance, search: &search, resource, rule: rule, index: index, view, list: true)
                for sibling in search.siblings {
                    for node in values(of: sibling) {
                        guard search.aboutWritten < Self.maxAboutResources else {
                            search.aboutOmitted += 1
                            continue
                        }
                        search.aboutWritten += 1
                        aboutResource(
                            chosen, node: node, search: search, resource, rule: rule, index: index, view,
                            labelled: false)
                    }
                }
                wrote = true
                if coverage != nil {
                    let container = fromResponse ? "responseElements" : "requestParameters"
                    let reasons = [
                        2: "the response names what the call made", 3: "the key names the call's noun",
                        4: "the shallowest identifying key",
                    ]
                    targetChoice =
                        "target.resource from \(container) key '\(document.string(chosen.key))' (step \(step): \(reasons[step] ?? ""))"
                }
            }
            // What a created object was made from: the request's own choice, when it names another thing.
            if fromResponse, let origin = requestBest, origin.match != .bare,
                !sameStem(origin, chosen, search: search)
            {
                if let instance = builder.instance(
                    steps: view.steps(start: resource.sourceStart, count: resource.sourceCount), instanceKey: -1,
                    fanIndex: 0, fanGroup: -1, create: true)
                {
                    writeNoun(
                        origin, into: instance, search: &search, resource, rule: rule, index: index, view, list: false)
                }
            }
        }
        if search.aboutOmitted > 0 {
            diagnostics.append(
                Diagnostic(
                    rule: view.ruleIDs[index],
                    message:
                        "\(search.aboutOmitted) resources over the limit of \(Self.maxAboutResources) about resources were left out"
                ))
            let target = view.targets[Int(rule.target)]
            if let instance = builder.instance(
                steps: view.steps(start: target.stepStart, count: target.stepCount), instanceKey: target.instanceKey,
                fanIndex: 0, fanGroup: -1, create: true)
            {
                let attribute = builder.firstChild(
                    of: instance, field: Int(resource.attribute), message: Int(resource.attributeMessage))
                builder.append(
                    attribute, field: Int(resource.labels),
                    content: .label(
                        key: builder.store(bytes: "about_resources_omitted".utf8),
                        value: .text(builder.store(bytes: String(search.aboutOmitted).utf8))), rule: index - fileStart)
            }
        }
        if wrote { firedRules.append(index - fileStart) }
    }

    /// What one search has found so far.
    struct KeySearch {
        var service: [UInt8]
        var call: [UInt8]
        var best: KeyCandidate?
        /// The values of the best key's namesakes in the following elements of its list.
        var siblings: [Int] = []
        var writesUsed = false
        /// Keys inside lists are skipped (a response listing many things names no one of them).
        var skipsLists = false
        var aboutWritten = 0
        var aboutOmitted = 0
        /// Lookup keys are built here (`SERVICE:Call:key`), so no key becomes a `String`.
        var scratch: [UInt8] = []

        init(service: [UInt8], call: [UInt8]) {
            self.service = service
            self.call = call
            scratch.reserveCapacity(96)
        }

        var noun: Range<Int> { call.withUnsafeBytes { TargetKeyGrammar.noun(of: $0) } }
    }

    /// Searches the members of `object` (and the objects below it, in document order) for keys.
    mutating func walk(
        _ object: Int, depth: Int, stemKey: Int, search: inout KeySearch, _ resource: ProgramResource,
        rule: ProgramRule, index: Int, _ view: MappingProgram.View
    ) {
        guard depth <= 8 else { return }
        let document = self.document
        document.forEachMember(object) { key, value in
            guard document.isVerbatim(key) else { return }
            let kind = document.kind(value)
            let identified = document.withRawBytes(key) { TargetKeyGrammar.identify($0) }
            if let identified, !(search.skipsLists && kind == .array), let listed = identifiedValue(value) {
                let keyClass = classify(key, search: &search, resource.keys, view)
                if keyClass == "none" { return }
                var candidate = KeyCandidate(
                    key: key, value: listed, stemKey: identified.stemLength > 0 ? key : stemKey,
                    stemLength: identified.stemLength, depth: depth, match: .none, kind: identified.kind,
                    preference: identified.preference)
                candidate.match = nounMatch(candidate, search: search)
                if keyClass == "used" && candidate.match > .prefix {
                    if search.writesUsed {
                        writeUsed(candidate, search: &search, resource, rule: rule, index: index, view)
                    }
                    return
                }
                if candidate.isBetter(than: search.best, byPreference: !search.writesUsed) {
                    search.best = candidate
                    search.siblings.removeAll(keepingCapacity: true)
                } else if let best = search.best, best.depth == depth, best.stemLength == candidate.stemLength,
                    document.withRawBytes(best.key, { document.keyEquals(key, $0) })
                {
                    // The same key in the next element of a list (`resourcesSet.items[].resourceId`).
                    search.siblings.append(listed)
                }
                return
            }
            guard kind == .object || kind == .array else { return }
            // A container the KEYS lookup calls `none` (filters, tags) holds no resource.
            if classify(key, search: &search, resource.keys, view) == "none" { return }
            let isItems = document.withRawBytes(key) { $0.elementsEqual(Self.itemsMember) }
            let below = isItems ? stemKey : key
            if kind == .object {
                walk(value, depth: depth + 1, stemKey: below, search: &search, resource, rule: rule, index: index, view)
            } else if kind == .array, !search.skipsLists {
                document.forEachElement(value) { element in
                    if document.kind(element) == .object {
                        walk(
                            element, depth: depth + 1, stemKey: below, search: &search, resource, rule: rule,
                            index: index, view)
                    }
                }
            }
        }
    }

    /// The value an identifying key holds, when it can name something: a non-empty string or
    /// number, an array holding one, or EC2's `{content: …}` wrapper; nil otherwise.
    func identifiedValue(_ value: Int) -> Int? {
        switch document.kind(value) {
        case .string, .number: return document.isEmptyValue(value) ? nil : value
        case .object:
            guard let content = Self.contentMember.withUnsafeBytes({ document.member(value, keyBytes: $0) }) else {
                return nil
            }
            return identifiedValue(content).map { _ in value }
        case .array:
            var found: Int?
            document.forEachElement(value) { element in
                if found == nil, scalar(element) != nil { found = value }
            }
            return found
        default: return nil
        }
    }

    /// A string or number node named by `node` (itself, or its `content` member); nil otherwise.
    func scalar(_ node: Int) -> Int? {
        switch document.kind(node) {
        case .string, .number: return document.isEmptyValue(node) ? nil : node
        case .object:
            guard let content = Self.contentMember.withUnsafeBytes({ document.member(node, keyBytes: $0) }) else {
                return nil
            }
            return scalar(content)
        default: return nil
        }
    }

    /// The key's class in the KEYS lookup: its most specific row of `SERVICE:Call:key`, `SERVICE:key`
    /// and `key` (the key with its first letter in lower case), or "" when none names it.
    func classify(_ key: Int, search: inout KeySearch, _ table: Int32, _ view: MappingProgram.View) -> String {
        document.withRawBytes(key) { keyBytes -> String in
            for form in 0..<3 {
                search.scratch.removeAll(keepingCapacity: true)
                if form < 2 {
                    search.scratch.append(contentsOf: search.service)
                    search.scratch.append(UInt8(ascii: ":"))
                }
                if form == 0 {
                    search.scratch.append(contentsOf: search.call)
                    search.scratch.append(UInt8(ascii: ":"))
                }
                let keyStart = search.scratch.count
                search.scratch.append(contentsOf: keyBytes)
                if TargetKeyGrammar.isUpper(search.scratch[keyStart]) { search.scratch[keyStart] |= 0x20 }
                let found = search.scratch.withUnsafeBytes { view.lookUp(table, key: $0) }
                if let found, found.row >= 0, found.value.count > 0 {
                    let value = view.bytes(found.value)
                    switch value.first {
                    case UInt8(ascii: "n"): return "none"
                    case UInt8(ascii: "u"): return "used"
                    default: return "key"
                    }
                }
            }
            return ""
        }
    }

    /// How the candidate's stem relates to the call's noun.
    func nounMatch(_ candidate: KeyCandidate, search: KeySearch) -> TargetKeyGrammar.NounMatch {
        if candidate.stemKey < 0 { return .bare }
        let noun = search.noun
        return document.withRawBytes(candidate.stemKey) { stemKeyBytes in
            let stem = stemBytes(stemKeyBytes, candidate)
            return search.call.withUnsafeBytes { call in
                TargetKeyGrammar.match(stem: stem, noun: UnsafeRawBufferPointer(rebasing: call[noun]))
            }
        }
    }

    /// The stem within the key that gives it: the key without its suffix, or the whole object key of a bare key.
    func stemBytes(_ keyBytes: UnsafeRawBufferPointer, _ candidate: KeyCandidate) -> UnsafeRawBufferPointer {
        if candidate.stemLength > 0 { return UnsafeRawBufferPointer(rebasing: keyBytes[..<candidate.stemLength]) }
        return keyBytes
    }

    /// True when two candidates' stems are the same word (the request's key names what the response made).
    func sameStem(_ a: KeyCandidate, _ b: KeyCandidate, search: KeySearch) -> Bool {
        withStem(a, search: search) { first in
            withStem(b, search: search) { second in
                TargetKeyGrammar.sameWord(first, second) || TargetKeyGrammar.sameWord(second, first)
            }
        }
    }

    /// Calls `body` with the candidate's stem (the call's noun for a bare key at the top).
    func withStem<R>(_ candidate: KeyCandidate, search: KeySearch, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        if candidate.stemKey < 0 {
            let noun = search.noun
            return search.call.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[noun])) }
        }
        return document.withRawBytes(candidate.stemKey) { body(stemBytes($0, candidate)) }
    }

    /// Writes the candidate's value(s) as a resource into `instance`: its first value (with the
    /// subtype `SERVICE:Stem` and the type the TYPES lookup gives); with `list`, each further value of
    /// a list as an `about` resource with the same subtype.
    mutating func writeNoun(
        _ candidate: KeyCandidate, into instance: Int, search: inout KeySearch, _ resource: ProgramResource,
        rule: ProgramRule, index: Int, _ view: MappingProgram.View, list: Bool
    ) {
        for (position, node) in values(of: candidate.value).enumerated() {
            if position == 0 {
                writeResource(
                    candidate, node: node, into: instance, search: search, resource, rule: rule, index: index, view)
            } else if list {
                guard search.aboutWritten < Self.maxAboutResources else {
                    search.aboutOmitted += 1
                    continue
                }
                search.aboutWritten += 1
                aboutResource(
                    candidate, node: node, search: search, resource, rule: rule, index: index, view, labelled: false)
            }
        }
    }

    /// The scalar nodes of an identifying value (one, or each of a list).
    func values(of value: Int) -> [Int] {
        guard document.kind(value) == .array else { return scalar(value).map { [$0] } ?? [] }
        var nodes: [Int] = []
        document.forEachElement(value) { element in
            if let node = scalar(element) { nodes.append(node) }
        }
        return nodes
    }

    /// A used key's value(s), each an `about` resource labelled with the key.
    mutating func writeUsed(
        _ candidate: KeyCandidate, search: inout KeySearch, _ resource: ProgramResource, rule: ProgramRule, index: Int,
        _ view: MappingProgram.View
    ) {
        let nodes = values(of: candidate.value)
        let room = max(0, Self.maxAboutResources - search.aboutWritten)
        search.aboutOmitted += max(0, nodes.count - room)
        for node in nodes.prefix(room) {
            aboutResource(
                candidate, node: node, search: search, resource, rule: rule, index: index, view, labelled: true)
        }
        search.aboutWritten += min(room, nodes.count)
    }

    /// One `about` resource for `node`.
    mutating func aboutResource(
        _ candidate: KeyCandidate, node: Int, search: KeySearch, _ resource: ProgramResource, rule: ProgramRule,
        index: Int, _ view: MappingProgram.View, labelled: Bool
    ) {
        guard
            let instance = builder.instance(
                steps: view.steps(start: resource.overflowStart, count: resource.overflowCount), instanceKey: -1,
                fanIndex: 0, fanGroup: -1, create: true)
        else { return }
        writeResource(candidate, node: node, into: instance, search: search, resource, rule: rule, index: index, view)
        if labelled {
            let attribute = builder.firstChild(
                of: instance, field: Int(resource.attribute), message: Int(resource.attributeMessage))
            let keyText = document.withRawBytes(candidate.key) { builder.store(bytes: $0) }
            builder.append(
                attribute, field: Int(resource.labels),
                content: .label(key: builder.store(bytes: "key".utf8), value: .text(keyText)), rule: index - fileStart)
        }
    }

    /// Drops a plural ending of the word at `start...` (`-ies` → `-y`, `-s` but not `-ss`).
    static func makeSingular(_ word: inout [UInt8], from start: Int) {
        let count = word.count - start
        guard count > 3, word.last == UInt8(ascii: "s") else { return }
        if word[word.count - 2] == UInt8(ascii: "e"), word[word.count - 3] == UInt8(ascii: "i") {
            word.removeLast(3)
            word.append(UInt8(ascii: "y"))
        } else if word[word.count - 2] != UInt8(ascii: "s") {
            word.removeLast()
        }
    }

    /// The identifier (name or product_object_id by the key's kind), subtype and type of one resource.
    mutating func writeResource(
        _ candidate: KeyCandidate, node: Int, into instance: Int, search: KeySearch, _ resource: ProgramResource,
        rule: ProgramRule, index: Int, _ view: MappingProgram.View
    ) {
        let fileRule = index - fileStart
        let field = Int(candidate.kind == .id ? resource.productObjectID : resource.name)
        let output: OutputValue =
            document.kind(node) == .string
            ? .sourceString(node) : .text(document.withRawBytes(node) { builder.store(bytes: $0) })
        builder.append(
            instance, field: field, content: .value(checked(output, rule: rule, index: index, view)), rule: fileRule)
        if coverage != nil { coverage?.markSubtree(node, in: document, as: NodeMarks.read) }
        // SERVICE:Stem, the stem's first letter in capitals.
        var subtype = search.service
        subtype.append(UInt8(ascii: ":"))
        let stemStart = subtype.count
        withStem(candidate, search: search) { subtype.append(contentsOf: $0) }
        guard subtype.count > stemStart else { return }
        if subtype[stemStart] >= UInt8(ascii: "a"), subtype[stemStart] <= UInt8(ascii: "z") { subtype[stemStart] -= 32 }
        // A plural stem (`FlowLogs` from the call's noun, `clusters` above a bare `name`) names one of them.
        if candidate.stemLength == 0 { Self.makeSingular(&subtype, from: stemStart) }
        if !builder.has(instance, field: Int(resource.resourceSubtype)) {
            builder.append(
                instance, field: Int(resource.resourceSubtype), content: .value(.text(builder.store(bytes: subtype))),
                rule: fileRule)
        }
        guard !builder.has(instance, field: Int(resource.resourceType)) else { return }
        let found =
            subtype.withUnsafeBytes { view.lookUp(resource.types, key: $0) }.flatMap { $0.row >= 0 ? $0 : nil }
            ?? subtype.withUnsafeBytes {
                view.lookUp(resource.types, key: UnsafeRawBufferPointer(rebasing: $0[stemStart...]))
            }.flatMap { $0.row >= 0 ? $0 : nil }
        if let found, found.value.count > 0 {
            builder.append(
                instance, field: Int(resource.resourceType),
                content: .value(.text(builder.store(bytes: view.bytes(found.value)))), rule: fileRule)
        }
    }
}
