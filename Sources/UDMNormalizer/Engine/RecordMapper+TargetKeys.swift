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
        _ resource: ProgramResource, rule: ProgramRule, index: Int, call callNode: Int, named: Bool,
        _ view: MappingProgram.View
    ) {
        let document = self.document
        let resolver = self.resolver
        let serviceNode = resolver.node(of: view.paths[Int(resource.servicePath)], in: view)
        guard serviceNode >= 0, document.kind(serviceNode) == .string, document.isVerbatim(serviceNode),
            document.kind(callNode) == .string, document.isVerbatim(callNode)
        else { return }
        let requestNode = resolver.node(of: view.paths[Int(resource.requestPath)], in: view)
        let responseNode = resolver.node(of: view.paths[Int(resource.responsePath)], in: view)
        let request = requestNode >= 0 ? requestNode : nil
        let response = responseNode >= 0 ? responseNode : nil
        // The service, the call's name and the lookup keys live in one buffer on the stack: no
        // allocation per record.
        withUnsafeTemporaryAllocation(byteCount: 512, alignment: 1) { buffer in
            let serviceLength = document.withRawBytes(serviceNode) { host in
                let length = min(host.firstIndex(of: UInt8(ascii: ".")) ?? host.count, 96)
                UnsafeMutableRawBufferPointer(rebasing: buffer[..<length]).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: host[..<length]))
                return length
            }
            let callLength = document.withRawBytes(callNode) { name in
                let length = min(name.count, 128)
                UnsafeMutableRawBufferPointer(rebasing: buffer[128..<(128 + length)]).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: name[..<length]))
                return length
            }
            guard serviceLength > 0, callLength > 0 else { return }
            var search = KeySearch(
                service: UnsafeRawBufferPointer(rebasing: buffer[..<serviceLength]),
                call: UnsafeRawBufferPointer(rebasing: buffer[128..<(128 + callLength)]),
                scratch: UnsafeMutableRawBufferPointer(rebasing: buffer[256...]), scopedKeys: resource.scopedKeys,
                addedKeys: resource.addedKeys)
            runSearch(
                &search, request: request, response: response, resource, rule: rule, index: index, named: named, view)
        }
    }

    /// The search itself, once the call's service and name are known.
    private mutating func runSearch(
        _ search: inout KeySearch, request: Int?, response: Int?, _ resource: ProgramResource, rule: ProgramRule,
        index: Int, named: Bool, _ view: MappingProgram.View
    ) {
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
        // Step 2 for a call that makes something; step 4 reads the response too when the request names nothing.
        var makes = false
        if !named, let response, document.kind(response) == .object {
            makes = view.lookUpPrefixLength(resource.verbs, key: search.call) != nil
        }
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
        /// The eventSource's first label and the call's name (in a buffer `fillByKeys` owns).
        var service: UnsafeRawBufferPointer
        var call: UnsafeRawBufferPointer
        /// Lookup keys are built here (`SERVICE:Call:key`), so no key becomes a `String`.
        var scratch: UnsafeMutableRawBufferPointer
        var scopedKeys: UInt64
        /// The bits of the keys `key` rows name (see `TargetKeySearch.addedKeys`).
        var addedKeys: UInt64
        var best: KeyCandidate?
        /// The values of the best key's namesakes in the following elements of its list.
        var siblings: [Int] = []
        var writesUsed = false
        /// Keys inside lists are skipped (a response listing many things names no one of them).
        var skipsLists = false
        var aboutWritten = 0
        var aboutOmitted = 0

        init(
            service: UnsafeRawBufferPointer, call: UnsafeRawBufferPointer, scratch: UnsafeMutableRawBufferPointer,
            scopedKeys: UInt64, addedKeys: UInt64
        ) {
            self.service = service
            self.call = call
            self.scratch = scratch
            self.scopedKeys = scopedKeys
            self.addedKeys = addedKeys
        }

        var noun: Range<Int> { TargetKeyGrammar.noun(of: call) }
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
            // A key with a colon is a policy's condition key (`aws:PrincipalOrgID`), no request parameter.
            var identified = document.withRawBytes(key) {
                $0.contains(UInt8(ascii: ":")) ? nil : TargetKeyGrammar.identify($0)
            }
            // A key the grammar does not know may be made identifying by a `key` row (`ses:identity`).
            if identified == nil, kind != .object, search.addedKeys != 0,
                document.withRawBytes(key, { search.addedKeys & TargetKeyGrammar.keyBit($0) != 0 }),
                classify(key, search: &search, resource.keys, view) == .identifying
            {
                identified = .init(stemLength: document.withRawBytes(key) { $0.count }, kind: .name)
            }
            if let identified, !(search.skipsLists && kind == .array), let listed = identifiedValue(value) {
                let keyClass = classify(key, search: &search, resource.keys, view)
                if keyClass == .namesNothing { return }
                var candidate = KeyCandidate(
                    key: key, value: listed, stemKey: identified.stemLength > 0 ? key : stemKey,
                    stemLength: identified.stemLength, depth: depth, match: .none, kind: identified.kind,
                    preference: identified.preference)
                candidate.match = nounMatch(candidate, search: search)
                if keyClass == .used && candidate.match > .prefix {
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
            if classify(key, search: &search, resource.keys, view) == .namesNothing { return }
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
        case .string, .number: return scalar(value)
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

    /// A string or number node named by `node` (itself, or its `content` member); nil otherwise,
    /// and for a placeholder without a letter or digit (Glacier's `accountId` `-`: the caller's account).
    func scalar(_ node: Int) -> Int? {
        switch document.kind(node) {
        case .number: return node
        case .string:
            guard !document.isEmptyValue(node) else { return nil }
            let named = document.withRawBytes(node) { bytes in
                bytes.contains {
                    ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") || $0 >= 0x30 && $0 <= 0x39
                        || $0 >= 0x80
                }
            }
            return named ? node : nil
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
    /// A key's row in the key-class lookup (`cloudtrail-target-keys`): `none`, `used`, `key`, or no row.
    enum KeyClass {
        case unlisted, namesNothing, used, identifying
    }

    func classify(_ key: Int, search: inout KeySearch, _ table: Int32, _ view: MappingProgram.View) -> KeyClass {
        document.withRawBytes(key) { keyBytes -> KeyClass in
            guard !keyBytes.isEmpty, keyBytes.count <= 128 else { return .unlisted }
            func found(_ lookupKey: UnsafeRawBufferPointer) -> KeyClass? {
                guard let row = view.lookUp(table, key: lookupKey), row.row >= 0, row.value.count > 0 else {
                    return nil
                }
                switch view.bytes(row.value).first {
                case UInt8(ascii: "n"): return .namesNothing
                case UInt8(ascii: "u"): return .used
                default: return .identifying
                }
            }
            let scratch = search.scratch
            let service = search.service
            let call = search.call
            /// `SERVICE:Call:key` (`withCall`), `SERVICE:key` (`withService`) or `key` in the scratch
            /// buffer, the key's first letter in lower case.
            func build(withService: Bool, withCall: Bool) -> UnsafeRawBufferPointer {
                var length = 0
                func append(_ part: UnsafeRawBufferPointer) {
                    UnsafeMutableRawBufferPointer(rebasing: scratch[length..<(length + part.count)]).copyMemory(
                        from: part)
                    length += part.count
                }
                if withService {
                    append(service)
                    scratch[length] = UInt8(ascii: ":")
                    length += 1
                }
                if withCall {
                    append(call)
                    scratch[length] = UInt8(ascii: ":")
                    length += 1
                }
                let keyStart = length
                append(keyBytes)
                if TargetKeyGrammar.isUpper(scratch[keyStart]) { scratch[keyStart] |= 0x20 }
                return UnsafeRawBufferPointer(rebasing: scratch[..<length])
            }
            // Scoped rows only where one ends in this key (most keys have none).
            if search.scopedKeys & TargetKeyGrammar.keyBit(keyBytes) != 0, service.count + call.count < 120 {
                if let answer = found(build(withService: true, withCall: true)) { return answer }
                if let answer = found(build(withService: true, withCall: false)) { return answer }
            }
            if !TargetKeyGrammar.isUpper(keyBytes[0]) { return found(keyBytes) ?? .unlisted }
            return found(build(withService: false, withCall: false)) ?? .unlisted
        }
    }

    /// How the candidate's stem relates to the call's noun.
    func nounMatch(_ candidate: KeyCandidate, search: KeySearch) -> TargetKeyGrammar.NounMatch {
        if candidate.stemKey < 0 { return .bare }
        let noun = search.noun
        return document.withRawBytes(candidate.stemKey) { stemKeyBytes in
            let stem = stemBytes(stemKeyBytes, candidate)
            return TargetKeyGrammar.match(stem: stem, noun: UnsafeRawBufferPointer(rebasing: search.call[noun]))
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
            return body(UnsafeRawBufferPointer(rebasing: search.call[noun]))
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

    /// The length of `word[..<length]` without the plural ending of its part from `start` (`-ies`
    /// becomes `-y` in place, `-s` but not `-ss` is dropped).
    static func singularLength(_ word: UnsafeMutableRawBufferPointer, from start: Int, length: Int) -> Int {
        guard length - start > 3, word[length - 1] == UInt8(ascii: "s") else { return length }
        if word[length - 2] == UInt8(ascii: "e"), word[length - 3] == UInt8(ascii: "i") {
            word[length - 3] = UInt8(ascii: "y")
            return length - 2
        }
        return word[length - 2] == UInt8(ascii: "s") ? length : length - 1
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
        // SERVICE:Stem, the stem's first letter in capitals, built in the search's scratch buffer.
        let scratch = search.scratch
        var length = search.service.count
        UnsafeMutableRawBufferPointer(rebasing: scratch[..<length]).copyMemory(from: search.service)
        scratch[length] = UInt8(ascii: ":")
        length += 1
        let stemStart = length
        withStem(candidate, search: search) { stem in
            let count = min(stem.count, scratch.count - stemStart)
            UnsafeMutableRawBufferPointer(rebasing: scratch[stemStart..<(stemStart + count)]).copyMemory(
                from: UnsafeRawBufferPointer(rebasing: stem[..<count]))
            length += count
        }
        guard length > stemStart else { return }
        if scratch[stemStart] >= UInt8(ascii: "a"), scratch[stemStart] <= UInt8(ascii: "z") { scratch[stemStart] -= 32 }
        // A plural stem (`FlowLogs` from the call's noun, `clusters` above a bare `name`) names one of them.
        if candidate.stemLength == 0 { length = Self.singularLength(scratch, from: stemStart, length: length) }
        let subtype = UnsafeRawBufferPointer(rebasing: scratch[..<length])
        if !builder.has(instance, field: Int(resource.resourceSubtype)) {
            builder.append(
                instance, field: Int(resource.resourceSubtype), content: .value(.text(builder.store(bytes: subtype))),
                rule: fileRule)
        }
        guard !builder.has(instance, field: Int(resource.resourceType)) else { return }
        let found =
            view.lookUp(resource.types, key: subtype).flatMap { $0.row >= 0 ? $0 : nil }
            ?? view.lookUp(resource.types, key: UnsafeRawBufferPointer(rebasing: subtype[stemStart...])).flatMap {
                $0.row >= 0 ? $0 : nil
            }
        if let found, found.value.count > 0 {
            builder.append(
                instance, field: Int(resource.resourceType),
                content: .value(.text(builder.store(bytes: view.bytes(found.value)))), rule: fileRule)
        }
    }
}
